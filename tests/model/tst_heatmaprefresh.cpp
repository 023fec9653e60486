// SPDX-License-Identifier: GPL-3.0-or-later
// A heatmap refresh that builds on the last answer, against the simulated cluster's Prometheus
// (whose history is a function of time): it keeps the points both ranges share, asks for the
// rest, and ends up with exactly what asking for the whole range gives.
#include "../sharedtexts.h"
#include "../sim/loadedcluster.h"
#include "model/heatmapseriesquery.h"
#include "model/metricsconnection.h"
#include "prom/promclient.h"

#include <QSignalSpy>
#include <QTest>
#include <cmath>

using namespace Specula;
using Model::HeatmapSeriesQuery;

class TestHeatmapRefresh : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        const QString error = m_cluster.start(u"builtin:demo"_qs);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void refreshEqualsAskingForTheWholeRange()
    {
        // Ranges in the past, so that no point is still waiting for a scrape.
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const auto step = std::chrono::seconds(60);
        const Prom::TimeAxis before = Prom::TimeAxis::covering(now.addSecs(-40 * 60), now.addSecs(-15 * 60), step);
        const Prom::TimeAxis after = Prom::TimeAxis::covering(now.addSecs(-35 * 60), now.addSecs(-10 * 60), step);
        QCOMPARE(after.start - before.start, 5 * 60);

        const Prom::CompactSeriesStore previous = run(before);
        QVERIFY(previous.seriesCount() > 0);
        // Five new points, and the last two of the previous answer again.
        const Prom::TimeAxis asked = HeatmapSeriesQuery::askedFor(after, previous);
        QCOMPARE(asked.last(), after.last());
        QCOMPARE(asked.count, 5 + 2);

        const Prom::CompactSeriesStore refreshed = run(after, previous);
        const Prom::CompactSeriesStore whole = run(after);
        QCOMPARE(refreshed.axis(), after);
        QCOMPARE(refreshed.seriesCount(), whole.seriesCount());
        int shared = 0;
        for (int id = 0; id < whole.seriesCount(); ++id) {
            const int same = refreshed.find(whole.labels(id));
            QVERIFY2(same >= 0, qPrintable(Prom::CompactSeriesStore::compactName(whole.labels(id))));
            for (int index = 0; index < after.count; ++index) {
                const double expected = whole.value(id, index);
                const double got = refreshed.value(same, index);
                QVERIFY2(std::isnan(expected) ? std::isnan(got) : got == expected,
                         qPrintable(u"%1 at point %2: %3, not %4"_qs
                                        .arg(Prom::CompactSeriesStore::compactName(whole.labels(id)))
                                        .arg(index)
                                        .arg(got)
                                        .arg(expected)));
            }
            const int before = previous.find(whole.labels(id));
            shared += before >= 0 && TestTexts::sharedLabels(refreshed.labels(same), previous.labels(before)) ? 1 : 0;
        }
        // The refresh kept the last answer's series rather than reading them all anew.
        QCOMPARE(shared, whole.seriesCount());
    }

private:
    Prom::CompactSeriesStore run(const Prom::TimeAxis &axis, const Prom::CompactSeriesStore &previous = {})
    {
        const Model::MetricsConnection *metrics = m_cluster.loader()->metrics();
        auto *query = new HeatmapSeriesQuery(metrics->client(), metrics->catalogue(), Prom::Metric::GpuUtil, axis);
        query->setExpectedRows(m_cluster.loader()->snapshot());
        query->setPrevious(previous);
        Prom::CompactSeriesStore answer;
        connect(query, &HeatmapSeriesQuery::finished, this,
                [&answer](Prom::Metric, const Prom::CompactSeriesStore &store) { answer = store; });
        connect(query, &HeatmapSeriesQuery::failed, this,
                [](const Core::Error &error) { QFAIL(qPrintable(error.toString())); });
        QSignalSpy done(query, &QObject::destroyed);
        query->start();
        if (!done.wait(60000))
            qWarning("the heatmap query did not finish");
        return answer;
    }

    SimTest::LoadedCluster m_cluster;
};

QTEST_MAIN(TestHeatmapRefresh)
#include "tst_heatmaprefresh.moc"
