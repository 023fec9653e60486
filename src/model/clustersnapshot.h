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

struct NodeSummary
{
    QString name;
    bool ready = false;
    bool unschedulable = false;
    QList<NodeResource> resources; // every extended resource, sorted by name, zeros kept
    QStringList pods; // "namespace/name" of the active pods on this node listed in ClusterSnapshot::pods

    friend bool operator==(const NodeSummary &, const NodeSummary &) = default;
};

struct PendingReason
{
    QString reason; // the PodScheduled condition's reason, e.g. Unschedulable
    QString message; // the scheduler's words

    friend bool operator==(const PendingReason &, const PendingReason &) = default;
};

struct PodSummary
{
    QString namespaceName;
    QString name;
    QString node; // empty when not bound
    QString phase;
    QMap<QString, qint64> requests; // extended resources, effective request in whole units
    std::optional<PendingReason> pending;

    QString key() const { return namespaceName + QLatin1Char('/') + name; }
    friend bool operator==(const PodSummary &, const PodSummary &) = default;
};

// The joined, immutable picture of a cluster at one moment. Built off the GUI thread from the
// informers' objects; shared by the window, the item models and `specula snapshot`.
struct ClusterSnapshot
{
    QString context;
    QString server;
    QDateTime collectedAt;
    QList<NodeSummary> nodes; // sorted by name
    QList<PodSummary> pods; // pods that request extended resources, and every pending pod; sorted by key
    int podCount = 0; // every pod the cluster has, whatever it requests
    QStringList warnings;

    const NodeSummary *node(const QString &name) const;
};

// Everything the snapshot is built from, as the informers hold it.
struct ClusterObjects
{
    QHash<QString, Kube::Node> nodes; // by name
    QHash<QString, Kube::Pod> pods; // by namespace/name
    QHash<QString, Kube::NetworkAttachmentDefinition> networkAttachments; // by namespace/name
};

ClusterSnapshot buildSnapshot(const ClusterObjects &objects);

} // namespace Specula::Model

Q_DECLARE_METATYPE(Specula::Model::ClusterSnapshot)
