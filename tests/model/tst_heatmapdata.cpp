// SPDX-License-Identifier: GPL-3.0-or-later
#include "heatmapfixture.h"
#include "model/heatmapcsv.h"
#include "model/heatmapdata.h"
#include "model/heatmapraster.h"
#include "model/heatmapscale.h"
#include "model/heatmapseriesquery.h"
#include "prom/rangeplan.h"

#include <QTest>
#include <functional>

Q_DECLARE_METATYPE(Specula::Prom::Metric)
Q_DECLARE_METATYPE(Specula::Prom::TimeAxis)

using namespace Specula;
using Model::HeatmapData;
using Model::HeatmapScale;
namespace Fixture = HeatmapFixture;

namespace {

HeatmapData fixtureData()
{
    return HeatmapData::build(Fixture::snapshot(), Prom::Metric::GpuUtil, Fixture::utilization(), Fixture::catalogue());
}

QStringList shownKeys(const HeatmapData &data)
{
    QStringList keys;
    for (int row = 0; row < data.rowCount(); ++row)
        keys.append(data.row(row).key());
    return keys;
}

const QString kA0 = u"gpu-a|GPU-a0|"_qs;
const QString kA1 = u"gpu-a|GPU-a1|"_qs;
const QString kB0 = u"gpu-b|GPU-b0|"_qs;
const QString kSlice1 = u"gpu-b|GPU-b0|1"_qs;
const QString kSlice2 = u"gpu-b|GPU-b0|2"_qs;
const QString kB1 = u"gpu-b|GPU-b1|"_qs;

} // namespace

