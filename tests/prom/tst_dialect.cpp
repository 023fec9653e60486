// SPDX-License-Identifier: GPL-3.0-or-later
// Dialect::detect on the label sets of the real exporter samples (one fixture block at a time, as
// one Prometheus would hold them) and on synthetic rows for every variant the catalogue handles.
#include "prom/dialect.h"
#include "prom/expositionparser.h"

#include <QFile>
#include <QTest>

using namespace Specula;
using namespace Specula::Prom;

namespace {

// "NAME:label,label;NAME2:label" → family names and label names per family.
void unpack(const QString &spec, QStringList *families, QHash<QString, QStringList> *labels)
{
    for (const QString &part : spec.split(u';', Qt::SkipEmptyParts)) {
        const QString family = part.section(u':', 0, 0);
        families->append(family);
        labels->insert(family, part.section(u':', 1).split(u',', Qt::SkipEmptyParts));
    }
}

Dialect dcgmDialect(const QString &node, bool hostnameIsPod, const QString &pod, const QString &uuid = u"UUID"_qs)
{
    Dialect d;
    d.dcgm = true;
    d.dcgmNodeLabel = node;
    d.hostnameIsPod = hostnameIsPod;
    if (pod == u"exported_pod") {
        d.podLabel = u"exported_pod"_qs;
        d.namespaceLabel = u"exported_namespace"_qs;
        d.containerLabel = u"exported_container"_qs;
    } else if (pod == u"pod_name") {
        d.podLabel = u"pod_name"_qs;
        d.namespaceLabel = u"pod_namespace"_qs;
        d.containerLabel = u"container_name"_qs;
    }
    d.uuidLabel = uuid;
    return d;
}

void compareDialects(const Dialect &actual, const Dialect &expected)
{
    QCOMPARE(actual.dcgm, expected.dcgm);
    QCOMPARE(actual.dcgmNodeLabel, expected.dcgmNodeLabel);
    QCOMPARE(actual.hostnameIsPod, expected.hostnameIsPod);
    QCOMPARE(actual.podLabel, expected.podLabel);
    QCOMPARE(actual.namespaceLabel, expected.namespaceLabel);
    QCOMPARE(actual.containerLabel, expected.containerLabel);
    QCOMPARE(actual.uuidLabel, expected.uuidLabel);
    QCOMPARE(actual.dcgmLowerCaseNames, expected.dcgmLowerCaseNames);
    QCOMPARE(actual.kepler, expected.kepler);
    QCOMPARE(actual.cadvisor, expected.cadvisor);
    QCOMPARE(actual.kubeStateMetrics, expected.kubeStateMetrics);
    QCOMPARE(actual.sriovExporter, expected.sriovExporter);
    QCOMPARE(actual.sriovPodDevice, expected.sriovPodDevice);
    QCOMPARE(actual.sriovPodLabel, expected.sriovPodLabel);
    QCOMPARE(actual.sriovNamespaceLabel, expected.sriovNamespaceLabel);
}

QString fixturePath(const QString &name)
{
    return qEnvironmentVariable("SPECULA_SHARED_DIR") + QStringLiteral("/fixtures/") + name;
}

// The fixture's blocks, keyed by their "#### SOURCE:" line.
QList<std::pair<QString, QByteArray>> blocks(const QString &name)
{
    QFile file(fixturePath(name));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<std::pair<QString, QByteArray>> result;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith("#### SOURCE:"))
            result.append({ QString::fromUtf8(line.mid(12)).trimmed(), {} });
        else if (!result.isEmpty())
            result.last().second += line + '\n';
    }
    return result;
}

struct Detected
{
    Dialect dialect;
    QStringList hostnames;
};

Detected detectText(const QByteArray &text, const QStringList &nodeNames)
{
    const auto parsed = ExpositionParser::parse(text, u"block"_qs, ExpositionParser::Mode::Lenient);
    if (!parsed.ok())
        return {};
    QStringList hostnames;
    for (const ExpositionFamily &family : parsed->families) {
        for (const ExpositionSample &sample : family.samples) {
            for (const QString &label : { u"Hostname"_qs, u"hostname"_qs }) {
                const QString value = sample.labels.value(label);
                if (!value.isEmpty() && !hostnames.contains(value))
                    hostnames << value;
            }
        }
    }
    return { Dialect::detect(parsed->familyNames(), parsed->labelNamesByFamily(), hostnames, nodeNames), hostnames };
}

} // namespace

