// SPDX-License-Identifier: GPL-3.0-or-later
// The simulated exporters in every label dialect: labels of known devices, pages that the real
// promtool accepts, Kepler counters that integrate their watts, the SR-IOV pod join and the pod
// families (tst_simhistory has the dialect parsers and the backfilled history).
#include "../prom/promserverfixture.h"
#include "sim/dcgmmetrics.h"
#include "sim/gpufleet.h"
#include "sim/metricset.h"
#include "sim/openmetricswriter.h"
#include "sim/podmetrics.h"
#include "sim/scenario.h"
#include "simtesthelpers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>
#include <cmath>

using namespace Specula;
using namespace Specula::Sim;
using SimTest::scenarioOf;

namespace {

QList<const SimSeries *> seriesWhere(const MetricSet &set, const QString &family,
                                     const std::function<bool(const Prom::Labels &)> &match)
{
    QList<const SimSeries *> out;
    if (const SimFamily *f = set.family(family)) {
        for (const SimSeries &s : f->series) {
            if (match(s.labels))
                out.append(&s);
        }
    }
    return out;
}

bool finished(QProcess &process, int timeoutMs)
{
    QSignalSpy spy(&process, &QProcess::finished);
    if (process.state() == QProcess::NotRunning)
        return process.error() != QProcess::FailedToStart && process.exitStatus() == QProcess::NormalExit;
    return spy.wait(timeoutMs) && process.exitStatus() == QProcess::NormalExit;
}

const PodDesc *podNamed(const Scenario &scenario, const QString &name)
{
    for (const PodDesc &pod : scenario.pods) {
        if (pod.name == name)
            return &pod;
    }
    return nullptr;
}

constexpr qint64 kT = 1790000010; // a scrape time: a multiple of 30 s

} // namespace

class TestSimExporters : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dcgmDialects_data();
    void dcgmDialects();
    void blankSentinels();
    void emptyPodLabels();
    void timeSlicedAndMig();
    void exporterPodsOnEveryGpuNode();
    void pagesPassPromtool_data();
    void pagesPassPromtool();
    void exportersSwitchOff();
    void keplerJoulesIntegrateWatts_data();
    void keplerJoulesIntegrateWatts();
    void keplerGenerations_data();
    void keplerGenerations();
    void sriovJoinNamesHolder();
    void podFamilies();
};

void TestSimExporters::dcgmDialects_data()
{
    QTest::addColumn<QString>("dialect");
    QTest::addColumn<QString>("nodeKey"); // empty: no node label
    QTest::addColumn<bool>("nodeIsPod");
    QTest::addColumn<QString>("podKey"); // where the holder's pod name is stored
    QTest::addColumn<QString>("uuidKey");
    QTest::addColumn<bool>("exportedTrap");
    QTest::newRow("defaults") << QString() << u"Hostname"_qs << false << u"pod"_qs << u"UUID"_qs << false;
    QTest::newRow("lower-hostname") << u"dcgm-node=hostname"_qs << u"hostname"_qs << false << u"pod"_qs << u"UUID"_qs
                                    << false;
    QTest::newRow("hostname-is-pod") << u"hostname-is-pod"_qs << u"Hostname"_qs << true << u"pod"_qs << u"UUID"_qs
                                     << false;
    QTest::newRow("relabelled-node") << u"dcgm-node=node"_qs << u"node"_qs << false << u"pod"_qs << u"UUID"_qs << false;
    QTest::newRow("no-node") << u"dcgm-node=none"_qs << QString() << false << u"pod"_qs << u"UUID"_qs << false;
    QTest::newRow("old-namespace") << u"dcgm-pod=pod_name,dcgm-uuid=uuid"_qs << u"Hostname"_qs << false
                                   << u"pod_name"_qs << u"uuid"_qs << false;
    QTest::newRow("exported") << u"dcgm-pod=exported_pod"_qs << u"Hostname"_qs << false << u"exported_pod"_qs
                              << u"UUID"_qs << true;
}

