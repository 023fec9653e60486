// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/gpumetricsjoin.h"

#include "core/pciaddress.h"

#include <QSet>
#include <algorithm>

namespace Specula::Model {
namespace {

using Prom::Metric;

GpuDevice &deviceFor(NodeSummary &node, const Prom::MetricKey &key)
{
    if (!node.gpu) {
        node.gpu = NodeGpu {};
        node.gpu->vendor = QStringLiteral("nvidia");
        node.gpu->product = key.model;
    }
    QList<GpuDevice> &devices = node.gpu->devices;
    const auto found
        = std::find_if(devices.begin(), devices.end(), [&key](const GpuDevice &d) { return isDeviceOf(d, key); });
    if (found != devices.end())
        return *found;
    GpuDevice device;
    device.uuid = key.uuid;
    device.migInstance = key.migInstance;
    device.migProfile = key.migProfile;
    if (key.migInstance)
        device.parentUuid = key.uuid;
    devices.append(device);
    return devices.last();
}

// Fills what the series says and the device does not know yet: DRA devices keep their names.
void describe(GpuDevice &device, const Prom::MetricKey &key)
{
    if (!device.index)
        device.index = key.gpuIndex;
    if (device.pciBusId.isEmpty())
        device.pciBusId = Core::normalizedPciAddress(key.pciBusId);
    if (device.model.isEmpty())
        device.model = key.model;
    if (device.migProfile.isEmpty())
        device.migProfile = key.migProfile;
}

// A holder named with its container replaces the same pod named without one (DRA claims do not
// say which container uses the device; dcgm does).
void addHolder(QList<PodRef> &pods, const PodRef &holder)
{
    if (pods.contains(holder))
        return;
    const auto sameWithoutContainer = std::find_if(pods.begin(), pods.end(), [&holder](const PodRef &pod) {
        return pod.container.isEmpty() && pod.namespaceName == holder.namespaceName && pod.name == holder.name;
    });
    if (sameWithoutContainer != pods.end())
        *sameWithoutContainer = holder;
    else
        pods.append(holder);
}

} // namespace

QString hostOfInstance(const QString &instance)
{
    // "10.0.3.7:9400", "[fd00::7]:9400", or a DNS name with a port.
    if (instance.startsWith(QLatin1Char('[')))
        return instance.mid(1, instance.indexOf(QLatin1Char(']')) - 1);
    return instance.section(QLatin1Char(':'), 0, 0);
}

std::optional<double> *readingFor(GpuReadings &readings, Prom::Metric metric)
{
    switch (metric) {
    case Metric::GpuUtil:
        return &readings.utilPercent;
    case Metric::GpuMemUsed:
        return &readings.memUsedMiB;
    case Metric::GpuMemFree:
        return &readings.memFreeMiB;
    case Metric::GpuTemp:
        return &readings.tempC;
    case Metric::GpuPower:
        return &readings.powerW;
    default:
        return nullptr;
    }
}

void keepHighest(GpuReadings &readings, Prom::Metric metric, double value)
{
    std::optional<double> *slot = readingFor(readings, metric);
    if (!slot || Prom::MetricCatalogue::isBlank(value))
        return;
    *slot = slot->has_value() ? std::max(**slot, value) : value;
}

void keepHighest(GpuReadings &readings, const GpuReadings &more)
{
    for (const auto field : { &GpuReadings::utilPercent, &GpuReadings::memUsedMiB, &GpuReadings::memFreeMiB,
                              &GpuReadings::tempC, &GpuReadings::powerW }) {
        if (const std::optional<double> &value = more.*field)
            readings.*field = (readings.*field).has_value() ? std::max(*(readings.*field), *value) : *value;
    }
}

bool isDeviceOf(const GpuDevice &device, const Prom::MetricKey &key)
{
    if (key.migInstance)
        return device.migInstance == key.migInstance && (device.parentUuid == key.uuid || device.uuid == key.uuid);
    return device.uuid == key.uuid && !device.migInstance;
}

GpuMetricsPlacement joinGpuMetricsIntoNodes(ClusterSnapshot &snapshot, const QList<MetricReading> &readings)
{
    QHash<QString, int> nodeIndex;
    for (int i = 0; i < snapshot.nodes.size(); ++i)
        nodeIndex.insert(snapshot.nodes[i].name, i);
    QHash<QString, QString> nodeByUuid;
    for (const NodeSummary &node : std::as_const(snapshot.nodes)) {
        if (!node.gpu)
            continue;
        for (const GpuDevice &device : node.gpu->devices) {
            nodeByUuid.insert(device.uuid, node.name);
            if (!device.parentUuid.isEmpty())
                nodeByUuid.insert(device.parentUuid, node.name);
        }
    }
    // Series that name their node go first, so that their UUIDs can place the others.
    for (const MetricReading &reading : readings) {
        if (!reading.key.uuid.isEmpty() && nodeIndex.contains(reading.key.node))
            nodeByUuid.insert(reading.key.uuid, reading.key.node);
    }
    GpuMetricsPlacement placement;
    QSet<QString> podsAsked;
    auto nodeOf = [&](const Prom::MetricKey &key) -> QString {
        if (nodeIndex.contains(key.node))
            return key.node;
        if (const QString byUuid = nodeByUuid.value(key.uuid); !byUuid.isEmpty())
            return byUuid;
        if (!key.pod.isEmpty()) {
            podsAsked.insert(key.podKey());
            if (const PodSummary *pod = snapshot.pod(key.podKey()); pod && !pod->node.isEmpty())
                return pod->node;
        }
        placement.addressesAsked = true;
        return snapshot.nodeByAddress.value(hostOfInstance(key.instance));
    };

    QSet<QString> unplaced;
    placement.nodes.reserve(readings.size());
    for (const MetricReading &reading : readings) {
        placement.nodes.append(QString());
        const Prom::MetricKey &key = reading.key;
        if (key.uuid.isEmpty())
            continue;
        const QString nodeName = nodeOf(key);
        if (nodeName.isEmpty() || !nodeIndex.contains(nodeName)) {
            unplaced.insert(key.uuid);
            continue;
        }
        placement.nodes.last() = nodeName;
        nodeByUuid.insert(key.uuid, nodeName);
        GpuDevice &device = deviceFor(snapshot.nodes[nodeIndex.value(nodeName)], key);
        describe(device, key);
        if (!key.pod.isEmpty())
            addHolder(device.pods, { key.ns, key.pod, key.container });
        // Several series of one device are one per holder of a shared GPU: keep the highest.
        keepHighest(device.readings, reading.values);
    }

    for (NodeSummary &node : snapshot.nodes) {
        if (!node.gpu)
            continue;
        for (GpuDevice &device : node.gpu->devices) {
            std::sort(device.pods.begin(), device.pods.end(), [](const PodRef &a, const PodRef &b) {
                return std::tie(a.namespaceName, a.name, a.container) < std::tie(b.namespaceName, b.name, b.container);
            });
        }
        std::sort(node.gpu->devices.begin(), node.gpu->devices.end(), [](const GpuDevice &a, const GpuDevice &b) {
            return std::tuple(a.index.value_or(INT_MAX), a.uuid, a.migInstance.value_or(-1))
                < std::tuple(b.index.value_or(INT_MAX), b.uuid, b.migInstance.value_or(-1));
        });
        // Devices known only from their series were appended one by one, and a list grown that
        // way keeps spare room: on 40,000 GPUs, tens of megabytes in every snapshot.
        node.gpu->devices.squeeze();
    }
    if (!unplaced.isEmpty()) {
        snapshot.warnings.append(
            QStringLiteral("%1 GPU(s) in Prometheus could not be placed on a node: their series name no known node, "
                           "UUID, holder pod or exporter address")
                .arg(unplaced.size()));
    }
    placement.podsAsked = podsAsked.values();
    placement.podsAsked.sort();
    return placement;
}

void joinGpuMetrics(ClusterSnapshot &snapshot, const QList<MetricReading> &readings)
{
    const GpuMetricsPlacement placement = joinGpuMetricsIntoNodes(snapshot, readings);
    // Lists, not sets: a pod holds a few GPUs, and a set for each of 40,000 pods took 23 MB.
    QHash<QString, QStringList> uuidsByPod;
    for (qsizetype i = 0; i < readings.size(); ++i) {
        const Prom::MetricKey &key = readings.at(i).key;
        if (key.pod.isEmpty() || placement.nodes.at(i).isEmpty())
            continue;
        QStringList &uuids = uuidsByPod[key.podKey()];
        if (!uuids.contains(key.uuid))
            uuids.append(key.uuid);
    }
    if (uuidsByPod.isEmpty())
        return;
    // Read first, written only where a pod holds something: a list shared with another snapshot
    // is copied only when there is something to write.
    for (qsizetype i = 0; i < snapshot.pods.size(); ++i) {
        const auto held = uuidsByPod.constFind(snapshot.pods.at(i).key());
        if (held == uuidsByPod.cend())
            continue;
        PodSummary &pod = snapshot.pods[i];
        for (const QString &uuid : *held) {
            if (!pod.gpus.contains(uuid))
                pod.gpus.append(uuid);
        }
        std::sort(pod.gpus.begin(), pod.gpus.end());
    }
}

} // namespace Specula::Model
