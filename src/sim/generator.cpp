// SPDX-License-Identifier: GPL-3.0-or-later
#include "sim/generator.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSet>
#include <algorithm>

namespace Specula::Sim {

QString failedSchedulingMessage(const Scenario &scenario, const QString &resource)
{
    const int total = int(scenario.nodes.size());
    int notReady = 0;
    int unschedulable = 0;
    for (const NodeDesc &node : scenario.nodes) {
        if (!node.ready)
            ++notReady;
        else if (node.unschedulable)
            ++unschedulable;
    }
    const int insufficient = total - notReady - unschedulable;
    // The scheduler sorts its reasons as strings.
    QStringList reasons;
    if (insufficient > 0)
        reasons.append(u"%1 Insufficient %2"_qs.arg(insufficient).arg(resource));
    if (notReady > 0)
        reasons.append(u"%1 node(s) had untolerated taint {node.kubernetes.io/unreachable: }"_qs.arg(notReady));
    if (unschedulable > 0)
        reasons.append(u"%1 node(s) were unschedulable"_qs.arg(unschedulable));
    reasons.sort();
    QStringList preemption;
    if (insufficient > 0)
        preemption.append(u"%1 No preemption victims found for incoming pod"_qs.arg(insufficient));
    if (notReady + unschedulable > 0)
        preemption.append(u"%1 Preemption is not helpful for scheduling"_qs.arg(notReady + unschedulable));
    preemption.sort();
    return u"0/%1 nodes are available: %2. preemption: 0/%1 nodes are available: %3."_qs.arg(total).arg(
        reasons.join(u", "), preemption.join(u", "));
}

namespace {

// Generated names look like the ones controllers make: a hash-like suffix from the consonant alphabet.
QString suffix(QRandomGenerator &random, int length)
{
    static const QString alphabet = u"bcdfghjklmnpqrstvwxz2456789"_qs;
    QString out(length, Qt::Uninitialized);
    for (int i = 0; i < length; ++i)
        out[i] = alphabet.at(int(random.bounded(quint32(alphabet.size()))));
    return out;
}

const GpuProduct &pickProduct(const QList<GpuProduct> &products, int totalWeight, QRandomGenerator &random,
                              bool migCapable)
{
    for (;;) {
        int pick = int(random.bounded(quint32(totalWeight)));
        for (const GpuProduct &product : products) {
            pick -= product.weight;
            if (pick >= 0)
                continue;
            const bool capable = product.family == u"ampere" || product.family == u"hopper";
            if (!migCapable || capable)
                return product;
            break;
        }
        if (migCapable && std::none_of(products.begin(), products.end(), [](const GpuProduct &p) {
                return p.family == u"ampere" || p.family == u"hopper";
            }))
            return products.first();
    }
}

QByteArray podKey(const QString &ns, const QString &name)
{
    return ns.toUtf8() + '/' + name.toUtf8();
}

enum class GpuMode { Full, MigMixed, TimeSliced };

// The MIG profile of a 7-slice partition per product: name, memory MiB, multiprocessors.
struct MigProfile
{
    QString name;
    QString memory;
    QString multiprocessors;
};

MigProfile migProfile(const GpuProduct &product, bool large)
{
    const bool hopper = product.family == u"hopper";
    if (large)
        return hopper ? MigProfile { u"3g.40gb"_qs, u"40448"_qs, u"60"_qs }
                      : MigProfile { u"3g.40gb"_qs, u"40192"_qs, u"42"_qs };
    return hopper ? MigProfile { u"1g.10gb"_qs, u"9856"_qs, u"16"_qs }
                  : MigProfile { u"1g.10gb"_qs, u"9728"_qs, u"14"_qs };
}

struct GeneratedNode
{
    GpuMode mode = GpuMode::Full;
    QString gpuResource; // what GPU pods request here
    int gpuUnits = 0; // allocatable units of gpuResource
    QString sriovPool; // empty: no SR-IOV pool
};

NodeDesc makeGpuNode(int index, const GeneratorSpec &spec, const GpuProduct &product, GpuMode mode,
                     QRandomGenerator &random, GeneratedNode &info)
{
    NodeDesc node;
    node.name = u"gpu-node-%1"_qs.arg(index, 5, 10, QChar(u'0'));
    node.internalIP = u"10.%1.%2.%3"_qs.arg(16 + index / 65536).arg((index / 256) % 256).arg(index % 256);
    node.ageSeconds = 86400 * (20 + qint64(random.bounded(300)));
    const QString gpus = QString::number(spec.gpusPerNode);
    node.labels = { { u"node-role.kubernetes.io/worker"_qs, QString() },
                    { u"topology.kubernetes.io/zone"_qs, u"zone-%1"_qs.arg(QChar(u'a' + index % 3)) },
                    { u"nvidia.com/gpu.present"_qs, u"true"_qs },
                    { u"nvidia.com/gpu.count"_qs, gpus },
                    { u"nvidia.com/gpu.memory"_qs, QString::number(product.memoryMiB) },
                    { u"nvidia.com/gpu.family"_qs, product.family },
                    { u"nvidia.com/gpu.machine"_qs, u"PowerEdge-XE9680"_qs },
                    { u"nvidia.com/cuda.driver-version.major"_qs, u"550"_qs },
                    { u"nvidia.com/cuda.driver-version.minor"_qs, u"90"_qs },
                    { u"nvidia.com/cuda.driver-version.revision"_qs, u"07"_qs },
                    { u"nvidia.com/gfd.timestamp"_qs, u"1721900000"_qs },
                    { u"feature.node.kubernetes.io/pci-10de.present"_qs, u"true"_qs } };
    const bool migCapable = product.family == u"ampere" || product.family == u"hopper";
    node.labels.insert(u"nvidia.com/mig.capable"_qs, migCapable ? u"true"_qs : u"false"_qs);
    node.capacity = { { u"cpu"_qs, u"112"_qs }, { u"memory"_qs, u"2113389200Ki"_qs }, { u"pods"_qs, u"110"_qs } };
    switch (mode) {
    case GpuMode::Full:
        node.labels.insert(u"nvidia.com/gpu.product"_qs, product.product);
        node.labels.insert(u"nvidia.com/gpu.sharing-strategy"_qs, u"none"_qs);
        node.labels.insert(u"nvidia.com/gpu.replicas"_qs, u"1"_qs);
        if (migCapable)
            node.labels.insert(u"nvidia.com/mig.strategy"_qs, u"single"_qs);
        node.capacity.insert(u"nvidia.com/gpu"_qs, gpus);
        info.gpuResource = u"nvidia.com/gpu"_qs;
        info.gpuUnits = spec.gpusPerNode;
        break;
    case GpuMode::MigMixed: {
        // Half the GPUs as seven 1g slices, half as two 3g slices (and one unused slice).
        node.labels.insert(u"nvidia.com/gpu.product"_qs, product.product);
        node.labels.insert(u"nvidia.com/mig.strategy"_qs, u"mixed"_qs);
        node.labels.insert(u"nvidia.com/mig.config"_qs, u"custom-mixed"_qs);
        node.labels.insert(u"nvidia.com/mig.config.state"_qs, u"success"_qs);
        node.labels.insert(u"nvidia.com/gpu.replicas"_qs, u"0"_qs);
        const int small = spec.gpusPerNode / 2;
        const int large = spec.gpusPerNode - small;
        for (const auto &[profile, count] : { std::pair { migProfile(product, false), small * 7 },
                                              std::pair { migProfile(product, true), large * 2 } }) {
            const QString prefix = u"nvidia.com/mig-"_qs + profile.name;
            node.labels.insert(prefix + u".count"_qs, QString::number(count));
            node.labels.insert(prefix + u".memory"_qs, profile.memory);
            node.labels.insert(prefix + u".multiprocessors"_qs, profile.multiprocessors);
            node.labels.insert(prefix + u".product"_qs, product.product + u"-MIG-"_qs + profile.name);
            node.labels.insert(prefix + u".replicas"_qs, u"1"_qs);
            node.labels.insert(prefix + u".sharing-strategy"_qs, u"none"_qs);
            node.capacity.insert(prefix, QString::number(count));
        }
        node.capacity.insert(u"nvidia.com/gpu"_qs, u"0"_qs);
        info.gpuResource = u"nvidia.com/mig-"_qs + migProfile(product, false).name;
        info.gpuUnits = small * 7;
        break;
    }
    case GpuMode::TimeSliced:
        // renameByDefault: false, so the shared replicas keep the nvidia.com/gpu name and the product gets -SHARED.
        node.labels.insert(u"nvidia.com/gpu.product"_qs, product.product + u"-SHARED"_qs);
        node.labels.insert(u"nvidia.com/gpu.sharing-strategy"_qs, u"time-slicing"_qs);
        node.labels.insert(u"nvidia.com/gpu.replicas"_qs, u"2"_qs);
        node.capacity.insert(u"nvidia.com/gpu"_qs, QString::number(spec.gpusPerNode * 2));
        info.gpuResource = u"nvidia.com/gpu"_qs;
        info.gpuUnits = spec.gpusPerNode * 2;
        break;
    }
    info.mode = mode;
    return node;
}

ContainerDesc container(const QString &name, const QString &image, const QString &cpu, const QString &memory)
{
    ContainerDesc c;
    c.name = name;
    c.image = image;
    c.requests = { { u"cpu"_qs, cpu }, { u"memory"_qs, memory } };
    return c;
}

// The SR-IOV operator's state for a node whose ConnectX-6 Dx port has its eight VFs in the RDMA pool.
QJsonObject mlnxNodeState(const QString &node, int index)
{
    const QString mac = u"b8:ce:f6:%1:%2:%3"_qs.arg((index >> 16) & 255, 2, 16, QChar(u'0'))
                            .arg((index >> 8) & 255, 2, 16, QChar(u'0'))
                            .arg(index & 255, 2, 16, QChar(u'0'));
    QJsonArray vfs;
    for (int vf = 0; vf < 8; ++vf) {
        // Functions 2-7 of device 00, then 0-1 of device 01, as the kernel numbers them.
        const int fn = vf + 2;
        vfs.append(QJsonObject { { u"name"_qs, u"ens2f0v%1"_qs.arg(vf) },
                                 { u"driver"_qs, u"mlx5_core"_qs },
                                 { u"pciAddress"_qs, u"0000:86:%1.%2"_qs.arg(fn / 8, 2, 10, QChar(u'0')).arg(fn % 8) },
                                 { u"vendor"_qs, u"15b3"_qs },
                                 { u"deviceID"_qs, u"101e"_qs },
                                 { u"mtu"_qs, 9000 },
                                 { u"vfID"_qs, vf } });
    }
    const QJsonObject pf { { u"name"_qs, u"ens2f0np0"_qs },
                           { u"mac"_qs, mac },
                           { u"driver"_qs, u"mlx5_core"_qs },
                           { u"pciAddress"_qs, u"0000:86:00.0"_qs },
                           { u"vendor"_qs, u"15b3"_qs },
                           { u"deviceID"_qs, u"101d"_qs },
                           { u"mtu"_qs, 9000 },
                           { u"numVfs"_qs, 8 },
                           { u"totalvfs"_qs, 16 },
                           { u"linkSpeed"_qs, u"200000 Mb/s"_qs },
                           { u"linkType"_qs, u"ETH"_qs },
                           { u"linkAdminState"_qs, u"up"_qs },
                           { u"eSwitchMode"_qs, u"legacy"_qs },
                           { u"Vfs"_qs, vfs } };
    const QJsonObject group { { u"deviceType"_qs, u"netdevice"_qs },
                              { u"resourceName"_qs, u"mlnx_sriov_rdma"_qs },
                              { u"vfRange"_qs, u"0-7"_qs },
                              { u"policyName"_qs, u"policy-mlnx-rdma"_qs },
                              { u"isRdma"_qs, true } };
    return QJsonObject {
        { u"metadata"_qs,
          QJsonObject { { u"name"_qs, node },
                        { u"namespace"_qs, u"sriov-network-operator"_qs },
                        { u"annotations"_qs,
                          QJsonObject { { u"sriovnetwork.openshift.io/current-state"_qs, u"Idle"_qs },
                                        { u"sriovnetwork.openshift.io/desired-state"_qs, u"Idle"_qs } } } } },
        { u"spec"_qs,
          QJsonObject { { u"dpConfigVersion"_qs, u"20417"_qs },
                        { u"interfaces"_qs,
                          QJsonArray { QJsonObject { { u"name"_qs, u"ens2f0np0"_qs },
                                                     { u"pciAddress"_qs, u"0000:86:00.0"_qs },
                                                     { u"numVfs"_qs, 8 },
                                                     { u"vfGroups"_qs, QJsonArray { group } } } } } } },
        { u"status"_qs, QJsonObject { { u"syncStatus"_qs, u"Succeeded"_qs }, { u"interfaces"_qs, QJsonArray { pf } } } }
    };
}

} // namespace

void generateCluster(const GeneratorSpec &spec, Scenario &scenario)
{
    QRandomGenerator random(quint32(scenario.seed * 2654435761u + 17));
    int totalWeight = 0;
    for (const GpuProduct &product : spec.products)
        totalWeight += qMax(1, product.weight);
    QList<GpuProduct> products = spec.products;
    for (GpuProduct &product : products)
        product.weight = qMax(1, product.weight);

    // Nodes. MIG-mixed and time-sliced (two replicas) nodes come in equal numbers, so the cluster still offers
    // gpusPerNode x gpuNodes nvidia.com/gpu in total: each MIG node's missing GPUs are a shared node's extras.
    const int nodeBase = int(scenario.nodes.size());
    QList<GeneratedNode> infos;
    infos.reserve(spec.gpuNodes + spec.cpuNodes);
    for (int i = 0; i < spec.gpuNodes; ++i) {
        // Each time-sliced node (i % 25 == 7) has its MIG partner four nodes before it.
        const GpuMode effective = i % 25 == 3 && i + 4 < spec.gpuNodes ? GpuMode::MigMixed
            : i % 25 == 7                                              ? GpuMode::TimeSliced
                                                                       : GpuMode::Full;
        const GpuProduct &product = pickProduct(products, totalWeight, random, effective == GpuMode::MigMixed);
        GeneratedNode info;
        NodeDesc node = makeGpuNode(i, spec, product, effective, random, info);
        // Every tenth node has SR-IOV VFs for the RDMA fabric.
        if (i % 10 == 5) {
            info.sriovPool = u"openshift.io/mlnx_sriov_rdma"_qs;
            node.labels.insert(u"feature.node.kubernetes.io/network-sriov.capable"_qs, u"true"_qs);
            node.capacity.insert(info.sriovPool, u"8"_qs);
            QList<QJsonObject> &states = scenario.objects[u"sriovnetworknodestates"_qs];
            if (states.isEmpty())
                scenario.objects[u"namespaces"_qs].append(
                    QJsonObject { { u"metadata"_qs, QJsonObject { { u"name"_qs, u"sriov-network-operator"_qs } } } });
            states.append(mlnxNodeState(node.name, i));
        }
        // A few nodes are cordoned or unreachable, as in any large fleet.
        if (i % 997 == 500)
            node.unschedulable = true;
        if (i % 1999 == 1000)
            node.ready = false;
        scenario.nodes.append(node);
        infos.append(info);
    }
    for (int i = 0; i < spec.cpuNodes; ++i) {
        NodeDesc node;
        node.name = u"cpu-node-%1"_qs.arg(i, 4, 10, QChar(u'0'));
        node.internalIP = u"10.%1.%2.%3"_qs.arg(32 + i / 65536).arg((i / 256) % 256).arg(i % 256);
        node.labels = { { u"node-role.kubernetes.io/worker"_qs, QString() } };
        node.capacity = { { u"cpu"_qs, u"64"_qs }, { u"memory"_qs, u"263597532Ki"_qs } };
        if (i % 4 == 1) {
            GeneratedNode info;
            info.sriovPool = u"openshift.io/intel_sriov_netdevice"_qs;
            node.labels.insert(u"feature.node.kubernetes.io/network-sriov.capable"_qs, u"true"_qs);
            node.capacity.insert(info.sriovPool, u"16"_qs);
            infos.append(info);
        } else {
            infos.append(GeneratedNode {});
        }
        scenario.nodes.append(node);
    }

    QList<QString> namespaces;
    for (int i = 0; i < spec.namespaces; ++i)
        namespaces.append(u"team-%1"_qs.arg(i, 2, 10, QChar(u'0')));

    const int nodeCount = int(infos.size());
    const int pending = qMin(spec.pendingPods, spec.pods);
    const int bound = nodeCount > 0 ? spec.pods - pending : 0;
    scenario.pods.reserve(scenario.pods.size() + bound + pending);
    int made = 0;
    // Shared images and containers: the strings are implicitly shared between the pods.
    const ContainerDesc kubeProxy
        = container(u"kube-proxy"_qs, u"registry.k8s.io/kube-proxy:v1.30.4"_qs, u"100m"_qs, u"64Mi"_qs);
    const ContainerDesc nodeExporter
        = container(u"node-exporter"_qs, u"quay.io/prometheus/node-exporter:v1.8.2"_qs, u"100m"_qs, u"180Mi"_qs);
    const ContainerDesc devicePlugin
        = container(u"nvidia-device-plugin"_qs, u"nvcr.io/nvidia/k8s-device-plugin:v0.16.1"_qs, u"50m"_qs, u"64Mi"_qs);
    ContainerDesc dcgm
        = container(u"nvidia-dcgm-exporter"_qs, u"nvcr.io/nvidia/k8s/dcgm-exporter:3.3.7-3.5.0-ubuntu22.04"_qs,
                    u"100m"_qs, u"512Mi"_qs);
    dcgm.ports = { 9400 };
    auto daemon = [&](const QString &ns, const QString &ds, const ContainerDesc &c, const QString &node) {
        PodDesc pod;
        pod.ns = ns;
        pod.name = ds + u'-' + suffix(random, 5);
        pod.node = node;
        pod.ownerKind = u"DaemonSet"_qs;
        pod.ownerName = ds;
        pod.labels = { { u"app.kubernetes.io/name"_qs, ds },
                       { u"controller-revision-hash"_qs, u"6c8f9d7b5"_qs },
                       { u"pod-template-generation"_qs, u"3"_qs } };
        pod.containers = { c };
        pod.ageSeconds = 86400 * 10;
        return pod;
    };

    // Random suffixes can collide among 150,000 pods; a pod name must be unique in its namespace.
    QSet<QByteArray> taken;
    taken.reserve(bound + pending);
    auto unique = [&taken, &random](PodDesc &pod) {
        while (taken.contains(podKey(pod.ns, pod.name)))
            pod.name = pod.ownerName + u'-' + suffix(random, 5);
        taken.insert(podKey(pod.ns, pod.name));
    };
    for (int n = 0; n < nodeCount && made < bound; ++n) {
        const NodeDesc &node = scenario.nodes.at(nodeBase + n);
        const GeneratedNode &info = infos.at(n);
        const int share = bound / nodeCount + (n < bound % nodeCount ? 1 : 0);
        QList<PodDesc> here;
        here.append(daemon(u"kube-system"_qs, u"kube-proxy"_qs, kubeProxy, node.name));
        here.append(daemon(u"monitoring"_qs, u"node-exporter"_qs, nodeExporter, node.name));
        if (!info.gpuResource.isEmpty()) {
            here.append(daemon(u"gpu-operator"_qs, u"nvidia-device-plugin-daemonset"_qs, devicePlugin, node.name));
            here.append(daemon(u"gpu-operator"_qs, u"nvidia-dcgm-exporter"_qs, dcgm, node.name));
            // GPU workloads fill most nodes; some units stay free so that free capacity is visible.
            int free = info.gpuUnits;
            const int keepFree = int(random.bounded(4)) == 0 ? int(random.bounded(quint32(info.gpuUnits / 2 + 1))) : 0;
            while (free - keepFree > 0 && here.size() < share) {
                static const int sizes[] = { 8, 4, 2, 1 };
                int want = sizes[random.bounded(4)];
                want = qMin(want, free - keepFree);
                const QString &ns = namespaces.at(int(random.bounded(quint32(namespaces.size()))));
                PodDesc pod;
                pod.ns = ns;
                pod.node = node.name;
                const bool training = want >= 4;
                pod.ownerKind = training ? u"StatefulSet"_qs : u"ReplicaSet"_qs;
                pod.ownerName = training ? u"train-%1"_qs.arg(suffix(random, 6))
                                         : u"infer-%1-%2"_qs.arg(suffix(random, 4), suffix(random, 9));
                pod.name
                    = training ? QString(pod.ownerName + u"-0"_qs) : QString(pod.ownerName + u'-' + suffix(random, 5));
                pod.labels = { { u"app"_qs, pod.ownerName.section(u'-', 0, 1) }, { u"team"_qs, ns } };
                if (!training)
                    pod.labels.insert(u"pod-template-hash"_qs, pod.ownerName.section(u'-', 2));
                ContainerDesc c = container(training ? u"trainer"_qs : u"server"_qs,
                                            training ? u"nvcr.io/nvidia/pytorch:24.07-py3"_qs
                                                     : u"nvcr.io/nvidia/tritonserver:24.07-py3"_qs,
                                            QString::number(want * 8), u"%1Gi"_qs.arg(want * 64));
                c.requests.insert(info.gpuResource, QString::number(want));
                c.limits = { { info.gpuResource, QString::number(want) } };
                if (training)
                    c.env = { { u"NCCL_DEBUG"_qs, u"WARN"_qs } };
                else
                    c.ports = { 8000 };
                if (!info.sriovPool.isEmpty() && training) {
                    c.requests.insert(info.sriovPool, u"1"_qs);
                    c.limits.insert(info.sriovPool, u"1"_qs);
                    pod.annotations.insert(u"k8s.v1.cni.cncf.io/networks"_qs, u"sriov-rdma"_qs);
                }
                pod.containers = { c };
                pod.ageSeconds = 60 + qint64(random.bounded(86400 * 7));
                pod.restarts = random.bounded(20) == 0 ? int(random.bounded(1, 6)) : 0;
                here.append(pod);
                free -= want;
            }
        }
        // The rest are CPU services and finished jobs of the teams.
        while (here.size() < share) {
            const QString &ns = namespaces.at(int(random.bounded(quint32(namespaces.size()))));
            PodDesc pod;
            pod.ns = ns;
            pod.node = node.name;
            const bool job = random.bounded(5) == 0;
            if (job) {
                pod.ownerKind = u"Job"_qs;
                pod.ownerName = u"etl-%1"_qs.arg(suffix(random, 8));
                pod.name = pod.ownerName + u'-' + suffix(random, 5);
                pod.phase = random.bounded(10) == 0 ? u"Failed"_qs : u"Succeeded"_qs;
                pod.labels
                    = { { u"batch.kubernetes.io/job-name"_qs, pod.ownerName }, { u"job-name"_qs, pod.ownerName } };
                pod.containers
                    = { container(u"etl"_qs, u"docker.io/library/python:3.12-slim"_qs, u"500m"_qs, u"1Gi"_qs) };
            } else {
                pod.ownerKind = u"ReplicaSet"_qs;
                pod.ownerName = u"api-%1-%2"_qs.arg(suffix(random, 4), suffix(random, 9));
                pod.name = pod.ownerName + u'-' + suffix(random, 5);
                pod.labels = { { u"app"_qs, pod.ownerName.section(u'-', 0, 1) },
                               { u"pod-template-hash"_qs, pod.ownerName.section(u'-', 2) },
                               { u"team"_qs, ns } };
                ContainerDesc c = container(u"app"_qs, u"docker.io/library/nginx:1.27.0"_qs, u"250m"_qs, u"256Mi"_qs);
                c.ports = { 8080 };
                pod.containers = { c };
            }
            pod.ageSeconds = 60 + qint64(random.bounded(86400 * 30));
            here.append(pod);
        }
        for (PodDesc &pod : here)
            unique(pod);
        made += int(here.size());
        scenario.pods.append(std::move(here));
    }

    // Pending GPU jobs that fit nowhere, all with the scheduler's message for this cluster.
    const QString message = failedSchedulingMessage(scenario, u"nvidia.com/gpu"_qs);
    for (int i = 0; i < pending; ++i) {
        const QString &ns = namespaces.at(i % namespaces.size());
        PodDesc pod;
        pod.ns = ns;
        pod.phase = u"Pending"_qs;
        pod.ownerKind = u"Job"_qs;
        pod.ownerName = u"sweep-%1"_qs.arg(suffix(random, 8));
        pod.name = pod.ownerName + u'-' + suffix(random, 5);
        pod.labels = { { u"batch.kubernetes.io/job-name"_qs, pod.ownerName }, { u"job-name"_qs, pod.ownerName } };
        ContainerDesc c = container(u"trainer"_qs, u"nvcr.io/nvidia/pytorch:24.07-py3"_qs, u"96"_qs, u"1Ti"_qs);
        c.requests.insert(u"nvidia.com/gpu"_qs, QString::number(spec.gpusPerNode * 2));
        c.limits = { { u"nvidia.com/gpu"_qs, QString::number(spec.gpusPerNode * 2) } };
        pod.containers = { c };
        pod.pendingMessage = message;
        pod.ageSeconds = 30 + qint64(random.bounded(3600));
        unique(pod);
        scenario.pods.append(pod);
    }
}

} // namespace Specula::Sim
