// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/pendingfit.h"

#include "model/gpuinfo.h"
#include "model/resourcetext.h"

#include <algorithm>
#include <functional>

namespace Specula::Model {
namespace {

const QString kProductLabel = QStringLiteral("nvidia.com/gpu.product");

// Whether the node's gpu.product label would equal `label`: GFD writes the physical model, with
// "-MIG-<profile>" under the single strategy and "-SHARED" when time-slicing or MPS is not renamed.
bool productMatches(const NodeSummary &node, const QString &label)
{
    if (!node.gpu)
        return false;
    const NodeGpu &gpu = *node.gpu;
    const GpuProductName wanted = splitGpuProduct(label);
    if (wanted.product != gpu.product)
        return false;
    const bool migSingle = gpu.migStrategy == MigStrategy::Single;
    if (wanted.migProfile.isEmpty() == migSingle)
        return false;
    if (migSingle && std::none_of(gpu.migProfiles.cbegin(), gpu.migProfiles.cend(), [&](const MigProfile &p) {
            return p.profile == wanted.migProfile;
        }))
        return false;
    return wanted.shared == (gpu.sharing != GpuSharing::None && !gpu.renamedShared);
}

qint64 freeOf(const NodeSummary &node, const QString &resource)
{
    const NodeResource *r = node.resource(resource);
    return r ? r->allocatable - r->requested : 0;
}

QString notUsableReason(const NodeSummary &node)
{
    if (!node.ready)
        return PendingFit::tr("%1 not Ready").arg(node.name);
    if (node.unschedulable)
        return PendingFit::tr("%1 cordoned").arg(node.name);
    return PendingFit::tr("%1 has another GPU product").arg(node.name);
}

// Why no usable node has room for `want` of `resource`; empty when one has.
// `pinned` names the GPU product label when the pod pins one.
QString resourceWhy(const ClusterSnapshot &snapshot, const QString &resource, qint64 want, const QString &pinned,
                    const std::function<bool(const NodeSummary &)> &usable)
{
    QList<const NodeSummary *> offering;
    for (const NodeSummary &node : snapshot.nodes) {
        const NodeResource *r = node.resource(resource);
        if (r && r->allocatable > 0)
            offering.append(&node);
    }
    if (offering.isEmpty())
        return PendingFit::tr("no node has %1").arg(resource);
    QStringList unusable;
    const NodeSummary *best = nullptr;
    int usableCount = 0;
    for (const NodeSummary *node : std::as_const(offering)) {
        if (!usable(*node)) {
            unusable.append(notUsableReason(*node));
            continue;
        }
        ++usableCount;
        if (!best || freeOf(*node, resource) > freeOf(*best, resource))
            best = node;
    }
    if (!best) {
        return ResourceText::plural(
                   PendingFit::tr("the %n node(s) with %1 cannot take pods now (%2)", nullptr, int(offering.size())),
                   int(offering.size()))
            .arg(resource, unusable.join(QStringLiteral(", ")));
    }
    const qint64 free = freeOf(*best, resource);
    if (free >= want)
        return {};
    if (free <= 0) {
        const QString what = pinned.isEmpty() ? resource : PendingFit::tr("%1 and %2").arg(resource, pinned);
        return usableCount == 1 ? PendingFit::tr("the only node with %1 is full (%2)").arg(what, best->name)
                                : PendingFit::tr("all %1 nodes with %2 are full").arg(usableCount).arg(what);
    }
    return PendingFit::tr("%1: %2 wanted, at most %3 free (%4)").arg(resource).arg(want).arg(free).arg(best->name);
}

} // namespace

bool PendingFit::wantsDevices(const PodSummary &pod, const QHash<QString, ResourceClass> &kinds)
{
    if (!pod.pending)
        return false;
    for (auto it = pod.requests.cbegin(); it != pod.requests.cend(); ++it) {
        if (it.value() > 0 && isDeviceResource(kinds.value(it.key(), ResourceClass::Other)))
            return true;
    }
    return false;
}

PendingFit PendingFit::of(const ClusterSnapshot &snapshot, const PodSummary &pod)
{
    PendingFit fit;
    const QString product = pod.nodeSelector.value(kProductLabel);
    QStringList others;
    for (auto it = pod.nodeSelector.cbegin(); it != pod.nodeSelector.cend(); ++it) {
        if (it.key() != kProductLabel)
            others.append(it.key() + QLatin1Char('=') + it.value());
    }
    if (!others.isEmpty()) {
        fit.unchecked = tr("node selector %1 not checked (node labels are not in the snapshot)")
                            .arg(others.join(QStringLiteral(", ")));
    }

    const auto usable = [&](const NodeSummary &node) {
        return node.ready && !node.unschedulable && (product.isEmpty() || productMatches(node, product));
    };
    for (const NodeSummary &node : snapshot.nodes) {
        if (!usable(node))
            continue;
        bool room = true;
        for (auto it = pod.requests.cbegin(); it != pod.requests.cend() && room; ++it)
            room = freeOf(node, it.key()) >= it.value();
        if (room)
            fit.nodes.append(node.name);
    }
    if (!fit.nodes.isEmpty())
        return fit;

    if (!product.isEmpty()
        && std::none_of(snapshot.nodes.cbegin(), snapshot.nodes.cend(),
                        [&](const NodeSummary &node) { return productMatches(node, product); })) {
        fit.why = tr("no node has %1=%2").arg(kProductLabel, product);
        return fit;
    }
    const QString pinned = product.isEmpty() ? QString() : kProductLabel + QLatin1Char('=') + product;
    QStringList reasons;
    for (auto it = pod.requests.cbegin(); it != pod.requests.cend(); ++it) {
        const QString why = resourceWhy(snapshot, it.key(), it.value(), pinned, usable);
        if (!why.isEmpty())
            reasons.append(why);
    }
    if (reasons.isEmpty() && pod.requests.size() > 1) {
        reasons.append(tr("no node has room for all of %1 at once")
                           .arg(QStringList(pod.requests.keys()).join(QStringLiteral(", "))));
    }
    if (reasons.isEmpty())
        reasons.append(tr("no node is Ready and schedulable"));
    fit.why = reasons.join(QStringLiteral("; "));
    return fit;
}

} // namespace Specula::Model
