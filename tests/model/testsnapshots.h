// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Hand-built snapshots for the model and page tests: every shape the topology has.

#include "model/clustersnapshot.h"

#include <algorithm>

namespace Specula::TestSnapshots {

inline Model::PodSummary pod(const QString &ns, const QString &name, const QString &node,
                             std::initializer_list<std::pair<QString, qint64>> requests)
{
    Model::PodSummary p;
    p.namespaceName = ns;
    p.name = name;
    p.node = node;
    p.phase = QStringLiteral("Running");
    for (const auto &[resource, count] : requests)
        p.requests.insert(resource, count);
    return p;
}

inline Model::GpuDevice gpu(const QString &uuid, int index, const QString &pci, QList<Model::PodRef> pods = {})
{
    Model::GpuDevice d;
    d.uuid = uuid;
    d.index = index;
    d.pciBusId = pci;
    d.model = QStringLiteral("NVIDIA-A100-SXM4-80GB");
    d.pods = std::move(pods);
    return d;
}

inline Model::GpuDevice mig(const QString &uuid, const QString &parent, const QString &profile, int instance,
                            QList<Model::PodRef> pods = {})
{
    Model::GpuDevice d;
    d.uuid = uuid;
    d.parentUuid = parent;
    d.migProfile = profile;
    d.migInstance = instance;
    d.pods = std::move(pods);
    return d;
}

inline Model::VirtualFunction vf(int id, const QString &pci, std::optional<Model::PodRef> holder = {},
                                 const QString &interfaceName = {})
{
    Model::VirtualFunction v;
    v.vfId = id;
    v.pciAddress = pci;
    v.driver = QStringLiteral("iavf");
    v.mac = QStringLiteral("a6:1b:5c:88:0e:0%1").arg(id);
    v.vlan = 100;
    v.pod = std::move(holder);
    v.podInterface = interfaceName;
    if (v.pod)
        v.network = QStringLiteral("telco/sriov-intel-net");
    return v;
}

// gpu-a: two A100s named by a source, the first cut into MIG devices, and a MIG device whose
// parent is unknown. gpu-b: MIG resources only. sriov-0: one SR-IOV PF with VFs, one NIC without.
inline Model::ClusterSnapshot topology()
{
    Model::ClusterSnapshot s;
    s.context = QStringLiteral("lab");
    s.server = QStringLiteral("https://127.0.0.1:6443");

    Model::NodeSummary a;
    a.name = QStringLiteral("gpu-a");
    a.ready = true;
    a.resources = { { QStringLiteral("nvidia.com/gpu"), Model::ResourceClass::Gpu, 1, 1, 1 },
                    { QStringLiteral("nvidia.com/mig-1g.10gb"), Model::ResourceClass::Mig, 2, 2, 1 } };
    a.pods = { QStringLiteral("ml/infer-0"), QStringLiteral("ml/train-0") };
    Model::NodeGpu ga;
    ga.vendor = QStringLiteral("nvidia");
    ga.product = QStringLiteral("NVIDIA-A100-SXM4-80GB");
    ga.physicalCount = 2;
    ga.memoryMiB = 81920;
    ga.migStrategy = Model::MigStrategy::Mixed;
    ga.migProfiles = { { QStringLiteral("1g.10gb"), QStringLiteral("nvidia.com/mig-1g.10gb"), 2, 9728, 14 } };
    ga.devices = { gpu(QStringLiteral("GPU-0000"), 0, QStringLiteral("0000:3b:00.0")),
                   gpu(QStringLiteral("GPU-1111"), 1, QStringLiteral("0000:86:00.0"),
                       { { QStringLiteral("ml"), QStringLiteral("infer-0"), {} } }),
                   mig(QStringLiteral("MIG-aaaa"), QStringLiteral("GPU-0000"), QStringLiteral("1g.10gb"), 7,
                       { { QStringLiteral("ml"), QStringLiteral("train-0"), QStringLiteral("trainer") } }),
                   mig(QStringLiteral("MIG-bbbb"), QStringLiteral("GPU-0000"), QStringLiteral("1g.10gb"), 8),
                   mig(QStringLiteral("MIG-cccc"), QStringLiteral("GPU-9999"), QStringLiteral("1g.10gb"), 9) };
    a.gpu = ga;

    Model::NodeSummary b;
    b.name = QStringLiteral("gpu-b");
    b.ready = true;
    b.resources = { { QStringLiteral("nvidia.com/gpu"), Model::ResourceClass::Gpu, 0, 0, 0 },
                    { QStringLiteral("nvidia.com/mig-1g.10gb"), Model::ResourceClass::Mig, 7, 7, 1 },
                    { QStringLiteral("nvidia.com/mig-3g.40gb"), Model::ResourceClass::Mig, 2, 2, 0 },
                    { QStringLiteral("example.com/fpga"), Model::ResourceClass::Other, 1, 1, 0 } };
    b.pods = { QStringLiteral("ml/notebook") };
    Model::NodeGpu gb;
    gb.vendor = QStringLiteral("nvidia");
    gb.product = QStringLiteral("NVIDIA-A100-SXM4-80GB");
    gb.physicalCount = 2;
    gb.migStrategy = Model::MigStrategy::Mixed;
    gb.migProfiles = { { QStringLiteral("1g.10gb"), QStringLiteral("nvidia.com/mig-1g.10gb"), 7, 9728, 14 },
                       { QStringLiteral("2g.20gb"), QStringLiteral("nvidia.com/mig-2g.20gb"), {}, {}, {} },
                       { QStringLiteral("3g.40gb"), QStringLiteral("nvidia.com/mig-3g.40gb"), 2, 40192, 42 } };
    b.gpu = gb;

    Model::NodeSummary c;
    c.name = QStringLiteral("sriov-0");
    c.ready = true;
    c.resources = { { QStringLiteral("openshift.io/intel_sriov_netdevice"), Model::ResourceClass::Sriov, 4, 4, 1 } };
    c.pods = { QStringLiteral("telco/cnf-0") };
    Model::PhysicalFunction pf;
    pf.name = QStringLiteral("ens1f0");
    pf.pciAddress = QStringLiteral("0000:3b:00.0");
    pf.vendor = QStringLiteral("8086");
    pf.deviceId = QStringLiteral("158b");
    pf.driver = QStringLiteral("i40e");
    pf.linkSpeedMbps = 25000;
    pf.numVfs = 4;
    pf.totalVfs = 64;
    pf.resource = QStringLiteral("openshift.io/intel_sriov_netdevice");
    pf.vfs = { vf(0, QStringLiteral("0000:3b:02.0"),
                  Model::PodRef { QStringLiteral("telco"), QStringLiteral("cnf-0"), {} }, QStringLiteral("net1")),
               vf(1, QStringLiteral("0000:3b:02.1")), vf(2, QStringLiteral("0000:3b:02.2")),
               vf(3, QStringLiteral("0000:3b:02.3")) };
    Model::PhysicalFunction plain;
    plain.name = QStringLiteral("eno1");
    plain.pciAddress = QStringLiteral("0000:01:00.0");
    plain.driver = QStringLiteral("tg3");
    Model::NodeSriov sriov;
    sriov.syncStatus = QStringLiteral("Succeeded");
    sriov.pfs = { plain, pf };
    c.sriov = sriov;

    s.nodes = { a, b, c };
    s.pods
        = { pod(QStringLiteral("ml"), QStringLiteral("infer-0"), a.name, { { QStringLiteral("nvidia.com/gpu"), 1 } }),
            pod(QStringLiteral("ml"), QStringLiteral("notebook"), b.name,
                { { QStringLiteral("nvidia.com/mig-1g.10gb"), 1 } }),
            pod(QStringLiteral("ml"), QStringLiteral("train-0"), a.name,
                { { QStringLiteral("nvidia.com/mig-1g.10gb"), 1 } }),
            pod(QStringLiteral("telco"), QStringLiteral("cnf-0"), c.name,
                { { QStringLiteral("openshift.io/intel_sriov_netdevice"), 1 } }) };
    s.pods.last().vfs = { QStringLiteral("0000:3b:02.0") };
    s.pods[2].gpus = { QStringLiteral("MIG-aaaa") };
    s.pods[0].gpus = { QStringLiteral("GPU-1111") };
    s.podCount = 4;
    return s;
}

inline Model::GpuDevice *device(Model::ClusterSnapshot &s, const QString &uuid)
{
    for (auto &node : s.nodes) {
        if (!node.gpu)
            continue;
        for (auto &d : node.gpu->devices) {
            if (d.uuid == uuid)
                return &d;
        }
    }
    return nullptr;
}

// The topology snapshot with readings: GPU-0000 busy and free, GPU-1111 (ml/infer-0) and
// MIG-aaaa (ml/train-0, listed once per container) nearly idle.
inline Model::ClusterSnapshot withReadings()
{
    auto s = topology();
    device(s, QStringLiteral("GPU-0000"))->readings = { 50.0, {}, {}, {}, 300.0 };
    device(s, QStringLiteral("GPU-1111"))->readings = { 2.0, {}, {}, {}, 100.5 };
    auto *mig = device(s, QStringLiteral("MIG-aaaa"));
    mig->readings.utilPercent = 1.0;
    mig->readings.powerW = 300.0; // the parent's power, not counted twice
    mig->pods.append({ QStringLiteral("ml"), QStringLiteral("train-0"), QStringLiteral("sidecar") });
    return s;
}

inline const QDateTime kCollectedAt { QDate(2026, 12, 4), QTime(12, 0), Qt::UTC };

inline Model::PodSummary pendingPod(const QString &ns, const QString &name, const QString &resource, qint64 count,
                                    qint64 waitedSeconds)
{
    auto p = pod(ns, name, {}, { { resource, count } });
    p.phase = QStringLiteral("Pending");
    p.pending = Model::PendingReason { QStringLiteral("Unschedulable"),
                                       QStringLiteral("0/3 nodes are available: 3 Insufficient %1.").arg(resource),
                                       kCollectedAt.addSecs(-waitedSeconds) };
    return p;
}

// The topology cluster, collected at kCollectedAt, with pending pods: ml/slice fits (a 1g.10gb
// slice), ml/big wants a profile nobody has, telco/cnf-1 more VFs than are free, and ml/fpga
// wants only an FPGA.
inline Model::ClusterSnapshot withPending()
{
    auto s = topology();
    s.collectedAt = kCollectedAt;
    s.pods.append(
        pendingPod(QStringLiteral("ml"), QStringLiteral("slice"), QStringLiteral("nvidia.com/mig-1g.10gb"), 1, 11520));
    s.pods.append(
        pendingPod(QStringLiteral("ml"), QStringLiteral("big"), QStringLiteral("nvidia.com/mig-7g.80gb"), 1, 90));
    s.pods.append(pendingPod(QStringLiteral("telco"), QStringLiteral("cnf-1"),
                             QStringLiteral("openshift.io/intel_sriov_netdevice"), 4, 200000));
    s.pods.append(pendingPod(QStringLiteral("ml"), QStringLiteral("fpga"), QStringLiteral("example.com/fpga"), 1, 60));
    std::sort(s.pods.begin(), s.pods.end(),
              [](const Model::PodSummary &a, const Model::PodSummary &b) { return a.key() < b.key(); });
    return s;
}

} // namespace Specula::TestSnapshots
