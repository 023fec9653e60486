// SPDX-License-Identifier: GPL-3.0-or-later
// Where dcgm-exporter's series land in the snapshot, whatever their labels can tell.
#include "model/gpumetricsjoin.h"
#include "model/readingcollector.h"

#include <QTest>
#include <QThread>

using namespace Specula;
using Model::MetricReading;
using Prom::Metric;

namespace {

Model::ClusterSnapshot cluster()
{
    Model::ClusterSnapshot snapshot;
    for (const char *name : { "gpu-a", "gpu-b", "gpu-dra" }) {
        Model::NodeSummary node;
        node.name = QLatin1String(name);
        snapshot.nodes.append(node);
    }
    // gpu-dra's GPU is known from a ResourceSlice, with the DRA device's own names.
    Model::NodeGpu draGpu;
    draGpu.vendor = u"nvidia"_qs;
    Model::GpuDevice draDevice;
    draDevice.uuid = u"GPU-dra"_qs;
    draDevice.index = 0;
    draDevice.model = u"NVIDIA A100-SXM4-40GB"_qs;
    draDevice.draDevice = u"gpu-0"_qs;
    draGpu.devices.append(draDevice);
    snapshot.nodes[2].gpu = draGpu;
    Model::PodSummary trainer;
    trainer.namespaceName = u"ml"_qs;
    trainer.name = u"trainer"_qs;
    trainer.node = u"gpu-b"_qs;
    trainer.phase = u"Running"_qs;
    snapshot.pods.append(trainer);
    snapshot.nodeByAddress.insert(u"10.1.0.7"_qs, u"gpu-a"_qs);
    return snapshot;
}

Prom::MetricKey gpu(const QString &node, const QString &uuid, int index)
{
    Prom::MetricKey key;
    key.node = node;
    key.uuid = uuid;
    key.gpuIndex = index;
    key.pciBusId = u"00000000:1A:00.0"_qs;
    key.model = u"NVIDIA H100 80GB HBM3"_qs;
    return key;
}

Prom::MetricKey heldBy(Prom::MetricKey key, const QString &ns, const QString &pod, const QString &container)
{
    key.ns = ns;
    key.pod = pod;
    key.container = container;
    return key;
}

const Model::GpuDevice *device(const Model::ClusterSnapshot &snapshot, const QString &node, const QString &uuid,
                               std::optional<int> instance = std::nullopt)
{
    const Model::NodeSummary *summary = snapshot.node(node);
    if (!summary || !summary->gpu)
        return nullptr;
    for (const Model::GpuDevice &d : summary->gpu->devices) {
        if ((d.uuid == uuid || d.parentUuid == uuid) && d.migInstance == instance)
            return &d;
    }
    return nullptr;
}

Model::MetricReading reading(Metric metric, const Prom::MetricKey &key, double value)
{
    Model::MetricReading reading { key, {} };
    Model::keepHighest(reading.values, metric, value);
    return reading;
}

} // namespace