void TestSimExporters::dcgmDialects()
{
    QFETCH(QString, dialect);
    QFETCH(QString, nodeKey);
    QFETCH(bool, nodeIsPod);
    QFETCH(QString, podKey);
    QFETCH(QString, uuidKey);
    QFETCH(bool, exportedTrap);
    const Scenario scenario = scenarioOf(u"builtin:demo"_qs, dialect);
    const MetricSet set = MetricSet::build(scenario);
    const GpuFleet fleet = GpuFleet::build(scenario);
    const GpuDevice *held = nullptr;
    for (const GpuDevice &device : fleet.devices()) {
        if (!device.isInstance() && !device.migEnabled && device.holders.size() == 1 && !held)
            held = &device;
    }
    QVERIFY(held);
    const auto found = seriesWhere(set, u"DCGM_FI_DEV_FB_USED"_qs,
                                   [&](const Prom::Labels &l) { return l.value(uuidKey) == held->uuid; });
    QCOMPARE(found.size(), 1);
    const Prom::Labels &labels = found.first()->labels;
    QCOMPARE(labels.value(u"__name__"_qs), u"DCGM_FI_DEV_FB_USED"_qs);
    QCOMPARE(labels.value(u"gpu"_qs), QString::number(held->index));
    QCOMPARE(labels.value(u"pci_bus_id"_qs), held->pciBusId);
    QVERIFY(!labels.contains(uuidKey == u"UUID" ? u"uuid"_qs : u"UUID"_qs));
    // The node label in its spelling, or none at all.
    for (const QString &key : { u"Hostname"_qs, u"hostname"_qs, u"node"_qs })
        QCOMPARE(labels.contains(key), key == nodeKey);

    // instance is the pod IP of the dcgm-exporter pod on the GPU's node.
    const PodDesc *exporter = nullptr;
    for (const PodDesc &pod : scenario.pods) {
        if (pod.ns == u"gpu-operator" && pod.ownerName == u"nvidia-dcgm-exporter" && pod.node == held->node)
            exporter = &pod;
    }
    QVERIFY(exporter);
    QVERIFY(!exporter->podIP.isEmpty());
    QCOMPARE(labels.value(u"instance"_qs), exporter->podIP + u":9400"_qs);
    QCOMPARE(labels.value(u"job"_qs), u"nvidia-dcgm-exporter"_qs);
    if (!nodeKey.isEmpty())
        QCOMPARE(labels.value(nodeKey), nodeIsPod ? exporter->name : held->node);

    // The holder under the dialect's names; with the exported trap, pod names the exporter.
    const GpuHolder &holder = held->holders.first();
    QCOMPARE(labels.value(podKey), holder.pod);
    if (exportedTrap) {
        QCOMPARE(labels.value(u"exported_namespace"_qs), holder.ns);
        QCOMPARE(labels.value(u"exported_container"_qs), holder.container);
        QCOMPARE(labels.value(u"pod"_qs), exporter->name);
        QCOMPARE(labels.value(u"namespace"_qs), u"gpu-operator"_qs);
        QCOMPARE(labels.value(u"container"_qs), u"nvidia-dcgm-exporter"_qs);
    } else if (podKey == u"pod_name") {
        QCOMPARE(labels.value(u"pod_namespace"_qs), holder.ns);
        QCOMPARE(labels.value(u"container_name"_qs), holder.container);
        QVERIFY(!labels.contains(u"pod"_qs));
    } else {
        QCOMPARE(labels.value(u"namespace"_qs), holder.ns);
        QCOMPARE(labels.value(u"container"_qs), holder.container);
        QVERIFY(!labels.contains(u"exported_pod"_qs));
    }

    // The page prints what the exporter prints: no job/instance, the holder under pod (or pod_name).
    const QByteArray page = set.exposition(u"dcgm"_qs, kT, held->node);
    QVERIFY(!page.contains("instance="));
    QVERIFY(!page.contains("exported_"));
    const QByteArray expected = (podKey == u"pod_name" ? "pod_name=\"" : "pod=\"") + holder.pod.toUtf8() + '"';
    QVERIFY2(page.contains(expected), page.left(2000).constData());
    QVERIFY(!page.contains("gpu-operator"));
}

