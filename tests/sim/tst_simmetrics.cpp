// SPDX-License-Identifier: GPL-3.0-or-later
// The simulated GPU fleet, its dcgm metrics and the OpenMetrics history that feeds a real
// Prometheus through promtool.
#include "sim/dcgmmetrics.h"
#include "sim/gpufleet.h"
#include "sim/openmetricswriter.h"
#include "sim/scenario.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Specula;
using namespace Specula::Sim;

namespace {

GpuFleet fleetOf(const QString &spec, std::optional<quint64> seed = std::nullopt)
{
    auto scenario = loadScenario(spec);
    if (!scenario)
        qFatal("%s", qPrintable(scenario.error().toString()));
    Scenario loaded = std::move(scenario).value();
    if (seed)
        loaded.seed = *seed;
    return GpuFleet::build(loaded);
}

QStringList holderNames(const GpuDevice &device)
{
    QStringList names;
    for (const auto &holder : device.holders)
        names.append(holder.ns + u'/' + holder.pod + u'/' + holder.container);
    return names;
}

const GpuDevice *findDevice(const GpuFleet &fleet, const QString &uuid, int instance)
{
    for (const auto &device : fleet.devices()) {
        if (device.uuid == uuid && device.gpuInstanceId == instance)
            return &device;
    }
    return nullptr;
}

// name{a="x",b="y"} value ts → labels, value text, timestamp.
struct Sample
{
    QString name;
    QList<std::pair<QString, QString>> labels;
    QString value;
    qint64 timestamp = 0;
};

Sample parseSample(const QString &line)
{
    static const QRegularExpression re(
        QStringLiteral("^([A-Za-z_:][A-Za-z0-9_:]*)\\{(.*)\\}\\s+(\\S+)(?:\\s+(\\d+))?$"));
    static const QRegularExpression label(QStringLiteral("\\s*([A-Za-z_][A-Za-z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?"));
    Sample sample;
    const auto match = re.match(line);
    if (!match.hasMatch())
        return sample;
    sample.name = match.captured(1);
    sample.value = match.captured(3);
    sample.timestamp = match.captured(4).toLongLong();
    auto it = label.globalMatch(match.captured(2));
    while (it.hasNext()) {
        const auto m = it.next();
        sample.labels.append({ m.captured(1), m.captured(2) });
    }
    return sample;
}

QString labelValue(const Sample &sample, const QString &key)
{
    for (const auto &[k, v] : sample.labels) {
        if (k == key)
            return v;
    }
    return {};
}

QStringList labelNames(const QList<std::pair<QString, QString>> &labels)
{
    QStringList names;
    for (const auto &pair : labels)
        names.append(pair.first);
    return names;
}

// Runs the event loop until the process ends, instead of blocking in waitForFinished.
bool finished(QProcess &process, int timeoutMs)
{
    QSignalSpy spy(&process, &QProcess::finished);
    if (process.state() == QProcess::NotRunning)
        return process.error() != QProcess::FailedToStart && process.exitStatus() == QProcess::NormalExit;
    return spy.wait(timeoutMs) && process.exitStatus() == QProcess::NormalExit;
}

QString simBinary()
{
    return qEnvironmentVariable("SPECULA_BINARY_DIR") + u"/src/app/specula-sim"_qs;
}

} // namespace

class TestSimMetrics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void uuidsStableAndUnique_data();
    void uuidsStableAndUnique();
    void demoFleet();
    void quirksFleet();
    void oddInput_data();
    void oddInput();
    void modelNames_data();
    void modelNames();
    void metricRanges_data();
    void metricRanges();
    void energyIsIntegralOfPower();
    void idleButAllocatedExists();
    void labelsMatchRealExporter();
    void writtenFileIsAcceptedByPromtool();
    void commandLineErrors_data();
    void commandLineErrors();
};

