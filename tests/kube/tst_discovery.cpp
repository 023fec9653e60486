// SPDX-License-Identifier: GPL-3.0-or-later
// Discovery of the optional kinds: SR-IOV policies beside the node states, DRA slices and claims
// at the preferred served version, ConfigMaps as a core kind. Recorded bodies first, then the
// simulated cluster over HTTPS on 127.0.0.1.
#include "kube/discoveryjob.h"
#include "kube/listjob.h"
#include "kube/sriovdeviceconfig.h"
#include "kubetestdata.h"
#include "simclientfixture.h"

#include <QSignalSpy>

using namespace Specula;
using Kube::ResourceKind;

namespace {

// An APIResourceList as /apis/<group>/<version> returns it, with the subresources real servers
// list next to each kind.
QJsonObject resourceList(const QString &groupVersion, const QStringList &names, bool namespaced)
{
    QJsonArray resources;
    for (const QString &name : names) {
        resources.append(QJsonObject { { u"name"_qs, name }, { u"namespaced"_qs, namespaced } });
        resources.append(
            QJsonObject { { u"name"_qs, QString(name + u"/status"_qs) }, { u"namespaced"_qs, namespaced } });
    }
    return QJsonObject { { u"kind"_qs, u"APIResourceList"_qs },
                         { u"groupVersion"_qs, groupVersion },
                         { u"resources"_qs, resources } };
}

QList<Kube::Resource> listAll(Kube::KubeClient &client, ResourceKind kind, QString *error)
{
    QList<Kube::Resource> items;
    bool done = false;
    Kube::ListJob *job = client.list(kind, {});
    QObject::connect(job, &Kube::ListJob::page, [&](const QList<Kube::Resource> &page) { items += page; });
    QObject::connect(job, &Kube::ListJob::finished, [&](const QString &) { done = true; });
    QObject::connect(job, &Kube::ListJob::failed, [&](const Core::Error &e) {
        *error = e.toString();
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 30000))
        *error = u"list did not finish"_qs;
    return items;
}

} // namespace

