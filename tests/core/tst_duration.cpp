// SPDX-License-Identifier: GPL-3.0-or-later
// Durations as the command lines take them (--range, --history, --step, scrapeInterval).
#include "core/duration.h"

#include <QTest>

using namespace Specula;

class TestDuration : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("seconds"); // -1: rejected
        QTest::newRow("hours") << u"6h"_qs << qint64(21600);
        QTest::newRow("seconds") << u"30s"_qs << qint64(30);
        QTest::newRow("mixed") << u"1h30m"_qs << qint64(5400);
        QTest::newRow("days") << u"2d"_qs << qint64(172800);
        QTest::newRow("weeks") << u"1w"_qs << qint64(604800);
        QTest::newRow("every unit") << u"1w1d1h1m1s"_qs << qint64(694861);
        QTest::newRow("bare") << u"90"_qs << qint64(90);
        QTest::newRow("ten years") << u"3650d"_qs << qint64(315360000);
        QTest::newRow("beyond ten years") << u"3651d"_qs << qint64(-1);
        QTest::newRow("overlong number") << u"99999999999999999999s"_qs << qint64(-1);
        QTest::newRow("zero") << u"0h"_qs << qint64(-1);
        QTest::newRow("bare zero") << u"0"_qs << qint64(-1);
        QTest::newRow("empty") << QString() << qint64(-1);
        QTest::newRow("unit") << u"6x"_qs << qint64(-1);
        QTest::newRow("order") << u"5m1h"_qs << qint64(-1);
        QTest::newRow("negative") << u"-5m"_qs << qint64(-1);
        QTest::newRow("space") << u"6 h"_qs << qint64(-1);
        QTest::newRow("fraction") << u"1.5h"_qs << qint64(-1);
    }

    void parse()
    {
        QFETCH(QString, text);
        QFETCH(qint64, seconds);
        QCOMPARE(Core::parseDurationSeconds(text).value_or(-1), seconds);
    }
};

QTEST_GUILESS_MAIN(TestDuration)
#include "tst_duration.moc"
