// SPDX-License-Identifier: GPL-3.0-or-later
// The SR-IOV and DRA joins on real captures (tests/data/kube, converted from shared/fixtures):
// which pool each PF feeds, who holds each VF, and which pods hold which DRA GPUs.
#include "kube/resourceparsers.h"
#include "model/clustersnapshot.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Specula;

namespace {

const QString kCnf = u"cnfdf06.ran.dfwt5g.lab"_qs;
const QString kWorker1 = u"worker1.ocp1.r450.org"_qs;

template<class T> QList<T> load(Kube::ResourceKind kind, const QString &file)
{
    QFile f(qEnvironmentVariable("SPECULA_SOURCE_DIR") + u"/tests/data/kube/"_qs + file);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(file));
    QByteArray json = f.readAll();
    const QJsonDocument document = QJsonDocument::fromJson(json);
    if (!document.object().contains(u"items"_qs)) // a single object: wrap it as a list
        json = QJsonDocument(QJsonObject { { u"items"_qs, QJsonArray { document.object() } } }).toJson();
    auto page = Kube::ResourceParsers::parseList(kind, json, file);
    if (!page)
        qFatal("%s", qPrintable(page.error().toString()));
    QList<T> result;
    for (const auto &item : page.value().items)
        result.append(std::get<T>(item));
    return result;
}

template<class T> void insertAll(QHash<QString, T> &into, const QList<T> &objects)
{
    for (const auto &o : objects)
        into.insert(o.meta.namespaceName.isEmpty() ? o.meta.name : o.meta.namespaceName + u'/' + o.meta.name, o);
}

Kube::Node node(const QString &name, const QMap<QString, int> &resources, const Kube::StringMap &labels = {})
{
    Kube::Node n;
    n.meta.name = name;
    n.meta.labels = labels;
    for (auto it = resources.cbegin(); it != resources.cend(); ++it) {
        n.capacity.insert(it.key(), Core::Quantity::fromValue(it.value()));
        n.allocatable.insert(it.key(), Core::Quantity::fromValue(it.value()));
    }
    return n;
}

Kube::Pod pod(const QString &ns, const QString &name, const QString &nodeName, const QString &annotation = {},
              const QString &status = {}, const QString &phase = u"Running"_qs)
{
    Kube::Pod p;
    p.meta.namespaceName = ns;
    p.meta.name = name;
    p.nodeName = nodeName;
    p.phase = phase;
    if (!annotation.isEmpty())
        p.meta.annotations.insert(annotation, status);
    return p;
}

// A network-status value with the default network (no interface, as Multus writes it in its
// quickstart) and one SR-IOV attachment.
QString networkStatus(const QString &network, const QString &pciAddress)
{
    return uR"([{"name":"cbr0","ips":["10.244.1.4"],"default":true,"dns":{}},
               {"name":"%1","interface":"net1","ips":["10.56.217.171"],"mac":"ca:fe:c0:ff:ee:01",
                "dns":{},"device-info":{"type":"pci","pci":{"pci-address":"%2"}}}])"_qs.arg(network, pciAddress);
}

const QString kStatusKey = u"k8s.v1.cni.cncf.io/network-status"_qs;
const QString kOldStatusKey = u"k8s.v1.cni.cncf.io/networks-status"_qs;

void addPod(Model::ClusterObjects &objects, const Kube::Pod &p)
{
    objects.pods.insert(p.meta.namespaceName + u'/' + p.meta.name, p);
}

// cnfdf06 from the real state list: ens5f0 (i40e, 6 iavf VFs) is configured, mlx5 ports
// without totalvfs and PFs whose link is down are listed too.
Model::ClusterObjects cnfCluster(bool withSpec)
{
    Model::ClusterObjects objects;
    objects.nodes.insert(kCnf,
                         node(kCnf,
                              { { u"openshift.io/vuy_sriovnic"_qs, 6 }, { u"intel.com/intel_sriov_netdevice"_qs, 6 } },
                              { { u"feature.node.kubernetes.io/network-sriov.capable"_qs, u"true"_qs } }));
    auto states = load<Kube::SriovNetworkNodeState>(Kube::ResourceKind::SriovNetworkNodeState,
                                                    u"sriovnetworknodestatelist_i40e-iavf_mlx5_cnfdf06.json"_qs);
    if (!withSpec)
        states.first().specInterfaces.clear();
    insertAll(objects.sriovStates, states);
    return objects;
}

const Model::PhysicalFunction *pf(const Model::ClusterSnapshot &snapshot, const QString &nodeName, const QString &pci)
{
    const auto *n = snapshot.node(nodeName);
    if (!n || !n->sriov)
        return nullptr;
    for (const auto &p : n->sriov->pfs) {
        if (p.pciAddress == pci)
            return &p;
    }
    return nullptr;
}

} // namespace