class TestDiscovery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void optionalGroupVersions_data()
    {
        QTest::addColumn<QStringList>("served");
        QTest::addColumn<QStringList>("wanted");
        const QString openshift = u"sriovnetwork.openshift.io/v1"_qs;
        const QString gdc = u"sriovnetwork.k8s.cni.cncf.io/v1"_qs;
        const QString v1 = u"resource.k8s.io/v1"_qs;
        const QString v1beta2 = u"resource.k8s.io/v1beta2"_qs;
        const QString v1beta1 = u"resource.k8s.io/v1beta1"_qs;
        const QString alpha = u"resource.k8s.io/v1alpha3"_qs;
        QTest::addRow("none") << QStringList { u"apps/v1"_qs } << QStringList();
        QTest::addRow("dra-1.34-all-three") << QStringList { v1beta1, v1beta2, v1 } << QStringList { v1 };
        QTest::addRow("dra-1.33-beta2") << QStringList { v1beta1, v1beta2 } << QStringList { v1beta2 };
        QTest::addRow("dra-1.32-beta1") << QStringList { alpha, v1beta1 } << QStringList { v1beta1 };
        QTest::addRow("dra-1.31-alpha-only") << QStringList { alpha } << QStringList();
        QTest::addRow("sriov-first-group") << QStringList { gdc, openshift } << QStringList { openshift };
        QTest::addRow("sriov-gdc-and-nads")
            << QStringList { u"k8s.cni.cncf.io/v1"_qs, gdc } << QStringList { gdc, u"k8s.cni.cncf.io/v1"_qs };
    }
    void optionalGroupVersions()
    {
        QFETCH(QStringList, served);
        QTEST(Kube::DiscoveryJob::optionalGroupVersions(served), "wanted");
    }

    void resourcesFromGroupVersion_data()
    {
        QTest::addColumn<QString>("groupVersion");
        QTest::addColumn<QStringList>("names");
        QTest::addColumn<bool>("namespaced");
        QTest::addColumn<QList<int>>("kinds");
        QTest::addColumn<QString>("draVersion");
        const QList<int> sriov { int(ResourceKind::SriovNetworkNodeState), int(ResourceKind::SriovNetworkNodePolicy) };
        const QList<int> dra { int(ResourceKind::ResourceSlice), int(ResourceKind::ResourceClaim) };
        QTest::addRow("sriov-openshift") << u"sriovnetwork.openshift.io/v1"_qs
                                         << QStringList { u"sriovnetworknodestates"_qs, u"sriovnetworknodepolicies"_qs,
                                                          u"sriovnetworks"_qs, u"sriovoperatorconfigs"_qs }
                                         << true << sriov << QString();
        QTest::addRow("sriov-gdc") << u"sriovnetwork.k8s.cni.cncf.io/v1"_qs
                                   << QStringList { u"sriovnetworknodepolicies"_qs, u"sriovnetworknodestates"_qs }
                                   << true << sriov << QString();
        QTest::addRow("sriov-plurals-in-another-group")
            << u"example.com/v1"_qs << QStringList { u"sriovnetworknodestates"_qs } << true << QList<int>()
            << QString();
        QTest::addRow("dra-v1") << u"resource.k8s.io/v1"_qs
                                << QStringList { u"deviceclasses"_qs, u"resourceclaims"_qs,
                                                 u"resourceclaimtemplates"_qs, u"resourceslices"_qs }
                                << false << dra << u"v1"_qs;
        QTest::addRow("dra-v1beta1") << u"resource.k8s.io/v1beta1"_qs
                                     << QStringList { u"resourceslices"_qs, u"resourceclaims"_qs } << false << dra
                                     << u"v1beta1"_qs;
    }
    void resourcesFromGroupVersion()
    {
        QFETCH(QString, groupVersion);
        QFETCH(QStringList, names);
        QFETCH(bool, namespaced);
        QFETCH(QList<int>, kinds);
        Kube::ApiDiscovery discovery;
        Kube::DiscoveryJob::addResourcesFromGroupVersion(groupVersion, resourceList(groupVersion, names, namespaced),
                                                         discovery);
        QList<int> found;
        for (auto it = discovery.resources.constBegin(); it != discovery.resources.constEnd(); ++it) {
            found << int(it.key());
            QCOMPARE(it->group + QLatin1Char('/') + it->version, groupVersion);
            QVERIFY(!it->plural.contains(QLatin1Char('/'))); // not a subresource
        }
        QCOMPARE(found, kinds);
        QTEST(discovery.draVersion, "draVersion");
        QCOMPARE(Kube::ApiResource(discovery.resources.value(ResourceKind::ResourceClaim)).plural,
                 kinds.contains(int(ResourceKind::ResourceClaim)) ? u"resourceclaims"_qs : QString());
    }

    // Policies come from the group the node states came from, never a mix.
    void sriovKindsShareOneGroup()
    {
        Kube::ApiDiscovery discovery;
        Kube::DiscoveryJob::addResourcesFromGroupVersion(
            u"sriovnetwork.openshift.io/v1"_qs,
            resourceList(u"sriovnetwork.openshift.io/v1"_qs, { u"sriovnetworknodestates"_qs }, true), discovery);
        Kube::DiscoveryJob::addResourcesFromGroupVersion(
            u"sriovnetwork.k8s.cni.cncf.io/v1"_qs,
            resourceList(u"sriovnetwork.k8s.cni.cncf.io/v1"_qs,
                         { u"sriovnetworknodestates"_qs, u"sriovnetworknodepolicies"_qs }, true),
            discovery);
        QCOMPARE(discovery.resource(ResourceKind::SriovNetworkNodeState)->group, u"sriovnetwork.openshift.io"_qs);
        QVERIFY(!discovery.serves(ResourceKind::SriovNetworkNodePolicy));
    }

    // The simulated cluster with the test data's policies, device plugin ConfigMaps and DRA
    // objects: discovery finds every kind, and each lists and parses.
    void simulatedCluster_data()
    {
        QTest::addColumn<QString>("sriovGroup");
        QTest::addRow("openshift") << u"sriovnetwork.openshift.io"_qs;
        QTest::addRow("gdc") << u"sriovnetwork.k8s.cni.cncf.io"_qs;
    }
    void simulatedCluster()
    {
        QFETCH(QString, sriovGroup);
        Sim::Scenario scenario = Test::demoScenario();
        scenario.sriovGroup = sriovGroup;
        auto load = [&](const char *plural, const QString &file) {
            QList<QJsonObject> items = Test::listItems(Test::kubeTestData(file));
            for (QJsonObject &item : items) {
                if (item.value(u"apiVersion"_qs).toString().startsWith(u"sriovnetwork."_qs))
                    item.insert(u"apiVersion"_qs, QString(sriovGroup + u"/v1"_qs));
            }
            scenario.objects[QString::fromLatin1(plural)] = items;
            return items.size();
        };
        const int policies
            = load("sriovnetworknodepolicies", u"sriovnetworknodepolicylist_operator-docs_network-operator.json"_qs);
        const int slices = load("resourceslices", u"resourceslicelist_v1_gpu-and-mig_aks.json"_qs);
        const int claims = load("resourceclaims", u"resourceclaimlist_v1_mig.json"_qs);
        scenario.objects[u"configmaps"_qs]
            << Test::listItems(Test::kubeTestData(u"configmaplist_sriovdp-config_default_rdma-mixed.json"_qs)).first()
            << Test::jsonObject(Test::kubeTestData(u"configmap_device-plugin-config_operator.json"_qs));
        // The two docs policies share a name in one namespace; the store keeps one of them.
        scenario.objects[u"sriovnetworknodepolicies"_qs][1].insert(
            u"metadata"_qs,
            QJsonObject { { u"name"_qs, u"policy-2"_qs }, { u"namespace"_qs, u"sriov-network-operator"_qs } });

        Test::SimCluster cluster;
        QVERIFY(cluster.start(scenario));
        QNetworkAccessManager nam;
        Kube::KubeClient client(&nam, cluster.tokenContext());
        QSignalSpy discovered(&client, &Kube::KubeClient::discovered);
        client.discover();
        QVERIFY(discovered.wait(10000));
        const Kube::ApiDiscovery discovery = *client.discovery();
        QCOMPARE(discovery.resource(ResourceKind::SriovNetworkNodePolicy)->group, sriovGroup);
        QCOMPARE(discovery.resource(ResourceKind::SriovNetworkNodePolicy)->plural, u"sriovnetworknodepolicies"_qs);
        QVERIFY(discovery.resource(ResourceKind::SriovNetworkNodePolicy)->namespaced);
        QCOMPARE(discovery.resource(ResourceKind::SriovNetworkNodeState)->group, sriovGroup);
        QCOMPARE(discovery.draVersion, u"v1"_qs);
        QCOMPARE(discovery.resource(ResourceKind::ResourceSlice)->basePath(), u"/apis/resource.k8s.io/v1"_qs);
        QVERIFY(!discovery.resource(ResourceKind::ResourceSlice)->namespaced);
        QVERIFY(discovery.resource(ResourceKind::ResourceClaim)->namespaced);
        QCOMPARE(discovery.resource(ResourceKind::ConfigMap)->basePath(), u"/api/v1"_qs);

        QString error;
        const QList<Kube::Resource> policyItems = listAll(client, ResourceKind::SriovNetworkNodePolicy, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(policyItems.size(), policies);
        QStringList resourceNames;
        for (const Kube::Resource &item : policyItems) {
            const auto &policy = std::get<Kube::SriovNetworkNodePolicy>(item);
            QCOMPARE(policy.apiGroup, sriovGroup);
            resourceNames << policy.resourceName;
        }
        resourceNames.sort();
        QCOMPARE(resourceNames, (QStringList { u"intelnics"_qs, u"intelnics"_qs, u"sriovlegacy"_qs }));

        const QList<Kube::Resource> sliceItems = listAll(client, ResourceKind::ResourceSlice, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(sliceItems.size(), slices);
        int devices = 0;
        for (const Kube::Resource &item : sliceItems)
            devices += int(std::get<Kube::ResourceSlice>(item).devices.size());
        QCOMPARE(devices, 5);

        const QList<Kube::Resource> claimItems = listAll(client, ResourceKind::ResourceClaim, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(claimItems.size(), claims);

        const QList<Kube::Resource> configMapItems = listAll(client, ResourceKind::ConfigMap, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QStringList withConfig;
        for (const Kube::Resource &item : configMapItems) {
            const auto &map = std::get<Kube::ConfigMap>(item);
            if (!Kube::sriovDeviceConfigsOf(map).isEmpty())
                withConfig << map.meta.name;
        }
        withConfig.sort();
        QCOMPARE(withConfig, (QStringList { u"device-plugin-config"_qs, u"sriovdp-config"_qs }));
    }
};

QTEST_GUILESS_MAIN(TestDiscovery)
#include "tst_discovery.moc"
