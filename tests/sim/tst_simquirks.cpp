// SPDX-License-Identifier: GPL-3.0-or-later
// builtin:quirks over real HTTPS on 127.0.0.1: every node, pod and object it promises (src/sim/README.md),
// and kubectl's tables of them.
#include "simtesthelpers.h"

#include <QDateTime>
#include <QFile>
#include <QRegularExpression>

using namespace Specula;
using namespace Specula::SimTest;

class TestSimQuirks : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Sim::SimServer> m_quirks;
    std::unique_ptr<Sim::SimServer> m_demo;

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
};

QTEST_GUILESS_MAIN(TestSimQuirks)
#include "tst_simquirks.moc"