void TestSimMetrics::uuidsStableAndUnique_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<int>("physicalGpus");
    // demo: 8 + 2 + 2 + 2 + 1 + 4 (DRA) + 8; quirks: 1 + 2 + 1 + 1 + 2 + 2 + 1 + 8.
    QTest::newRow("demo") << u"builtin:demo"_qs << 27;
    QTest::newRow("quirks") << u"builtin:quirks"_qs << 18;
}

void TestSimMetrics::uuidsStableAndUnique()
{
    QFETCH(QString, spec);
    QFETCH(int, physicalGpus);
    const GpuFleet a = fleetOf(spec);
    const GpuFleet b = fleetOf(spec);
    const GpuFleet other = fleetOf(spec, 4242);
    static const QRegularExpression format(
        QStringLiteral("^GPU-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));
    QSet<QString> uuids;
    QSet<std::pair<QString, int>> instances;
    int physical = 0;
    QCOMPARE(a.devices().size(), b.devices().size());
    for (qsizetype i = 0; i < a.devices().size(); ++i) {
        const auto &device = a.devices()[i];
        QVERIFY2(format.match(device.uuid).hasMatch(), qPrintable(device.uuid));
        QCOMPARE(b.devices()[i].uuid, device.uuid);
        QCOMPARE(holderNames(b.devices()[i]), holderNames(device));
        if (device.isInstance()) {
            QVERIFY2(!instances.contains({ device.uuid, device.gpuInstanceId }), qPrintable(device.uuid));
            instances.insert({ device.uuid, device.gpuInstanceId });
            QVERIFY(uuids.contains(device.uuid)); // its parent came first
        } else {
            ++physical;
            QVERIFY2(!uuids.contains(device.uuid), qPrintable(device.uuid));
            uuids.insert(device.uuid);
            QVERIFY(device.pciBusId.startsWith(u"00000000:"_qs));
        }
    }
    QCOMPARE(physical, physicalGpus);
    // Another seed, other UUIDs (except the ones a ResourceSlice fixes).
    int differing = 0;
    for (qsizetype i = 0; i < a.devices().size(); ++i)
        differing += a.devices()[i].uuid != other.devices()[i].uuid ? 1 : 0;
    QVERIFY(differing > a.devices().size() / 2);
}

void TestSimMetrics::demoFleet()
{
    const GpuFleet fleet = fleetOf(u"builtin:demo"_qs);

    // Whole GPUs: the trainers get 4 + 2 in pod order; the Succeeded pod none.
    const auto h100 = fleet.devicesOf(u"gpu-h100-0"_qs);
    QCOMPARE(h100.size(), 8);
    QStringList held;
    for (const auto &gpu : h100) {
        QVERIFY(gpu.holders.size() <= 1);
        held += holderNames(gpu);
        QCOMPARE(gpu.modelName, u"NVIDIA H100 80GB HBM3"_qs);
        QCOMPARE(gpu.driverVersion, u"550.90.07"_qs);
    }
    QCOMPARE(held.count(u"ml-team/train-llm-7b-master-0/trainer"_qs), 4);
    QCOMPARE(held.count(u"ml-team/train-llm-7b-worker-0/trainer"_qs), 2);
    QVERIFY(!held.join(u' ').contains(u"finished-eval"_qs));

    // MIG mixed: 7 × 1g.10gb and 2 × 3g.40gb on two GPUs, the pods on the right profiles.
    QMap<QString, int> perProfile;
    QMap<QString, QString> holderProfile;
    for (const auto &device : fleet.devicesOf(u"gpu-a100-mig-mixed-0"_qs)) {
        if (!device.isInstance()) {
            QVERIFY(device.migEnabled);
            continue;
        }
        ++perProfile[device.migProfile];
        for (const auto &name : holderNames(device))
            holderProfile.insert(name, device.migProfile);
        QCOMPARE(device.memoryMiB, device.migProfile == u"1g.10gb"_qs ? 9728 : 40192);
    }
    QCOMPARE(perProfile, (QMap<QString, int> { { u"1g.10gb"_qs, 7 }, { u"3g.40gb"_qs, 2 } }));
    QCOMPARE(holderProfile.value(u"ml-team/notebook-alice/notebook"_qs), u"1g.10gb"_qs);
    QCOMPARE(holderProfile.value(u"inference/inference-llama-5d9f7c6b8-x2k4p/server"_qs), u"3g.40gb"_qs);

    // MIG single: 14 × 1g.5gb on two A100s, GPU_I_IDs 7..13 on each.
    int singleInstances = 0, singleHeld = 0;
    for (const auto &device : fleet.devicesOf(u"gpu-a100-mig-single-0"_qs)) {
        if (device.isInstance()) {
            ++singleInstances;
            singleHeld += device.holders.size();
            QCOMPARE(device.migProfile, u"1g.5gb"_qs);
            QVERIFY(device.gpuInstanceId >= 7 && device.gpuInstanceId <= 13);
        }
    }
    QCOMPARE(singleInstances, 14);
    QCOMPARE(singleHeld, 3); // batch-embed-2fz8d × 3 replicas

    // Time-slicing: 3 transcoders on 2 T4s, so one GPU has several pods.
    int most = 0, total = 0;
    for (const auto &gpu : fleet.devicesOf(u"gpu-t4-timeslice-0"_qs)) {
        most = std::max(most, int(gpu.holders.size()));
        total += gpu.holders.size();
        QCOMPARE(gpu.modelName, u"Tesla T4"_qs);
    }
    QCOMPARE(total, 3);
    QCOMPARE(most, 2);
    const auto l4 = fleet.devicesOf(u"gpu-l4-shared-0"_qs);
    QCOMPARE(l4.size(), 1);
    QCOMPARE(holderNames(l4[0]), QStringList { u"media/speech-whisper-6f8b9c7d5-mn4lx/whisper"_qs });

    // DRA: the ResourceSlice's UUIDs and bus ids, and the claim's device held by llm-serve-0.
    const auto dra = fleet.devicesOf(u"gpu-dra-0"_qs);
    QCOMPARE(dra.size(), 4);
    QCOMPARE(dra[0].uuid, u"GPU-3f1c9a52-7d4e-4b8a-a6c2-91e0d5b47f10"_qs);
    QCOMPARE(dra[0].pciBusId, u"00000000:1A:00.0"_qs);
    QCOMPARE(dra[1].uuid, u"GPU-8b27e4d0-15a9-4c63-b0f8-2d6a7e93c154"_qs);
    QCOMPARE(dra[1].holders.size(), 1);
    QCOMPARE(dra[1].holders[0].pod, u"llm-serve-0"_qs);
    QCOMPARE(dra[1].holders[0].container, u"server"_qs);
    QVERIFY(dra[0].holders.isEmpty());

    QVERIFY(fleet.devicesOf(u"cpu-worker-0"_qs).isEmpty());
    QVERIFY(fleet.devicesOf(u"sriov-worker-0"_qs).isEmpty());
}

void TestSimMetrics::quirksFleet()
{
    const GpuFleet fleet = fleetOf(u"builtin:quirks"_qs);
    // A whole GPU beside MIG slices: GPU 0 whole, the seven 1g.10gb all on GPU 1.
    const auto mixed = fleet.devicesOf(u"mig-and-whole"_qs);
    QCOMPARE(mixed.size(), 2 + 7);
    QVERIFY(!mixed[0].migEnabled && !mixed[0].isInstance());
    QVERIFY(mixed[1].migEnabled);
    for (qsizetype i = 2; i < mixed.size(); ++i) {
        QCOMPARE(mixed[i].uuid, mixed[1].uuid);
        QCOMPARE(mixed[i].migProfile, u"1g.10gb"_qs);
    }
    // Stale and zero profiles make no instances: 2 × 1g.10gb, 1 × 2g.20gb, 1 × 3g.40gb on one H100.
    QStringList profiles;
    for (const auto &device : fleet.devicesOf(u"mig-mixed-stale"_qs)) {
        if (device.isInstance())
            profiles.append(device.migProfile);
    }
    profiles.sort();
    QCOMPARE(profiles, (QStringList { u"1g.10gb"_qs, u"1g.10gb"_qs, u"2g.20gb"_qs, u"3g.40gb"_qs }));
    // gpu-plain: the scheduler counts 2 + 4 + 2, but while running only limits-only's 2, init-peak's
    // main 1 (its init container is done) and with-sidecar's sidecar and main 1 + 1 hold GPUs; the
    // Succeeded pod holds none.
    int held = 0;
    QStringList plainHolders;
    for (const auto &gpu : fleet.devicesOf(u"gpu-plain"_qs)) {
        held += gpu.holders.size();
        plainHolders += holderNames(gpu);
        QVERIFY(!holderNames(gpu).join(u' ').contains(u"finished-still-bound"_qs));
    }
    QCOMPARE(held, 5);
    QCOMPARE(plainHolders.count(u"ml-team/init-peak/main"_qs), 1);
    QCOMPARE(plainHolders.count(u"ml-team/with-sidecar/gpu-monitor"_qs), 1);
    QCOMPARE(plainHolders.count(u"ml-team/limits-only/trainer"_qs), 2);
    // Renamed time-slicing: one L4 shared by the pods asking for nvidia.com/gpu.shared.
    QCOMPARE(fleet.devicesOf(u"ts-renamed"_qs).size(), 1);
}

void TestSimMetrics::oddInput_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<int>("physical");
    QTest::addColumn<int>("instances");
    QTest::addColumn<int>("held");
    const QByteArray pod = "pods:\n  - {name: p, namespace: default, node: n, containers: [{name: c, image: x, "
                           "requests: {%1}}]}\n";
    QTest::newRow("absurd counts are bounded")
        << QByteArray("nodes:\n  - {name: n, labels: {nvidia.com/gpu.count: \"99999999\"}, capacity: {nvidia.com/gpu: "
                      "99999999}}\n")
            + QByteArray(pod).replace("%1", "nvidia.com/gpu: 1000000000")
        << 512 << 0 << 512;
    QTest::newRow("MIG resources without labels")
        << QByteArray("nodes:\n  - {name: n, capacity: {nvidia.com/mig-1g.10gb: 3}}\n")
            + QByteArray(pod).replace("%1", "nvidia.com/mig-1g.10gb: 1")
        << 1 << 3 << 1;
    QTest::newRow("count not a number") << QByteArray(
        "nodes:\n  - {name: n, labels: {nvidia.com/gpu.count: many}, capacity: {nvidia.com/gpu: 2}}\n")
                                        << 2 << 0 << 0;
    QTest::newRow("more requested than there is")
        << QByteArray("nodes:\n  - {name: n, capacity: {nvidia.com/gpu: 2}}\n")
            + QByteArray(pod).replace("%1", "nvidia.com/gpu: 5")
        << 2 << 0 << 2;
}

void TestSimMetrics::oddInput()
{
    QFETCH(QByteArray, yaml);
    QFETCH(int, physical);
    QFETCH(int, instances);
    QFETCH(int, held);
    auto scenario = parseScenario("name: odd\ntickMs: 0\n" + yaml, u"odd.yaml"_qs);
    QVERIFY2(scenario, scenario ? "" : qPrintable(scenario.error().toString()));
    const GpuFleet fleet = GpuFleet::build(*scenario);
    int gpus = 0, slices = 0, holders = 0;
    for (const auto &device : fleet.devices()) {
        (device.isInstance() ? slices : gpus) += 1;
        holders += device.holders.size();
    }
    QCOMPARE(gpus, physical);
    QCOMPARE(slices, instances);
    QCOMPARE(holders, held);
}

void TestSimMetrics::modelNames_data()
{
    QTest::addColumn<QString>("product");
    QTest::addColumn<QString>("model");
    QTest::newRow("plain") << u"NVIDIA-H100-80GB-HBM3"_qs << u"NVIDIA H100 80GB HBM3"_qs;
    QTest::newRow("shared") << u"Tesla-T4-SHARED"_qs << u"Tesla T4"_qs;
    QTest::newRow("mig") << u"NVIDIA-A100-SXM4-40GB-MIG-1g.5gb"_qs << u"NVIDIA A100 SXM4 40GB"_qs;
    QTest::newRow("mig shared") << u"NVIDIA-A100-SXM4-40GB-MIG-1g.5gb-SHARED"_qs << u"NVIDIA A100 SXM4 40GB"_qs;
}

void TestSimMetrics::modelNames()
{
    QFETCH(QString, product);
    QFETCH(QString, model);
    QCOMPARE(GpuFleet::modelNameFromProduct(product), model);
}

void TestSimMetrics::metricRanges_data()
{
    QTest::addColumn<QString>("spec");
    QTest::newRow("demo") << u"builtin:demo"_qs;
    QTest::newRow("quirks") << u"builtin:quirks"_qs;
}

void TestSimMetrics::metricRanges()
{
    QFETCH(QString, spec);
    using F = DcgmMetrics::Field;
    const GpuFleet fleet = fleetOf(spec);
    const quint64 seed = fleet.seed();
    for (const auto &device : fleet.devices()) {
        for (qint64 t = 1795000000; t < 1795000000 + 7200; t += 97) {
            const auto util = DcgmMetrics::value(F::GpuUtil, seed, device, t);
            QCOMPARE(util.has_value(), !device.isInstance() && !device.migEnabled);
            if (util)
                QVERIFY2(*util >= 0 && *util <= 100, qPrintable(device.uuid));
            const double used = *DcgmMetrics::value(F::FbUsed, seed, device, t);
            const double free = *DcgmMetrics::value(F::FbFree, seed, device, t);
            QVERIFY(used >= 0 && free >= 0);
            QCOMPARE(used + free, double(device.memoryMiB));
            if (!device.migEnabled) {
                const double gr = *DcgmMetrics::value(F::GrEngineActive, seed, device, t);
                QVERIFY(gr >= 0 && gr < 1);
                const double tensor = *DcgmMetrics::value(F::TensorActive, seed, device, t);
                QVERIFY(tensor >= 0 && tensor <= gr);
            }
            if (device.isInstance()) {
                QVERIFY(!DcgmMetrics::value(F::PowerUsage, seed, device, t));
                QVERIFY(!DcgmMetrics::value(F::TotalEnergy, seed, device, t));
                continue;
            }
            const double temp = *DcgmMetrics::value(F::GpuTemp, seed, device, t);
            QVERIFY(temp >= 30 && temp <= 85);
            const double power = *DcgmMetrics::value(F::PowerUsage, seed, device, t);
            QVERIFY(power > 5 && power <= 700);
            const double clock = *DcgmMetrics::value(F::SmClock, seed, device, t);
            QVERIFY(clock >= 210 && clock <= 2100);
            // Smooth: one 97 s step never moves utilisation by more than a third of the range.
            if (util) {
                const double next = *DcgmMetrics::value(F::GpuUtil, seed, device, t + 30);
                QVERIFY2(std::abs(next - *util) <= 33, qPrintable(device.uuid));
            }
        }
    }
}

void TestSimMetrics::energyIsIntegralOfPower()
{
    using F = DcgmMetrics::Field;
    const GpuFleet fleet = fleetOf(u"builtin:demo"_qs);
    for (const auto &device : fleet.devices()) {
        if (device.isInstance())
            continue;
        const qint64 start = 1795000000;
        double previous = *DcgmMetrics::value(F::TotalEnergy, fleet.seed(), device, start);
        double trapezoid = 0;
        for (qint64 t = start + 1; t <= start + 3600; ++t) {
            const double energy = *DcgmMetrics::value(F::TotalEnergy, fleet.seed(), device, t);
            QVERIFY2(energy >= previous, qPrintable(device.uuid));
            previous = energy;
            trapezoid += (*DcgmMetrics::value(F::PowerUsage, fleet.seed(), device, t - 1)
                          + *DcgmMetrics::value(F::PowerUsage, fleet.seed(), device, t))
                * 500; // mJ over one second
        }
        const double counted = previous - *DcgmMetrics::value(F::TotalEnergy, fleet.seed(), device, start);
        QVERIFY2(std::abs(counted - trapezoid) < trapezoid * 0.001,
                 qPrintable(u"%1: %2 vs %3"_qs.arg(device.uuid).arg(counted).arg(trapezoid)));
    }
}

void TestSimMetrics::idleButAllocatedExists()
{
    using F = DcgmMetrics::Field;
    const GpuFleet fleet = fleetOf(u"builtin:demo"_qs);
    int idleAllocated = 0, busy = 0, free = 0;
    for (const auto &device : fleet.devices()) {
        if (device.migEnabled)
            continue;
        const auto field = device.isInstance() ? F::GrEngineActive : F::GpuUtil;
        const double scale = device.isInstance() ? 100 : 1;
        for (qint64 t = 1795000000; t < 1795000000 + 3600; t += 300) {
            const double util = *DcgmMetrics::value(field, fleet.seed(), device, t) * scale;
            if (device.holders.isEmpty() || DcgmMetrics::idleWhileAllocated(fleet.seed(), device))
                QVERIFY2(util < 10, qPrintable(device.uuid));
            else
                QVERIFY2(util > 40, qPrintable(device.uuid));
        }
        if (device.holders.isEmpty())
            ++free;
        else if (DcgmMetrics::idleWhileAllocated(fleet.seed(), device))
            ++idleAllocated;
        else
            ++busy;
    }
    QVERIFY(idleAllocated >= 1);
    QVERIFY(busy >= 5);
    QVERIFY(free >= 5);
}

void TestSimMetrics::labelsMatchRealExporter()
{
    // dcgm-exporter 3.3.7+ (issue #512): a MIG instance used by a pod, NODE_NAME set.
    QFile fixture(qEnvironmentVariable("SPECULA_SHARED_DIR") + u"/fixtures/dcgm-exporter_metrics_real-samples.txt"_qs);
    QVERIFY(fixture.open(QIODevice::ReadOnly));
    Sample real;
    while (!fixture.atEnd()) {
        const QString line = QString::fromUtf8(fixture.readLine()).trimmed();
        if (line.contains(u"GPU_I_ID=\"7\",Hostname=\"gsrh100-074\""_qs))
            real = parseSample(line);
    }
    QVERIFY(!real.labels.isEmpty());

    const GpuFleet fleet = fleetOf(u"builtin:demo"_qs);
    const GpuDevice *held = nullptr;
    for (const auto &device : fleet.devices()) {
        if (device.isInstance() && !device.holders.isEmpty() && !held)
            held = &device;
    }
    QVERIFY(held);
    QCOMPARE(labelNames(DcgmMetrics::labels(*held, &held->holders[0])), labelNames(real.labels));
    QCOMPARE(DcgmMetrics::labels(*held, &held->holders[0]).value(7).second, held->node); // Hostname = node
}

void TestSimMetrics::writtenFileIsAcceptedByPromtool()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(u"demo.om"_qs);
    QProcess sim;
    sim.start(simBinary(),
              { u"--scenario"_qs, u"builtin:demo"_qs, u"--write-openmetrics"_qs, file, u"--history"_qs, u"1h"_qs,
                u"--step"_qs, u"30s"_qs, u"--families"_qs, u"DCGM_.*"_qs });
    QVERIFY(finished(sim, 30000));
    QCOMPARE(sim.exitCode(), 0);

    QProcess promtool;
    promtool.start(u"promtool"_qs,
                   { u"tsdb"_qs, u"create-blocks-from"_qs, u"openmetrics"_qs, file, dir.filePath(u"data"_qs) });
    QVERIFY(finished(promtool, 60000));
    QVERIFY2(promtool.exitCode() == 0, promtool.readAllStandardError().constData());
    QVERIFY(promtool.readAllStandardOutput().contains("NUM SAMPLES"));

    // Samples re-read from the file equal the generator at their timestamps, for every family.
    const GpuFleet fleet = fleetOf(u"builtin:demo"_qs);
    QFile om(file);
    QVERIFY(om.open(QIODevice::ReadOnly));
    QSet<QString> checkedFamilies;
    QSet<QString> declared;
    qint64 lines = 0, lastTimestamp = 0;
    QByteArray last;
    while (!om.atEnd()) {
        last = om.readLine();
        ++lines;
        if (last.startsWith("# TYPE ")) {
            declared.insert(QString::fromLatin1(last.split(' ').value(2)));
            continue;
        }
        if (last.startsWith('#') || lines % 37 != 0)
            continue;
        const Sample sample = parseSample(QString::fromUtf8(last).trimmed());
        QVERIFY2(!sample.name.isEmpty(), last.constData());
        const QString instance = labelValue(sample, u"GPU_I_ID"_qs);
        const GpuDevice *device
            = findDevice(fleet, labelValue(sample, u"UUID"_qs), instance.isEmpty() ? -1 : instance.toInt());
        QVERIFY2(device, last.constData());
        QCOMPARE(labelValue(sample, u"Hostname"_qs), device->node);
        std::optional<DcgmMetrics::Field> field;
        for (const auto f : DcgmMetrics::fields()) {
            if (DcgmMetrics::name(f) == sample.name)
                field = f;
        }
        QVERIFY(field);
        const auto expected = DcgmMetrics::value(*field, fleet.seed(), *device, sample.timestamp);
        QVERIFY(expected);
        QCOMPARE(sample.value.toDouble(), *expected);
        checkedFamilies.insert(sample.name);
        lastTimestamp = std::max(lastTimestamp, sample.timestamp);
    }
    QCOMPARE(last, QByteArray("# EOF\n"));
    QCOMPARE(declared.size(), DcgmMetrics::fields().size());
    QCOMPARE(checkedFamilies.size(), DcgmMetrics::fields().size());
    // Up to "now", so a Prometheus started on this data answers instant queries.
    QVERIFY(QDateTime::currentSecsSinceEpoch() - lastTimestamp < 300);
}

