// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/clustersnapshot.h"

#include "kube/networkstatus.h"
#include "model/drajoin.h"
#include "model/gpuinfo.h"
#include "model/podrequests.h"
#include "model/sriovjoin.h"
#include "model/sriovpools.h"

#include <algorithm>

namespace Specula::Model {
namespace {

bool conditionTrue(const QList<Kube::Condition> &conditions, QLatin1String type)
{
    return std::any_of(conditions.cbegin(), conditions.cend(), [type](const Kube::Condition &c) {
        return c.type == type && c.status == QLatin1String("True");
    });
}

// The newest FailedScheduling event of each pod, by "namespace/name". Events of an earlier pod
// with the same name are told apart by uid where both carry one.
QHash<QString, const Kube::Event *> latestSchedulingEvents(const QHash<QString, Kube::Event> &events,
                                                           const QHash<QString, Kube::Pod> &pods)
{
    QHash<QString, const Kube::Event *> latest;
    for (const auto &event : events) {
        const auto &object = event.involvedObject;
        if (event.reason != QLatin1String("FailedScheduling") || object.kind != QLatin1String("Pod"))
            continue;
        const QString key = object.namespaceName + QLatin1Char('/') + object.name;
        const auto pod = pods.constFind(key);
        if (pod == pods.cend() || (!object.uid.isEmpty() && !pod->meta.uid.isEmpty() && object.uid != pod->meta.uid))
            continue;
        const Kube::Event *&current = latest[key];
        if (!current || event.lastTimestamp > current->lastTimestamp)
            current = &event;
    }
    return latest;
}

// Why a pod waits: the PodScheduled condition's reason, in the words of the scheduler's latest
// FailedScheduling event when there is one at least as new (it carries the newest counts).
std::optional<PendingReason> pendingReason(const Kube::Pod &pod, const Kube::Event *event)
{
    if (isTerminated(pod) || !pod.nodeName.isEmpty())
        return std::nullopt;
    const auto condition = std::find_if(pod.conditions.cbegin(), pod.conditions.cend(), [](const Kube::Condition &c) {
        return c.type == QLatin1String("PodScheduled") && c.status == QLatin1String("False");
    });
    const bool unscheduled = condition != pod.conditions.cend();
    if (!unscheduled && !event)
        return std::nullopt;
    PendingReason pending;
    pending.since = pod.meta.creationTimestamp;
    pending.reason
        = unscheduled && !condition->reason.isEmpty() ? condition->reason : QStringLiteral("FailedScheduling");
    pending.message = unscheduled ? condition->message : QString();
    if (event && (!unscheduled || pending.message.isEmpty() || event->lastTimestamp >= condition->lastTransitionTime))
        pending.message = event->message;
    return pending;
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

QStringList extendedResourceNames(const Kube::Node &node, const QMap<QString, qint64> &requested)
{
    QStringList names;
    for (auto it = node.capacity.cbegin(); it != node.capacity.cend(); ++it)
        names.append(it.key());
    for (auto it = node.allocatable.cbegin(); it != node.allocatable.cend(); ++it)
        names.append(it.key());
    for (auto it = requested.cbegin(); it != requested.cend(); ++it)
        names.append(it.key());
    names.removeIf([](const QString &name) { return !isExtendedResource(name); });
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    return names;
}

// Every resource name any node offers or any pod asks for, for the SR-IOV pool lookup.
QSet<QString> allResourceNames(const ClusterObjects &objects)
{
    QSet<QString> names;
    for (const auto &node : objects.nodes) {
        for (auto it = node.capacity.cbegin(); it != node.capacity.cend(); ++it)
            names.insert(it.key());
        for (auto it = node.allocatable.cbegin(); it != node.allocatable.cend(); ++it)
            names.insert(it.key());
    }
    return names;
}

// SR-IOV node states are named after their node; any namespace, either API group.
QHash<QString, const Kube::SriovNetworkNodeState *>
statesByNode(const QHash<QString, Kube::SriovNetworkNodeState> &states)
{
    QHash<QString, const Kube::SriovNetworkNodeState *> byNode;
    for (const auto &state : states)
        byNode.insert(state.meta.name, &state);
    return byNode;
}

// dcgm-exporter's pods, as the GPU Operator ("nvidia-dcgm-exporter-…") and the Helm chart
// ("dcgm-exporter-…", app.kubernetes.io/name) name them. Only these pod IPs are kept: a
// Prometheus `instance` of any other pod says nothing about GPUs.
bool isGpuExporter(const Kube::Pod &pod)
{
    static const QString exporter = QStringLiteral("dcgm-exporter");
    return pod.meta.name.contains(exporter) || pod.meta.labels.value(QStringLiteral("app")).contains(exporter)
        || pod.meta.labels.value(QStringLiteral("app.kubernetes.io/name")).contains(exporter);
}

} // namespace

int PhysicalFunction::allocatedVfs() const
{
    return int(std::count_if(vfs.cbegin(), vfs.cend(), [](const VirtualFunction &vf) { return vf.pod.has_value(); }));
}

const NodeResource *NodeSummary::resource(const QString &name) const
{
    const auto it
        = std::find_if(resources.cbegin(), resources.cend(), [&](const NodeResource &r) { return r.name == name; });
    return it == resources.cend() ? nullptr : &*it;
}

bool NodeSummary::equalApartFromReadings(const NodeSummary &other) const
{
    // Compared as copies without the devices, then device by device without readings, so that a
    // field added to either struct is compared without a change here.
    const auto withoutDevices = [](NodeSummary node) {
        if (node.gpu)
            node.gpu->devices = {}; // clear() would allocate anew for a shared list
        return node;
    };
    const auto withoutReadings = [](GpuDevice device) {
        device.readings = {};
        return device;
    };
    if (!(withoutDevices(*this) == withoutDevices(other)))
        return false;
    if (!gpu || gpu->devices == other.gpu->devices) // shared lists compare at once
        return true;
    return std::equal(gpu->devices.cbegin(), gpu->devices.cend(), other.gpu->devices.cbegin(),
                      other.gpu->devices.cend(),
                      [&](const GpuDevice &a, const GpuDevice &b) { return withoutReadings(a) == withoutReadings(b); });
}

const NodeSummary *ClusterSnapshot::node(const QString &name) const
{
    const auto it = std::lower_bound(nodes.cbegin(), nodes.cend(), name,
                                     [](const NodeSummary &n, const QString &key) { return n.name < key; });
    return it != nodes.cend() && it->name == name ? &*it : nullptr;
}

QStringList ClusterSnapshot::hostsOf(const QString &node) const
{
    QStringList addresses;
    for (auto it = nodeByAddress.cbegin(); it != nodeByAddress.cend(); ++it) {
        if (it.value() == node)
            addresses.append(it.key());
    }
    std::sort(addresses.begin(), addresses.end());
    return QStringList { node } + addresses;
}

const PodSummary *ClusterSnapshot::pod(const QString &key) const
{
    const auto it = std::lower_bound(pods.cbegin(), pods.cend(), key,
                                     [](const PodSummary &p, const QString &k) { return p.key() < k; });
    return it != pods.cend() && it->key() == key ? &*it : nullptr;
}

Kube::Pod podAsStored(Kube::Pod pod)
{
    const auto anyExtended = [](const Kube::ResourceList &resources) {
        return std::any_of(resources.keyBegin(), resources.keyEnd(), isExtendedResource);
    };
    const auto requestsExtended = [&](const QList<Kube::Container> &containers) {
        return std::any_of(containers.cbegin(), containers.cend(),
                           [&](const Kube::Container &c) { return anyExtended(c.requests) || anyExtended(c.limits); });
    };
    // Each pod's own version: the informer resumes from the list's and the events' versions.
    pod.meta.resourceVersion = QString();
    const bool waiting = pod.nodeName.isEmpty() && !isTerminated(pod);
    // The UID tells a waiting pod's scheduling events from an earlier namesake's; a pod that is
    // bound or done waits for nothing (a 36-character text on each of 150,000 pods).
    if (!waiting)
        pod.meta.uid = QString();
    if (waiting || requestsExtended(pod.containers) || requestsExtended(pod.initContainers)
        || anyExtended(pod.overhead))
        return pod;
    // Assigned empty rather than cleared: clearing a list shared with another copy allocates an
    // empty one of the same capacity.
    if (!isGpuExporter(pod)) {
        pod.meta.labels = {};
        pod.podIP = QString();
    }
    if (!Kube::hasNetworkStatus(pod.meta))
        pod.meta.annotations = {};
    pod.containers = {};
    pod.initContainers = {};
    pod.overhead = {};
    pod.nodeSelector = {};
    pod.conditions = {};
    return pod;
}

ClusterSnapshot buildSnapshot(const ClusterObjects &objects)
{
    ClusterSnapshot snapshot;
    snapshot.collectedAt = QDateTime::currentDateTimeUtc();
    snapshot.podCount = int(objects.pods.size());

    const SriovPoolCatalog catalog(objects, &snapshot.warnings);
    const QSet<QString> pools = catalog.pools(allResourceNames(objects));
    const VfHolders holders = vfHolders(objects.pods, &snapshot.warnings);
    const DraGpus dra = draGpus(objects.resourceSlices, objects.resourceClaims);
    const auto events = latestSchedulingEvents(objects.schedulingEvents, objects.pods);

    QHash<QString, QStringList> vfsByPod;
    for (const auto &byAddress : holders) {
        for (auto it = byAddress.cbegin(); it != byAddress.cend(); ++it)
            vfsByPod[it->pod.key()].append(it.key());
    }

    QHash<QString, QMap<QString, qint64>> requestedByNode;
    QHash<QString, QStringList> podsByNode;
    snapshot.pods.reserve(objects.pods.size() / 4);
    for (auto podIt = objects.pods.cbegin(); podIt != objects.pods.cend(); ++podIt) {
        const Kube::Pod &pod = *podIt;
        PodSummary summary;
        summary.requests = extendedRequests(effectiveRequests(pod));
        summary.pending = pendingReason(pod, events.value(podIt.key()));
        summary.gpus = dra.uuidsByPod.value(podIt.key());
        summary.vfs = vfsByPod.value(podIt.key());
        if (!pod.podIP.isEmpty() && !pod.nodeName.isEmpty() && isGpuExporter(pod))
            snapshot.nodeByAddress.insert(pod.podIP, pod.nodeName);
        if (summary.requests.isEmpty() && !summary.pending && summary.gpus.isEmpty() && summary.vfs.isEmpty())
            continue;
        summary.vfs.sort();
        summary.namespaceName = pod.meta.namespaceName;
        summary.name = pod.meta.name;
        summary.node = pod.nodeName;
        summary.phase = pod.phase;
        for (auto it = pod.nodeSelector.cbegin(); it != pod.nodeSelector.cend(); ++it)
            summary.nodeSelector.insert(it.key(), it.value());
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

    const auto sriovStates = statesByNode(objects.sriovStates);
    snapshot.nodes.reserve(objects.nodes.size());
    for (const auto &node : objects.nodes) {
        NodeSummary summary;
        summary.name = node.meta.name;
        if (!node.internalIP.isEmpty())
            snapshot.nodeByAddress.insert(node.internalIP, node.meta.name);
        summary.ready = conditionTrue(node.conditions, QLatin1String("Ready"));
        summary.unschedulable = node.unschedulable;
        summary.labels = node.meta.labels;
        const auto requested = requestedByNode.value(node.meta.name);
        const QStringList names = extendedResourceNames(node, requested);
        for (const auto &name : names) {
            summary.resources.append({ name, classifyResource(name, pools), node.capacity.value(name).value(),
                                       node.allocatable.value(name).value(), requested.value(name) });
        }
        summary.gpu = gpuInfo(node, summary.resources);
        const QList<GpuDevice> draDevices = dra.devicesByNode.value(node.meta.name);
        if (!draDevices.isEmpty()) {
            if (!summary.gpu)
                summary.gpu = NodeGpu {};
            summary.gpu->devices = draDevices;
            if (summary.gpu->product.isEmpty())
                summary.gpu->product = draDevices.first().model;
            if (summary.gpu->vendor.isEmpty()) // gpu.nvidia.com → nvidia
                summary.gpu->vendor = draDevices.first().draDriver.section(QLatin1Char('.'), -2, -2);
            if (!summary.gpu->physicalCount) {
                summary.gpu->physicalCount = int(std::count_if(
                    draDevices.cbegin(), draDevices.cend(), [](const GpuDevice &d) { return d.migProfile.isEmpty(); }));
            }
        }
        if (const auto *state = sriovStates.value(node.meta.name))
            summary.sriov = sriovInfo(*state, node, names, catalog, holders.value(node.meta.name));
        summary.pods = podsByNode.value(node.meta.name);
        std::sort(summary.pods.begin(), summary.pods.end());
        snapshot.nodes.append(std::move(summary));
    }
    std::sort(snapshot.nodes.begin(), snapshot.nodes.end(),
              [](const NodeSummary &a, const NodeSummary &b) { return a.name < b.name; });
    return snapshot;
}

} // namespace Specula::Model
