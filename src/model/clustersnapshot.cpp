// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/clustersnapshot.h"

#include "model/podrequests.h"

#include <algorithm>

namespace Specula::Model {
namespace {

const QString kNadResourceAnnotation = QStringLiteral("k8s.v1.cni.cncf.io/resourceName");

bool conditionTrue(const QList<Kube::Condition> &conditions, QLatin1String type)
{
    return std::any_of(conditions.cbegin(), conditions.cend(), [type](const Kube::Condition &c) {
        return c.type == type && c.status == QLatin1String("True");
    });
}

std::optional<PendingReason> pendingReason(const Kube::Pod &pod)
{
    if (isTerminated(pod))
        return std::nullopt;
    for (const auto &condition : pod.conditions) {
        if (condition.type == QLatin1String("PodScheduled") && condition.status == QLatin1String("False"))
            return PendingReason { condition.reason, condition.message };
    }
    return std::nullopt;
}

QMap<QString, qint64> extendedRequests(const Kube::ResourceList &requests)
{
    QMap<QString, qint64> result;
    for (auto it = requests.cbegin(); it != requests.cend(); ++it) {
        if (isExtendedResource(it.key()) && it.value().milli() != 0)
            result.insert(it.key(), it.value().value());
    }
    return result;
}

QSet<QString> sriovPools(const ClusterObjects &objects)
{
    QSet<QString> pools;
    for (const auto &nad : objects.networkAttachments) {
        if (!nad.resourceName.isEmpty())
            pools.insert(nad.resourceName);
    }
    return pools;
}

} // namespace

const NodeSummary *ClusterSnapshot::node(const QString &name) const
{
    const auto it = std::lower_bound(nodes.cbegin(), nodes.cend(), name,
                                     [](const NodeSummary &n, const QString &key) { return n.name < key; });
    return it != nodes.cend() && it->name == name ? &*it : nullptr;
}

ClusterSnapshot buildSnapshot(const ClusterObjects &objects)
{
    ClusterSnapshot snapshot;
    snapshot.collectedAt = QDateTime::currentDateTimeUtc();
    snapshot.podCount = int(objects.pods.size());

    QHash<QString, QMap<QString, qint64>> requestedByNode;
    QHash<QString, QStringList> podsByNode;
    snapshot.pods.reserve(objects.pods.size() / 4);
    for (const auto &pod : objects.pods) {
        PodSummary summary;
        summary.requests = extendedRequests(effectiveRequests(pod));
        summary.pending = pendingReason(pod);
        if (summary.requests.isEmpty() && !summary.pending)
            continue;
        summary.namespaceName = pod.meta.namespaceName;
        summary.name = pod.meta.name;
        summary.node = pod.nodeName;
        summary.phase = pod.phase;
        if (!pod.nodeName.isEmpty() && !isTerminated(pod)) {
            auto &requested = requestedByNode[pod.nodeName];
            for (auto it = summary.requests.cbegin(); it != summary.requests.cend(); ++it)
                requested[it.key()] += it.value();
            podsByNode[pod.nodeName].append(summary.key());
        }
        snapshot.pods.append(std::move(summary));
    }
    std::sort(snapshot.pods.begin(), snapshot.pods.end(),
              [](const PodSummary &a, const PodSummary &b) { return a.key() < b.key(); });

    const QSet<QString> pools = sriovPools(objects);
    snapshot.nodes.reserve(objects.nodes.size());
    for (const auto &node : objects.nodes) {
        NodeSummary summary;
        summary.name = node.meta.name;
        summary.ready = conditionTrue(node.conditions, QLatin1String("Ready"));
        summary.unschedulable = node.unschedulable;
        const auto requested = requestedByNode.value(node.meta.name);
        QStringList names;
        for (auto it = node.capacity.cbegin(); it != node.capacity.cend(); ++it)
            names.append(it.key());
        for (auto it = node.allocatable.cbegin(); it != node.allocatable.cend(); ++it)
            names.append(it.key());
        for (auto it = requested.cbegin(); it != requested.cend(); ++it)
            names.append(it.key());
        std::sort(names.begin(), names.end());
        names.erase(std::unique(names.begin(), names.end()), names.end());
        for (const auto &name : std::as_const(names)) {
            if (!isExtendedResource(name))
                continue;
            summary.resources.append({ name, classifyResource(name, pools), node.capacity.value(name).value(),
                                       node.allocatable.value(name).value(), requested.value(name) });
        }
        summary.pods = podsByNode.value(node.meta.name);
        std::sort(summary.pods.begin(), summary.pods.end());
        snapshot.nodes.append(std::move(summary));
    }
    std::sort(snapshot.nodes.begin(), snapshot.nodes.end(),
              [](const NodeSummary &a, const NodeSummary &b) { return a.name < b.name; });
    return snapshot;
}

} // namespace Specula::Model