class TestGpuMetricsJoin : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nodeLabelPlacesAndDescribes()
    {
        Model::ClusterSnapshot snapshot = cluster();
        Model::joinGpuMetrics(snapshot,
                              { reading(Metric::GpuUtil, gpu(u"gpu-a"_qs, u"GPU-1"_qs, 0), 42),
                                reading(Metric::GpuTemp, gpu(u"gpu-a"_qs, u"GPU-1"_qs, 0), 61),
                                reading(Metric::GpuPower, gpu(u"gpu-a"_qs, u"GPU-1"_qs, 0), 312.5) });
        const Model::GpuDevice *d = device(snapshot, u"gpu-a"_qs, u"GPU-1"_qs);
        QVERIFY(d);
        QCOMPARE(d->index, 0);
        QCOMPARE(d->pciBusId, u"0000:1a:00.0"_qs);
        QCOMPARE(d->model, u"NVIDIA H100 80GB HBM3"_qs);
        QCOMPARE(d->readings.utilPercent, 42.0);
        QCOMPARE(d->readings.tempC, 61.0);
        QCOMPARE(d->readings.powerW, 312.5);
        QVERIFY(!d->readings.memUsedMiB);
        QVERIFY(d->pods.isEmpty());
        QCOMPARE(snapshot.node(u"gpu-a"_qs)->gpu->vendor, u"nvidia"_qs);
        QVERIFY(snapshot.warnings.isEmpty());
    }

    void devicesFromSeriesKeepNoSpareRoom()
    {
        Model::ClusterSnapshot snapshot = cluster();
        QList<MetricReading> readings;
        for (int index = 0; index < 7; ++index)
            readings << reading(Metric::GpuUtil, gpu(u"gpu-a"_qs, u"GPU-%1"_qs.arg(index), index), index);
        Model::joinGpuMetrics(snapshot, readings);
        const QList<Model::GpuDevice> &devices = snapshot.node(u"gpu-a"_qs)->gpu->devices;
        QCOMPARE(devices.size(), 7);
        QCOMPARE(devices.capacity(), devices.size());
    }

    void holderPodPlacesAndLearnsItsGpu()
    {
        Model::ClusterSnapshot snapshot = cluster();
        Model::joinGpuMetrics(
            snapshot,
            { reading(Metric::GpuUtil, heldBy(gpu({}, u"GPU-2"_qs, 3), u"ml"_qs, u"trainer"_qs, u"main"_qs), 97) });
        const Model::GpuDevice *d = device(snapshot, u"gpu-b"_qs, u"GPU-2"_qs);
        QVERIFY(d);
        QCOMPARE(d->pods, (QList<Model::PodRef> { { u"ml"_qs, u"trainer"_qs, u"main"_qs } }));
        QCOMPARE(snapshot.pod(u"ml/trainer"_qs)->gpus, QStringList { u"GPU-2"_qs });
    }

    // What placed each series: the heatmap keeps it to tell which later snapshots place them alike.
    // The pods are not written to, so a list shared with another snapshot stays shared.
    void intoNodesSaysWhatPlacedEachSeries()
    {
        const Model::ClusterSnapshot original = cluster();
        Model::ClusterSnapshot snapshot = original;
        const Prom::MetricKey byPod = heldBy(gpu({}, u"GPU-2"_qs, 3), u"ml"_qs, u"trainer"_qs, u"main"_qs);
        Prom::MetricKey byAddress = heldBy(gpu({}, u"GPU-3"_qs, 0), u"ml"_qs, u"gone"_qs, {});
        byAddress.instance = u"10.1.0.7:9400"_qs;
        const Model::GpuMetricsPlacement placement = Model::joinGpuMetricsIntoNodes(
            snapshot,
            { reading(Metric::GpuUtil, gpu(u"gpu-a"_qs, u"GPU-1"_qs, 0), 1), reading(Metric::GpuUtil, byPod, 2),
              reading(Metric::GpuUtil, byAddress, 3), reading(Metric::GpuUtil, gpu({}, u"GPU-9"_qs, 0), 4) });
        QCOMPARE(placement.nodes, (QStringList { u"gpu-a"_qs, u"gpu-b"_qs, u"gpu-a"_qs, QString() }));
        QCOMPARE(placement.podsAsked, (QStringList { u"ml/gone"_qs, u"ml/trainer"_qs }));
        QVERIFY(placement.addressesAsked);
        QVERIFY(device(snapshot, u"gpu-b"_qs, u"GPU-2"_qs));
        QVERIFY(snapshot.pods.isSharedWith(original.pods));
        QVERIFY(snapshot.pod(u"ml/trainer"_qs)->gpus.isEmpty());

        Model::ClusterSnapshot labelled = original;
        const Model::GpuMetricsPlacement byLabel = Model::joinGpuMetricsIntoNodes(
            labelled, { reading(Metric::GpuUtil, gpu(u"gpu-a"_qs, u"GPU-1"_qs, 0), 1) });
        QVERIFY(byLabel.podsAsked.isEmpty());
        QVERIFY(!byLabel.addressesAsked);
    }

    void uuidFromDraKeepsDraNames()
    {
        Model::ClusterSnapshot snapshot = cluster();
        Prom::MetricKey key = gpu({}, u"GPU-dra"_qs, 0);
        key.model = u"NVIDIA-A100-SXM4-40GB"_qs; // --replace-blanks-in-model-name
        Model::joinGpuMetrics(snapshot, { reading(Metric::GpuMemUsed, key, 1024) });
        QCOMPARE(snapshot.node(u"gpu-dra"_qs)->gpu->devices.size(), 1);
        const Model::GpuDevice *d = device(snapshot, u"gpu-dra"_qs, u"GPU-dra"_qs);
        QVERIFY(d);
        QCOMPARE(d->model, u"NVIDIA A100-SXM4-40GB"_qs);
        QCOMPARE(d->draDevice, u"gpu-0"_qs);
        QCOMPARE(d->readings.memUsedMiB, 1024.0);
    }

    void draHolderGetsItsContainer()
    {
        Model::ClusterSnapshot snapshot = cluster();
        snapshot.nodes[2].gpu->devices[0].pods.append({ u"ml"_qs, u"serve"_qs, QString() });
        Model::joinGpuMetrics(
            snapshot,
            { reading(Metric::GpuUtil, heldBy(gpu({}, u"GPU-dra"_qs, 0), u"ml"_qs, u"serve"_qs, u"vllm"_qs), 9) });
        QCOMPARE(device(snapshot, u"gpu-dra"_qs, u"GPU-dra"_qs)->pods,
                 (QList<Model::PodRef> { { u"ml"_qs, u"serve"_qs, u"vllm"_qs } }));
    }

    void uuidFromAnotherSeries()
    {
        // The exporter pod's name in Hostname tells nothing; the same UUID with a node label does.
        Model::ClusterSnapshot snapshot = cluster();
        Model::joinGpuMetrics(snapshot,
                              { reading(Metric::GpuTemp, gpu({}, u"GPU-3"_qs, 1), 50),
                                reading(Metric::GpuUtil, gpu(u"gpu-b"_qs, u"GPU-3"_qs, 1), 5) });
        const Model::GpuDevice *d = device(snapshot, u"gpu-b"_qs, u"GPU-3"_qs);
        QVERIFY(d);
        QCOMPARE(d->readings.tempC, 50.0);
        QCOMPARE(d->readings.utilPercent, 5.0);
    }

    void instanceAddress_data()
    {
        QTest::addColumn<QString>("instance");
        QTest::addColumn<bool>("placed");
        QTest::newRow("pod ip and port") << u"10.1.0.7:9400"_qs << true;
        QTest::newRow("unknown address") << u"10.9.9.9:9400"_qs << false;
        QTest::newRow("service dns name") << u"nvidia-dcgm-exporter.gpu-operator:9400"_qs << false;
    }

    void instanceAddress()
    {
        QFETCH(QString, instance);
        QFETCH(bool, placed);
        Model::ClusterSnapshot snapshot = cluster();
        Prom::MetricKey key = gpu({}, u"GPU-4"_qs, 0);
        key.instance = instance;
        Model::joinGpuMetrics(snapshot, { reading(Metric::GpuUtil, key, 1) });
        QCOMPARE(device(snapshot, u"gpu-a"_qs, u"GPU-4"_qs) != nullptr, placed);
        QCOMPARE(snapshot.warnings.size(), placed ? 0 : 1);
        if (!placed)
            QVERIFY2(snapshot.warnings.first().startsWith(u"1 GPU(s) in Prometheus could not be placed"_qs),
                     qPrintable(snapshot.warnings.first()));
    }

    void migInstancesAreTheirOwnDevices()
    {
        Model::ClusterSnapshot snapshot = cluster();
        Prom::MetricKey parent = gpu(u"gpu-a"_qs, u"GPU-5"_qs, 0);
        Prom::MetricKey slice3 = heldBy(parent, u"ml"_qs, u"small"_qs, u"c"_qs);
        slice3.migInstance = 3;
        slice3.migProfile = u"1g.10gb"_qs;
        Prom::MetricKey slice5 = parent;
        slice5.migInstance = 5;
        slice5.migProfile = u"3g.40gb"_qs;
        Model::joinGpuMetrics(snapshot,
                              { reading(Metric::GpuPower, parent, 250), reading(Metric::GpuUtil, slice3, 33),
                                reading(Metric::GpuUtil, slice5, 12.5) });
        QCOMPARE(snapshot.node(u"gpu-a"_qs)->gpu->devices.size(), 3);
        const Model::GpuDevice *three = device(snapshot, u"gpu-a"_qs, u"GPU-5"_qs, 3);
        QVERIFY(three);
        QCOMPARE(three->migProfile, u"1g.10gb"_qs);
        QCOMPARE(three->parentUuid, u"GPU-5"_qs);
        QCOMPARE(three->readings.utilPercent, 33.0);
        QCOMPARE(three->pods.size(), 1);
        QCOMPARE(device(snapshot, u"gpu-a"_qs, u"GPU-5"_qs)->readings.powerW, 250.0);
        QVERIFY(!device(snapshot, u"gpu-a"_qs, u"GPU-5"_qs)->readings.utilPercent);
        // Whole GPU first, then its instances by id.
        const auto &devices = snapshot.node(u"gpu-a"_qs)->gpu->devices;
        QCOMPARE(devices[0].migInstance, std::nullopt);
        QCOMPARE(devices[1].migInstance, 3);
        QCOMPARE(devices[2].migInstance, 5);
    }

    void sharedGpuHasEveryHolder()
    {
        Model::ClusterSnapshot snapshot = cluster();
        const Prom::MetricKey base = gpu(u"gpu-a"_qs, u"GPU-6"_qs, 2);
        Model::joinGpuMetrics(snapshot,
                              { reading(Metric::GpuUtil, heldBy(base, u"b"_qs, u"two"_qs, u"x"_qs), 40),
                                reading(Metric::GpuUtil, heldBy(base, u"a"_qs, u"one"_qs, u"x"_qs), 55) });
        const Model::GpuDevice *d = device(snapshot, u"gpu-a"_qs, u"GPU-6"_qs);
        QVERIFY(d);
        QCOMPARE(d->pods.size(), 2);
        QCOMPARE(d->pods.first().namespaceName, u"a"_qs);
        QCOMPARE(d->readings.utilPercent, 55.0);
    }

    void blankSentinelsAreNoData()
    {
        Model::ClusterSnapshot snapshot = cluster();
        Model::joinGpuMetrics(snapshot,
                              { reading(Metric::GpuTemp, gpu(u"gpu-a"_qs, u"GPU-7"_qs, 0), 9223372036854775794.0),
                                reading(Metric::GpuPower, gpu(u"gpu-a"_qs, u"GPU-7"_qs, 0), 140000000000000.0),
                                reading(Metric::GpuUtil, gpu(u"gpu-a"_qs, u"GPU-7"_qs, 0), 0) });
        const Model::GpuDevice *d = device(snapshot, u"gpu-a"_qs, u"GPU-7"_qs);
        QVERIFY(d);
        QVERIFY(!d->readings.tempC);
        QVERIFY(!d->readings.powerW);
        QCOMPARE(d->readings.utilPercent, 0.0);
    }

    void unknownNodeLabelFallsBack()
    {
        // A relabelled `node` that is not a node of this cluster (another cluster's Prometheus).
        Model::ClusterSnapshot snapshot = cluster();
        Model::joinGpuMetrics(snapshot, { reading(Metric::GpuUtil, gpu(u"elsewhere"_qs, u"GPU-8"_qs, 0), 1) });
        QCOMPARE(snapshot.warnings.size(), 1);
        for (const auto &node : snapshot.nodes)
            QVERIFY(!node.gpu || node.name == u"gpu-dra"_qs);
    }

    void answersMergeIntoOneReadingPerKey()
    {
        const Prom::MetricKey one = gpu(u"gpu-a"_qs, u"GPU-1"_qs, 0);
        const Prom::MetricKey shared = heldBy(one, u"ml"_qs, u"trainer"_qs, u"main"_qs);
        Model::ReadingCollector collector;
        for (const MetricReading &read :
             { reading(Metric::GpuUtil, one, 42), reading(Metric::GpuUtil, shared, 7),
               reading(Metric::GpuTemp, shared, 60), reading(Metric::GpuTemp, one, 61),
               // The same labels twice in one answer (series that differ in labels the key leaves out).
               reading(Metric::GpuPower, one, 100), reading(Metric::GpuPower, one, 300),
               reading(Metric::GpuPower, one, 9223372036854775794.0) })
            collector.add(read);
        const QList<Model::MetricReading> readings = collector.take();
        QCOMPARE(readings.size(), 2);
        QCOMPARE(readings[0].key, one);
        QCOMPARE(readings[0].values.utilPercent, 42.0);
        QCOMPARE(readings[0].values.tempC, 61.0);
        QCOMPARE(readings[0].values.powerW, 300.0);
        QVERIFY(!readings[0].values.memUsedMiB);
        QCOMPARE(readings[1].key, shared);
        QCOMPARE(readings[1].values.utilPercent, 7.0);
        QCOMPARE(readings[1].values.tempC, 60.0);
        QVERIFY(!readings[1].values.powerW);
        QVERIFY(collector.take().isEmpty());
    }

    void readingsShareTheirLabelTexts()
    {
        // Each answer parses its own copies of the texts; once collected, equal texts are one.
        const auto copyOf = [](const QString &text) { return QString(text.constData(), text.size()); };
        Model::ReadingCollector collector;
        collector.add(reading(Metric::GpuUtil, gpu(u"gpu-a"_qs, u"GPU-1"_qs, 0), 1));
        collector.add(
            reading(Metric::GpuTemp,
                    heldBy(gpu(copyOf(u"gpu-a"_qs), copyOf(u"GPU-1"_qs), 0), u"ml"_qs, u"trainer"_qs, u"main"_qs), 60));
        collector.add(reading(Metric::GpuTemp, gpu(copyOf(u"gpu-a"_qs), u"GPU-2"_qs, 1), 61));
        const QList<Model::MetricReading> readings = collector.take();
        QCOMPARE(readings.size(), 3);
        QCOMPARE(readings[1].key.uuid, u"GPU-1"_qs);
        QCOMPARE(readings[2].key.uuid, u"GPU-2"_qs);
        QCOMPARE(readings[1].key.uuid.constData(), readings[0].key.uuid.constData());
        QCOMPARE(readings[1].key.node.constData(), readings[0].key.node.constData());
        QCOMPARE(readings[2].key.node.constData(), readings[0].key.node.constData());
        QVERIFY(readings[2].key.uuid.constData() != readings[0].key.uuid.constData());
        QCOMPARE(readings[2].values.tempC, 61.0);
    }

    void answersCollectedFromSeveralThreads()
    {
        // Each metric's answer is read on a thread of its own, all into one collector.
        constexpr int gpus = 2000;
        const QList<Metric> metrics { Metric::GpuUtil, Metric::GpuTemp, Metric::GpuPower, Metric::GpuMemUsed };
        Model::ReadingCollector collector;
        QList<QThread *> threads;
        for (const Metric metric : metrics) {
            threads << QThread::create([&collector, metric] {
                for (int index = 0; index < gpus; ++index)
                    collector.add(reading(metric, gpu(u"gpu-a"_qs, u"GPU-%1"_qs.arg(index), 0), index));
            });
            threads.last()->start();
        }
        for (QThread *thread : std::as_const(threads)) {
            QVERIFY(thread->wait(30000));
            delete thread;
        }
        const QList<Model::MetricReading> readings = collector.take();
        QCOMPARE(readings.size(), gpus);
        for (const Model::MetricReading &read : readings) {
            const double index = read.key.uuid.mid(4).toDouble();
            QCOMPARE(read.values.utilPercent, index);
            QCOMPARE(read.values.tempC, index);
            QCOMPARE(read.values.powerW, index);
            QCOMPARE(read.values.memUsedMiB, index);
        }
    }
};

QTEST_GUILESS_MAIN(TestGpuMetricsJoin)
#include "tst_gpumetricsjoin.moc"
