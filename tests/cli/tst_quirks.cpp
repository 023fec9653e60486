// SPDX-License-Identifier: GPL-3.0-or-later
// End to end: `specula-sim --scenario builtin:quirks` and `specula snapshot` as two processes,
// over HTTPS. Every row is one quirk of real clusters (src/sim/README.md lists them) and fails
// if the rule that handles it is dropped.
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

// Walks "nodes[name=gpu-plain].resources[name=nvidia.com/gpu].requested": a key, or a
// key with an array selector [field=value] (the value may contain dots but no ']').
QJsonValue lookup(const QJsonValue &root, const QString &path)
{
    QJsonValue current = root;
    qsizetype at = 0;
    while (at < path.size()) {
        const qsizetype bracket = path.indexOf(u'[', at);
        const qsizetype dot = path.indexOf(u'.', at);
        const qsizetype end = (bracket >= 0 && (dot < 0 || bracket < dot)) ? bracket : (dot < 0 ? path.size() : dot);
        current = current.toObject().value(path.mid(at, end - at));
        at = end;
        if (at < path.size() && path[at] == u'[') {
            const qsizetype close = path.indexOf(u']', at);
            const QString selector = path.mid(at + 1, close - at - 1);
            const QString field = selector.section(u'=', 0, 0);
            const QString value = selector.section(u'=', 1);
            QJsonValue found = QJsonValue::Undefined;
            const QJsonArray array = current.toArray();
            for (const auto &item : array) {
                if (item.toObject().value(field).toString() == value) {
                    found = item;
                    break;
                }
            }
            current = found;
            at = close + 1;
        }
        if (at < path.size() && path[at] == u'.')
            ++at;
    }
    return current;
}

QString compact(const QJsonValue &value)
{
    if (value.isUndefined())
        return QStringLiteral("<missing>");
    const QJsonArray wrapper { value };
    const QByteArray json = QJsonDocument(wrapper).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(json.mid(1, json.size() - 2));
}

} // namespace