void TestSimExporters::blankSentinels()
{
    for (const bool blanks : { false, true }) {
        const Scenario scenario = scenarioOf(u"builtin:demo"_qs, blanks ? u"blank-sentinels"_qs : QString());
        const MetricSet set = MetricSet::build(scenario);
        const GpuFleet fleet = GpuFleet::build(scenario);
        const GpuDevice *instance = nullptr;
        const GpuDevice *parent = nullptr;
        for (const GpuDevice &device : fleet.devices()) {
            if (device.isInstance() && !instance)
                instance = &device;
            if (device.migEnabled && !parent)
                parent = &device;
        }
        QVERIFY(instance && parent);
        auto ofInstance = [&](const Prom::Labels &l) {
            return l.value(u"UUID"_qs) == instance->uuid
                && l.value(u"GPU_I_ID"_qs) == QString::number(instance->gpuInstanceId);
        };
        const auto util = seriesWhere(set, u"DCGM_FI_DEV_GPU_UTIL"_qs, ofInstance);
        QCOMPARE(util.isEmpty(), !blanks);
        auto ofParent
            = [&](const Prom::Labels &l) { return l.value(u"UUID"_qs) == parent->uuid && !l.contains(u"GPU_I_ID"_qs); };
        const auto gr = seriesWhere(set, u"DCGM_FI_PROF_GR_ENGINE_ACTIVE"_qs, ofParent);
        QCOMPARE(gr.isEmpty(), !blanks);
        if (blanks) {
            QCOMPARE(*util.first()->value(kT), 9223372036854775794.0);
            QCOMPARE(*gr.first()->value(kT), 140737488355330.0);
            // Printed digit for digit, as the INT64 blank is not a double.
            QVERIFY(set.exposition(u"dcgm"_qs, kT).contains(" 9223372036854775794\n"));
        }
        // Supported fields keep real values either way.
        const auto fb = seriesWhere(set, u"DCGM_FI_DEV_FB_USED"_qs, ofInstance);
        QVERIFY(!fb.isEmpty());
        QVERIFY(*fb.first()->value(kT) < 1e9);
    }
}

void TestSimExporters::emptyPodLabels()
{
    const Scenario scenario = scenarioOf(u"builtin:demo"_qs, u"empty-pod-labels"_qs);
    const MetricSet set = MetricSet::build(scenario);
    const GpuFleet fleet = GpuFleet::build(scenario);
    const GpuDevice *free = nullptr;
    for (const GpuDevice &device : fleet.devices()) {
        if (!device.isInstance() && !device.migEnabled && device.holders.isEmpty() && !free)
            free = &device;
    }
    QVERIFY(free);
    const auto stored = seriesWhere(set, u"DCGM_FI_DEV_GPU_TEMP"_qs,
                                    [&](const Prom::Labels &l) { return l.value(u"UUID"_qs) == free->uuid; });
    QCOMPARE(stored.size(), 1);
    // Prometheus stores no empty label...
    QVERIFY(!stored.first()->labels.contains(u"pod"_qs));
    // ...but the exporter prints them.
    const QByteArray page = set.exposition(u"dcgm"_qs, kT, free->node);
    bool seen = false;
    for (const QByteArray &line : page.split('\n')) {
        if (line.startsWith("DCGM_FI_DEV_GPU_TEMP{") && line.contains(free->uuid.toUtf8()))
            seen = line.contains("container=\"\",namespace=\"\",pod=\"\"");
    }
    QVERIFY2(seen, page.left(3000).constData());
    // Without the switch the labels are left out.
    const MetricSet plain = MetricSet::build(scenarioOf(u"builtin:demo"_qs));
    QVERIFY(!plain.exposition(u"dcgm"_qs, kT, free->node).contains("pod=\"\""));
}

void TestSimExporters::timeSlicedAndMig()
{
    const Scenario scenario = scenarioOf(u"builtin:demo"_qs);
    const MetricSet set = MetricSet::build(scenario);
    const GpuFleet fleet = GpuFleet::build(scenario);
    const GpuDevice *shared = nullptr;
    for (const GpuDevice &device : fleet.devices()) {
        if (device.holders.size() >= 2 && !shared)
            shared = &device;
    }
    QVERIFY(shared);
    const auto util = seriesWhere(set, u"DCGM_FI_DEV_GPU_UTIL"_qs,
                                  [&](const Prom::Labels &l) { return l.value(u"UUID"_qs) == shared->uuid; });
    QCOMPARE(util.size(), shared->holders.size());
    QSet<QString> pods;
    for (const SimSeries *s : util) {
        pods.insert(s->labels.value(u"pod"_qs));
        QCOMPARE(*s->value(kT), *util.first()->value(kT)); // the same GPU, the same reading
    }
    QCOMPARE(pods.size(), shared->holders.size());

    int instances = 0;
    for (const GpuDevice &device : fleet.devices()) {
        if (!device.isInstance())
            continue;
        const auto gr = seriesWhere(set, u"DCGM_FI_PROF_GR_ENGINE_ACTIVE"_qs, [&](const Prom::Labels &l) {
            return l.value(u"UUID"_qs) == device.uuid
                && l.value(u"GPU_I_ID"_qs) == QString::number(device.gpuInstanceId);
        });
        QCOMPARE(gr.size(), std::max<qsizetype>(1, device.holders.size()));
        QCOMPARE(gr.first()->labels.value(u"GPU_I_PROFILE"_qs), device.migProfile);
        QCOMPARE(*gr.first()->value(kT),
                 *DcgmMetrics::value(DcgmMetrics::Field::GrEngineActive, fleet.seed(), device, kT));
        ++instances;
    }
    QVERIFY(instances >= 3);
}