void TestSimMetrics::commandLineErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("history") << QStringList { u"--history"_qs, u"six hours"_qs } << u"--history"_qs;
    QTest::newRow("step") << QStringList { u"--step"_qs, u"0s"_qs } << u"--step"_qs;
    QTest::newRow("unwritable") << QStringList { u"--write-openmetrics"_qs, u"/nonexistent-dir/x.om"_qs }
                                << u"/nonexistent-dir/x.om: cannot write"_qs;
    QTest::newRow("scenario") << QStringList { u"--scenario"_qs, u"builtin:nope"_qs } << u"builtin:nope"_qs;
    QTest::newRow("families") << QStringList { u"--families"_qs, u"DCGM_(.*"_qs } << u"--families"_qs;
    QTest::newRow("dialect") << QStringList { u"--metrics-dialect"_qs, u"dcgm-node=HOST"_qs }
                             << u"--metrics-dialect: \"dcgm-node=HOST\""_qs;
}

void TestSimMetrics::commandLineErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    QTemporaryDir dir;
    QStringList all { u"--write-openmetrics"_qs, dir.filePath(u"x.om"_qs) };
    all += arguments;
    QProcess sim;
    sim.start(simBinary(), all);
    QVERIFY(finished(sim, 30000));
    QCOMPARE(sim.exitCode(), 2);
    const QString err = QString::fromUtf8(sim.readAllStandardError());
    QVERIFY2(err.contains(message), qPrintable(err));
    QCOMPARE(err.count(u'\n'), 1);
}

QTEST_GUILESS_MAIN(TestSimMetrics)
#include "tst_simmetrics.moc"
