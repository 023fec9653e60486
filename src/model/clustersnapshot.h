// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kube/resources.h"
#include "model/resourceclass.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <optional>

namespace Specula::Model {

// One extended resource of one node, in whole units.
struct NodeResource
{
    QString name;
    ResourceClass kind = ResourceClass::Other;
    qint64 capacity = 0;
    qint64 allocatable = 0;
    qint64 requested = 0; // what the scheduler counts: active pods' effective requests

    friend bool operator==(const NodeResource &, const NodeResource &) = default;
};

// A pod, or one container of it, that holds a device.
struct PodRef
{
    QString namespaceName;
    QString name;
    QString container; // empty when the source does not say

    QString key() const { return namespaceName + QLatin1Char('/') + name; }
    friend bool operator==(const PodRef &, const PodRef &) = default;
};

enum class MigStrategy { None, Single, Mixed };
enum class GpuSharing { None, TimeSlicing, Mps };

// One MIG profile a node offers. Mixed strategy: from the nvidia.com/mig-<profile>.* labels
// and the nvidia.com/mig-<profile> resource (stale zero-valued resources are kept with no
// labels). Single strategy: the one profile every GPU is cut into, offered as nvidia.com/gpu.
struct MigProfile
{
    QString profile; // "1g.10gb"
    QString resource; // "nvidia.com/mig-1g.10gb", or "nvidia.com/gpu" under the single strategy
    std::optional<int> count; // the .count label: devices of this profile on the node
    std::optional<qint64> memoryMiB; // memory of one device
    std::optional<int> multiprocessors;

    friend bool operator==(const MigProfile &, const MigProfile &) = default;
};

// What dcgm-exporter said about a device at one moment; nothing where it had no value.
struct GpuReadings
{
    std::optional<double> utilPercent; // MIG instances: graphics engine activity × 100
    std::optional<double> memUsedMiB;
    std::optional<double> memFreeMiB;
    std::optional<double> tempC;
    std::optional<double> powerW;
    friend bool operator==(const GpuReadings &, const GpuReadings &) = default;
};

// A GPU or MIG instance that a source names individually: DRA ResourceSlices, or dcgm-exporter's
// series in Prometheus.
struct GpuDevice
{
    QString uuid; // "GPU-…" or "MIG-…"
    std::optional<int> index;
    QString pciBusId; // normalised, "0000:3b:00.0"
    QString model;
    QString migProfile; // empty for a whole GPU
    std::optional<int> migInstance;
    QString parentUuid; // MIG: the GPU it is cut from
    QString draDriver; // set when the device comes from a ResourceSlice
    QString draPool;
    QString draDevice;
    QList<PodRef> pods;
    GpuReadings readings;

    friend bool operator==(const GpuDevice &, const GpuDevice &) = default;
};

// What a node's GPUs are, from GPU Feature Discovery labels and the node's resources.
struct NodeGpu
{
    QString vendor; // "nvidia", "amd", "intel", or the resource's domain
    QString product; // the physical model, with the -MIG-<profile> and -SHARED suffixes removed
    std::optional<int> physicalCount; // unknown under MIG single (gpu.count counts MIG devices)
    std::optional<qint64> memoryMiB; // of one physical GPU
    MigStrategy migStrategy = MigStrategy::None;
    GpuSharing sharing = GpuSharing::None;
    int replicas = 1; // pods that can share one GPU (sharing) or one MIG device
    bool renamedShared = false; // time-slicing/MPS with renameByDefault: nvidia.com/gpu.shared
    bool vgpu = false;
    QString family; // hopper, ampere, …
    QString migConfig; // nvidia.com/mig.config
    QString migConfigState; // pending, success, failed
    QString driverVersion; // "550.90.07"
    QList<MigProfile> migProfiles; // sorted by profile
    QList<GpuDevice> devices; // sorted by index then uuid

    friend bool operator==(const NodeGpu &, const NodeGpu &) = default;
};

struct VirtualFunction
{
    int vfId = 0;
    QString pciAddress; // normalised
    QString name; // empty for VFs bound to vfio-pci
    QString mac;
    QString driver;
    QString deviceId;
    std::optional<int> vlan;
    std::optional<PodRef> pod; // from the pod's Multus network-status device-info
    QString podInterface; // "net1", when network-status names it
    QString network; // "namespace/nad" the pod attached it through

    friend bool operator==(const VirtualFunction &, const VirtualFunction &) = default;
};

struct PhysicalFunction
{
    QString name;
    QString pciAddress; // normalised
    QString vendor; // lower-case hex
    QString deviceId;
    QString driver;
    std::optional<int> linkSpeedMbps; // nothing for "-1 Mb/s" (link down) or no value
    bool linkDown = false; // the operator reported "-1 Mb/s"
    QString linkType;
    std::optional<int> mtu;
    int numVfs = 0;
    std::optional<int> totalVfs; // nothing on NICs that are not SR-IOV capable
    QString resource; // the node resource its VFs feed ("openshift.io/intel_sriov_netdevice")
    QList<VirtualFunction> vfs; // sorted by vfId

    bool sriovCapable() const { return totalVfs.value_or(0) > 0 || numVfs > 0; }
    int allocatedVfs() const;
    friend bool operator==(const PhysicalFunction &, const PhysicalFunction &) = default;
};

struct NodeSriov
{
    QString syncStatus; // Succeeded, InProgress, Failed
    QString lastSyncError;
    QList<PhysicalFunction> pfs; // sorted by PCI address