class TestHeatmapData : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Rows by node, each GPU followed by its MIG slices, with identity, holders and values.
    void rowsGroupedByNode()
    {
        const HeatmapData data = fixtureData();
        QCOMPARE(shownKeys(data), (QStringList { kA0, kA1, kB0, kSlice1, kSlice2, kB1 }));
        QCOMPARE(data.axis(), (Prom::TimeAxis { Fixture::kStart, Fixture::kStep, Fixture::kSteps }));

        const Model::HeatmapRow &a0 = data.row(0);
        QCOMPARE(a0.node, u"gpu-a"_qs);
        QCOMPARE(a0.index.value_or(-1), 0);
        QCOMPARE(a0.model, u"NVIDIA H100"_qs);
        QCOMPARE(a0.podsText(), u"ml/train"_qs);
        QCOMPARE(a0.deviceLabel(), u"GPU 0"_qs);
        QCOMPARE(data.value(0, 0), 10.0);
        QCOMPARE(data.value(0, 2), 30.0);
        QVERIFY(std::isnan(data.value(0, 3)));
        QCOMPARE(a0.mean, 20.0);
        QCOMPARE(a0.latest, 30.0);

        // A time-shared GPU: one row, the larger reading of its holders' series.
        const Model::HeatmapRow &a1 = data.row(1);
        QCOMPARE(a1.podsText(), u"dev/y, ml/x"_qs);
        const QList<double> a1Values { data.value(1, 0), data.value(1, 1), data.value(1, 2), data.value(1, 3) };
        QCOMPARE(a1Values, (QList<double> { 1, 5, 3, 4 }));
        QCOMPARE(a1.mean, 3.25);

        // The MIG slices sit under their GPU although their series name no GPU index.
        const Model::HeatmapRow &slice = data.row(3);
        QCOMPARE(slice.uuid, u"GPU-b0"_qs);
        QCOMPARE(slice.migInstance.value_or(-1), 1);
        QCOMPARE(slice.migProfile, u"1g.10gb"_qs);
        QCOMPARE(slice.deviceLabel(), u"GPU 0 · 1g.10gb #1"_qs);
        QCOMPARE(slice.podsText(), u"ml/infer"_qs);
        QCOMPARE(data.value(3, 1), 50.0);

        // Devices the snapshot knows without series: rows without data, the node's product as model.
        QVERIFY(std::isnan(data.row(2).mean));
        QVERIFY(std::isnan(data.value(5, 0)));
        QCOMPARE(data.row(5).model, u"NVIDIA-A100-SXM4-40GB"_qs);
        QCOMPARE(data.allRowCount(), 6); // the series of an unknown node is nowhere
        QVERIFY(data.hasReadings());

        // Before Prometheus answers, the snapshot's devices are rows without a point.
        const HeatmapData unanswered = HeatmapData::build(Fixture::snapshot(), Prom::Metric::GpuUtil,
                                                          Prom::CompactSeriesStore(data.axis()), Fixture::catalogue());
        QVERIFY(unanswered.allRowCount() > 0);
        QVERIFY(!unanswered.hasReadings());
    }

    // A row of one series reads the store's own values (no copy of 40,000 × 240 of them); a DCGM
    // blank in them is no value, and such a row reads a cleaned copy instead.
    void rowsReadTheirSeriesInPlace()
    {
        Prom::CompactSeriesStore store = Fixture::utilization();
        int a0 = -1;
        for (int id = 0; id < store.seriesCount(); ++id) {
            if (store.labels(id).value(u"UUID"_qs) == u"GPU-a0"_qs)
                a0 = id;
        }
        QVERIFY(a0 >= 0);
        const auto build = [&] {
            return HeatmapData::build(Fixture::snapshot(), Prom::Metric::GpuUtil, store, Fixture::catalogue());
        };
        const HeatmapData inPlace = build();
        QCOMPARE(inPlace.row(0).uuid, u"GPU-a0"_qs);
        QCOMPARE(inPlace.values(0).data(), store.values(a0).data());

        store.mutableValues(a0)[1] = 9223372036854775794.0;
        const HeatmapData cleaned = build();
        QVERIFY(cleaned.values(0).data() != store.values(a0).data());
        QCOMPARE(cleaned.value(0, 0), 10.0);
        QVERIFY(std::isnan(cleaned.value(0, 1)));
        QCOMPARE(cleaned.value(0, 2), 30.0);
        QCOMPARE(cleaned.row(0).mean, 20.0);
        // The first heatmap still shows what it was built from.
        QCOMPARE(inPlace.value(0, 1), 20.0);
    }

    void idleWhileAllocated()
    {
        const HeatmapData data = fixtureData();
        QList<bool> idle;
        for (int row = 0; row < data.rowCount(); ++row)
            idle.append(data.row(row).idleWhileAllocated);
        // GPU-a1 is held at a mean of 3.25 %; slice 2 reads 0 but nobody holds it.
        QCOMPARE(idle, (QList<bool> { false, true, false, false, false, false }));
    }

    void sorts()
    {
        HeatmapData data = fixtureData();
        data.setView(HeatmapData::Sort::MeanDescending, {});
        QCOMPARE(shownKeys(data), (QStringList { kSlice1, kA0, kA1, kSlice2, kB0, kB1 }));
        QCOMPARE(data.value(0, 0), 50.0); // values follow their rows
        data.setView(HeatmapData::Sort::IdleFirst, {});
        QCOMPARE(shownKeys(data), (QStringList { kA1, kA0, kB0, kSlice1, kSlice2, kB1 }));
        data.setView(HeatmapData::Sort::Node, {});
        QCOMPARE(shownKeys(data), (QStringList { kA0, kA1, kB0, kSlice1, kSlice2, kB1 }));
    }

    void namespaceFilter()
    {
        HeatmapData data = fixtureData();
        data.setView(HeatmapData::Sort::Node, u"ml"_qs);
        QCOMPARE(shownKeys(data), (QStringList { kA0, kA1, kSlice1 }));
        data.setView(HeatmapData::Sort::MeanDescending, u"dev"_qs);
        QCOMPARE(shownKeys(data), (QStringList { kA1 }));
        QCOMPARE(data.value(0, 1), 5.0);
        data.setView(HeatmapData::Sort::Node, u"nobody"_qs);
        QCOMPARE(data.rowCount(), 0);
        QCOMPARE(data.find(kA1), -1);
    }

    void sameRows()
    {
        const HeatmapData a = fixtureData();
        HeatmapData b = fixtureData();
        QVERIFY(a.sameRows(b));
        b.setView(HeatmapData::Sort::MeanDescending, {});
        QVERIFY(!a.sameRows(b));
    }

    void sameRowsFromSnapshots()
    {
        const Model::ClusterSnapshot base = Fixture::snapshot();
        const HeatmapData data = fixtureData();
        QVERIFY(data.sameRowsFrom(base));
        QVERIFY(!HeatmapData().sameRowsFrom(base));
        // What the rows do not show: a pod count, a node's readiness, a pod's phase, the devices'
        // latest readings (a utilization heatmap has its own), and pods that placed no series
        // (every series of dev/y and ml/x names its node).
        Model::ClusterSnapshot other = base;
        other.nodes[2].gpu->devices[0].readings = { 3, 100, 200, 45, 120 };
        other.podCount += 10;
        other.nodes[0].ready = false;
        other.pods[1].phase = u"Succeeded"_qs;
        other.pods[0].node = u"gpu-b"_qs;
        other.pods.removeLast();
        QVERIFY(data.sameRowsFrom(other));

        const auto changed = [&](const std::function<void(Model::ClusterSnapshot &)> &change) {
            Model::ClusterSnapshot snapshot = base;
            change(snapshot);
            return !data.sameRowsFrom(snapshot);
        };
        QVERIFY(changed([](Model::ClusterSnapshot &s) {
            s.nodes[2].gpu->devices[1].pods = { { u"ml"_qs, u"x"_qs, {} } };
        }));
        QVERIFY(changed([](Model::ClusterSnapshot &s) { s.nodes[2].gpu->devices.removeLast(); }));
        QVERIFY(changed([](Model::ClusterSnapshot &s) { s.nodes[2].gpu->devices[1].migInstance = 4; }));
        QVERIFY(changed([](Model::ClusterSnapshot &s) { s.nodes[2].gpu->product = u"NVIDIA-H100"_qs; }));
        QVERIFY(changed([](Model::ClusterSnapshot &s) { s.nodes[1].gpu = s.nodes[2].gpu; }));
        QVERIFY(changed([](Model::ClusterSnapshot &s) { s.nodes.removeFirst(); }));
        // The series of an unknown node without a holder was looked for by its address.
        QVERIFY(changed([](Model::ClusterSnapshot &s) { s.nodeByAddress.insert(u"10.0.0.9"_qs, u"gpu-a"_qs); }));
    }

    // Other metrics than utilization tell idle GPUs by their latest utilization, and by nothing
    // else of the snapshot's readings.
    void sameRowsFromTheLatestUtilization()
    {
        const Model::ClusterSnapshot base = Fixture::snapshot();
        const HeatmapData data
            = HeatmapData::build(base, Prom::Metric::GpuTemp, Fixture::utilization(), Fixture::catalogue());
        Model::ClusterSnapshot warmer = base;
        warmer.nodes[2].gpu->devices[0].readings.tempC = 80;
        QVERIFY(data.sameRowsFrom(warmer));
        Model::ClusterSnapshot busier = base;
        busier.nodes[2].gpu->devices[0].readings.utilPercent = 3;
        QVERIFY(!data.sameRowsFrom(busier));
    }

    // A series that names no known node is placed by its holder pod: the rows change with that pod
    // and with no other.
    void sameRowsFromThePodsThatPlacedSeries()
    {
        const Model::ClusterSnapshot base = Fixture::snapshot();
        Prom::CompactSeriesStore store = Fixture::utilization();
        Fixture::add(store, Fixture::dcgm(u"dcgm-exporter-x1"_qs, u"GPU-c0"_qs, u"0"_qs, u"ml"_qs, u"infer"_qs),
                     { 1, 2, 3, 4 });
        const HeatmapData data = HeatmapData::build(base, Prom::Metric::GpuUtil, store, Fixture::catalogue());
        QVERIFY(data.find(u"gpu-b|GPU-c0|"_qs) >= 0);
        QVERIFY(data.sameRowsFrom(base));

        Model::ClusterSnapshot other = base;
        other.pods[0].node = u"gpu-b"_qs;
        QVERIFY(data.sameRowsFrom(other));
        Model::ClusterSnapshot moved = base;
        moved.pods[1].node = u"gpu-a"_qs;
        QVERIFY(!data.sameRowsFrom(moved));
        Model::ClusterSnapshot gone = base;
        gone.pods.removeAt(1);
        QVERIFY(!data.sameRowsFrom(gone));
    }

    // Where every series names its node, neither pods nor addresses are asked.
    void sameRowsFromSeriesThatNameTheirNodes()
    {
        Model::ClusterSnapshot base;
        Prom::CompactSeriesStore store;
        Fixture::large(
            2, 2, 4, [](int, int) { return 1.0f; }, base, store);
        const HeatmapData data = HeatmapData::build(base, Prom::Metric::GpuUtil, store, Fixture::catalogue());
        Model::ClusterSnapshot other = base;
        other.pods.removeFirst();
        other.nodeByAddress.insert(u"10.0.0.9"_qs, u"node-00000"_qs);
        QVERIFY(data.sameRowsFrom(other));
        other.nodes.removeLast();
        QVERIFY(!data.sameRowsFrom(other));
    }

    void csv()
    {
        HeatmapData data = fixtureData();
        data.setView(HeatmapData::Sort::MeanDescending, u"ml"_qs);
        const QByteArray expected = "node,uuid,gpu,mig_profile,mig_instance,model,pods,mean,"
                                    "2025-11-24T16:00:00Z,2025-11-24T16:01:00Z,2025-11-24T16:02:00Z,"
                                    "2025-11-24T16:03:00Z\r\n"
                                    "gpu-b,GPU-b0,0,1g.10gb,1,\"NVIDIA \"\"A100\"\", SXM\",ml/infer,50,50,50,50,50\r\n"
                                    "gpu-a,GPU-a0,0,,,NVIDIA H100,ml/train,20,10,20,30,\r\n"
                                    "gpu-a,GPU-a1,1,,,NVIDIA H100,dev/y ml/x,3.25,1,5,3,4\r\n";
        QCOMPARE(Model::HeatmapCsv::toCsv(data), expected);
    }

    void scaleRanges_data()
    {
        QTest::addColumn<Prom::Metric>("metric");
        QTest::addColumn<double>("peak");
        QTest::addColumn<double>("minimum");
        QTest::addColumn<double>("maximum");
        QTest::addColumn<QString>("unit");
        QTest::addRow("util") << Prom::Metric::GpuUtil << 0.0 << 0.0 << 100.0 << u"%"_qs;
        QTest::addRow("memory") << Prom::Metric::GpuMemUsed << 0.0 << 0.0 << 100.0 << u"%"_qs;
        QTest::addRow("temperature") << Prom::Metric::GpuTemp << 0.0 << 20.0 << 90.0 << u"°C"_qs;
        QTest::addRow("power") << Prom::Metric::GpuPower << 312.0 << 0.0 << 350.0 << u"W"_qs;
        QTest::addRow("power, exactly a step") << Prom::Metric::GpuPower << 700.0 << 0.0 << 700.0 << u"W"_qs;
        QTest::addRow("power, no data") << Prom::Metric::GpuPower << 0.0 << 0.0 << 50.0 << u"W"_qs;
        QTest::addRow("tensor") << Prom::Metric::GpuTensorActive << 0.0 << 0.0 << 100.0 << u"%"_qs;
    }

    void scaleRanges()
    {
        QFETCH(Prom::Metric, metric);
        QFETCH(double, peak);
        const HeatmapScale scale = HeatmapScale::forMetric(metric, peak);
        QTEST(scale.minimum(), "minimum");
        QTEST(scale.maximum(), "maximum");
        QTEST(scale.unit(), "unit");
    }

    void colours()
    {
        const HeatmapScale util = HeatmapScale::forMetric(Prom::Metric::GpuUtil);
        QCOMPARE(util.level(Fixture::kNaN), uchar(0));
        QCOMPARE(util.level(0), uchar(1));
        QCOMPARE(util.level(-5), uchar(1));
        QCOMPARE(util.level(50), uchar(128));
        QCOMPARE(util.level(100), uchar(255));
        QCOMPARE(util.level(250), uchar(255));
        QCOMPARE(HeatmapScale::rampColor(0), qRgb(0x44, 0x01, 0x54));
        QCOMPARE(HeatmapScale::rampColor(0.5), qRgb(0x21, 0x91, 0x8c));
        QCOMPARE(HeatmapScale::rampColor(1), qRgb(0xfd, 0xe7, 0x25));
        QCOMPARE(HeatmapScale::rampColor(0.125), qRgb(0x40, 0x2a, 0x70)); // halfway between the first stops
        QCOMPARE(util.color(100, qRgb(1, 2, 3)), qRgb(0xfd, 0xe7, 0x25));
        QCOMPARE(util.color(Fixture::kNaN, qRgb(1, 2, 3)), qRgb(1, 2, 3));
        const HeatmapScale temp = HeatmapScale::forMetric(Prom::Metric::GpuTemp);
        QCOMPARE(temp.level(55), uchar(128)); // the middle of 20–90 °C
        QCOMPARE(temp.format(61), u"61 °C"_qs);
        QCOMPARE(util.format(87.5), u"87.5 %"_qs);
        const QList<QRgb> table = HeatmapScale::colorTable(qRgb(9, 9, 9));
        QCOMPARE(table.size(), 256);
        QCOMPARE(table.at(0), qRgb(9, 9, 9));
        QCOMPARE(table.at(128), util.color(50, 0));
        // Levels only grow with the value, so the highest level of several rows is the highest value.
        for (double v = 0; v < 100; v += 0.5)
            QVERIFY(util.level(v) <= util.level(v + 0.5));
    }

    void metricNames()
    {
        for (const Prom::Metric metric : HeatmapScale::metrics())
            QVERIFY(HeatmapScale::fromShortName(HeatmapScale::shortName(metric)) == metric);
        QVERIFY(HeatmapScale::fromShortName(u"memory"_qs) == Prom::Metric::GpuMemUsed);
        QVERIFY(!HeatmapScale::fromShortName(u"gpu"_qs));
    }

    void raster()
    {
        const HeatmapData data = fixtureData();
        const Model::HeatmapRaster raster = Model::HeatmapRaster::build(data);
        QCOMPARE(raster.rows(), 6);
        QCOMPARE(raster.columns(), 4);
        QCOMPARE(raster.level(0, 1), data.scale().level(20));
        QCOMPARE(raster.level(0, 3), uchar(0));
        QCOMPARE(raster.latestLevel(0), data.scale().level(30));
        QCOMPARE(raster.latestLevel(2), uchar(0));

        const QList<QRgb> table = HeatmapScale::colorTable(qRgb(9, 9, 9));
        const QRgb background = qRgb(200, 200, 200);
        // Rows 1–3, two pixels each, columns two pixels wide.
        const QImage rows = raster.render(QSize(8, 6), 1, 0.5, table, background);
        QCOMPARE(rows.size(), QSize(8, 6));
        QCOMPARE(rows.pixel(2, 0), data.scale().color(5, 0)); // GPU-a1 at step 1
        QCOMPARE(rows.pixel(3, 1), data.scale().color(5, 0));
        QCOMPARE(rows.pixel(0, 2), qRgb(9, 9, 9)); // GPU-b0: no data
        QCOMPARE(rows.pixel(5, 5), data.scale().color(50, 0)); // slice 1 at step 2
        // Six rows on three lines: each line the highest of its two rows; below them the background.
        const QImage folded = raster.render(QSize(4, 4), 0, 2, table, background);
        QCOMPARE(folded.pixel(0, 0), data.scale().color(10, 0)); // max(10, 1)
        QCOMPARE(folded.pixel(1, 0), data.scale().color(20, 0)); // max(20, 5)
        QCOMPARE(folded.pixel(3, 0), data.scale().color(4, 0)); // max(none, 4)
        QCOMPARE(folded.pixel(2, 1), data.scale().color(50, 0)); // max(none, 50)
        QCOMPARE(folded.pixel(0, 2), data.scale().color(0, 0)); // max(0, none)
        QCOMPARE(folded.pixel(0, 3), background);
    }

    // Memory is the used share of each GPU's memory, asked of Prometheus in one expression.
    void memoryExpression()
    {
        const Prom::MetricCatalogue catalogue = Fixture::catalogue();
        const QString used = *catalogue.expr(Prom::Metric::GpuMemUsed);
        const QString free = *catalogue.expr(Prom::Metric::GpuMemFree);
        QCOMPARE(Model::HeatmapSeriesQuery::expr(catalogue, Prom::Metric::GpuMemUsed).value_or(QString()),
                 catalogue.keyed(Prom::Metric::GpuMemUsed, u"(100 * %1 / (%1 + %2))"_qs.arg(used, free)));
        QCOMPARE(Model::HeatmapSeriesQuery::expr(catalogue, Prom::Metric::GpuTemp).value_or(QString()),
                 catalogue.keyed(Prom::Metric::GpuTemp, catalogue.expr(Prom::Metric::GpuTemp).value_or(u"none"_qs)));
        QVERIFY(!Model::HeatmapSeriesQuery::expr(Prom::MetricCatalogue(), Prom::Metric::GpuMemUsed));
    }

    // Before Prometheus has named a node's GPUs, its resources count them: the first heatmap of a
    // large cluster is asked for as carefully as the next.
    void expectedRowsBeforeTheDevicesAreNamed()
    {
        using Model::HeatmapSeriesQuery;
        Model::ClusterSnapshot snapshot = Fixture::snapshot();
        QCOMPARE(HeatmapSeriesQuery::expectedRows(snapshot), 2); // gpu-b's two named GPUs
        Model::NodeGpu unnamed;
        unnamed.product = u"NVIDIA-H100-80GB-HBM3"_qs;
        snapshot.nodes[1].gpu = unnamed;
        snapshot.nodes[1].resources = { { u"nvidia.com/gpu"_qs, Model::ResourceClass::Gpu, 8, 8, 3 },
                                        { u"nvidia.com/mig-1g.10gb"_qs, Model::ResourceClass::Mig, 7, 7, 0 },
                                        { u"example.com/fpga"_qs, Model::ResourceClass::Other, 2, 2, 0 } };
        QCOMPARE(HeatmapSeriesQuery::expectedRows(snapshot), 2 + 15);
        // Time-slicing: 4 GPUs offered as 16 replicas.
        snapshot.nodes[1].gpu->replicas = 4;
        snapshot.nodes[1].resources = { { u"nvidia.com/gpu.shared"_qs, Model::ResourceClass::GpuShared, 16, 16, 0 } };
        QCOMPARE(HeatmapSeriesQuery::expectedRows(snapshot), 2 + 4);
        // Resources left at zero by a MIG reconfiguration do not hide the named devices.
        snapshot.nodes[2].resources = { { u"nvidia.com/gpu"_qs, Model::ResourceClass::Gpu, 0, 0, 0 } };
        QCOMPARE(HeatmapSeriesQuery::expectedRows(snapshot), 2 + 4);
    }

    void largeHeatmapsAskFewSmallRequestsAtATime()
    {
        using Model::HeatmapSeriesQuery;
        const Prom::TimeAxis hour { 1764000000, 15, 241 };
        const auto requests = [&](qsizetype rows) {
            const auto plan = HeatmapSeriesQuery::requestsFor(rows, hour);
            return Prom::RangePlan::plan({ u"DCGM_FI_DEV_GPU_UTIL"_qs }, hour, plan.pointsPerRequest);
        };
        // A small cluster's range is spread over parallel requests, as any range query's.
        for (const qsizetype rows : { qsizetype(0), qsizetype(80), qsizetype(8000) }) {
            const auto plan = HeatmapSeriesQuery::requestsFor(rows, hour);
            QCOMPARE(plan.concurrency, Prom::RangeQuery::defaultMaxConcurrent);
            QCOMPARE(plan.pointsPerRequest, Prom::RangePlan::spreadPoints(hour.count, 1, plan.concurrency));
        }
        QCOMPARE(requests(8000).size(), 4);
        // builtin:large: four requests side by side, none asking for more than the sample budget,
        // and together they still cover the whole axis. Twice and five times as many GPUs: two
        // requests at a time, then one.
        QCOMPARE(HeatmapSeriesQuery::requestsFor(40000, hour).concurrency, 4);
        QCOMPARE(HeatmapSeriesQuery::requestsFor(80000, hour).concurrency, 2);
        QCOMPARE(HeatmapSeriesQuery::requestsFor(200000, hour).concurrency, 1);
        const QList<Prom::RangeChunk> chunks = requests(40000);
        QCOMPARE(chunks.size(), 4);
        int points = 0;
        for (const Prom::RangeChunk &chunk : chunks) {
            QVERIFY(40000 * qsizetype(chunk.axis.count) <= HeatmapSeriesQuery::samplesPerRequest);
            points += chunk.axis.count;
        }
        QCOMPARE(points, hour.count);
    }

    // What a refresh asks for, given the last answer: the new points and the last two again
    // (two minutes at a step of a minute), or everything when that answer cannot be built on.
    void refreshAsksForWhatTheLastAnswerLacks_data()
    {
        QTest::addColumn<Prom::TimeAxis>("previous");
        QTest::addColumn<bool>("stale");
        QTest::addColumn<int>("asked"); // points, the last of them the axis' last
        const Prom::TimeAxis axis { 1764000000, 60, 60 };
        const auto shifted = [&](qint64 seconds) { return Prom::TimeAxis { axis.start + seconds, 60, 60 }; };
        QTest::addRow("five minutes later") << shifted(-300) << false << 5 + 2;
        QTest::addRow("in the same minute") << axis << false << 2;
        QTest::addRow("no last answer") << Prom::TimeAxis {} << false << 60;
        QTest::addRow("the last answer failed") << shifted(-300) << true << 60;
        QTest::addRow("another step") << Prom::TimeAxis { axis.start - 300, 30, 120 } << false << 60;
        QTest::addRow("another grid") << shifted(-290) << false << 60;
        QTest::addRow("nothing shared") << shifted(-3600) << false << 60;
        QTest::addRow("a range that starts later") << shifted(300) << false << 60;
        QTest::addRow("a range that ends later") << Prom::TimeAxis { axis.start, 60, 61 } << false << 60;
        QTest::addRow("a longer range before") << Prom::TimeAxis { axis.start - 3600, 60, 115 } << false << 5 + 2;
    }

    void refreshAsksForWhatTheLastAnswerLacks()
    {
        QFETCH(Prom::TimeAxis, previous);
        QFETCH(bool, stale);
        QFETCH(int, asked);
        const Prom::TimeAxis axis { 1764000000, 60, 60 };
        Prom::CompactSeriesStore last(previous);
        if (previous.isValid())
            last.mutableValues(last.insert({ { u"UUID"_qs, u"GPU-a0"_qs } }))[0] = 1;
        if (stale)
            last.markStale(Core::Error { Core::Error::Kind::Network, u"refused"_qs, {}, 0, {} });
        const Prom::TimeAxis ask = Model::HeatmapSeriesQuery::askedFor(axis, last);
        QCOMPARE(ask.step, axis.step);
        QCOMPARE(ask.last(), axis.last());
        QCOMPARE(ask.count, asked);
    }
};

QTEST_GUILESS_MAIN(TestHeatmapData)
#include "tst_heatmapdata.moc"