void TestSimExporters::exporterPodsOnEveryGpuNode()
{
    const Scenario scenario = scenarioOf(u"builtin:demo"_qs);
    const GpuFleet fleet = GpuFleet::build(scenario);
    QSet<QString> gpuNodes;
    for (const GpuDevice &device : fleet.devices())
        gpuNodes.insert(device.node);
    QVERIFY(gpuNodes.size() >= 5);
    QHash<QString, QString> ipByNode;
    QSet<QString> ips;
    for (const PodDesc &pod : scenario.pods) {
        if (pod.ns != u"gpu-operator" || pod.ownerName != u"nvidia-dcgm-exporter")
            continue;
        QVERIFY2(!ipByNode.contains(pod.node), qPrintable(pod.node));
        QCOMPARE(pod.ownerKind, u"DaemonSet"_qs);
        QVERIFY(!pod.podIP.isEmpty());
        ipByNode.insert(pod.node, pod.podIP);
        ips.insert(pod.podIP);
    }
    QCOMPARE(QSet<QString>(ipByNode.keyBegin(), ipByNode.keyEnd()), gpuNodes);
    QCOMPARE(ips.size(), ipByNode.size());
    // Every dcgm series maps back to its node through instance → exporter pod.
    const MetricSet set = MetricSet::build(scenario);
    const GpuFleet again = GpuFleet::build(scenario);
    for (const SimSeries &s : set.family(u"DCGM_FI_DEV_GPU_TEMP"_qs)->series) {
        const QString ip = s.labels.value(u"instance"_qs).section(u':', 0, 0);
        QCOMPARE(ipByNode.key(ip), s.labels.value(u"Hostname"_qs));
    }
    // quirks keeps its hand-written pods: no exporter pods, instance is the exporters' Service.
    const Scenario quirks = scenarioOf(u"builtin:quirks"_qs);
    QCOMPARE(quirks.pods.size(), 10);
    const MetricSet quirkSet = MetricSet::build(quirks);
    QVERIFY(!quirkSet.family(u"DCGM_FI_DEV_GPU_TEMP"_qs)->series.isEmpty());
    for (const SimSeries &s : quirkSet.family(u"DCGM_FI_DEV_GPU_TEMP"_qs)->series)
        QCOMPARE(s.labels.value(u"instance"_qs), u"nvidia-dcgm-exporter.gpu-operator:9400"_qs);
}

void TestSimExporters::pagesPassPromtool_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<QString>("dialect");
    QTest::addColumn<QString>("exporter");
    // Lint remarks the real exporters earn too (upper-case dcgm names, counters without _total).
    QTest::addColumn<QStringList>("tolerated");
    const QStringList dcgmLint { u"counter metrics should have \"_total\" suffix"_qs,
                                 u"metric names should be written in 'snake_case' not 'camelCase'"_qs,
                                 u"label names should be written in 'snake_case' not 'camelCase'"_qs };
    const QStringList sriovLint { u"counter metrics should have \"_total\" suffix"_qs,
                                  u"label names should be written in 'snake_case' not 'camelCase'"_qs };
    const QStringList none;
    for (const QString &scenario : { u"builtin:demo"_qs, u"builtin:quirks"_qs }) {
        for (const QString &dialect : { QString(), u"dcgm-pod=pod_name,dcgm-uuid=uuid,kepler=0.10"_qs }) {
            const QString tag = scenario.mid(8) + (dialect.isEmpty() ? u""_qs : u"-alt"_qs);
            QTest::addRow("%s-dcgm", qPrintable(tag)) << scenario << dialect << u"dcgm"_qs << dcgmLint;
            QTest::addRow("%s-kepler", qPrintable(tag)) << scenario << dialect << u"kepler"_qs << none;
            QTest::addRow("%s-cadvisor", qPrintable(tag)) << scenario << dialect << u"cadvisor"_qs << none;
            QTest::addRow("%s-ksm", qPrintable(tag)) << scenario << dialect << u"kube-state-metrics"_qs << none;
            QTest::addRow("%s-sriov", qPrintable(tag)) << scenario << dialect << u"sriov"_qs << sriovLint;
        }
    }
}