class TestQuirks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString kubeconfig = m_dir.filePath(QStringLiteral("kubeconfig.yaml"));
        m_sim.start(QStringLiteral(SPECULA_SIM_EXECUTABLE),
                    { QStringLiteral("--scenario"), QStringLiteral("builtin:quirks"), QStringLiteral("--listen"),
                      QStringLiteral("127.0.0.1:0"), QStringLiteral("--tls"), QStringLiteral("--kubeconfig-out"),
                      kubeconfig });
        QElapsedTimer waited;
        waited.start();
        while (!m_simOut.contains("ready") && m_sim.state() != QProcess::NotRunning && waited.elapsed() < 30000) {
            m_sim.waitForReadyRead(200);
            m_simOut += m_sim.readAllStandardOutput();
        }
        QVERIFY2(m_sim.state() == QProcess::Running, m_sim.readAllStandardError().constData());

        QProcess specula;
        specula.start(QStringLiteral(SPECULA_EXECUTABLE),
                      { QStringLiteral("snapshot"), QStringLiteral("--kubeconfig"), kubeconfig });
        QSignalSpy finished(&specula, &QProcess::finished);
        QVERIFY(finished.wait(60000));
        QVERIFY2(specula.exitCode() == 0, specula.readAllStandardError().constData());
        QJsonParseError error;
        m_snapshot = QJsonDocument::fromJson(specula.readAllStandardOutput(), &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    }

    void cleanupTestCase()
    {
        m_sim.kill();
        m_sim.waitForFinished();
    }

    void facts_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("expected"); // compact JSON

        auto fact = [](const char *quirk, const char *path, const char *expected) {
            QTest::newRow(quirk) << QString::fromUtf8(path) << QString::fromUtf8(expected);
        };
        // MIG mixed, with a stale zero resource and allocatable below capacity.
        fact("mig mixed: strategy", "nodes[name=mig-mixed-stale].gpu.migStrategy", "\"mixed\"");
        fact("mig mixed: gpu.count stays physical", "nodes[name=mig-mixed-stale].gpu.physicalCount", "1");
        fact("mig mixed: gpu.replicas 0 is read as 1", "nodes[name=mig-mixed-stale].gpu.replicas", "1");
        fact("mig mixed: stale zero resource kept",
             "nodes[name=mig-mixed-stale].resources[name=nvidia.com/mig-4g.40gb].capacity", "0");
        fact("mig mixed: stale resource is mig",
             "nodes[name=mig-mixed-stale].resources[name=nvidia.com/mig-4g.40gb].kind", "\"mig\"");
        fact("mig mixed: allocatable below capacity",
             "nodes[name=mig-mixed-stale].resources[name=nvidia.com/mig-2g.20gb].allocatable", "0");
        fact("mig mixed: capacity as reported",
             "nodes[name=mig-mixed-stale].resources[name=nvidia.com/mig-2g.20gb].capacity", "1");
        fact("mig mixed: whole-GPU resource at zero",
             "nodes[name=mig-mixed-stale].resources[name=nvidia.com/gpu].allocatable", "0");
        // MIG and a whole GPU on one node.
        fact("mig beside whole gpu: strategy", "nodes[name=mig-and-whole].gpu.migStrategy", "\"mixed\"");
        fact("mig beside whole gpu: whole gpu kind", "nodes[name=mig-and-whole].resources[name=nvidia.com/gpu].kind",
             "\"gpu\"");
        fact("mig beside whole gpu: slices",
             "nodes[name=mig-and-whole].resources[name=nvidia.com/mig-1g.10gb].allocatable", "7");
        // Time-slicing, renamed and not; MPS.
        fact("time-slicing: product without -SHARED", "nodes[name=ts-plain].gpu.product", "\"Tesla-T4\"");
        fact("time-slicing: sharing", "nodes[name=ts-plain].gpu.sharing", "\"time-slicing\"");
        fact("time-slicing: replicas", "nodes[name=ts-plain].gpu.replicas", "4");
        fact("time-slicing: physical count", "nodes[name=ts-plain].gpu.physicalCount", "1");
        fact("time-slicing: resource is the replicas",
             "nodes[name=ts-plain].resources[name=nvidia.com/gpu].allocatable", "4");
        fact("renamed: gpu.shared kind", "nodes[name=ts-renamed].resources[name=nvidia.com/gpu.shared].kind",
             "\"gpu-shared\"");
        fact("renamed: sharing", "nodes[name=ts-renamed].gpu.sharing", "\"time-slicing\"");
        fact("renamed: product", "nodes[name=ts-renamed].gpu.product", "\"NVIDIA-L4\"");
        fact("mps: sharing", "nodes[name=mps-node].gpu.sharing", "\"mps\"");
        fact("mps: replicas", "nodes[name=mps-node].gpu.replicas", "2");
        fact("mps: physical count", "nodes[name=mps-node].gpu.physicalCount", "2");
        // MIG single: the labels describe MIG devices, so the physical count is unknown.
        fact("mig single: strategy", "nodes[name=mig-single].gpu.migStrategy", "\"single\"");
        fact("mig single: product without -MIG- suffix", "nodes[name=mig-single].gpu.product",
             "\"NVIDIA-A100-SXM4-40GB\"");
        fact("mig single: physical count unknown", "nodes[name=mig-single].gpu.physicalCount", "null");
        fact("mig single: memory unknown", "nodes[name=mig-single].gpu.memoryMiB", "null");
        fact("vgpu", "nodes[name=vgpu-node].gpu.vgpu", "true");
        fact("vgpu: product", "nodes[name=vgpu-node].gpu.product", "\"NVIDIA-A16-4Q\"");
        // nvidia.com/ SR-IOV pools are not GPUs.
        fact("nvidia.com pool is sriov", "nodes[name=nv-sriov].resources[name=nvidia.com/sriovlegacy].kind",
             "\"sriov\"");
        fact("nvidia.com hostdev pool is sriov", "nodes[name=nv-sriov].resources[name=nvidia.com/hostdev].kind",
             "\"sriov\"");
        fact("nvidia.com pools make no gpu block", "nodes[name=nv-sriov].gpu", "null");
        fact("pool from policy pfNames", "nodes[name=nv-sriov].sriov.pfs[name=ens2f0].resource",
             "\"nvidia.com/sriovlegacy\"");
        fact("pool from policy rootDevices", "nodes[name=nv-sriov].sriov.pfs[name=ens2f1].resource",
             "\"nvidia.com/hostdev\"");
        fact("old networks-status key", "nodes[name=nv-sriov].sriov.pfs[name=ens2f0].vfs[pciAddress=0000:d8:00.2].pod",
             "{\"name\":\"old-multus\",\"namespace\":\"telco\"}");
        fact("network-status without interface or version",
             "nodes[name=nv-sriov].sriov.pfs[name=ens2f0].vfs[pciAddress=0000:d8:00.3].pod",
             "{\"name\":\"no-iface\",\"namespace\":\"telco\"}");
        fact("free VF", "nodes[name=nv-sriov].sriov.pfs[name=ens2f0].vfs[pciAddress=0000:d8:00.4].pod", "null");
        fact("NIC that is not SR-IOV capable: no totalvfs", "nodes[name=nv-sriov].sriov.pfs[name=eno1].totalVfs",
             "null");
        fact("NIC that is not SR-IOV capable: no pool", "nodes[name=nv-sriov].sriov.pfs[name=eno1].resource", "null");
        fact("pod VFs from the old key", "pods[name=old-multus].vfs", "[\"0000:d8:00.2\"]");
        fact("limits-only VF request", "pods[name=no-iface].requests", "{\"nvidia.com/sriovlegacy\":1}");
        // vfio-pci VFs, a pool only the device plugin's ConfigMap names, an upper-case address.
        fact("pool from device-plugin ConfigMap", "nodes[name=vfio-node].sriov.pfs[name=ens1f1].resource",
             "\"intel.com/intel_sriov_dpdk\"");
        fact("link down", "nodes[name=vfio-node].sriov.pfs[name=ens1f1].linkSpeedMbps", "null");
        fact("sync in progress", "nodes[name=vfio-node].sriov.syncStatus", "\"InProgress\"");
        fact("vfio VF driver", "nodes[name=vfio-node].sriov.pfs[name=ens1f1].vfs[pciAddress=0000:3b:0a.0].driver",
             "\"vfio-pci\"");
        fact("upper-case PCI address joined",
             "nodes[name=vfio-node].sriov.pfs[name=ens1f1].vfs[pciAddress=0000:3b:0a.1].pod",
             "{\"name\":\"dpdk-app\",\"namespace\":\"telco\"}");
        fact("upper-case PCI address normalised", "pods[name=dpdk-app].vfs", "[\"0000:3b:0a.1\"]");
        fact("dpdk pool is sriov", "nodes[name=vfio-node].resources[name=intel.com/intel_sriov_dpdk].kind",
             "\"sriov\"");
        // What the scheduler counts on gpu-plain: 2 (limits only) + 4 (init peak) + 2 (sidecar + app).
        fact("limits only", "pods[name=limits-only].requests", "{\"nvidia.com/gpu\":2}");
        fact("init container peak", "pods[name=init-peak].requests", "{\"nvidia.com/gpu\":4}");
        fact("sidecar adds to app", "pods[name=with-sidecar].requests", "{\"nvidia.com/gpu\":2}");
        fact("succeeded pod not counted", "nodes[name=gpu-plain].resources[name=nvidia.com/gpu].requested", "8");
        fact("succeeded pod still listed", "pods[name=finished-still-bound].phase", "\"Succeeded\"");
        fact("GPUs of a running pod unknown without metrics", "pods[name=limits-only].gpus", "null");
        // Pending pods with the scheduler's words.
        fact("pending gpu: reason", "pods[name=wants-gpu].pending.reason", "\"Unschedulable\"");
        fact("pending mig", "pods[name=wants-mig].requests", "{\"nvidia.com/mig-3g.40gb\":2}");
        fact("pending vf", "pods[name=wants-vf].pending.reason", "\"Unschedulable\"");
        fact("pending pods have no node", "pods[name=wants-vf].node", "null");
    }

    void facts()
    {
        QFETCH(QString, path);
        QFETCH(QString, expected);
        QCOMPARE(compact(lookup(m_snapshot, path)), expected);
    }

    void pendingMessageIsTheLatestEvents()
    {
        // The pod's PodScheduled condition says "0/12 …"; its FailedScheduling event is newer.
        QCOMPARE(lookup(m_snapshot, QStringLiteral("pods[name=wants-gpu].pending.message")).toString(),
                 QStringLiteral("0/10 nodes are available: 10 Insufficient nvidia.com/gpu. preemption: 0/10 nodes are "
                                "available: 10 No preemption victims found for incoming pod."));
    }

private:
    QTemporaryDir m_dir;
    QProcess m_sim;
    QByteArray m_simOut;
    QJsonObject m_snapshot;
};

QTEST_GUILESS_MAIN(TestQuirks)
#include "tst_quirks.moc"
