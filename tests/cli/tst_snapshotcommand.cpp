// SPDX-License-Identifier: GPL-3.0-or-later
#include "../sim/simtesthelpers.h"
#include "cli/snapshotjson.h"
#include "sim/scenario.h"
#include "sim/simserver.h"
#include "speculaprocess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Specula;
using CliTest::byName;
using CliTest::Run;
using CliTest::runSpecula;

class TestSnapshotCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_server = SimTest::start(u"builtin:demo"_qs); // stands still, so the facts below are exact
        QString error;
        QVERIFY2(m_server->writeKubeconfig(kubeconfig(), Sim::SimServer::KubeconfigAuth::ClientCertificate, &error),
                 qPrintable(error));

        // The cluster side alone; tst_metricscommands checks what Prometheus adds.
        const Run run
            = runSpecula({ u"snapshot"_qs, u"--kubeconfig"_qs, kubeconfig(), u"--prometheus"_qs, u"none"_qs });
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QJsonParseError parseError;
        m_snapshot = QJsonDocument::fromJson(run.out, &parseError).object();
        QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(parseError.errorString()));
    }

    void envelope()
    {
        QCOMPARE(m_snapshot.value(u"schemaVersion").toInt(), 1);
        QCOMPARE(m_snapshot.value(u"context").toString(), u"specula-sim"_qs);
        QCOMPARE(m_snapshot.value(u"server").toString(), m_server->url().toString());
        QVERIFY(QDateTime::fromString(m_snapshot.value(u"collectedAt").toString(), Qt::ISODate).isValid());
        const QJsonObject prometheus = m_snapshot.value(u"prometheus").toObject();
        QCOMPARE(prometheus.value(u"status").toString(), u"disabled"_qs);
        QVERIFY(prometheus.value(u"url").isNull());
        QVERIFY(m_snapshot.value(u"warnings").isArray());
    }

    void nodes_data()
    {
        QTest::addColumn<QString>("node");
        QTest::addColumn<bool>("ready");
        QTest::addColumn<QString>("resource");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("allocatable");
        QTest::addColumn<int>("requested");
        // 4 (requests) + 2 (limits only); the Succeeded pod's 2 GPUs are not counted.
        QTest::addRow("whole-gpus") << u"gpu-h100-0"_qs << true << u"nvidia.com/gpu"_qs << u"gpu"_qs << 8 << 6;
        QTest::addRow("not-ready") << u"gpu-h100-1"_qs << false << u"nvidia.com/gpu"_qs << u"gpu"_qs << 8 << 0;
        QTest::addRow("mig-mixed") << u"gpu-a100-mig-mixed-0"_qs << true << u"nvidia.com/mig-1g.10gb"_qs << u"mig"_qs
                                   << 7 << 1;
        QTest::addRow("stale-zero-mig") << u"gpu-a100-mig-mixed-0"_qs << true << u"nvidia.com/mig-2g.20gb"_qs
                                        << u"mig"_qs << 0 << 0;
        QTest::addRow("renamed-shared") << u"gpu-l4-shared-0"_qs << true << u"nvidia.com/gpu.shared"_qs
                                        << u"gpu-shared"_qs << 4 << 1;
        QTest::addRow("sriov-pool") << u"sriov-worker-0"_qs << true << u"openshift.io/mlnx_sriov_rdma"_qs << u"sriov"_qs
                                    << 4 << 1;
    }
    void nodes()
    {
        QFETCH(QString, node);
        QFETCH(bool, ready);
        QFETCH(QString, resource);
        QFETCH(QString, kind);
        QFETCH(int, allocatable);
        QFETCH(int, requested);
        const QJsonObject object = byName(m_snapshot.value(u"nodes").toArray(), node);
        QVERIFY2(!object.isEmpty(), qPrintable(node));
        QCOMPARE(object.value(u"ready").toBool(), ready);
        QCOMPARE(object.value(u"unschedulable").toBool(), false);
        const QJsonObject r = byName(object.value(u"resources").toArray(), resource);
        QVERIFY2(!r.isEmpty(), qPrintable(resource));
        QCOMPARE(r.value(u"kind").toString(), kind);
        QCOMPARE(r.value(u"allocatable").toInt(-1), allocatable);
        QCOMPARE(r.value(u"requested").toInt(-1), requested);
        QVERIFY(r.value(u"capacity").isDouble());
    }

    void devices()
    {
        const QJsonArray nodes = m_snapshot.value(u"nodes").toArray();
        const QJsonObject h100 = byName(nodes, u"gpu-h100-0"_qs).value(u"gpu").toObject();
        QCOMPARE(h100.value(u"product").toString(), u"NVIDIA-H100-80GB-HBM3"_qs);
        QCOMPARE(h100.value(u"physicalCount").toInt(), 8);
        QCOMPARE(h100.value(u"memoryMiB").toInt(), 81559);
        QCOMPARE(h100.value(u"migStrategy").toString(), u"none"_qs);
        QCOMPARE(h100.value(u"devices").toArray().size(), 0); // no Prometheus, no DRA: no device list
        QVERIFY(byName(nodes, u"cpu-worker-0"_qs).value(u"gpu").isNull());
        QVERIFY(byName(nodes, u"cpu-worker-0"_qs).value(u"sriov").isNull());

        // The DRA node names its GPUs; the claim's pod holds one of them.
        const QJsonArray draDevices
            = byName(nodes, u"gpu-dra-0"_qs).value(u"gpu").toObject().value(u"devices").toArray();
        QCOMPARE(draDevices.size(), 4);
        QJsonObject held;
        for (const auto &device : draDevices) {
            if (!device.toObject().value(u"pods").toArray().isEmpty())
                held = device.toObject();
        }
        QVERIFY(held.value(u"uuid").toString().startsWith(u"GPU-"_qs));
        QVERIFY(held.value(u"utilPercent").isNull()); // metrics are not read here
        const QString holder = held.value(u"pods").toArray().first().toObject().value(u"name").toString();
        const QJsonObject pod = byName(m_snapshot.value(u"pods").toArray(), holder);
        QCOMPARE(pod.value(u"gpus").toArray().first().toString(), held.value(u"uuid").toString());

        const QJsonObject sriov = byName(nodes, u"sriov-worker-0"_qs).value(u"sriov").toObject();
        QCOMPARE(sriov.value(u"syncStatus").toString(), u"Succeeded"_qs);
        const QJsonObject ens1f0 = byName(sriov.value(u"pfs").toArray(), u"ens1f0"_qs);
        QCOMPARE(ens1f0.value(u"resource").toString(), u"openshift.io/intel_sriov_netdevice"_qs);
        QCOMPARE(ens1f0.value(u"totalVfs").toInt(), 64);
        const QJsonObject vf0 = ens1f0.value(u"vfs").toArray().first().toObject();
        QCOMPARE(vf0.value(u"pciAddress").toString(), u"0000:3b:02.0"_qs);
        QCOMPARE(vf0.value(u"pod").toObject().value(u"name").toString(), u"cnf-dpdk-0"_qs);
        QCOMPARE(byName(m_snapshot.value(u"pods").toArray(), u"cnf-dpdk-0"_qs).value(u"vfs").toArray().size(), 2);
    }

    void cpuOnlyNodeHasNoExtendedResources()
    {
        const QJsonObject node = byName(m_snapshot.value(u"nodes").toArray(), u"cpu-worker-0"_qs);
        QVERIFY(!node.isEmpty());
        QCOMPARE(node.value(u"resources").toArray().size(), 0);
    }

    void pods()
    {
        const QJsonArray pods = m_snapshot.value(u"pods").toArray();
        const QJsonObject pending = byName(pods, u"train-llm-70b-0"_qs, u"ml-team"_qs);
        QVERIFY(!pending.isEmpty());
        QVERIFY(pending.value(u"node").isNull());
        QCOMPARE(pending.value(u"phase").toString(), u"Pending"_qs);
        QCOMPARE(pending.value(u"requests").toObject().value(u"nvidia.com/gpu").toInt(), 8);
        const QJsonObject reason = pending.value(u"pending").toObject();
        QCOMPARE(reason.value(u"reason").toString(), u"Unschedulable"_qs);
        QVERIFY(reason.value(u"message").toString().contains(u"Insufficient nvidia.com/gpu"_qs));

        const QJsonObject limitsOnly = byName(pods, u"train-llm-7b-worker-0"_qs, u"ml-team"_qs);
        QCOMPARE(limitsOnly.value(u"requests").toObject().value(u"nvidia.com/gpu").toInt(), 2);
        QVERIFY(limitsOnly.value(u"pending").isNull());

        const QJsonObject finished = byName(pods, u"finished-eval-8kq2m"_qs, u"ml-team"_qs);
        QCOMPARE(finished.value(u"phase").toString(), u"Succeeded"_qs);
        QCOMPARE(finished.value(u"node").toString(), u"gpu-h100-0"_qs);

        const QJsonObject vfs = byName(pods, u"cnf-dpdk-0"_qs, u"telco"_qs);
        QCOMPARE(vfs.value(u"requests").toObject().value(u"openshift.io/intel_sriov_netdevice").toInt(), 1);

        // The Succeeded pod is not on its node's list of pods holding resources.
        const QJsonObject node = byName(m_snapshot.value(u"nodes").toArray(), u"gpu-h100-0"_qs);
        const QStringList onNode = node.value(u"pods").toVariant().toStringList();
        QVERIFY(onNode.contains(u"ml-team/train-llm-7b-worker-0"_qs));
        QVERIFY(!onNode.contains(u"ml-team/finished-eval-8kq2m"_qs));
    }

    void writesToAFile()
    {
        const QString path = m_dir.filePath(u"out/snapshot.json"_qs);
        QDir().mkpath(m_dir.filePath(u"out"_qs));
        const Run run = runSpecula({ u"snapshot"_qs, u"--kubeconfig"_qs, kubeconfig(), u"-o"_qs, path });
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.isEmpty());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(file.readAll()).object().value(u"schemaVersion").toInt(), 1);
    }

    void failures_data()
    {
        QTest::addColumn<QString>("kubeconfigText");
        QTest::addColumn<QStringList>("extraArguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("stderrContains");

        QTest::addRow("malformed-yaml") << u"apiVersion: v1\nclusters: [\n  - name: x\n"_qs << QStringList() << 2
                                        << u"bad.yaml"_qs;
        QTest::addRow("missing-context") << QString() << QStringList { u"--context"_qs, u"nope"_qs } << 2 << u"nope"_qs;
        QTest::addRow("unknown-option") << QString() << QStringList { u"--frobnicate"_qs } << 2 << u"frobnicate"_qs;
        QTest::addRow("unreachable") << u"CLOSED_PORT"_qs << QStringList() << 1 << u"127.0.0.1"_qs;
    }
    void failures()
    {
        QFETCH(QString, kubeconfigText);
        QFETCH(QStringList, extraArguments);
        QFETCH(int, exitCode);
        QFETCH(QString, stderrContains);

        QString path = kubeconfig();
        if (kubeconfigText == u"CLOSED_PORT"_qs) {
            // A port that was free a moment ago: nothing listens there now.
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            const quint16 port = probe.serverPort();
            probe.close();
            path = m_dir.filePath(u"closed.yaml"_qs);
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            const QByteArray closedUrl = "https://127.0.0.1:" + QByteArray::number(port);
            file.write(m_server->kubeconfig().replace(m_server->url().toEncoded(), closedUrl));
        } else if (!kubeconfigText.isEmpty()) {
            path = m_dir.filePath(u"bad.yaml"_qs);
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(kubeconfigText.toUtf8());
        }
        const Run run = runSpecula(QStringList { u"snapshot"_qs, u"--kubeconfig"_qs, path } + extraArguments);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY(run.out.isEmpty());
        const QString err = QString::fromUtf8(run.err);
        QVERIFY2(err.startsWith(u"specula snapshot: "_qs), qPrintable(err));
        QVERIFY2(err.contains(stderrContains), qPrintable(err));
        QCOMPARE(err.count(u'\n'), 1); // one clear line
    }

    void unknownCommandNeedsNoDisplay()
    {
        const Run run = runSpecula({ u"snapshots"_qs });
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(QString::fromUtf8(run.err), u"specula: unknown command 'snapshots' (try --help)\n"_qs);
        const Run help = runSpecula({ u"--help"_qs });
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("snapshot"));
    }

private:
    QString kubeconfig() const { return m_dir.filePath(u"kubeconfig.yaml"_qs); }

    QTemporaryDir m_dir;
    std::unique_ptr<Sim::SimServer> m_server;
    QJsonObject m_snapshot;
};

QTEST_GUILESS_MAIN(TestSnapshotCommand)
#include "tst_snapshotcommand.moc"