void TestSimExporters::pagesPassPromtool()
{
    QFETCH(QString, scenario);
    QFETCH(QString, dialect);
    QFETCH(QString, exporter);
    QFETCH(QStringList, tolerated);
    const Scenario loaded = scenarioOf(scenario, dialect);
    const MetricSet set = MetricSet::build(loaded);
    // One node's page, as one exporter pod serves it: the first node with series of this exporter.
    QString node;
    for (const NodeDesc &n : loaded.nodes) {
        if (node.isEmpty() && !set.exposition(exporter, kT, n.name).isEmpty())
            node = n.name;
    }
    const QByteArray page
        = exporter == u"kube-state-metrics" ? set.exposition(exporter, kT) : set.exposition(exporter, kT, node);
    QVERIFY2(!page.isEmpty(), qPrintable(exporter));
    QVERIFY(page.startsWith("# HELP "));
    QProcess promtool;
    promtool.start(u"promtool"_qs, { u"check"_qs, u"metrics"_qs });
    QVERIFY(promtool.waitForStarted(10000));
    promtool.write(page);
    promtool.closeWriteChannel();
    QVERIFY(finished(promtool, 60000));
    const QString out = QString::fromUtf8(promtool.readAllStandardOutput() + promtool.readAllStandardError());
    // promtool prints "error while linting: …" for anything it cannot parse.
    QVERIFY2(!out.contains(u"error"_qs), qPrintable(out.left(2000)));
    for (const QString &line : out.split(u'\n', Qt::SkipEmptyParts)) {
        bool known = false;
        for (const QString &remark : tolerated)
            known = known || line.contains(remark);
        QVERIFY2(known, qPrintable(line));
    }
    QCOMPARE(promtool.exitCode() == 0, out.trimmed().isEmpty());
}

void TestSimExporters::exportersSwitchOff()
{
    const Scenario scenario = scenarioOf(
        u"builtin:demo"_qs, u"kepler=none,cadvisor=false,kube-state-metrics=false,sriov-exporter=false"_qs);
    const MetricSet set = MetricSet::build(scenario);
    for (const QString &exporter : { u"kepler"_qs, u"cadvisor"_qs, u"kube-state-metrics"_qs, u"sriov"_qs })
        QVERIFY2(set.exposition(exporter, kT).isEmpty(), qPrintable(exporter));
    for (const SimFamily &family : set.families())
        QCOMPARE(family.exporter, u"dcgm"_qs);
    QVERIFY(!set.exposition(u"dcgm"_qs, kT).isEmpty());
    QCOMPARE(MetricSet::exporters().size(), 5);
}

void TestSimExporters::keplerJoulesIntegrateWatts_data()
{
    QTest::addColumn<QString>("dialect");
    QTest::addColumn<QString>("watts");
    QTest::addColumn<QString>("joules");
    for (const QString &version : { u"0.10"_qs, u"0.11.4"_qs }) {
        for (const QString &level : { u"node"_qs, u"pod"_qs, u"container"_qs })
            QTest::addRow("%s-%s-cpu", qPrintable(version), qPrintable(level)) << u"kepler="_qs
                    + version << u"kepler_%1_cpu_watts"_qs.arg(level) << u"kepler_%1_cpu_joules_total"_qs.arg(level);
    }
    for (const QString &level : { u"node"_qs, u"pod"_qs, u"container"_qs })
        QTest::addRow("0.11.4-%s-gpu", qPrintable(level)) << u"kepler=0.11.4"_qs << u"kepler_%1_gpu_watts"_qs.arg(level)
                                                          << u"kepler_%1_gpu_joules_total"_qs.arg(level);
}