    friend bool operator==(const NodeSriov &, const NodeSriov &) = default;
};

struct NodeSummary
{
    QString name;
    bool ready = false;
    bool unschedulable = false;
    Kube::StringMap labels; // metadata.labels, for label selectors
    QList<NodeResource> resources; // every extended resource, sorted by name, zeros kept
    QStringList pods; // "namespace/name" of the active pods on this node listed in ClusterSnapshot::pods
    std::optional<NodeGpu> gpu; // nodes with GPU resources, GFD labels or DRA GPUs
    std::optional<NodeSriov> sriov; // nodes with a SriovNetworkNodeState

    const NodeResource *resource(const QString &name) const;
    friend bool operator==(const NodeSummary &, const NodeSummary &) = default;
    // Equal in everything but the GPUs' readings, which change on every refresh: what the
    // topology tree and a map coloured by allocation show of a node is the same.
    bool equalApartFromReadings(const NodeSummary &other) const;
};

struct PendingReason
{
    QString reason; // the PodScheduled condition's reason, e.g. Unschedulable
    QString message; // the scheduler's words: the latest FailedScheduling event, else the condition's
    QDateTime since; // when the pod was created (how long it has waited)

    friend bool operator==(const PendingReason &, const PendingReason &) = default;
};

struct PodSummary
{
    QString namespaceName;
    QString name;
    QString node; // empty when not bound
    QString phase;
    QMap<QString, qint64> requests; // extended resources, effective request in whole units
    QStringList gpus; // UUIDs of the GPUs and MIG devices it holds, where a source names them
    QStringList vfs; // normalised PCI addresses of the VFs it holds
    QMap<QString, QString> nodeSelector; // spec.nodeSelector: where a pending pod may go
    std::optional<PendingReason> pending;

    QString key() const { return namespaceName + QLatin1Char('/') + name; }
    friend bool operator==(const PodSummary &, const PodSummary &) = default;
};

// Whether the GPU readings come from a Prometheus, and which.
struct PrometheusStatus
{
    enum class State { Disabled, Ok, Unreachable };
    State state = State::Disabled;
    QString url; // the API's base URL, service proxy path included
    QString error; // why it is unreachable
    QString source; // "kube-prometheus monitoring/prometheus-k8s:9090, Prometheus 2.42.0"
    QString dialect; // Prom::Dialect::describe()
    friend bool operator==(const PrometheusStatus &, const PrometheusStatus &) = default;
};

// The joined, immutable picture of a cluster at one moment. Built off the GUI thread from the
// informers' objects; shared by the window, the item models and `specula snapshot`.
struct ClusterSnapshot
{
    QString context;
    QString server;
    QDateTime collectedAt;
    QList<NodeSummary> nodes; // sorted by name
    QList<PodSummary>
        pods; // pods that request or hold extended resources or DRA devices, and every pending pod; sorted by key
    int podCount = 0; // every pod the cluster has, whatever it requests
    QStringList warnings;
    PrometheusStatus prometheus;
    // Node InternalIPs and the pod IPs of dcgm-exporter pods, by address: how a GPU series whose
    // labels name no node (only Prometheus' instance) finds it.
    QHash<QString, QString> nodeByAddress;

    const NodeSummary *node(const QString &name) const;
    const PodSummary *pod(const QString &key) const;
    // The hosts an exporter on `node` may be scraped as (Prometheus' instance without its port):
    // the node's name, then the addresses above that belong to it, sorted.
    QStringList hostsOf(const QString &node) const;
};

// Everything the snapshot is built from, as the informers hold it.
struct ClusterObjects
{
    QHash<QString, Kube::Node> nodes; // by name
    QHash<QString, Kube::Pod> pods; // by namespace/name
    QHash<QString, Kube::NetworkAttachmentDefinition> networkAttachments; // by namespace/name
    QHash<QString, Kube::SriovNetworkNodeState> sriovStates; // by namespace/name
    QHash<QString, Kube::SriovNetworkNodePolicy> sriovPolicies; // by namespace/name
    QHash<QString, Kube::ConfigMap> deviceConfigs; // the SR-IOV device plugin's, by namespace/name
    QHash<QString, Kube::Event> schedulingEvents; // FailedScheduling events, by namespace/name
    QHash<QString, Kube::ResourceSlice> resourceSlices; // by name
    QHash<QString, Kube::ResourceClaim> resourceClaims; // by namespace/name
};

ClusterSnapshot buildSnapshot(const ClusterObjects &objects);

// A pod as ClusterObjects keeps it: what buildSnapshot() reads of it and no more. Most pods of a
// large cluster request no extended resource and wait for nothing; of those the snapshot reads
// only their name, node and phase, a network status (the VFs they hold) and, of a GPU exporter,
// its labels and IP. Their containers, other labels and annotations, selector and conditions are
// dropped (on 150,000 pods, most of the informers' memory), and every pod's resourceVersion, and
// the UID of every pod that does not wait.
Kube::Pod podAsStored(Kube::Pod pod);

} // namespace Specula::Model

Q_DECLARE_METATYPE(Specula::Model::ClusterSnapshot)
