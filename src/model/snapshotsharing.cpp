// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/snapshotsharing.h"

#include <QHash>
#include <type_traits>

namespace Specula::Model {
namespace {

template<class T> void shareIfEqual(T &fresh, const T &previous)
{
    if (fresh == previous)
        fresh = previous;
}

// Each element of `fresh` takes its namesake in `previous` (same key) when the two are equal,
// and otherwise lets `shareParts` share what is equal inside them. The lists are usually in step
// (an element at the same position); the others are found by key.
template<class T, class KeyOf, class ShareParts>
void shareElements(QList<T> &fresh, const QList<T> &previous, KeyOf keyOf, ShareParts shareParts)
{
    if (fresh == previous) {
        fresh = previous;
        return;
    }
    using Key = std::decay_t<decltype(keyOf(previous.front()))>;
    QHash<Key, const T *> byKey; // filled at the first element out of step
    for (qsizetype i = 0; i < fresh.size(); ++i) {
        T &item = fresh[i];
        const Key key = keyOf(item);
        const T *before = nullptr;
        if (i < previous.size() && keyOf(previous.at(i)) == key) {
            before = &previous.at(i);
        } else {
            if (byKey.isEmpty()) {
                byKey.reserve(previous.size());
                for (const T &old : previous)
                    byKey.insert(keyOf(old), &old);
            }
            before = byKey.value(key);
        }
        if (!before)
            continue;
        if (item == *before)
            item = *before;
        else
            shareParts(item, *before);
    }
}

constexpr auto nothingInside = [](auto &, const auto &) {};

void shareDeviceParts(GpuDevice &fresh, const GpuDevice &previous)
{
    // New readings on every refresh; the texts and holders mostly stay.
    shareIfEqual(fresh.uuid, previous.uuid);
    shareIfEqual(fresh.pciBusId, previous.pciBusId);
    shareIfEqual(fresh.model, previous.model);
    shareIfEqual(fresh.migProfile, previous.migProfile);
    shareIfEqual(fresh.parentUuid, previous.parentUuid);
    shareIfEqual(fresh.draDriver, previous.draDriver);
    shareIfEqual(fresh.draPool, previous.draPool);
    shareIfEqual(fresh.draDevice, previous.draDevice);
    shareIfEqual(fresh.pods, previous.pods);
}

void shareGpuParts(NodeGpu &fresh, const NodeGpu &previous)
{
    shareIfEqual(fresh.migProfiles, previous.migProfiles);
    shareElements(
        fresh.devices, previous.devices,
        [](const GpuDevice &device) { return std::pair(device.uuid, device.migInstance.value_or(-1)); },
        shareDeviceParts);
}

void sharePfParts(PhysicalFunction &fresh, const PhysicalFunction &previous)
{
    shareElements(
        fresh.vfs, previous.vfs, [](const VirtualFunction &vf) { return vf.vfId; }, nothingInside);
}

void shareNodeParts(NodeSummary &fresh, const NodeSummary &previous)
{
    shareIfEqual(fresh.labels, previous.labels);
    shareIfEqual(fresh.resources, previous.resources);
    shareIfEqual(fresh.pods, previous.pods);
    if (fresh.gpu && previous.gpu) {
        if (*fresh.gpu == *previous.gpu)
            fresh.gpu = previous.gpu;
        else
            shareGpuParts(*fresh.gpu, *previous.gpu);
    }
    if (fresh.sriov && previous.sriov) {
        if (*fresh.sriov == *previous.sriov) {
            fresh.sriov = previous.sriov;
        } else {
            shareElements(
                fresh.sriov->pfs, previous.sriov->pfs, [](const PhysicalFunction &pf) { return pf.pciAddress; },
                sharePfParts);
        }
    }
}

void sharePodParts(PodSummary &fresh, const PodSummary &previous)
{
    shareIfEqual(fresh.requests, previous.requests);
    shareIfEqual(fresh.gpus, previous.gpus);
    shareIfEqual(fresh.vfs, previous.vfs);
}

} // namespace

void shareUnchanged(ClusterSnapshot &fresh, const ClusterSnapshot &previous)
{
    shareElements(
        fresh.nodes, previous.nodes, [](const NodeSummary &node) { return node.name; }, shareNodeParts);
    shareElements(
        fresh.pods, previous.pods, [](const PodSummary &pod) { return std::pair(pod.namespaceName, pod.name); },
        sharePodParts);
    shareIfEqual(fresh.nodeByAddress, previous.nodeByAddress);
}

} // namespace Specula::Model