void TestSimExporters::keplerJoulesIntegrateWatts()
{
    QFETCH(QString, dialect);
    QFETCH(QString, watts);
    QFETCH(QString, joules);
    const MetricSet set = MetricSet::build(scenarioOf(u"builtin:demo"_qs, dialect));
    const SimFamily *w = set.family(watts);
    const SimFamily *j = set.family(joules);
    QVERIFY(w && j);
    QCOMPARE(w->type, u"gauge"_qs);
    QCOMPARE(j->type, u"counter"_qs);
    QCOMPARE(w->series.size(), j->series.size());
    QVERIFY(!w->series.isEmpty());
    int checked = 0;
    for (qsizetype i = 0; i < w->series.size(); i += std::max<qsizetype>(1, w->series.size() / 7)) {
        Prom::Labels key = w->series[i].labels;
        key.remove(u"__name__"_qs);
        const SimSeries *counter = nullptr;
        for (const SimSeries &s : j->series) {
            Prom::Labels other = s.labels;
            other.remove(u"__name__"_qs);
            if (other == key)
                counter = &s;
        }
        QVERIFY(counter);
        // Simpson's rule over ten minutes at one-second steps.
        const qint64 from = kT, to = kT + 600;
        double integral = 0;
        for (qint64 t = from; t < to; t += 2)
            integral += (*w->series[i].value(t) + 4 * *w->series[i].value(t + 1) + *w->series[i].value(t + 2)) / 3.0;
        const double counted = *counter->value(to) - *counter->value(from);
        QVERIFY2(std::fabs(counted - integral) <= 1e-6 * std::max(1.0, std::fabs(integral)),
                 qPrintable(u"%1 vs %2"_qs.arg(counted, 0, 'g', 17).arg(integral, 0, 'g', 17)));
        QVERIFY(counted > 0);
        ++checked;
    }
    QVERIFY(checked >= 1);
}

void TestSimExporters::keplerGenerations_data()
{
    QTest::addColumn<QString>("dialect");
    QTest::addColumn<QStringList>("present");
    QTest::addColumn<QStringList>("absent");
    QTest::addColumn<QString>("buildInfo");
    QTest::newRow("0.9") << u"kepler=0.9"_qs << QStringList { u"kepler_container_joules_total"_qs,
                                                              u"kepler_container_package_joules_total"_qs,
                                                              u"kepler_container_dram_joules_total"_qs,
                                                              u"kepler_container_gpu_joules_total"_qs,
                                                              u"kepler_node_platform_joules_total"_qs,
                                                              u"kepler_node_other_joules_total"_qs }
                         << QStringList { u"kepler_pod_cpu_watts"_qs, u"kepler_node_cpu_joules_total"_qs }
                         << u"kepler_exporter_build_info"_qs;
    QTest::newRow("0.10") << u"kepler=0.10"_qs
                          << QStringList { u"kepler_node_cpu_watts"_qs, u"kepler_pod_cpu_joules_total"_qs,
                                           u"kepler_container_cpu_watts"_qs }
                          << QStringList { u"kepler_node_gpu_watts"_qs, u"kepler_pod_gpu_watts"_qs,
                                           u"kepler_container_gpu_joules_total"_qs,
                                           u"kepler_container_joules_total"_qs }
                          << u"kepler_build_info"_qs;
    QTest::newRow("0.11.4") << u"kepler=0.11.4"_qs
                            << QStringList { u"kepler_node_gpu_watts"_qs, u"kepler_pod_gpu_joules_total"_qs,
                                             u"kepler_container_gpu_watts"_qs, u"kepler_node_cpu_watts"_qs }
                            << QStringList { u"kepler_container_package_joules_total"_qs } << u"kepler_build_info"_qs;
}

