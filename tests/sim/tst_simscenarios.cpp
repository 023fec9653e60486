// SPDX-License-Identifier: GPL-3.0-or-later
// The built-in scenarios over real HTTPS on 127.0.0.1: builtin:quirks serves every quirk it promises,
// builtin:demo its DRA and SR-IOV objects; ConfigMaps and SriovNetworkNodePolicies are served like any
// kind; events answer the apiserver's field selectors, in lists and in watches.
#include "sim/simserver.h"
#include "sim/tableformat.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace Specula;

namespace {

QJsonObject byName(const QJsonArray &items, const QString &name)
{
    for (const QJsonValue &item : items) {
        if (item.toObject().value(u"metadata").toObject().value(u"name").toString() == name)
            return item.toObject();
    }
    return {};
}

QStringList names(const QJsonArray &items)
{
    QStringList out;
    for (const QJsonValue &item : items)
        out.append(item.toObject().value(u"metadata").toObject().value(u"name").toString());
    out.sort();
    return out;
}

} // namespace

class TestSimScenarios : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Sim::SimServer> m_quirks;
    std::unique_ptr<Sim::SimServer> m_demo;

    static std::unique_ptr<Sim::SimServer> start(const QString &spec)
    {
        auto scenario = Sim::loadScenario(spec);
        if (!scenario)
            qFatal("%s: %s", qPrintable(spec), qPrintable(scenario.error().message));
        Sim::ServerOptions options;
        options.tickMs = -1; // tests call advance()
        auto server = std::make_unique<Sim::SimServer>(std::move(scenario).value(), options);
        if (!server->start())
            qFatal("%s: the server did not start", qPrintable(spec));
        return server;
    }

    static QNetworkRequest request(Sim::SimServer &server, const QString &path, const QByteArray &accept = {})
    {
        QNetworkRequest r(server.url().resolved(QUrl(path)));
        r.setRawHeader("Authorization", "Bearer " + server.bearerToken());
        if (!accept.isEmpty())
            r.setRawHeader("Accept", accept);
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(QSslCertificate::fromData(Sim::SimServer::caCertificatePem()));
        r.setSslConfiguration(tls);
        return r;
    }

    static std::pair<int, QJsonObject> get(Sim::SimServer &server, const QString &path, const QByteArray &accept = {})
    {
        QNetworkAccessManager nam;
        QNetworkReply *reply = nam.get(request(server, path, accept));
        QSignalSpy done(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            done.wait(20000);
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
        delete reply;
        return { status, body };
    }

    static QJsonArray items(Sim::SimServer &server, const QString &path)
    {
        const auto [status, body] = get(server, path);
        if (status != 200)
            qWarning("%s: HTTP %d %s", qPrintable(path), status, qPrintable(body.value(u"message").toString()));
        return body.value(u"items").toArray();
    }

    static QString selector(const QString &text) { return QString::fromLatin1(QUrl::toPercentEncoding(text)); }

    // kubectl against server; stdout, or a failed check with stderr.
    static QByteArray kubectl(Sim::SimServer &server, const QStringList &args)
    {
        const QString program = QStandardPaths::findExecutable(u"kubectl"_qs);
        if (program.isEmpty())
            return "kubectl must be on PATH";
        QTemporaryDir dir;
        const QString kubeconfig = dir.filePath(u"kubeconfig"_qs);
        if (!server.writeKubeconfig(kubeconfig))
            return "no kubeconfig";
        QProcess p;
        p.start(program,
                QStringList { u"--kubeconfig"_qs, kubeconfig, u"--cache-dir"_qs, dir.filePath(u"cache"_qs) } + args);
        // The server answers on this thread's event loop, so wait by spinning it.
        if (!QTest::qWaitFor([&p] { return p.state() == QProcess::NotRunning; }, 60000))
            return "kubectl timed out";
        if (p.exitCode() != 0)
            return "kubectl failed: " + p.readAllStandardError();
        return p.readAllStandardOutput();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_quirks = start(u"builtin:quirks"_qs);
        m_demo = start(u"builtin:demo"_qs);
    }
    void cleanupTestCase()
    {
        m_quirks.reset();
        m_demo.reset();
    }

    void quirksNodes_data()
    {
        QTest::addColumn<QString>("node");
        QTest::addColumn<QString>("resource");
        QTest::addColumn<QString>("capacity");
        QTest::addColumn<QString>("allocatable");
        QTest::addColumn<QString>("label"); // key=value, or empty
        QTest::addRow("stale-zero") << u"mig-mixed-stale"_qs << u"nvidia.com/mig-4g.40gb"_qs << u"0"_qs << u"0"_qs
                                    << QString();
        QTest::addRow("capacity-above-allocatable") << u"mig-mixed-stale"_qs << u"nvidia.com/mig-2g.20gb"_qs << u"1"_qs
                                                    << u"0"_qs << u"nvidia.com/mig-2g.20gb.count=1"_qs;
        QTest::addRow("gfd-replicas-zero")
            << u"mig-mixed-stale"_qs << u"nvidia.com/gpu"_qs << u"0"_qs << u"0"_qs << u"nvidia.com/gpu.replicas=0"_qs;
        QTest::addRow("fixture-labels") << u"mig-mixed-stale"_qs << u"nvidia.com/mig-1g.10gb"_qs << u"2"_qs << u"2"_qs
                                        << u"nvidia.com/mig-1g.10gb.product=NVIDIA-H100-80GB-HBM3-MIG-1g.10gb"_qs;
        QTest::addRow("whole-beside-mig")
            << u"mig-and-whole"_qs << u"nvidia.com/gpu"_qs << u"1"_qs << u"1"_qs << u"nvidia.com/gpu.count=2"_qs;
        QTest::addRow("mig-beside-whole") << u"mig-and-whole"_qs << u"nvidia.com/mig-1g.10gb"_qs << u"7"_qs << u"7"_qs
                                          << u"nvidia.com/mig-1g.10gb.count=7"_qs;
        QTest::addRow("ts-plain") << u"ts-plain"_qs << u"nvidia.com/gpu"_qs << u"4"_qs << u"4"_qs
                                  << u"nvidia.com/gpu.product=Tesla-T4-SHARED"_qs;
        QTest::addRow("ts-renamed-zero") << u"ts-renamed"_qs << u"nvidia.com/gpu"_qs << u"0"_qs << u"0"_qs
                                         << u"nvidia.com/gpu.product=NVIDIA-L4"_qs;
        QTest::addRow("ts-renamed-shared")
            << u"ts-renamed"_qs << u"nvidia.com/gpu.shared"_qs << u"4"_qs << u"4"_qs << u"nvidia.com/gpu.replicas=4"_qs;
        QTest::addRow("mps") << u"mps-node"_qs << u"nvidia.com/gpu"_qs << u"4"_qs << u"4"_qs
                             << u"nvidia.com/gpu.sharing-strategy=mps"_qs;
        QTest::addRow("mig-single") << u"mig-single"_qs << u"nvidia.com/gpu"_qs << u"14"_qs << u"14"_qs
                                    << u"nvidia.com/mig.strategy=single"_qs;
        QTest::addRow("vgpu") << u"vgpu-node"_qs << u"nvidia.com/gpu"_qs << u"1"_qs << u"1"_qs
                              << u"nvidia.com/vgpu.present=true"_qs;
        QTest::addRow("nvidia-prefixed-vfs")
            << u"nv-sriov"_qs << u"nvidia.com/sriovlegacy"_qs << u"4"_qs << u"4"_qs << QString();
        QTest::addRow("nvidia-hostdev") << u"nv-sriov"_qs << u"nvidia.com/hostdev"_qs << u"2"_qs << u"2"_qs
                                        << QString();
        QTest::addRow("configmap-pool") << u"vfio-node"_qs << u"intel.com/intel_sriov_dpdk"_qs << u"2"_qs << u"2"_qs
                                        << QString();
        QTest::addRow("whole-gpus") << u"gpu-plain"_qs << u"nvidia.com/gpu"_qs << u"8"_qs << u"8"_qs
                                    << u"nvidia.com/gpu.product=NVIDIA-H100-80GB-HBM3"_qs;
    }
    void quirksNodes()
    {
        QFETCH(QString, node);
        QFETCH(QString, resource);
        QFETCH(QString, capacity);
        QFETCH(QString, allocatable);
        QFETCH(QString, label);
        const auto [status, object] = get(*m_quirks, u"/api/v1/nodes/"_qs + node);
        QCOMPARE(status, 200);
        const QJsonObject nodeStatus = object.value(u"status").toObject();
        QCOMPARE(nodeStatus.value(u"capacity").toObject().value(resource).toString(), capacity);
        QCOMPARE(nodeStatus.value(u"allocatable").toObject().value(resource).toString(), allocatable);
        const QJsonObject labels = object.value(u"metadata").toObject().value(u"labels").toObject();
        if (!label.isEmpty())
            QCOMPARE(labels.value(label.section(u'=', 0, 0)).toString(), label.section(u'=', 1));
        if (node == u"nv-sriov" || node == u"vfio-node") {
            for (auto it = labels.begin(); it != labels.end(); ++it)
                QVERIFY2(!it.key().startsWith(u"nvidia.com/gpu"), qPrintable(it.key()));
        }
    }

    // Every nvidia.com label of the real captures, unchanged, and nothing else from nvidia.com.
    void quirksLabelsFollowTheFixtures_data()
    {
        QTest::addColumn<QString>("node");
        QTest::addColumn<QString>("fixture");
        QTest::addRow("mig-mixed") << u"mig-mixed-stale"_qs << u"node-labels_gfd_h100_mig-mixed.json"_qs;
        QTest::addRow("vgpu") << u"vgpu-node"_qs << u"node-list_real_vgpu-A16-4Q_rke2_kubectl-get-nodes-json.json"_qs;
    }
    void quirksLabelsFollowTheFixtures()
    {
        QFETCH(QString, node);
        QFETCH(QString, fixture);
        QFile file(qEnvironmentVariable("SPECULA_SHARED_DIR") + u"/fixtures/"_qs + fixture);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        QJsonObject fixtureLabels = QJsonDocument::fromJson(file.readAll()).object();
        if (fixtureLabels.contains(u"items"))
            fixtureLabels = fixtureLabels.value(u"items")
                                .toArray()
                                .first()
                                .toObject()
                                .value(u"metadata")
                                .toObject()
                                .value(u"labels")
                                .toObject();
        const QJsonObject served = get(*m_quirks, u"/api/v1/nodes/"_qs + node)
                                       .second.value(u"metadata")
                                       .toObject()
                                       .value(u"labels")
                                       .toObject();
        QVariantMap expected;
        QVariantMap got;
        for (auto it = fixtureLabels.begin(); it != fixtureLabels.end(); ++it) {
            if (it.key().startsWith(u"nvidia.com/"))
                expected.insert(it.key(), it.value().toString());
        }
        for (auto it = served.begin(); it != served.end(); ++it) {
            if (it.key().startsWith(u"nvidia.com/"))
                got.insert(it.key(), it.value().toString());
        }
        QVERIFY(expected.size() > 30);
        QCOMPARE(got, expected);
    }

    void quirksPods_data()
    {
        QTest::addColumn<QString>("ns");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("node");
        QTest::addColumn<QString>("phase");
        QTest::addColumn<QString>("annotation"); // the Multus key it carries, or empty
        QTest::addColumn<QString>("contains"); // in that annotation
        QTest::addRow("limits-only") << u"ml-team"_qs << u"limits-only"_qs << u"gpu-plain"_qs << u"Running"_qs
                                     << QString() << QString();
        QTest::addRow("init-peak") << u"ml-team"_qs << u"init-peak"_qs << u"gpu-plain"_qs << u"Running"_qs << QString()
                                   << QString();
        QTest::addRow("with-sidecar") << u"ml-team"_qs << u"with-sidecar"_qs << u"gpu-plain"_qs << u"Running"_qs
                                      << QString() << QString();
        QTest::addRow("finished-still-bound") << u"ml-team"_qs << u"finished-still-bound"_qs << u"gpu-plain"_qs
                                              << u"Succeeded"_qs << QString() << QString();
        QTest::addRow("old-multus") << u"telco"_qs << u"old-multus"_qs << u"nv-sriov"_qs << u"Running"_qs
                                    << u"k8s.v1.cni.cncf.io/networks-status"_qs << u"0000:d8:00.2"_qs;
        QTest::addRow("no-iface") << u"telco"_qs << u"no-iface"_qs << u"nv-sriov"_qs << u"Running"_qs
                                  << u"k8s.v1.cni.cncf.io/network-status"_qs << u"0000:d8:00.3"_qs;
        QTest::addRow("dpdk-app") << u"telco"_qs << u"dpdk-app"_qs << u"vfio-node"_qs << u"Running"_qs
                                  << u"k8s.v1.cni.cncf.io/network-status"_qs << u"0000:3B:0A.1"_qs;
        QTest::addRow("wants-gpu") << u"ml-team"_qs << u"wants-gpu"_qs << QString() << u"Pending"_qs << QString()
                                   << QString();
        QTest::addRow("wants-mig") << u"ml-team"_qs << u"wants-mig"_qs << QString() << u"Pending"_qs << QString()
                                   << QString();
        QTest::addRow("wants-vf") << u"telco"_qs << u"wants-vf"_qs << QString() << u"Pending"_qs << QString()
                                  << QString();
    }
    void quirksPods()
    {
        QFETCH(QString, ns);
        QFETCH(QString, name);
        QFETCH(QString, node);
        QFETCH(QString, phase);
        QFETCH(QString, annotation);
        QFETCH(QString, contains);
        const auto [status, pod] = get(*m_quirks, u"/api/v1/namespaces/%1/pods/%2"_qs.arg(ns, name));
        QCOMPARE(status, 200);
        QCOMPARE(pod.value(u"spec").toObject().value(u"nodeName").toString(), node);
        QCOMPARE(pod.value(u"status").toObject().value(u"phase").toString(), phase);
        const QJsonObject annotations = pod.value(u"metadata").toObject().value(u"annotations").toObject();
        if (annotation.isEmpty())
            return;
        // Exactly one of the two Multus keys, holding a JSON array inside a string.
        QCOMPARE(annotations.contains(u"k8s.v1.cni.cncf.io/network-status"),
                 annotation == u"k8s.v1.cni.cncf.io/network-status");
        QCOMPARE(annotations.contains(u"k8s.v1.cni.cncf.io/networks-status"),
                 annotation == u"k8s.v1.cni.cncf.io/networks-status");
        const QString text = annotations.value(annotation).toString();
        QVERIFY(text.contains(contains));
        QJsonParseError error;
        const QJsonArray entries = QJsonDocument::fromJson(text.toUtf8(), &error).array();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(entries.size(), 2);
        const QJsonObject defaultEntry = entries.at(0).toObject();
        const QJsonObject deviceInfo = entries.at(1).toObject().value(u"device-info").toObject();
        QVERIFY(defaultEntry.value(u"default").toBool());
        QCOMPARE(defaultEntry.contains(u"interface"), name != u"no-iface");
        QCOMPARE(deviceInfo.contains(u"version"), name != u"no-iface");
        QCOMPARE(deviceInfo.value(u"pci").toObject().value(u"pci-address").toString(), contains);
    }

    void quirksGpuRequests_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QStringList>("init"); // nvidia.com/gpu requests (r) or limits (l) of init containers
        QTest::addColumn<QStringList>("app");
        QTest::addColumn<bool>("sidecar");
        QTest::addRow("limits-only") << u"limits-only"_qs << QStringList() << QStringList { u"l2"_qs } << false;
        QTest::addRow("init-peak") << u"init-peak"_qs << QStringList { u"r4"_qs } << QStringList { u"r1"_qs } << false;
        QTest::addRow("with-sidecar") << u"with-sidecar"_qs << QStringList { u"r1"_qs } << QStringList { u"r1"_qs }
                                      << true;
        QTest::addRow("finished") << u"finished-still-bound"_qs << QStringList() << QStringList { u"r8"_qs } << false;
    }
    void quirksGpuRequests()
    {
        QFETCH(QString, name);
        QFETCH(QStringList, init);
        QFETCH(QStringList, app);
        QFETCH(bool, sidecar);
        const QJsonObject spec
            = get(*m_quirks, u"/api/v1/namespaces/ml-team/pods/"_qs + name).second.value(u"spec").toObject();
        auto describe = [](const QJsonArray &containers, bool *restartable) {
            QStringList out;
            for (const QJsonValue &c : containers) {
                const QJsonObject resources = c.toObject().value(u"resources").toObject();
                const QString request = resources.value(u"requests").toObject().value(u"nvidia.com/gpu").toString();
                const QString limit = resources.value(u"limits").toObject().value(u"nvidia.com/gpu").toString();
                out.append(request.isEmpty() ? u"l"_qs + limit : u"r"_qs + request);
                if (restartable)
                    *restartable = c.toObject().value(u"restartPolicy").toString() == u"Always";
            }
            return out;
        };
        bool restartable = false;
        QCOMPARE(describe(spec.value(u"initContainers").toArray(), &restartable), init);
        QCOMPARE(restartable, sidecar);
        QCOMPARE(describe(spec.value(u"containers").toArray(), nullptr), app);
    }

    // Each pending pod has one FailedScheduling event from the scheduler; wants-gpu's is newer than the pod's
    // condition and says something else.
    void quirksPendingEvents_data()
    {
        QTest::addColumn<QString>("ns");
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("sameMessage");
        QTest::addRow("wants-gpu") << u"ml-team"_qs << u"wants-gpu"_qs << false;
        QTest::addRow("wants-mig") << u"ml-team"_qs << u"wants-mig"_qs << true;
        QTest::addRow("wants-vf") << u"telco"_qs << u"wants-vf"_qs << true;
    }
    void quirksPendingEvents()
    {
        QFETCH(QString, ns);
        QFETCH(QString, name);
        QFETCH(bool, sameMessage);
        const QJsonObject pod = get(*m_quirks, u"/api/v1/namespaces/%1/pods/%2"_qs.arg(ns, name)).second;
        const QJsonObject condition = pod.value(u"status").toObject().value(u"conditions").toArray().first().toObject();
        QCOMPARE(condition.value(u"reason").toString(), u"Unschedulable"_qs);
        const QJsonArray events = items(
            *m_quirks,
            u"/api/v1/namespaces/%1/events?fieldSelector=%2"_qs.arg(ns, selector(u"involvedObject.name="_qs + name)));
        QCOMPARE(events.size(), 1);
        const QJsonObject event = events.first().toObject();
        QCOMPARE(event.value(u"reason").toString(), u"FailedScheduling"_qs);
        QCOMPARE(event.value(u"type").toString(), u"Warning"_qs);
        QCOMPARE(event.value(u"source").toObject().value(u"component").toString(), u"default-scheduler"_qs);
        const QJsonObject involved = event.value(u"involvedObject").toObject();
        QCOMPARE(involved.value(u"kind").toString(), u"Pod"_qs);
        QCOMPARE(involved.value(u"namespace").toString(), ns);
        QCOMPARE(involved.value(u"uid").toString(), pod.value(u"metadata").toObject().value(u"uid").toString());
        QVERIFY(event.value(u"count").toInt() >= 1);
        const QDateTime last = QDateTime::fromString(event.value(u"lastTimestamp").toString(), Qt::ISODate);
        const QDateTime first = QDateTime::fromString(event.value(u"firstTimestamp").toString(), Qt::ISODate);
        QVERIFY(last.isValid() && first.isValid() && first <= last);
        QCOMPARE(event.value(u"message").toString() == condition.value(u"message").toString(), sameMessage);
        if (!sameMessage) {
            QVERIFY(last > QDateTime::fromString(condition.value(u"lastTransitionTime").toString(), Qt::ISODate));
            QVERIFY(condition.value(u"message").toString().startsWith(u"0/12 nodes are available: 12 Insufficient"));
        } else {
            QVERIFY(event.value(u"message").toString().startsWith(u"0/10 nodes are available:"));
        }
    }

    void quirksSriov()
    {
        const QJsonArray states = items(*m_quirks,
                                        u"/apis/sriovnetwork.openshift.io/v1/namespaces/nvidia-network-operator/"
                                        u"sriovnetworknodestates"_qs);
        QCOMPARE(names(states), (QStringList { u"nv-sriov"_qs, u"vfio-node"_qs }));
        const QJsonObject nv = byName(states, u"nv-sriov"_qs);
        for (const QJsonValue &pf : nv.value(u"spec").toObject().value(u"interfaces").toArray())
            QVERIFY(!pf.toObject().contains(u"vfGroups"));
        QStringList summary;
        for (const QJsonValue &v : nv.value(u"status").toObject().value(u"interfaces").toArray()) {
            const QJsonObject pf = v.toObject();
            QStringList vfs;
            for (const QJsonValue &vf : pf.value(u"Vfs").toArray())
                vfs.append(vf.toObject().value(u"pciAddress").toString());
            summary.append(u"%1 %2 %3 %4 %5 [%6]"_qs.arg(
                pf.value(u"name").toString(), pf.value(u"driver").toString(),
                pf.contains(u"totalvfs") ? QString::number(pf.value(u"totalvfs").toInt()) : u"-"_qs,
                QString::number(pf.value(u"numVfs").toInt()), pf.value(u"linkSpeed").toString(u"-"_qs),
                vfs.join(u',')));
        }
        QCOMPARE(summary,
                 (QStringList { u"ens2f0 mlx5_core 8 4 100000 Mb/s "
                                u"[0000:d8:00.2,0000:d8:00.3,0000:d8:00.4,0000:d8:00.5]"_qs,
                                u"ens2f1 mlx5_core 8 2 100000 Mb/s [0000:d8:01.2,0000:d8:01.3]"_qs,
                                u"eno1 tg3 - 0 1000 Mb/s []"_qs, u"ens1f0np0 mlx5_core - 0 25000 Mb/s []"_qs }));

        const QJsonObject vfio = byName(states, u"vfio-node"_qs);
        QCOMPARE(vfio.value(u"status").toObject().value(u"syncStatus").toString(), u"InProgress"_qs);
        const QJsonObject pf = vfio.value(u"status").toObject().value(u"interfaces").toArray().first().toObject();
        QCOMPARE(pf.value(u"linkSpeed").toString(), u"-1 Mb/s"_qs);
        QCOMPARE(pf.value(u"vendor").toString(), u"8086"_qs);
        QCOMPARE(pf.value(u"deviceID").toString(), u"1572"_qs);
        for (const QJsonValue &vf : pf.value(u"Vfs").toArray()) {
            QCOMPARE(vf.toObject().value(u"driver").toString(), u"vfio-pci"_qs);
            QVERIFY(!vf.toObject().contains(u"name") && !vf.toObject().contains(u"mac")
                    && !vf.toObject().contains(u"mtu"));
        }

        const QJsonArray policies = items(*m_quirks, u"/apis/sriovnetwork.openshift.io/v1/sriovnetworknodepolicies"_qs);
        QCOMPARE(policies.size(), 2);
        QStringList selectors;
        for (const QJsonValue &p : policies) {
            const QJsonObject spec = p.toObject().value(u"spec").toObject();
            QCOMPARE(p.toObject().value(u"kind").toString(), u"SriovNetworkNodePolicy"_qs);
            QCOMPARE(p.toObject().value(u"apiVersion").toString(), u"sriovnetwork.openshift.io/v1"_qs);
            selectors.append(spec.value(u"resourceName").toString() + u' '
                             + QString::fromUtf8(
                                 QJsonDocument(spec.value(u"nicSelector").toObject()).toJson(QJsonDocument::Compact)));
        }
        selectors.sort();
        QCOMPARE(selectors,
                 (QStringList { u"hostdev {\"rootDevices\":[\"0000:d8:00.1\"],\"vendor\":\"15b3\"}"_qs,
                                u"sriovlegacy {\"pfNames\":[\"ens2f0\"],\"vendor\":\"15b3\"}"_qs }));

        // The pool of vfio-node is only in the device plugin's configuration, selectors as a list.
        const auto [status, configMap] = get(*m_quirks, u"/api/v1/namespaces/kube-system/configmaps/sriovdp-config"_qs);
        QCOMPARE(status, 200);
        const QJsonObject resource
            = QJsonDocument::fromJson(configMap.value(u"data").toObject().value(u"config.json").toString().toUtf8())
                  .object()
                  .value(u"resourceList")
                  .toArray()
                  .first()
                  .toObject();
        QCOMPARE(resource.value(u"resourcePrefix").toString(), u"intel.com"_qs);
        QCOMPARE(resource.value(u"resourceName").toString(), u"intel_sriov_dpdk"_qs);
        const QJsonArray list = resource.value(u"selectors").toArray();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.first().toObject().value(u"pfNames").toArray(), QJsonArray { u"ens1f1"_qs });
        QCOMPARE(list.first().toObject().value(u"drivers").toArray(), QJsonArray { u"vfio-pci"_qs });
    }

    void quirksIsStatic()
    {
        QCOMPARE(m_quirks->scenario().tickMs, 0);
        QCOMPARE(m_quirks->scenario().nodes.size(), 10);
        QCOMPARE(m_quirks->scenario().pods.size(), 10);
        const quint64 before = m_quirks->resourceVersion();
        m_quirks->advance(5);
        QCOMPARE(m_quirks->resourceVersion(), before);
    }

    void eventFieldSelectors_data()
    {
        QTest::addColumn<QString>("fieldSelector");
        QTest::addColumn<QStringList>("pods"); // involvedObject names, sorted
        const QStringList all { u"wants-gpu"_qs, u"wants-mig"_qs, u"wants-vf"_qs };
        QTest::addRow("reason") << u"reason=FailedScheduling"_qs << all;
        QTest::addRow("reason-double-equals") << u"reason==FailedScheduling"_qs << all;
        QTest::addRow("other-reason") << u"reason=Scheduled"_qs << QStringList();
        QTest::addRow("type") << u"type=Warning"_qs << all;
        QTest::addRow("type-not") << u"type!=Warning"_qs << QStringList();
        QTest::addRow("source") << u"source=default-scheduler"_qs << all;
        QTest::addRow("kind") << u"involvedObject.kind=Pod"_qs << all;
        QTest::addRow("kind-other") << u"involvedObject.kind=Node"_qs << QStringList();
        QTest::addRow("name") << u"involvedObject.name=wants-mig"_qs << QStringList { u"wants-mig"_qs };
        QTest::addRow("namespace") << u"involvedObject.namespace=telco"_qs << QStringList { u"wants-vf"_qs };
        QTest::addRow("uid") << u"involvedObject.uid=UID:telco/wants-vf"_qs << QStringList { u"wants-vf"_qs };
        QTest::addRow("and") << u"reason=FailedScheduling,involvedObject.name!=wants-gpu"_qs
                             << QStringList { u"wants-mig"_qs, u"wants-vf"_qs };
    }
    void eventFieldSelectors()
    {
        QFETCH(QString, fieldSelector);
        QFETCH(QStringList, pods);
        if (fieldSelector.contains(u"UID:")) {
            const QString pod = fieldSelector.section(u"UID:"_qs, 1);
            const QString uid
                = get(*m_quirks, u"/api/v1/namespaces/%1/pods/%2"_qs.arg(pod.section(u'/', 0, 0), pod.section(u'/', 1)))
                      .second.value(u"metadata")
                      .toObject()
                      .value(u"uid")
                      .toString();
            QVERIFY(!uid.isEmpty());
            fieldSelector = fieldSelector.section(u"UID:"_qs, 0, 0) + uid;
        }
        const QJsonArray events = items(*m_quirks, u"/api/v1/events?fieldSelector="_qs + selector(fieldSelector));
        QStringList got;
        for (const QJsonValue &e : events)
            got.append(e.toObject().value(u"involvedObject").toObject().value(u"name").toString());
        got.sort();
        QCOMPARE(got, pods);
    }

    void unsupportedFieldSelectorIs400_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addRow("event-nodeName") << u"/api/v1/events?fieldSelector=spec.nodeName%3Dx"_qs;
        QTest::addRow("pod-reason") << u"/api/v1/pods?fieldSelector=reason%3DFailedScheduling"_qs;
        QTest::addRow("configmap-type") << u"/api/v1/configmaps?fieldSelector=type%3DWarning"_qs;
    }
    void unsupportedFieldSelectorIs400()
    {
        QFETCH(QString, path);
        const auto [status, body] = get(*m_quirks, path);
        QCOMPARE(status, 400);
        QCOMPARE(body.value(u"kind").toString(), u"Status"_qs);
        QVERIFY(body.value(u"message").toString().startsWith(u"field label not supported: "));
    }

    // New unschedulable pods of the dynamics get their event, in a watch that selects FailedScheduling only,
    // and the event goes when the pod is deleted.
    void watchSelectsEvents()
    {
        auto scenario = Sim::loadScenario(u"builtin:demo"_qs);
        QVERIFY(scenario.ok());
        scenario->dynamics = { 2, 1, 2 };
        Sim::ServerOptions options;
        options.tickMs = -1;
        Sim::SimServer server(std::move(scenario).value(), options);
        QVERIFY(server.start().ok());
        QNetworkAccessManager nam;
        QNetworkReply *watch = nam.get(
            request(server,
                    u"/api/v1/events?watch=1&resourceVersion=%1&fieldSelector=%2"_qs.arg(server.resourceVersion())
                        .arg(selector(u"reason=FailedScheduling,type=Warning"_qs))));
        QNetworkReply *none = nam.get(
            request(server,
                    u"/api/v1/events?watch=1&resourceVersion=%1&fieldSelector=%2"_qs.arg(server.resourceVersion())
                        .arg(selector(u"type=Normal"_qs))));
        QByteArray buffer;
        QByteArray noneBuffer;
        connect(watch, &QNetworkReply::readyRead, this, [&] { buffer += watch->readAll(); });
        connect(none, &QNetworkReply::readyRead, this, [&] { noneBuffer += none->readAll(); });
        QTRY_VERIFY_WITH_TIMEOUT(watch->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(none->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200, 10000);
        server.advance(6);
        QList<QJsonObject> added;
        QList<QJsonObject> deleted;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                qsizetype newline;
                while ((newline = buffer.indexOf('\n')) >= 0) {
                    const QJsonObject e = QJsonDocument::fromJson(buffer.left(newline)).object();
                    buffer.remove(0, newline + 1);
                    (e.value(u"type").toString() == u"DELETED" ? deleted : added).append(e);
                }
                return added.size() >= 6 && !deleted.isEmpty();
            }(),
            10000);
        for (const QJsonObject &e : std::as_const(added)) {
            const QJsonObject event = e.value(u"object").toObject();
            QCOMPARE(e.value(u"type").toString(), u"ADDED"_qs);
            QCOMPARE(event.value(u"reason").toString(), u"FailedScheduling"_qs);
            const QJsonObject involved = event.value(u"involvedObject").toObject();
            const auto [status, pod]
                = get(server, u"/api/v1/namespaces/batch/pods/"_qs + involved.value(u"name").toString());
            if (status == 200) {
                QCOMPARE(involved.value(u"uid").toString(), pod.value(u"metadata").toObject().value(u"uid").toString());
                QCOMPARE(event.value(u"message").toString(),
                         pod.value(u"status")
                             .toObject()
                             .value(u"conditions")
                             .toArray()
                             .first()
                             .toObject()
                             .value(u"message")
                             .toString());
            }
        }
        // Every remaining unschedulable batch pod still has its event; deleted pods have none.
        const QJsonArray pods = items(server, u"/api/v1/namespaces/batch/pods"_qs);
        const QJsonArray events
            = items(server, u"/api/v1/namespaces/batch/events?fieldSelector=reason%3DFailedScheduling"_qs);
        int unschedulable = 0;
        for (const QJsonValue &p : pods) {
            const QJsonArray conditions = p.toObject().value(u"status").toObject().value(u"conditions").toArray();
            unschedulable += conditions.size() == 1
                    && conditions.first().toObject().value(u"reason").toString() == u"Unschedulable"
                ? 1
                : 0;
        }
        QVERIFY(unschedulable > 0);
        QCOMPARE(events.size(), unschedulable);
        QVERIFY(noneBuffer.isEmpty());
        watch->abort();
        none->abort();
        delete watch;
        delete none;
    }

    void newKindsListAndWatch_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QStringList>("names");
        QTest::addRow("configmaps") << u"/api/v1/configmaps"_qs << u"ConfigMap"_qs
                                    << QStringList { u"sriovdp-config"_qs };
        QTest::addRow("configmaps-in-ns") << u"/api/v1/namespaces/kube-system/configmaps"_qs << u"ConfigMap"_qs
                                          << QStringList { u"sriovdp-config"_qs };
        QTest::addRow("configmaps-other-ns")
            << u"/api/v1/namespaces/telco/configmaps"_qs << u"ConfigMap"_qs << QStringList();
        QTest::addRow("policies") << u"/apis/sriovnetwork.openshift.io/v1/sriovnetworknodepolicies"_qs
                                  << u"SriovNetworkNodePolicy"_qs
                                  << QStringList { u"hostdev-policy"_qs, u"sriov-legacy-policy"_qs };
        QTest::addRow("policies-in-ns")
            << u"/apis/sriovnetwork.openshift.io/v1/namespaces/nvidia-network-operator/sriovnetworknodepolicies"_qs
            << u"SriovNetworkNodePolicy"_qs << QStringList { u"hostdev-policy"_qs, u"sriov-legacy-policy"_qs };
    }
    void newKindsListAndWatch()
    {
        QFETCH(QString, path);
        QFETCH(QString, kind);
        QFETCH(QStringList, names);
        const auto [status, list] = get(*m_quirks, path);
        QCOMPARE(status, 200);
        QCOMPARE(list.value(u"kind").toString(), kind + u"List"_qs);
        QCOMPARE(::names(list.value(u"items").toArray()), names);
        for (const QJsonValue &item : list.value(u"items").toArray()) {
            QCOMPARE(item.toObject().value(u"kind").toString(), kind);
            QVERIFY(!item.toObject().value(u"metadata").toObject().value(u"uid").toString().isEmpty());
        }
        // A watch from "now" starts with every object as ADDED.
        QNetworkAccessManager nam;
        QNetworkReply *watch = nam.get(request(*m_quirks, path + u"?watch=1&timeoutSeconds=1"_qs));
        QSignalSpy done(watch, &QNetworkReply::finished);
        QVERIFY(done.wait(10000));
        QStringList watched;
        for (const QByteArray &line : watch->readAll().split('\n')) {
            if (line.isEmpty())
                continue;
            const QJsonObject e = QJsonDocument::fromJson(line).object();
            QCOMPARE(e.value(u"type").toString(), u"ADDED"_qs);
            watched.append(e.value(u"object").toObject().value(u"metadata").toObject().value(u"name").toString());
        }
        watched.sort();
        QCOMPARE(watched, names);
        delete watch;
    }

    void discovery()
    {
        const auto [status, core] = get(*m_quirks, u"/api/v1"_qs);
        QCOMPARE(status, 200);
        QJsonObject configMaps;
        for (const QJsonValue &r : core.value(u"resources").toArray()) {
            if (r.toObject().value(u"name").toString() == u"configmaps")
                configMaps = r.toObject();
        }
        QCOMPARE(configMaps.value(u"kind").toString(), u"ConfigMap"_qs);
        QCOMPARE(configMaps.value(u"shortNames").toArray(), QJsonArray { u"cm"_qs });
        QVERIFY(configMaps.value(u"namespaced").toBool());
        const auto [status2, sriov] = get(*m_quirks, u"/apis/sriovnetwork.openshift.io/v1"_qs);
        QCOMPARE(status2, 200);
        QStringList kinds;
        for (const QJsonValue &r : sriov.value(u"resources").toArray()) {
            kinds.append(r.toObject().value(u"kind").toString());
            QVERIFY(r.toObject().value(u"namespaced").toBool());
        }
        kinds.sort();
        QCOMPARE(kinds, (QStringList { u"SriovNetworkNodePolicy"_qs, u"SriovNetworkNodeState"_qs }));
    }

    void kubectlTables_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QStringList>("expect"); // lines, whitespace collapsed
        QTest::addRow("policies-and-configmaps")
            << QStringList { u"get"_qs, u"sriovnetworknodepolicies,configmaps"_qs, u"-A"_qs }
            << QStringList {
                   u"NAMESPACE NAME AGE"_qs,
                   u"nvidia-network-operator sriovnetworknodepolicy.sriovnetwork.openshift.io/hostdev-policy 24h"_qs,
                   u"nvidia-network-operator sriovnetworknodepolicy.sriovnetwork.openshift.io/sriov-legacy-policy 24h"_qs,
                   u""_qs,
                   u"NAMESPACE NAME DATA AGE"_qs,
                   u"kube-system configmap/sriovdp-config 1 24h"_qs,
               };
        QTest::addRow("cm-short-name") << QStringList { u"get"_qs, u"cm"_qs, u"-n"_qs, u"kube-system"_qs }
                                       << QStringList { u"NAME DATA AGE"_qs, u"sriovdp-config 1 24h"_qs };
        QTest::addRow("node-states") << QStringList { u"get"_qs, u"sriovnetworknodestates"_qs, u"-n"_qs,
                                                      u"nvidia-network-operator"_qs }
                                     << QStringList { u"NAME SYNC STATUS DESIRED SYNC STATE CURRENT SYNC STATE AGE"_qs,
                                                      u"nv-sriov Succeeded Idle Idle 24h"_qs,
                                                      u"vfio-node InProgress Idle Idle 24h"_qs };
        QTest::addRow("events-selected")
            << QStringList { u"get"_qs,   u"events"_qs,           u"-n"_qs,
                             u"telco"_qs, u"--field-selector"_qs, u"reason=FailedScheduling"_qs }
            << QStringList { u"LAST SEEN TYPE REASON OBJECT MESSAGE"_qs,
                             u"AGE Warning FailedScheduling pod/wants-vf 0/10 nodes are available: 10 Insufficient "
                             u"intel.com/intel_sriov_dpdk. preemption: 0/10 nodes are available: 10 No preemption "
                             u"victims found for incoming pod."_qs };
    }
    void kubectlTables()
    {
        QFETCH(QStringList, args);
        QFETCH(QStringList, expect);
        const QByteArray out = kubectl(*m_quirks, args);
        QStringList lines;
        for (const QByteArray &line : out.split('\n'))
            lines.append(QString::fromUtf8(line).simplified());
        while (!lines.isEmpty() && lines.last().isEmpty())
            lines.removeLast();
        // The event's age moves with the clock.
        for (QString &line : lines) {
            if (line.contains(u"FailedScheduling"))
                line = u"AGE"_qs + line.mid(line.indexOf(u' '));
        }
        QCOMPARE(lines, expect);
    }

    void demoDra()
    {
        const QJsonArray slices = items(*m_demo, u"/apis/resource.k8s.io/v1/resourceslices"_qs);
        QCOMPARE(slices.size(), 1);
        const QJsonObject spec = slices.first().toObject().value(u"spec").toObject();
        QCOMPARE(spec.value(u"driver").toString(), u"gpu.nvidia.com"_qs);
        QCOMPARE(spec.value(u"nodeName").toString(), u"gpu-dra-0"_qs);
        QCOMPARE(spec.value(u"pool").toObject().value(u"name").toString(), u"gpu-dra-0"_qs);
        QStringList devices;
        QSet<QString> uuids;
        for (const QJsonValue &d : spec.value(u"devices").toArray()) {
            const QJsonObject device = d.toObject();
            const QJsonObject a = device.value(u"attributes").toObject();
            const int index = a.value(u"index").toObject().value(u"int").toInt(-1);
            devices.append(device.value(u"name").toString());
            QCOMPARE(device.value(u"name").toString(), u"gpu-%1"_qs.arg(index));
            QCOMPARE(a.value(u"minor").toObject().value(u"int").toInt(-1), index);
            QCOMPARE(a.value(u"type").toObject().value(u"string").toString(), u"gpu"_qs);
            QCOMPARE(a.value(u"productName").toObject().value(u"string").toString(), u"NVIDIA H100 80GB HBM3"_qs);
            QVERIFY(a.value(u"driverVersion").toObject().contains(u"version"));
            QVERIFY(a.value(u"architecture").toObject().contains(u"string"));
            const QString uuid = a.value(u"uuid").toObject().value(u"string").toString();
            QVERIFY2(QRegularExpression(u"^GPU-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"_qs)
                         .match(uuid)
                         .hasMatch(),
                     qPrintable(uuid));
            uuids.insert(uuid);
            QVERIFY(QRegularExpression(u"^0000:[0-9a-f]{2}:00\\.0$"_qs)
                        .match(a.value(u"pcieBusID").toObject().value(u"string").toString())
                        .hasMatch());
            QCOMPARE(device.value(u"capacity").toObject().value(u"memory").toObject().value(u"value").toString(),
                     u"80Gi"_qs);
        }
        QCOMPARE(devices, (QStringList { u"gpu-0"_qs, u"gpu-1"_qs, u"gpu-2"_qs, u"gpu-3"_qs }));
        QCOMPARE(uuids.size(), 4);

        const QJsonArray claims = items(*m_demo, u"/apis/resource.k8s.io/v1/resourceclaims"_qs);
        QCOMPARE(claims.size(), 1);
        const QJsonObject claim = claims.first().toObject();
        const QString ns = claim.value(u"metadata").toObject().value(u"namespace").toString();
        const QJsonObject result = claim.value(u"status")
                                       .toObject()
                                       .value(u"allocation")
                                       .toObject()
                                       .value(u"devices")
                                       .toObject()
                                       .value(u"results")
                                       .toArray()
                                       .first()
                                       .toObject();
        QCOMPARE(result,
                 (QJsonObject { { u"request"_qs, u"gpu"_qs },
                                { u"driver"_qs, u"gpu.nvidia.com"_qs },
                                { u"pool"_qs, u"gpu-dra-0"_qs },
                                { u"device"_qs, u"gpu-1"_qs } }));
        const QJsonObject consumer
            = claim.value(u"status").toObject().value(u"reservedFor").toArray().first().toObject();
        QCOMPARE(consumer.value(u"resource").toString(), u"pods"_qs);
        const auto [status, pod]
            = get(*m_demo, u"/api/v1/namespaces/%1/pods/%2"_qs.arg(ns, consumer.value(u"name").toString()));
        QCOMPARE(status, 200);
        QCOMPARE(pod.value(u"spec").toObject().value(u"nodeName").toString(), u"gpu-dra-0"_qs);
        QCOMPARE(pod.value(u"status").toObject().value(u"phase").toString(), u"Running"_qs);
        QCOMPARE(consumer.value(u"uid").toString(), pod.value(u"metadata").toObject().value(u"uid").toString());
        // The pod names the claim through its template and status, and its container uses it.
        const QJsonObject podClaim
            = pod.value(u"spec").toObject().value(u"resourceClaims").toArray().first().toObject();
        const QJsonObject claimStatus
            = pod.value(u"status").toObject().value(u"resourceClaimStatuses").toArray().first().toObject();
        QCOMPARE(claimStatus.value(u"name").toString(), podClaim.value(u"name").toString());
        QCOMPARE(claimStatus.value(u"resourceClaimName").toString(),
                 claim.value(u"metadata").toObject().value(u"name").toString());
        QCOMPARE(pod.value(u"spec")
                     .toObject()
                     .value(u"containers")
                     .toArray()
                     .first()
                     .toObject()
                     .value(u"resources")
                     .toObject()
                     .value(u"claims")
                     .toArray(),
                 (QJsonArray { QJsonObject { { u"name"_qs, podClaim.value(u"name").toString() } } }));
        const auto [tableStatus, table] = get(*m_demo, u"/apis/resource.k8s.io/v1/resourceclaims"_qs,
                                              "application/json;as=Table;v=v1;g=meta.k8s.io");
        QCOMPARE(tableStatus, 200);
        QCOMPARE(table.value(u"rows").toArray().first().toObject().value(u"cells").toArray().at(1).toString(),
                 u"allocated,reserved"_qs);
    }

    // Every SR-IOV PF of the demo is matched by a policy whose pool the node offers.
    void demoPolicies()
    {
        const QJsonArray policies = items(*m_demo, u"/apis/sriovnetwork.openshift.io/v1/sriovnetworknodepolicies"_qs);
        const QJsonObject node = get(*m_demo, u"/api/v1/nodes/sriov-worker-0"_qs).second;
        const QJsonObject capacity = node.value(u"status").toObject().value(u"capacity").toObject();
        const QJsonObject state
            = items(*m_demo, u"/apis/sriovnetwork.openshift.io/v1/sriovnetworknodestates"_qs).first().toObject();
        QSet<QString> vendors;
        for (const QJsonValue &v : state.value(u"status").toObject().value(u"interfaces").toArray()) {
            const QJsonObject pf = v.toObject();
            if (pf.value(u"numVfs").toInt() == 0)
                continue;
            QString pool;
            for (const QJsonValue &p : policies) {
                const QJsonObject spec = p.toObject().value(u"spec").toObject();
                const QJsonObject nic = spec.value(u"nicSelector").toObject();
                const bool byName = nic.value(u"pfNames").toArray().contains(pf.value(u"name"));
                const bool byRoot = nic.value(u"rootDevices").toArray().contains(pf.value(u"pciAddress"));
                if (nic.value(u"vendor").toString() == pf.value(u"vendor").toString()
                    && nic.value(u"deviceID").toString(pf.value(u"deviceID").toString())
                        == pf.value(u"deviceID").toString()
                    && (byName || byRoot)) {
                    const QString ns = p.toObject().value(u"metadata").toObject().value(u"namespace").toString();
                    pool = (ns == u"nvidia-network-operator" ? u"nvidia.com/"_qs : u"openshift.io/"_qs)
                        + spec.value(u"resourceName").toString();
                }
            }
            QVERIFY2(!pool.isEmpty(), qPrintable(pf.value(u"name").toString()));
            QVERIFY2(capacity.contains(pool), qPrintable(pool));
            vendors.insert(pf.value(u"vendor").toString());
        }
        QCOMPARE(vendors, (QSet<QString> { u"8086"_qs, u"15b3"_qs }));
    }

    // Each unschedulable pod of the demo (GPU, MIG, VF) has its FailedScheduling event.
    void demoPendingPodsHaveEvents()
    {
        QSet<QString> resources;
        for (const QJsonValue &p : items(*m_demo, u"/api/v1/pods?fieldSelector=status.phase%3DPending"_qs)) {
            const QJsonObject pod = p.toObject();
            if (pod.value(u"spec").toObject().contains(u"nodeName"))
                continue;
            const QJsonObject metadata = pod.value(u"metadata").toObject();
            const QJsonArray events = items(
                *m_demo,
                u"/api/v1/events?fieldSelector=%1"_qs.arg(selector(
                    u"involvedObject.uid="_qs + metadata.value(u"uid").toString() + u",reason=FailedScheduling"_qs)));
            QCOMPARE(events.size(), 1);
            QCOMPARE(events.first().toObject().value(u"message").toString(),
                     pod.value(u"status")
                         .toObject()
                         .value(u"conditions")
                         .toArray()
                         .first()
                         .toObject()
                         .value(u"message")
                         .toString());
            const QJsonObject limits = pod.value(u"spec")
                                           .toObject()
                                           .value(u"containers")
                                           .toArray()
                                           .first()
                                           .toObject()
                                           .value(u"resources")
                                           .toObject()
                                           .value(u"limits")
                                           .toObject();
            for (auto it = limits.begin(); it != limits.end(); ++it)
                resources.insert(it.key());
        }
        QVERIFY(resources.contains(u"nvidia.com/gpu"_qs));
        QVERIFY(resources.contains(u"nvidia.com/mig-3g.40gb"_qs));
        QVERIFY(resources.contains(u"openshift.io/intel_sriov_dpdk"_qs));
    }

    void badScenarios_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("where");
        QTest::addColumn<QString>("message");
        QTest::addRow("ago-not-a-number") << QByteArray("name: x\nobjects:\n  events:\n    - metadata: {name: e}\n"
                                                        "      lastTimestamp: !ago soon\n")
                                          << u"bad.yaml:5"_qs << u"!ago"_qs;
        QTest::addRow("tick-too-short") << QByteArray("name: x\ntickMs: 5\n") << u"bad.yaml:2"_qs << u"tickMs"_qs;
        QTest::addRow("claim-both") << QByteArray("name: x\npods:\n  - name: p\n    namespace: n\n"
                                                  "    resourceClaims: [{name: gpu, resourceClaimName: a, "
                                                  "resourceClaimTemplateName: b}]\n"
                                                  "    containers: [{name: c}]\n")
                                    << u"bad.yaml:5"_qs << u"exactly one"_qs;
        QTest::addRow("unknown-object-kind")
            << QByteArray("name: x\nobjects:\n  secrets: []\n") << u"bad.yaml:3"_qs << u"secrets"_qs;
    }
    void badScenarios()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, where);
        QFETCH(QString, message);
        const auto scenario = Sim::parseScenario(yaml, u"bad.yaml"_qs);
        QVERIFY(!scenario.ok());
        QCOMPARE(scenario.error().where, where);
        QVERIFY2(scenario.error().message.contains(message), qPrintable(scenario.error().message));
    }

    void agoTimesAreRelative()
    {
        const auto scenario
            = Sim::parseScenario("name: x\ntickMs: 0\nobjects:\n  configmaps:\n"
                                 "    - metadata: {name: c, namespace: n, creationTimestamp: !ago 7200}\n",
                                 u"t.yaml"_qs);
        QVERIFY(scenario.ok());
        Sim::ServerOptions options;
        Sim::SimServer server(scenario.value(), options);
        QVERIFY(server.start().ok());
        const QJsonObject configMap = get(server, u"/api/v1/namespaces/n/configmaps/c"_qs).second;
        const QDateTime created = QDateTime::fromString(
            configMap.value(u"metadata").toObject().value(u"creationTimestamp").toString(), Qt::ISODate);
        QVERIFY(created.isValid());
        QVERIFY(qAbs(created.secsTo(QDateTime::currentDateTimeUtc()) - 7200) < 60);
        QCOMPARE(Sim::TableFormat::humanAge(7200), u"120m"_qs);
    }
};

QTEST_GUILESS_MAIN(TestSimScenarios)
#include "tst_simscenarios.moc"