class TestDialect : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dcgmFixtureBlocks_data()
    {
        QTest::addColumn<QString>("source"); // the start of the block's SOURCE line
        QTest::addColumn<QStringList>("nodeNames");
        QTest::addColumn<Dialect>("expected");

        const QStringList none;
        QTest::addRow("readme-bare-metal")
            << u"NVIDIA/dcgm-exporter README.md"_qs << none << dcgmDialect(QString(), false, u"pod"_qs);
        QTest::addRow("issue-138-empty-pod-labels")
            << u"NVIDIA/gpu-monitoring-tools issue #138"_qs << none << dcgmDialect(QString(), false, u"pod"_qs);
        QTest::addRow("mig-docs-hostname-node")
            << u"NVIDIA/cloud-native-docs"_qs << none << dcgmDialect(u"Hostname"_qs, false, u"pod"_qs);
        QTest::addRow("issue-340-hostname-is-exporter-pod")
            << u"NVIDIA/gpu-operator issue #340"_qs << none << dcgmDialect(u"Hostname"_qs, true, u"pod"_qs);
        QTest::addRow("issue-340-with-node-names")
            << u"NVIDIA/gpu-operator issue #340"_qs << QStringList { u"gpu-t4-1"_qs }
            << dcgmDialect(u"Hostname"_qs, true, u"pod"_qs);
        QTest::addRow("issue-250-bare-metal-host")
            << u"NVIDIA/dcgm-exporter issue #250"_qs << none << dcgmDialect(u"Hostname"_qs, false, u"pod"_qs);
        QTest::addRow("issue-317-fqdn-vs-short-node-name")
            << u"NVIDIA/dcgm-exporter issue #317"_qs << QStringList { u"yg-data-k8s-gpu-a30-node-test-test0003"_qs }
            << dcgmDialect(u"Hostname"_qs, false, u"pod"_qs);
        QTest::addRow("issue-512-node-name-known")
            << u"NVIDIA/dcgm-exporter issue #512"_qs << QStringList { u"gsrh100-073"_qs, u"gsrh100-074"_qs }
            << dcgmDialect(u"Hostname"_qs, false, u"pod"_qs);
        // With node names known, a Hostname that names none of them is not a node.
        QTest::addRow("issue-512-other-cluster")
            << u"NVIDIA/dcgm-exporter issue #512"_qs << QStringList { u"worker-1"_qs }
            << dcgmDialect(u"Hostname"_qs, true, u"pod"_qs);
        QTest::addRow("pr-736-lower-case-hostname-pod")
            << u"NVIDIA/dcgm-exporter PR #736"_qs << none << dcgmDialect(u"hostname"_qs, true, u"pod"_qs);
        Dialect old = dcgmDialect(QString(), false, u"pod_name"_qs, u"uuid"_qs);
        old.dcgmLowerCaseNames = true;
        QTest::addRow("issue-272-old-namespace") << u"NVIDIA/dcgm-exporter issue #272"_qs << none << old;
    }

    void dcgmFixtureBlocks()
    {
        QFETCH(QString, source);
        QFETCH(QStringList, nodeNames);
        QFETCH(Dialect, expected);
        const auto all = blocks(u"dcgm-exporter_metrics_real-samples.txt"_qs);
        QCOMPARE(all.size(), 11);
        QByteArray text;
        for (const auto &[title, body] : all) {
            if (title.startsWith(source))
                text = body;
        }
        QVERIFY2(!text.isEmpty(), qPrintable(source));
        const Detected detected = detectText(text, nodeNames);
        compareDialects(detected.dialect, expected);
        QCOMPARE(detected.dialect.dcgmNodeUsable(), !expected.dcgmNodeLabel.isEmpty() && !expected.hostnameIsPod);
    }

    void keplerFixture()
    {
        QFile file(fixturePath(u"kepler_metrics_real-samples_old-format.txt"_qs));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const Dialect d = detectText(file.readAll(), {}).dialect;
        QCOMPARE(d.kepler, Dialect::Kepler::Legacy);
        QVERIFY(!d.dcgm);
        QVERIFY(!d.cadvisor);
        QCOMPARE(d.describe(), u"Kepler ≤ 0.9"_qs);
        // Each block alone, too: PR #635's has only kepler_container_core_joules_total.
        for (const auto &[title, body] : blocks(u"kepler_metrics_real-samples_old-format.txt"_qs)) {
            const Dialect block = detectText(body, {}).dialect;
            QVERIFY2(block.kepler == Dialect::Kepler::Legacy, qPrintable(title));
        }
    }

    void sriovFixture()
    {
        QFile file(fixturePath(u"sriov-network-metrics-exporter_metrics.txt"_qs));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const Dialect d = detectText(file.readAll(), {}).dialect;
        QVERIFY(d.sriovExporter);
        QVERIFY(!d.sriovPodDevice); // the README shows the join, but no sample of it
        QVERIFY(!d.dcgm);
        QCOMPARE(d.kepler, Dialect::Kepler::None);
        QCOMPARE(d.describe(), u"SR-IOV exporter (no pod devices)"_qs);
    }

    void synthetic_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QStringList>("hostnames");
        QTest::addColumn<QStringList>("nodeNames");
        QTest::addColumn<Dialect>("expected");

        const QString gpu = u"DCGM_FI_DEV_GPU_UTIL:gpu,UUID,pci_bus_id,device,modelName,instance,job"_qs;
        const QStringList nodes = { u"gpu-a"_qs, u"gpu-b"_qs };
        QTest::addRow("modern") << gpu + u",Hostname,pod,namespace,container"_qs << nodes << nodes
                                << dcgmDialect(u"Hostname"_qs, false, u"pod"_qs);
        QTest::addRow("exported-pod") << gpu
                + u",Hostname,pod,namespace,container,exported_pod,exported_namespace,exported_container"_qs
                                      << nodes << nodes << dcgmDialect(u"Hostname"_qs, false, u"exported_pod"_qs);
        QTest::addRow("pod-name-next-to-scrape-pod")
            << gpu + u",uuid,pod,namespace,pod_name,pod_namespace,container_name"_qs << QStringList() << nodes
            << dcgmDialect(QString(), false, u"pod_name"_qs);
        QTest::addRow("old-namespace-uuid")
            << u"DCGM_FI_DEV_FB_USED:gpu,uuid,device,pod_name,pod_namespace,container_name"_qs << QStringList() << nodes
            << dcgmDialect(QString(), false, u"pod_name"_qs, u"uuid"_qs);
        QTest::addRow("relabelled-node-beats-pod-hostname")
            << gpu + u",Hostname,node,pod,namespace,container"_qs << QStringList { u"nvidia-dcgm-exporter-ml2wh"_qs }
            << nodes << dcgmDialect(u"node"_qs, false, u"pod"_qs);
        QTest::addRow("node-only") << gpu + u",node"_qs << QStringList() << nodes
                                   << dcgmDialect(u"node"_qs, false, u"pod"_qs);
        QTest::addRow("no-node-label") << gpu << QStringList() << nodes << dcgmDialect(QString(), false, u"pod"_qs);
        QTest::addRow("lower-hostname-node") << gpu + u",hostname"_qs << QStringList { u"gpu-b"_qs } << nodes
                                             << dcgmDialect(u"hostname"_qs, false, u"pod"_qs);
        // One exporter without NODE_NAME is enough to distrust the label everywhere.
        QTest::addRow("mixed-hostnames") << gpu + u",Hostname"_qs
                                         << QStringList { u"gpu-a"_qs, u"dcgm-exporter-x7k2p"_qs } << nodes
                                         << dcgmDialect(u"Hostname"_qs, true, u"pod"_qs);

        Dialect legacy;
        legacy.kepler = Dialect::Kepler::Legacy;
        QTest::addRow("kepler-legacy") << u"kepler_container_joules_total:container_name,pod_name"_qs << QStringList()
                                       << nodes << legacy;
        Dialect zoned;
        zoned.kepler = Dialect::Kepler::Zoned;
        QTest::addRow("kepler-0.10") << u"kepler_node_cpu_watts:zone,node_name;kepler_pod_cpu_watts:zone"_qs
                                     << QStringList() << nodes << zoned;
        Dialect zonedGpu;
        zonedGpu.kepler = Dialect::Kepler::ZonedGpu;
        QTest::addRow("kepler-0.11.4") << u"kepler_node_cpu_watts:zone;kepler_node_gpu_watts:gpu_uuid"_qs
                                       << QStringList() << nodes << zonedGpu;
        // During an upgrade both generations are in the TSDB: the new one wins.
        QTest::addRow("kepler-upgrade") << u"kepler_container_joules_total:pod_name;kepler_pod_cpu_watts:zone"_qs
                                        << QStringList() << nodes << zoned;
        Dialect cluster;
        cluster.cadvisor = true;
        cluster.kubeStateMetrics = true;
        QTest::addRow("cadvisor-ksm") << u"container_cpu_usage_seconds_total:pod;kube_pod_info:pod"_qs << QStringList()
                                      << nodes << cluster;
        Dialect sriov;
        sriov.sriovExporter = true;
        sriov.sriovPodDevice = true;
        QTest::addRow("sriov-pod-device")
            << u"sriov_vf_rx_bytes:pf,vf,pciAddr;sriov_kubepoddevice:pciAddr,dev_type,pod,namespace,container"_qs
            << QStringList() << nodes << sriov;
        Dialect sriovExported = sriov;
        sriovExported.sriovPodLabel = u"exported_pod"_qs;
        sriovExported.sriovNamespaceLabel = u"exported_namespace"_qs;
        QTest::addRow("sriov-exported-pod") << u"sriov_vf_tx_packets:pciAddr;sriov_kubepoddevice:pciAddr,pod,namespace,"
                                               "exported_pod,exported_namespace"_qs
                                            << QStringList() << nodes << sriovExported;
        QTest::addRow("nothing") << QString() << QStringList() << nodes << Dialect();
        QTest::addRow("other-families-only")
            << u"node_cpu_seconds_total:cpu,mode"_qs << QStringList() << nodes << Dialect();
    }

    void synthetic()
    {
        QFETCH(QString, spec);
        QFETCH(QStringList, hostnames);
        QFETCH(QStringList, nodeNames);
        QFETCH(Dialect, expected);
        QStringList families;
        QHash<QString, QStringList> labels;
        unpack(spec, &families, &labels);
        const Dialect actual = Dialect::detect(families, labels, hostnames, nodeNames);
        compareDialects(actual, expected);
        QStringList sorted = families;
        sorted.sort();
        QCOMPARE(actual.families, sorted);
    }

    void exporterPodNames_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QStringList>("nodeNames");
        QTest::addColumn<bool>("pod");

        QTest::addRow("gpu-operator") << u"nvidia-dcgm-exporter-ml2wh"_qs << QStringList() << true;
        QTest::addRow("helm") << u"dcgm-exporter-wwwjh"_qs << QStringList() << true;
        QTest::addRow("vowel-suffix") << u"dcgm-exporter-aeiou"_qs << QStringList() << false;
        QTest::addRow("host") << u"r6i3n0"_qs << QStringList() << false;
        QTest::addRow("node-named-like-pod") << u"dcgm-node-bcdfg"_qs << QStringList { u"dcgm-node-bcdfg"_qs } << false;
        QTest::addRow("fqdn-of-node") << u"gpu-1.example.com"_qs << QStringList { u"gpu-1"_qs } << false;
        QTest::addRow("not-a-node") << u"gpu-9"_qs << QStringList { u"gpu-1"_qs } << true;
        QTest::addRow("empty") << QString() << QStringList { u"gpu-1"_qs } << false;
    }

    void exporterPodNames()
    {
        QFETCH(QString, value);
        QFETCH(QStringList, nodeNames);
        QFETCH(bool, pod);
        QCOMPARE(Dialect::looksLikeExporterPod(value, Dialect::hostKeys(nodeNames)), pod);
    }

    void describe()
    {
        QCOMPARE(Dialect().describe(), u"no known exporter"_qs);
        QCOMPARE(Dialect::standard().describe(),
                 u"dcgm-exporter (Hostname, pod, UUID), Kepler 0.11.4+, cAdvisor, kube-state-metrics, "
                 "SR-IOV exporter (pod)"_qs);
        Dialect old = dcgmDialect(u"Hostname"_qs, true, u"pod_name"_qs, u"uuid"_qs);
        old.kepler = Dialect::Kepler::Legacy;
        QCOMPARE(old.describe(), u"dcgm-exporter (Hostname = exporter pod, pod_name, uuid), Kepler ≤ 0.9"_qs);
        QVERIFY(!old.dcgmNodeUsable());
        QCOMPARE(old.dcgmFamily(u"DCGM_FI_DEV_GPU_UTIL"_qs), u"DCGM_FI_DEV_GPU_UTIL"_qs);
        old.dcgmLowerCaseNames = true;
        QCOMPARE(old.dcgmFamily(u"DCGM_FI_DEV_GPU_UTIL"_qs), u"dcgm_fi_dev_gpu_util"_qs);
    }
};

QTEST_GUILESS_MAIN(TestDialect)
#include "tst_dialect.moc"