void TestSimExporters::keplerGenerations()
{
    QFETCH(QString, dialect);
    QFETCH(QStringList, present);
    QFETCH(QStringList, absent);
    QFETCH(QString, buildInfo);
    const Scenario scenario = scenarioOf(u"builtin:demo"_qs, dialect);
    const MetricSet set = MetricSet::build(scenario);
    for (const QString &name : present)
        QVERIFY2(set.family(name) && !set.family(name)->series.isEmpty(), qPrintable(name));
    for (const QString &name : absent)
        QVERIFY2(!set.family(name), qPrintable(name));
    QVERIFY(set.family(buildInfo));
    const bool legacy = dialect == u"kepler=0.9";
    if (legacy) {
        // ≤ 0.9: pod_name/container_namespace and mode; counters only.
        const SimSeries &s = set.family(u"kepler_container_package_joules_total"_qs)->series.first();
        for (const QString &key : { u"container_id"_qs, u"container_name"_qs, u"container_namespace"_qs, u"pod_name"_qs,
                                    u"mode"_qs, u"source"_qs })
            QVERIFY2(s.labels.contains(key), qPrintable(key));
        for (const SimFamily &family : set.families()) {
            if (family.exporter == u"kepler" && family.name != u"kepler_exporter_build_info")
                QCOMPARE(family.type, u"counter"_qs);
        }
    } else {
        // The pod families of the reference: pod_id, pod_name, pod_namespace, state, zone, node_name.
        const SimSeries &s = set.family(u"kepler_pod_cpu_watts"_qs)->series.first();
        QStringList keys = s.labels.keys();
        keys.removeAll(u"__name__"_qs);
        keys.removeAll(u"job"_qs);
        keys.removeAll(u"instance"_qs);
        keys.sort();
        QCOMPARE(keys,
                 (QStringList { u"node_name"_qs, u"pod_id"_qs, u"pod_name"_qs, u"pod_namespace"_qs, u"state"_qs,
                                u"zone"_qs }));
        QSet<QString> zones;
        for (const SimSeries &z : set.family(u"kepler_node_cpu_watts"_qs)->series)
            zones.insert(z.labels.value(u"zone"_qs));
        QVERIFY(zones.contains(u"package"_qs) && zones.contains(u"dram"_qs));
    }
    // A pod that holds GPUs draws more while its GPUs work harder (0.11.4: kepler_pod_gpu_watts).
    if (dialect == u"kepler=0.11.4") {
        const GpuFleet fleet = GpuFleet::build(scenario);
        const GpuDevice *held = nullptr;
        for (const GpuDevice &d : fleet.devices()) {
            if (!d.isInstance() && d.holders.size() == 1 && !held)
                held = &d;
        }
        QVERIFY(held);
        const auto pod = seriesWhere(set, u"kepler_pod_gpu_watts"_qs, [&](const Prom::Labels &l) {
            return l.value(u"pod_name"_qs) == held->holders.first().pod;
        });
        QCOMPARE(pod.size(), 1);
        QVERIFY(*pod.first()->value(kT) >= DcgmMetrics::powerWatts(fleet.seed(), *held, double(kT)) - 1e-9);
        const auto node = seriesWhere(set, u"kepler_node_gpu_watts"_qs,
                                      [&](const Prom::Labels &l) { return l.value(u"gpu_uuid"_qs) == held->uuid; });
        QCOMPARE(node.size(), 1);
        QCOMPARE(node.first()->labels.value(u"vendor"_qs), u"nvidia"_qs);
        QCOMPARE(node.first()->labels.value(u"node_name"_qs), held->node);
    }
}

void TestSimExporters::sriovJoinNamesHolder()
{
    const Scenario scenario = scenarioOf(u"builtin:demo"_qs);
    const MetricSet set = MetricSet::build(scenario);
    // cnf-dpdk-0's network-status names VF 0000:3b:02.0 (ens1f0 VF 0) through device-info.
    const auto device = seriesWhere(set, u"sriov_kubepoddevice"_qs,
                                    [](const Prom::Labels &l) { return l.value(u"pciAddr"_qs) == u"0000:3b:02.0"; });
    QCOMPARE(device.size(), 1);
    QCOMPARE(device.first()->labels.value(u"pod"_qs), u"cnf-dpdk-0"_qs);
    QCOMPARE(device.first()->labels.value(u"namespace"_qs), u"telco"_qs);
    QCOMPARE(device.first()->labels.value(u"dev_type"_qs), u"openshift.io/intel_sriov_netdevice"_qs);
    QVERIFY(!device.first()->labels.value(u"container"_qs).isEmpty());
    QCOMPARE(*device.first()->value(kT), 1.0);
    const auto rx = seriesWhere(set, u"sriov_vf_rx_bytes"_qs,
                                [](const Prom::Labels &l) { return l.value(u"pciAddr"_qs) == u"0000:3b:02.0"; });
    QCOMPARE(rx.size(), 1);
    QCOMPARE(rx.first()->labels.value(u"pf"_qs), u"ens1f0"_qs);
    QCOMPARE(rx.first()->labels.value(u"vf"_qs), u"0"_qs);
    QCOMPARE(rx.first()->labels.value(u"numa_node"_qs), u"0"_qs);
    QVERIFY(*rx.first()->value(kT + 30) > *rx.first()->value(kT)); // a held VF carries traffic
    // A free VF's counters stand still at zero, and no pod claims it.
    const auto freeRx = seriesWhere(set, u"sriov_vf_rx_bytes"_qs,
                                    [](const Prom::Labels &l) { return l.value(u"pciAddr"_qs) == u"0000:3b:02.1"; });
    QCOMPARE(freeRx.size(), 1);
    QCOMPARE(*freeRx.first()->value(kT), 0.0);
    QVERIFY(seriesWhere(set, u"sriov_kubepoddevice"_qs, [](const Prom::Labels &l) {
                return l.value(u"pciAddr"_qs) == u"0000:3b:02.1";
            }).isEmpty());
    // Every pod named by sriov_kubepoddevice exists, on the node whose state lists the VF.
    for (const SimSeries &s : set.family(u"sriov_kubepoddevice"_qs)->series)
        QVERIFY2(podNamed(scenario, s.labels.value(u"pod"_qs)), qPrintable(s.labels.value(u"pod"_qs)));
    const QByteArray page = set.exposition(u"sriov"_qs, kT, u"sriov-worker-0"_qs);
    QVERIFY(page.contains("sriov_vf_rx_bytes{numa_node=\"0\",pciAddr=\"0000:3b:02.0\",pf=\"ens1f0\",vf=\"0\"} "));
}

