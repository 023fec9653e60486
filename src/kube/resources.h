// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/quantity.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <optional>
#include <variant>

// Plain value types for the Kubernetes objects Specula reads. They hold only the fields the
// product uses, cross threads by value, and are filled by ResourceParsers.
namespace Specula::Kube {

using ResourceList = QMap<QString, Core::Quantity>; // resource name → quantity
// Labels, annotations, selectors: a few entries each, on every object. A QHash would reserve room
// for 48 entries (2.3 KB) at its first insert; 150,000 pods made that 700 MB.
using StringMap = QMap<QString, QString>;

struct ObjectMeta
{
    QString name;
    QString namespaceName; // empty for cluster-scoped objects
    QString uid;
    QString resourceVersion;
    QDateTime creationTimestamp;
    QDateTime deletionTimestamp;
    StringMap labels;
    StringMap annotations;
};

struct Condition
{
    QString type;
    QString status; // "True", "False", "Unknown"
    QString reason;
    QString message;
    QDateTime lastTransitionTime;
};

struct Container
{
    QString name;
    ResourceList requests;
    ResourceList limits;
    bool restartable = false; // an init container with restartPolicy: Always (a sidecar)
};

struct Pod
{
    ObjectMeta meta;
    QString nodeName;
    StringMap nodeSelector;
    QString phase; // Pending, Running, Succeeded, Failed, Unknown
    QList<Container> containers;
    QList<Container> initContainers;
    ResourceList overhead;
    QList<Condition> conditions; // PodScheduled only
    QString podIP;
};

struct Taint
{
    QString key;
    QString value;
    QString effect;
};

struct Node
{
    ObjectMeta meta;
    ResourceList capacity;
    ResourceList allocatable;
    bool unschedulable = false;
    QList<Taint> taints;
    QList<Condition> conditions;
    QString kubeletVersion;
    QString internalIP;
};

struct Namespace
{
    ObjectMeta meta;
    QString phase;
};

struct ServicePort
{
    QString name;
    QString protocol;
    int port = 0;
    QString targetPort; // a number or a named port
};

struct Service
{
    ObjectMeta meta;
    QString type;
    QString clusterIP;
    QList<ServicePort> ports;
    StringMap selector;
};

struct ObjectReference
{
    QString kind;
    QString namespaceName;
    QString name;
    QString uid;
};

struct Event
{
    ObjectMeta meta;
    ObjectReference involvedObject;
    QString type; // Normal, Warning
    QString reason; // e.g. FailedScheduling
    QString message;
    int count = 0;
    QDateTime firstTimestamp;
    QDateTime lastTimestamp; // falls back to eventTime when the event has only that
    QString sourceComponent; // source.component or reportingController
};

struct SriovVf
{
    int vfId = 0;
    QString name;
    QString mac;
    QString driver;
    QString pciAddress;
    QString vendor;
    QString deviceId;
    std::optional<int> vlan; // "Vlan" in the operator's JSON
    std::optional<int> mtu;
};

struct SriovInterface
{
    QString name;
    QString mac;
    QString driver;
    QString pciAddress;
    QString vendor;
    QString deviceId;
    QString linkSpeed; // free text: "25000 Mb/s", "-1 Mb/s"
    QString linkType;
    std::optional<int> mtu;
    int numVfs = 0;
    std::optional<int> totalVfs; // "totalvfs"; absent on NICs that are not SR-IOV capable
    QList<SriovVf> vfs; // "Vfs"
};

// spec.interfaces[].vfGroups[]: which pool the operator configured a PF's VFs for.
struct SriovVfGroup
{
    QString resourceName; // without prefix: "intel_sriov_netdevice"
    QString deviceType; // netdevice, vfio-pci
    QString vfRange; // "0-3"
    QString policyName;
};

struct SriovSpecInterface
{
    QString name;
    QString pciAddress;
    int numVfs = 0;
    QList<SriovVfGroup> vfGroups;
};

struct SriovNetworkNodeState
{
    ObjectMeta meta;
    QString apiGroup; // sriovnetwork.openshift.io or sriovnetwork.k8s.cni.cncf.io
    QString syncStatus;
    QString lastSyncError;
    QList<SriovInterface> interfaces; // status: every NIC of the node
    QList<SriovSpecInterface> specInterfaces; // spec: the PFs the operator configures
};

// spec.nicSelector of a SriovNetworkNodePolicy: every field that is set must match the PF.
struct SriovNicSelector
{
    QString vendor; // hex, no 0x
    QString deviceId; // the PF's device id
    QStringList pfNames; // may carry VF ranges: "ens1f0#0-3"
    QStringList rootDevices; // PF PCI addresses
    QString netFilter;
};

struct SriovNetworkNodePolicy
{
    ObjectMeta meta;
    QString apiGroup;
    QString resourceName; // without prefix
    QString deviceType;
    int numVfs = 0;
    int priority = 0; // 0–99, lower wins; 0 when the field is missing (Go omitempty, no default)
    bool isRdma = false;
    StringMap nodeSelector;
    SriovNicSelector nicSelector;
};

// Only the data of a ConfigMap; Specula reads the SR-IOV device plugin's (sriovdp-config with
// key config.json, or the operator's device-plugin-config keyed by node name).
struct ConfigMap
{
    ObjectMeta meta;
    StringMap data;
};

// One device of a DRA ResourceSlice. Attribute values are kept as text whatever their type
// (int, bool, string, version); capacities as quantities.
struct DraDevice
{
    QString name;
    StringMap attributes; // "type" → "gpu", "uuid" → "GPU-…", "index" → "0"
    QHash<QString, Core::Quantity> capacity;
};

struct ResourceSlice
{
    ObjectMeta meta;
    QString driver; // gpu.nvidia.com
    QString nodeName; // empty for slices that are not bound to one node
    QString poolName;
    QList<DraDevice> devices;
};

// status.allocation.devices.results[] of a ResourceClaim.
struct DraAllocation
{
    QString request;
    QString driver;
    QString pool;
    QString device;
};

// status.reservedFor[]: who uses the claim.
struct DraConsumer
{
    QString resource; // "pods"
    QString name;
    QString uid;
};

struct ResourceClaim
{
    ObjectMeta meta;
    QList<DraAllocation> allocations; // empty while not allocated
    QList<DraConsumer> reservedFor;
};

struct NetworkAttachmentDefinition
{
    ObjectMeta meta;
    QString resourceName; // annotation k8s.v1.cni.cncf.io/resourceName
    QString config; // spec.config: a JSON document inside a string
};

using Resource = std::variant<Node, Pod, Namespace, Service, Event, SriovNetworkNodeState, NetworkAttachmentDefinition,
                              SriovNetworkNodePolicy, ConfigMap, ResourceSlice, ResourceClaim>;

} // namespace Specula::Kube
