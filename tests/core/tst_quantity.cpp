// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/quantity.h"

#include <QTest>

using Specula::Core::Quantity;

class TestQuantity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("milli");

        // Forms seen in real node and pod objects (fixtures/NOTES.md, "General").
        QTest::addRow("integer") << u"8"_qs << qint64(8000);
        QTest::addRow("milli-cpu") << u"1900m"_qs << qint64(1900);
        QTest::addRow("milli-large") << u"191450m"_qs << qint64(191450);
        QTest::addRow("kibi") << u"16367668Ki"_qs << qint64(16367668LL * 1024 * 1000);
        QTest::addRow("plain-bytes") << u"75959683218"_qs << qint64(75959683218LL * 1000);
        QTest::addRow("gibi") << u"8Gi"_qs << qint64(8LL * 1024 * 1024 * 1024 * 1000);
        QTest::addRow("mebi") << u"50189Mi"_qs << qint64(50189LL * 1024 * 1024 * 1000);
        QTest::addRow("kilo-lower") << u"1k"_qs << qint64(1000 * 1000);
        QTest::addRow("kilo-32") << u"32k"_qs << qint64(32000 * 1000);
        QTest::addRow("exponent-zero") << u"2e0"_qs << qint64(2000);
        QTest::addRow("exponent") << u"1e3"_qs << qint64(1000 * 1000);
        QTest::addRow("exponent-upper") << u"1E3"_qs << qint64(1000 * 1000);
        QTest::addRow("decimal") << u"0.5"_qs << qint64(500);
        QTest::addRow("decimal-giga") << u"1.5G"_qs << qint64(1500000000LL * 1000);
        QTest::addRow("nano-rounds-up") << u"1n"_qs << qint64(1);
        QTest::addRow("micro") << u"2500u"_qs << qint64(3);
        QTest::addRow("plus-sign") << u"+3"_qs << qint64(3000);
        QTest::addRow("negative") << u"-2"_qs << qint64(-2000);
        QTest::addRow("zero") << u"0"_qs << qint64(0);
    }
    void parse()
    {
        QFETCH(QString, text);
        QFETCH(qint64, milli);
        const auto q = Quantity::parse(text);
        QVERIFY2(q.has_value(), qPrintable(text));
        QCOMPARE(q->milli(), milli);
    }

    void rejects_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addRow("empty") << QString();
        QTest::addRow("suffix-only") << u"Ki"_qs;
        QTest::addRow("unknown-suffix") << u"5X"_qs;
        QTest::addRow("lower-binary") << u"5ki"_qs;
        QTest::addRow("dangling-exponent") << u"1e"_qs;
        QTest::addRow("words") << u"two"_qs;
        QTest::addRow("trailing-garbage") << u"5Gi and more"_qs;
    }
    void rejects()
    {
        QFETCH(QString, text);
        QVERIFY(!Quantity::parse(text).has_value());
    }

    void valueRoundsUp()
    {
        QCOMPARE(Quantity::parse(u"1900m")->value(), qint64(2));
        QCOMPARE(Quantity::parse(u"2")->value(), qint64(2));
        QCOMPARE(Quantity::fromValue(3).milli(), qint64(3000));
    }

    void saturatesInsteadOfOverflowing()
    {
        const auto huge = Quantity::parse(u"8Ei");
        QVERIFY(huge.has_value());
        QCOMPARE(huge->milli(), std::numeric_limits<qint64>::max());
    }
};

QTEST_GUILESS_MAIN(TestQuantity)
#include "tst_quantity.moc"