void TestSimExporters::podFamilies()
{
    const Scenario scenario = scenarioOf(u"builtin:demo"_qs);
    const MetricSet set = MetricSet::build(scenario);
    const PodDesc *pod = podNamed(scenario, u"cnf-dpdk-0"_qs);
    QVERIFY(pod);
    const auto net1 = seriesWhere(set, u"container_network_receive_bytes_total"_qs, [](const Prom::Labels &l) {
        return l.value(u"pod"_qs) == u"cnf-dpdk-0" && l.value(u"interface"_qs) == u"net1";
    });
    QCOMPARE(net1.size(), 1);
    QVERIFY(!net1.first()->labels.contains(u"container"_qs));
    QCOMPARE(net1.first()->labels.value(u"node"_qs), pod->node);
    QCOMPARE(net1.first()->labels.value(u"job"_qs), u"kubelet"_qs);
    QCOMPARE(PodMetrics::interfaces(*pod).first(), u"eth0"_qs);

    const auto cpu = seriesWhere(set, u"container_cpu_usage_seconds_total"_qs,
                                 [](const Prom::Labels &l) { return l.value(u"pod"_qs) == u"cnf-dpdk-0"; });
    QVERIFY(!cpu.isEmpty());
    QVERIFY(*cpu.first()->value(kT + 60) > *cpu.first()->value(kT));

    const auto gpuRequests = seriesWhere(set, u"kube_pod_container_resource_requests"_qs, [](const Prom::Labels &l) {
        return l.value(u"pod"_qs) == u"train-llm-7b-worker-0" && l.value(u"resource"_qs) == u"nvidia_com_gpu";
    });
    QCOMPARE(gpuRequests.size(), 1);
    QCOMPARE(gpuRequests.first()->labels.value(u"unit"_qs), u"integer"_qs);
    QCOMPARE(gpuRequests.first()->labels.value(u"node"_qs), u"gpu-h100-0"_qs);
    QCOMPARE(PodMetrics::ksmResource(u"cpu"_qs), std::make_pair(u"cpu"_qs, u"core"_qs));
    QCOMPARE(PodMetrics::ksmResource(u"memory"_qs), std::make_pair(u"memory"_qs, u"byte"_qs));
    QCOMPARE(PodMetrics::ksmResource(u"openshift.io/intel_sriov_netdevice"_qs),
             std::make_pair(u"openshift_io_intel_sriov_netdevice"_qs, u"integer"_qs));

    const auto info = seriesWhere(set, u"kube_pod_info"_qs,
                                  [](const Prom::Labels &l) { return l.value(u"pod"_qs) == u"train-llm-7b-worker-0"; });
    QCOMPARE(info.size(), 1);
    QCOMPARE(info.first()->labels.value(u"pod_ip"_qs), u"10.244.2.12"_qs);
    QCOMPARE(info.first()->labels.value(u"created_by_kind"_qs), u"StatefulSet"_qs);
    // A pending pod has no node label at all (an empty one does not survive a scrape).
    const auto pending = seriesWhere(set, u"kube_pod_info"_qs,
                                     [](const Prom::Labels &l) { return l.value(u"pod"_qs) == u"train-llm-70b-0"; });
    QCOMPARE(pending.size(), 1);
    QVERIFY(!pending.first()->labels.contains(u"node"_qs));
    QCOMPARE(set.family(u"kube_node_info"_qs)->series.size(), scenario.nodes.size());
}

QTEST_GUILESS_MAIN(TestSimExporters)
#include "tst_simexporters.moc"