class TestDeviceJoin : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void physicalFunctionsFromTheOperatorState()
    {
        const auto snapshot = Model::buildSnapshot(cnfCluster(true));
        const auto *n = snapshot.node(kCnf);
        QVERIFY(n && n->sriov);
        QVERIFY(n->sriov->syncStatus.isEmpty()); // the paste has no syncStatus: unknown, not made up
        QStringList order;
        for (const auto &p : n->sriov->pfs)
            order << p.pciAddress;
        QCOMPARE(order,
                 QStringList({ u"0000:19:00.0"_qs, u"0000:19:00.1"_qs, u"0000:86:00.0"_qs, u"0000:86:00.1"_qs,
                               u"0000:88:00.0"_qs, u"0000:88:00.1"_qs }));

        const auto *ens5f0 = pf(snapshot, kCnf, u"0000:86:00.0"_qs);
        QVERIFY(ens5f0);
        QCOMPARE(ens5f0->resource, u"openshift.io/vuy_sriovnic"_qs); // spec vfGroups + the node's prefix
        QCOMPARE(ens5f0->numVfs, 6);
        QCOMPARE(ens5f0->totalVfs, 64);
        QCOMPARE(ens5f0->linkSpeedMbps, 25000);
        QCOMPARE(ens5f0->vendor, u"8086"_qs);
        QCOMPARE(ens5f0->vfs.size(), 6);
        QCOMPARE(ens5f0->vfs[2].pciAddress, u"0000:86:02.2"_qs);
        QVERIFY(ens5f0->vfs[2].name.isEmpty()); // VFs 2–3 of the capture have no name or mac

        const auto *mlx = pf(snapshot, kCnf, u"0000:19:00.0"_qs);
        QVERIFY(mlx);
        QVERIFY(!mlx->totalVfs);
        QVERIFY(!mlx->sriovCapable());
        QVERIFY(mlx->resource.isEmpty());

        const auto *down = pf(snapshot, kCnf, u"0000:88:00.0"_qs);
        QVERIFY(down);
        QVERIFY(!down->linkSpeedMbps); // "-1 Mb/s"
        QVERIFY(down->linkDown);
        QVERIFY(!ens5f0->linkDown);

        const auto *resource = n->resource(u"openshift.io/vuy_sriovnic"_qs);
        QVERIFY(resource);
        QCOMPARE(resource->kind, Model::ResourceClass::Sriov);
    }

    void vfHoldersFromNetworkStatus()
    {
        auto objects = cnfCluster(true);
        // Upper case and the old annotation key: both must still find the VF.
        addPod(objects,
               pod(u"telco"_qs, u"old-multus"_qs, kCnf, kOldStatusKey,
                   networkStatus(u"telco/sriov-net"_qs, u"0000:86:02.1"_qs)));
        addPod(objects,
               pod(u"telco"_qs, u"upper"_qs, kCnf, kStatusKey,
                   networkStatus(u"sriov-net"_qs, u"0000:86:02.3"_qs.toUpper())));
        // The same address on another node belongs to that node's VF.
        addPod(objects,
               pod(u"telco"_qs, u"elsewhere"_qs, u"other-node"_qs, kStatusKey,
                   networkStatus(u"telco/sriov-net"_qs, u"0000:86:02.4"_qs)));
        // A finished pod no longer holds its VF.
        addPod(objects,
               pod(u"telco"_qs, u"done"_qs, kCnf, kStatusKey, networkStatus(u"telco/sriov-net"_qs, u"0000:86:02.5"_qs),
                   u"Succeeded"_qs));
        addPod(objects, pod(u"telco"_qs, u"broken"_qs, kCnf, kStatusKey, u"[{not json"_qs));

        const auto snapshot = Model::buildSnapshot(objects);
        const auto *ens5f0 = pf(snapshot, kCnf, u"0000:86:00.0"_qs);
        QVERIFY(ens5f0);
        QCOMPARE(ens5f0->allocatedVfs(), 2);
        QVERIFY(ens5f0->vfs[1].pod);
        QCOMPARE(ens5f0->vfs[1].pod->key(), u"telco/old-multus"_qs);
        QCOMPARE(ens5f0->vfs[1].podInterface, u"net1"_qs);
        QCOMPARE(ens5f0->vfs[1].network, u"telco/sriov-net"_qs);
        QVERIFY(ens5f0->vfs[3].pod);
        QCOMPARE(ens5f0->vfs[3].pod->key(), u"telco/upper"_qs);
        QCOMPARE(ens5f0->vfs[3].network, u"telco/sriov-net"_qs); // a bare network is in the pod's namespace
        QVERIFY(!ens5f0->vfs[4].pod);
        QVERIFY(!ens5f0->vfs[5].pod);

        const auto *upper = snapshot.pod(u"telco/upper"_qs);
        QVERIFY(upper);
        QCOMPARE(upper->vfs, QStringList { u"0000:86:02.3"_qs });
        QVERIFY(snapshot.pod(u"telco/elsewhere"_qs));
        QCOMPARE(snapshot.warnings.size(), 1);
        QVERIFY2(snapshot.warnings.first().contains(u"telco/broken"_qs), qPrintable(snapshot.warnings.first()));
    }

    void poolFromPolicies()
    {
        auto objects = cnfCluster(false);
        // The operator docs' policies select 8086:1583 and 8086:1572 PFs: not this 158b one.
        insertAll(
            objects.sriovPolicies,
            load<Kube::SriovNetworkNodePolicy>(Kube::ResourceKind::SriovNetworkNodePolicy,
                                               u"sriovnetworknodepolicylist_operator-docs_network-operator.json"_qs));
        QVERIFY(pf(Model::buildSnapshot(objects), kCnf, u"0000:86:00.0"_qs)->resource.isEmpty());

        Kube::SriovNetworkNodePolicy byName;
        byName.meta = { u"by-name"_qs, u"sriov-network-operator"_qs, {}, {}, {}, {}, {}, {} };
        byName.resourceName = u"vuy_sriovnic"_qs;
        byName.priority = 50;
        byName.nicSelector.vendor = u"8086"_qs;
        byName.nicSelector.deviceId = u"158B"_qs; // ids compare without case
        byName.nicSelector.pfNames = { u"ens5f0#0-5"_qs };
        byName.nodeSelector = { { u"feature.node.kubernetes.io/network-sriov.capable"_qs, u"true"_qs } };
        objects.sriovPolicies.insert(u"sriov-network-operator/by-name"_qs, byName);
        Kube::SriovNetworkNodePolicy lower = byName;
        lower.meta.name = u"lower-priority"_qs;
        lower.resourceName = u"intel_sriov_netdevice"_qs;
        lower.priority = 90;
        objects.sriovPolicies.insert(u"sriov-network-operator/lower-priority"_qs, lower);
        QCOMPARE(pf(Model::buildSnapshot(objects), kCnf, u"0000:86:00.0"_qs)->resource,
                 u"openshift.io/vuy_sriovnic"_qs);

        // A policy for other nodes does not apply.
        objects.sriovPolicies[u"sriov-network-operator/by-name"_qs].nodeSelector.insert(u"pool"_qs, u"edge"_qs);
        QCOMPARE(pf(Model::buildSnapshot(objects), kCnf, u"0000:86:00.0"_qs)->resource,
                 u"intel.com/intel_sriov_netdevice"_qs);
    }

    void poolFromTheDevicePluginConfig()
    {
        auto objects = cnfCluster(false);
        // sriovdp-config (for every node): intel_sriov_netdevice takes 8086:154c VFs on iavf.
        insertAll(objects.deviceConfigs,
                  load<Kube::ConfigMap>(Kube::ResourceKind::ConfigMap,
                                        u"configmaplist_sriovdp-config_default_rdma-mixed.json"_qs)
                      .mid(0, 1));
        const auto snapshot = Model::buildSnapshot(objects);
        QCOMPARE(pf(snapshot, kCnf, u"0000:86:00.0"_qs)->resource, u"intel.com/intel_sriov_netdevice"_qs);
        QCOMPARE(snapshot.node(kCnf)->resource(u"intel.com/intel_sriov_netdevice"_qs)->kind,
                 Model::ResourceClass::Sriov);

        // The operator's device-plugin-config has a key per node: worker1's PF ens3f1 (VFs 8086:1889).
        Model::ClusterObjects worker;
        worker.nodes.insert(kWorker1, node(kWorker1, { { u"openshift.io/sriov_ens3f1"_qs, 8 } }));
        auto states = load<Kube::SriovNetworkNodeState>(Kube::ResourceKind::SriovNetworkNodeState,
                                                        u"sriovnetworknodestate_ice-iavf_partial_worker1.json"_qs);
        states.first().specInterfaces.clear();
        insertAll(worker.sriovStates, states);
        insertAll(
            worker.deviceConfigs,
            load<Kube::ConfigMap>(Kube::ResourceKind::ConfigMap, u"configmap_device-plugin-config_operator.json"_qs));
        QCOMPARE(pf(Model::buildSnapshot(worker), kWorker1, u"0000:98:00.1"_qs)->resource,
                 u"openshift.io/sriov_ens3f1"_qs);
    }

    void poolFromTheNetworkOfAHoldingPod()
    {
        auto objects = cnfCluster(false);
        Kube::NetworkAttachmentDefinition nad;
        nad.meta.namespaceName = u"telco"_qs;
        nad.meta.name = u"sriov-net"_qs;
        nad.resourceName = u"intel.com/intel_sriov_netdevice"_qs;
        objects.networkAttachments.insert(u"telco/sriov-net"_qs, nad);
        addPod(objects,
               pod(u"telco"_qs, u"cnf"_qs, kCnf, kStatusKey, networkStatus(u"telco/sriov-net"_qs, u"0000:86:02.0"_qs)));
        QCOMPARE(pf(Model::buildSnapshot(objects), kCnf, u"0000:86:00.0"_qs)->resource,
                 u"intel.com/intel_sriov_netdevice"_qs);
    }

    void nvidiaPrefixedPoolsAreSriovNotGpus()
    {
        Model::ClusterObjects objects;
        objects.nodes.insert(u"n"_qs,
                             node(u"n"_qs, { { u"nvidia.com/sriovlegacy"_qs, 8 }, { u"nvidia.com/gpu"_qs, 8 } }));
        QCOMPARE(Model::buildSnapshot(objects).node(u"n"_qs)->resource(u"nvidia.com/sriovlegacy"_qs)->kind,
                 Model::ResourceClass::Other);
        insertAll(
            objects.sriovPolicies,
            load<Kube::SriovNetworkNodePolicy>(Kube::ResourceKind::SriovNetworkNodePolicy,
                                               u"sriovnetworknodepolicylist_operator-docs_network-operator.json"_qs));
        const auto snapshot = Model::buildSnapshot(objects);
        QCOMPARE(snapshot.node(u"n"_qs)->resource(u"nvidia.com/sriovlegacy"_qs)->kind, Model::ResourceClass::Sriov);
        QCOMPARE(snapshot.node(u"n"_qs)->resource(u"nvidia.com/gpu"_qs)->kind, Model::ResourceClass::Gpu);
    }

    void draDevicesAndTheirPods()
    {
        Model::ClusterObjects objects;
        const QString migNode = u"aks-migpool-68842551-vmss000001"_qs;
        objects.nodes.insert(migNode, node(migNode, {}));
        insertAll(objects.resourceSlices,
                  load<Kube::ResourceSlice>(Kube::ResourceKind::ResourceSlice,
                                            u"resourceslicelist_v1_gpu-and-mig_aks.json"_qs));
        insertAll(objects.resourceClaims,
                  load<Kube::ResourceClaim>(Kube::ResourceKind::ResourceClaim, u"resourceclaimlist_v1_mig.json"_qs));
        for (const char *name : { "inference-0", "trainer-a", "trainer-b" })
            addPod(objects, pod(u"ml"_qs, QString::fromLatin1(name), migNode));

        const auto snapshot = Model::buildSnapshot(objects);
        const auto *n = snapshot.node(migNode);
        QVERIFY(n && n->gpu);
        QCOMPARE(n->gpu->vendor, u"nvidia"_qs);
        QCOMPARE(n->gpu->product, u"NVIDIA A100 80GB PCIe"_qs);
        QCOMPARE(n->gpu->devices.size(), 3);
        const auto shared = std::find_if(n->gpu->devices.cbegin(), n->gpu->devices.cend(),
                                         [](const Model::GpuDevice &d) { return d.draDevice == u"gpu-0-mig-9-0-4"; });
        QVERIFY(shared != n->gpu->devices.cend());
        QCOMPARE(shared->migProfile, u"3g.40gb"_qs);
        QCOMPARE(shared->parentUuid, u"GPU-ddf64803-f421-0e5b-883e-cd752de16db7"_qs);
        QCOMPARE(shared->pciBusId, u"0000:00:06.0"_qs);
        QCOMPARE(shared->pods.size(), 2); // one claim, reserved for two pods
        QCOMPARE(snapshot.pod(u"ml/trainer-b"_qs)->gpus, QStringList { shared->uuid });
        QCOMPARE(snapshot.pod(u"ml/inference-0"_qs)->gpus,
                 QStringList { u"MIG-6e5d4c3b-2a1f-5e0d-8c7b-6a5f4e3d2c1b"_qs });
        // Pods holding only DRA devices are listed although they request no extended resource.
        QVERIFY(snapshot.pod(u"ml/trainer-a"_qs));
    }
};

QTEST_GUILESS_MAIN(TestDeviceJoin)
#include "tst_devicejoin.moc"
