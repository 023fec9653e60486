// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/viewstate.h"
#include "prom/promstep.h"

#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using namespace Specula;
using namespace std::chrono_literals;

class TestViewState : public QObject
{
    Q_OBJECT

private:
    const QDateTime m_now = QDateTime(QDate(2026, 12, 4), QTime(12, 0), QTimeZone::utc());

private Q_SLOTS:
    void startsAtTheLastHourEveryThirtySecondsAllNamespaces()
    {
        Model::ViewState state;
        QCOMPARE(state.span(), 1h);
        QVERIFY(!state.isCustom());
        QCOMPARE(state.interval(m_now), std::make_pair(m_now.addSecs(-3600), m_now));
        QCOMPARE(state.refreshInterval(), 30s);
        QCOMPARE(state.namespaceFilter(), QString());
        QVERIFY(state.accepts(u"anything"_qs));
        QCOMPARE(state.rangeText(), u"last 1 h"_qs);
    }

    void spanTextNamesTheLargestWholeUnit_data()
    {
        QTest::addColumn<qint64>("seconds");
        QTest::addColumn<QString>("text");
        QTest::newRow("minutes") << qint64(900) << u"15 min"_qs;
        QTest::newRow("hours") << qint64(3 * 3600) << u"3 h"_qs;
        QTest::newRow("days") << qint64(7 * 86400) << u"7 d"_qs;
        QTest::newRow("90 minutes") << qint64(5400) << u"90 min"_qs;
        QTest::newRow("seconds") << qint64(45) << u"45 s"_qs;
    }

    void spanTextNamesTheLargestWholeUnit()
    {
        QFETCH(qint64, seconds);
        QFETCH(QString, text);
        QCOMPARE(Model::ViewState::spanText(std::chrono::seconds(seconds)), text);
    }

    void presetsRunFromFifteenMinutesToSevenDays()
    {
        const auto spans = Model::ViewState::presetSpans();
        QCOMPARE(spans.constFirst(), 15min);
        QCOMPARE(spans.constLast(), 168h);
        QVERIFY(std::is_sorted(spans.begin(), spans.end()));
    }

    void aSpanChangeIsSignalledOnce()
    {
        Model::ViewState state;
        QSignalSpy changed(&state, &Model::ViewState::rangeChanged);
        state.setSpan(6h);
        state.setSpan(6h);
        state.setSpan(0s);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(state.interval(m_now).first, m_now.addSecs(-6 * 3600));
    }

    void aCustomRangeMustEndAfterItStarts()
    {
        Model::ViewState state;
        QSignalSpy changed(&state, &Model::ViewState::rangeChanged);
        QVERIFY(!state.setCustomRange(m_now, m_now));
        QVERIFY(!state.setCustomRange(m_now, m_now.addSecs(-60)));
        QVERIFY(!state.setCustomRange({}, m_now));
        QCOMPARE(changed.size(), 0);
        QVERIFY(!state.isCustom());

        const QDateTime start = QDateTime(QDate(2026, 12, 1), QTime(10, 0));
        const QDateTime end = QDateTime(QDate(2026, 12, 1), QTime(14, 30));
        QVERIFY(state.setCustomRange(start, end));
        QCOMPARE(changed.size(), 1);
        QVERIFY(state.isCustom());
        QCOMPARE(state.interval(m_now), std::make_pair(start, end));
        QCOMPARE(state.rangeText(), u"2026-12-01 10:00 – 2026-12-01 14:30"_qs);

        // A preset, even the span in force before, ends the custom range.
        state.setSpan(1h);
        QCOMPARE(changed.size(), 2);
        QVERIFY(!state.isCustom());
        QCOMPARE(state.interval(m_now).second, m_now);
    }

    void theAxisIsOnARoundStepForThePlotWidth_data()
    {
        QTest::addColumn<qint64>("span");
        QTest::addColumn<int>("width");
        QTest::addColumn<qint64>("step");
        QTest::addColumn<int>("count");
        // One point per 2 px at most, never under 15 s.
        QTest::newRow("1 h on 800 px") << qint64(3600) << 800 << qint64(15) << 241;
        QTest::newRow("15 min on 2000 px") << qint64(900) << 2000 << qint64(15) << 61;
        QTest::newRow("24 h on 960 px") << qint64(86400) << 960 << qint64(120) << 721;
        QTest::newRow("7 d on 800 px") << qint64(7 * 86400) << 800 << qint64(900) << 673;
    }

    void theAxisIsOnARoundStepForThePlotWidth()
    {
        QFETCH(qint64, span);
        QFETCH(int, width);
        QFETCH(qint64, step);
        QFETCH(int, count);
        Model::ViewState state;
        state.setSpan(std::chrono::seconds(span));
        const Prom::TimeAxis axis = state.axisFor(width, m_now);
        QCOMPARE(axis.step, step);
        QCOMPARE(axis.count, count);
        QCOMPARE(axis.last(), m_now.toSecsSinceEpoch());
        QCOMPARE(axis.start, m_now.toSecsSinceEpoch() - span);
    }

    void refreshAndNamespaceChangesAreSignalled()
    {
        Model::ViewState state;
        QSignalSpy refresh(&state, &Model::ViewState::refreshIntervalChanged);
        state.setRefreshInterval(30s); // unchanged
        state.setRefreshInterval(-5s); // meaningless
        state.setRefreshInterval(0s);
        QCOMPARE(refresh.size(), 1);
        QCOMPARE(refresh.constFirst().constFirst().value<std::chrono::seconds>(), 0s);

        QSignalSpy ns(&state, &Model::ViewState::namespaceFilterChanged);
        state.setNamespaceFilter(u"ml-team"_qs);
        state.setNamespaceFilter(u"ml-team"_qs);
        QCOMPARE(ns.size(), 1);
        QVERIFY(state.accepts(u"ml-team"_qs));
        QVERIFY(!state.accepts(u"telco"_qs));

        QSignalSpy requested(&state, &Model::ViewState::refreshRequested);
        state.requestRefresh();
        QCOMPARE(requested.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestViewState)
#include "tst_viewstate.moc"
