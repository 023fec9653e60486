// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/overviewfigures.h"

#include <QSet>
#include <algorithm>

namespace Specula::Model {
namespace {

bool isWholeGpu(const GpuDevice &device)
{
    return device.migProfile.isEmpty();
}

qint64 sumOf(const NodeSummary &node, std::initializer_list<ResourceClass> kinds, qint64 NodeResource::*field)
{
    qint64 total = 0;
    for (const NodeResource &resource : node.resources) {
        if (std::find(kinds.begin(), kinds.end(), resource.kind) != kinds.end())
            total += resource.*field;
    }
    return total;
}

std::optional<int> physicalGpus(const NodeSummary &node)
{
    const NodeGpu &gpu = *node.gpu;
    if (gpu.physicalCount)
        return gpu.physicalCount;
    const auto whole = std::count_if(gpu.devices.cbegin(), gpu.devices.cend(), isWholeGpu);
    if (whole > 0)
        return int(whole);
    QSet<QString> parents;
    for (const GpuDevice &device : gpu.devices) {
        if (!device.parentUuid.isEmpty())
            parents.insert(device.parentUuid);
    }
    if (!parents.isEmpty())
        return int(parents.size());
    if (gpu.migStrategy == MigStrategy::Single)
        return std::nullopt; // nvidia.com/gpu counts MIG devices there
    const qint64 offered = sumOf(node, { ResourceClass::Gpu, ResourceClass::GpuShared }, &NodeResource::allocatable);
    if (offered <= 0)
        return std::nullopt;
    return int(gpu.sharing == GpuSharing::None ? offered : (offered + gpu.replicas - 1) / std::max(1, gpu.replicas));
}

int allocatedGpus(const NodeSummary &node)
{
    const NodeGpu &gpu = *node.gpu;
    int byDevices = 0;
    for (const GpuDevice &device : gpu.devices) {
        if (isWholeGpu(device) && !device.pods.isEmpty())
            ++byDevices;
    }
    if (gpu.migStrategy == MigStrategy::Single)
        return byDevices;
    const auto requested = [&](ResourceClass kind) {
        const qint64 allocatable = sumOf(node, { kind }, &NodeResource::allocatable);
        return std::min(sumOf(node, { kind }, &NodeResource::requested), allocatable);
    };
    qint64 byRequests = requested(ResourceClass::Gpu) + requested(ResourceClass::GpuShared);
    // Shared GPUs: at least this many physical GPUs have a holder.
    if (gpu.sharing != GpuSharing::None)
        byRequests = (byRequests + gpu.replicas - 1) / std::max(1, gpu.replicas);
    return std::max(byDevices, int(byRequests));
}

QString deviceName(const GpuDevice &device)
{
    if (!device.migProfile.isEmpty())
        return OverviewFigures::tr("MIG %1").arg(device.migProfile);
    return device.index ? OverviewFigures::tr("GPU %1").arg(*device.index) : device.uuid;
}

bool active(const PodSummary &pod)
{
    return pod.phase != QLatin1String("Succeeded") && pod.phase != QLatin1String("Failed");
}

void countDevices(OverviewFigures &figures, const NodeSummary &node)
{
    if (node.gpu) {
        if (const auto physical = physicalGpus(node))
            figures.gpusTotal = figures.gpusTotal.value_or(0) + *physical;
        else
            ++figures.gpuNodesUncounted;
        figures.gpusAllocated += allocatedGpus(node);
        const bool single = node.gpu->migStrategy == MigStrategy::Single;
        figures.migTotal += int(sumOf(node, { ResourceClass::Mig }, &NodeResource::allocatable)
                                + (single ? sumOf(node, { ResourceClass::Gpu }, &NodeResource::allocatable) : 0));
        figures.migAllocated += int(sumOf(node, { ResourceClass::Mig }, &NodeResource::requested)
                                    + (single ? sumOf(node, { ResourceClass::Gpu }, &NodeResource::requested) : 0));
        for (const GpuDevice &device : node.gpu->devices) {
            if (!isWholeGpu(device))
                continue; // MIG devices report their parent's power and activity of their own kind
            if (device.readings.utilPercent) {
                ++figures.gpusWithReadings;
                if (*device.readings.utilPercent >= OverviewFigures::BusyPercent)
                    figures.gpusBusy = figures.gpusBusy.value_or(0) + 1;
            }
            if (device.readings.powerW)
                figures.powerW = figures.powerW.value_or(0) + *device.readings.powerW;
        }
        if (figures.gpusWithReadings > 0 && !figures.gpusBusy)
            figures.gpusBusy = 0;
    }
    if (node.sriov) {
        for (const PhysicalFunction &pf : node.sriov->pfs) {
            const int created = std::max(pf.numVfs, int(pf.vfs.size()));
            figures.vfsTotal += created;
            figures.vfsAllocated += pf.allocatedVfs();
            if (pf.totalVfs)
                figures.vfsNotCreated += std::max(0, *pf.totalVfs - created);
        }
    }
}

void collectIdle(OverviewFigures &figures, const NodeSummary &node, const QHash<QString, double> &means,
                 const QString &namespaceFilter)
{
    if (!node.gpu)
        return;
    for (const GpuDevice &device : node.gpu->devices) {
        if (device.pods.isEmpty())
            continue;
        std::optional<double> util;
        if (figures.idleFromLatest)
            util = device.readings.utilPercent;
        else if (const auto it = means.constFind(device.uuid); it != means.cend())
            util = *it;
        if (!util || *util >= OverviewFigures::IdlePercent)
            continue; // unknown is not idle
        QSet<QString> seen; // dcgm-exporter lists a pod once per container
        for (const PodRef &holder : device.pods) {
            if ((!namespaceFilter.isEmpty() && holder.namespaceName != namespaceFilter) || seen.contains(holder.key()))
                continue;
            seen.insert(holder.key());
            figures.idle.append(
                IdleGpu { holder.namespaceName, holder.name, node.name, device.uuid, deviceName(device), *util });
        }
    }
}

} // namespace

OverviewFigures OverviewFigures::of(const ClusterSnapshot &snapshot, const QHash<QString, double> &meanUtilByUuid,
                                    const QString &namespaceFilter)
{
    OverviewFigures figures;
    figures.idleFromLatest = meanUtilByUuid.isEmpty();
    for (const NodeSummary &node : snapshot.nodes) {
        countDevices(figures, node);
        collectIdle(figures, node, meanUtilByUuid, namespaceFilter);
    }
    std::sort(figures.idle.begin(), figures.idle.end(),
              [](const IdleGpu &a, const IdleGpu &b) { return a.key() < b.key(); });

    const QHash<QString, ResourceClass> kinds = resourceKinds(snapshot);
    for (const PodSummary &pod : snapshot.pods) {
        if (!namespaceFilter.isEmpty() && pod.namespaceName != namespaceFilter)
            continue;
        bool gpu = false;
        bool vf = false;
        for (auto it = pod.requests.cbegin(); it != pod.requests.cend(); ++it) {
            if (it.value() <= 0)
                continue;
            const ResourceClass kind = kinds.value(it.key(), ResourceClass::Other);
            vf = vf || kind == ResourceClass::Sriov;
            gpu = gpu || (isDeviceResource(kind) && kind != ResourceClass::Sriov);
        }
        if (pod.pending) {
            figures.pendingGpuPods += gpu ? 1 : 0;
            figures.pendingVfPods += vf ? 1 : 0;
            figures.pendingPods += gpu || vf ? 1 : 0;
        } else if (active(pod) && (gpu || vf || !pod.gpus.isEmpty() || !pod.vfs.isEmpty())) {
            ++figures.podsHoldingDevices;
        }
    }
    return figures;
}

} // namespace Specula::Model
