// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/quantity.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMap>
#include <QString>
#include <optional>
#include <variant>

// Plain value types for the Kubernetes objects Specula reads. They hold only the fields the
// product uses, cross threads by value, and are filled by ResourceParsers.
namespace Specula::Kube {

using ResourceList = QMap<QString, Core::Quantity>; // resource name → quantity

struct ObjectMeta
{
    QString name;
    QString namespaceName; // empty for cluster-scoped objects
    QString uid;
    QString resourceVersion;
    QDateTime creationTimestamp;
    QDateTime deletionTimestamp;
    QHash<QString, QString> labels;
    QHash<QString, QString> annotations;
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
    QString schedulerName;
    QString phase; // Pending, Running, Succeeded, Failed, Unknown
    QList<Container> containers;
    QList<Container> initContainers;
    ResourceList overhead;
    QList<Condition> conditions;
    QString podIP;
    QString nominatedNodeName;
    QDateTime startTime;
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
    QHash<QString, QString> selector;
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

struct SriovNetworkNodeState
{
    ObjectMeta meta;
    QString apiGroup; // sriovnetwork.openshift.io or sriovnetwork.k8s.cni.cncf.io
    QString syncStatus;
    QString lastSyncError;
    QList<SriovInterface> interfaces;
};

struct NetworkAttachmentDefinition
{
    ObjectMeta meta;
    QString resourceName; // annotation k8s.v1.cni.cncf.io/resourceName
    QString config; // spec.config: a JSON document inside a string
};

using Resource = std::variant<Node, Pod, Namespace, Service, Event, SriovNetworkNodeState, NetworkAttachmentDefinition>;

} // namespace Specula::Kube
