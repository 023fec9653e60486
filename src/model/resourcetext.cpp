// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/resourcetext.h"

#include <algorithm>

namespace Specula::Model {
namespace {

qint64 allocatableOfKind(const NodeSummary &node, ResourceClass kind)
{
    qint64 total = 0;
    for (const auto &resource : node.resources) {
        if (resource.kind == kind)
            total += resource.allocatable;
    }
    return total;
}

// "2×1g.10gb, 1×3g.40gb": the profiles a node is cut into now. Stale profiles (a zero-valued
// resource left behind by an earlier MIG layout, no count label) are left out.
QString migLayout(const NodeSummary &node)
{
    QStringList parts;
    for (const auto &profile : node.gpu->migProfiles) {
        qint64 count = profile.count.value_or(-1);
        if (count < 0) {
            const NodeResource *resource = node.resource(profile.resource);
            count = resource ? resource->allocatable : 0;
        }
        if (count > 0)
            parts.append(QString::number(count) + u'×' + profile.profile);
    }
    return parts.join(QStringLiteral(", "));
}

} // namespace

int ResourceText::gpuCount(const NodeSummary &node)
{
    if (!node.gpu)
        return 0;
    if (node.gpu->physicalCount)
        return *node.gpu->physicalCount;
    // MIG single hides the physical count; the devices the node offers are the next best.
    const qint64 whole = allocatableOfKind(node, ResourceClass::Gpu);
    return int(whole > 0 ? whole : allocatableOfKind(node, ResourceClass::Mig));
}

QString ResourceText::gpuSummary(const NodeSummary &node)
{
    if (!node.gpu)
        return {};
    const NodeGpu &gpu = *node.gpu;
    const int count = gpuCount(node);
    QString text;
    if (gpu.vgpu) {
        const QString product = gpu.product.isEmpty() ? tr("unknown model") : gpu.product;
        text = count > 1 ? tr("vGPU %1 × %2").arg(count).arg(product) : tr("vGPU %1").arg(product);
    } else if (gpu.migStrategy != MigStrategy::None && !gpu.migProfiles.isEmpty()) {
        const QString layout = migLayout(node);
        text = gpu.migStrategy == MigStrategy::Mixed ? tr("MIG mixed: %1").arg(layout)
                                                     : tr("MIG single: %1").arg(layout);
        if (layout.isEmpty())
            text = gpu.migStrategy == MigStrategy::Mixed ? tr("MIG mixed") : tr("MIG single");
    } else if (!gpu.product.isEmpty()) {
        text = count > 0 ? QStringLiteral("%1 × %2").arg(count).arg(gpu.product) : gpu.product;
    } else {
        text = plural(tr("%n GPU(s)", nullptr, count), count);
    }
    if (gpu.sharing != GpuSharing::None)
        text += QStringLiteral(" · %1 ×%2").arg(sharingName(gpu.sharing)).arg(gpu.replicas);
    return text;
}

int ResourceText::usedVfs(const NodeSriov &sriov)
{
    int used = 0;
    for (const auto &pf : sriov.pfs)
        used += pf.allocatedVfs();
    return used;
}

int ResourceText::totalVfs(const NodeSriov &sriov)
{
    int total = 0;
    for (const auto &pf : sriov.pfs)
        total += std::max(pf.numVfs, int(pf.vfs.size()));
    return total;
}

bool ResourceText::syncFailed(const NodeSriov &sriov)
{
    return sriov.syncStatus == QLatin1String("Failed") || !sriov.lastSyncError.isEmpty();
}

QString ResourceText::sriovSummary(const NodeSriov &sriov)
{
    const int pfs = int(std::count_if(sriov.pfs.cbegin(), sriov.pfs.cend(),
                                      [](const PhysicalFunction &pf) { return pf.sriovCapable(); }));
    QString text = plural(tr("%n PF(s)", nullptr, pfs), pfs) + QStringLiteral(" · ")
        + tr("%1/%2 VFs in use").arg(usedVfs(sriov)).arg(totalVfs(sriov));
    if (!sriov.syncStatus.isEmpty() && sriov.syncStatus != QLatin1String("Succeeded"))
        text += QStringLiteral(" · ") + sriov.syncStatus;
    return text;
}

QString ResourceText::plural(const QString &text, int n)
{
    QString result = text;
    return result.replace(QLatin1String("(s)"), n == 1 ? QString() : QStringLiteral("s"));
}

QString ResourceText::migStrategyName(MigStrategy strategy)
{
    switch (strategy) {
    case MigStrategy::None:
        return tr("none");
    case MigStrategy::Single:
        return tr("single");
    case MigStrategy::Mixed:
        return tr("mixed");
    }
    return {};
}

QString ResourceText::sharingName(GpuSharing sharing)
{
    switch (sharing) {
    case GpuSharing::None:
        return tr("none");
    case GpuSharing::TimeSlicing:
        return QStringLiteral("time-slicing");
    case GpuSharing::Mps:
        return QStringLiteral("MPS");
    }
    return {};
}

QString ResourceText::kindName(ResourceClass kind)
{
    switch (kind) {
    case ResourceClass::Gpu:
        return tr("GPU");
    case ResourceClass::GpuShared:
        return tr("shared GPU");
    case ResourceClass::Mig:
        return tr("MIG");
    case ResourceClass::Sriov:
        return tr("SR-IOV");
    case ResourceClass::Other:
        return tr("other");
    }
    return {};
}

QString ResourceText::linkSpeed(const PhysicalFunction &pf)
{
    const auto &mbps = pf.linkSpeedMbps;
    if (!mbps)
        return pf.linkDown ? tr("link down") : tr("speed unknown");
    if (*mbps >= 1000 && *mbps % 1000 == 0)
        return tr("%1 Gb/s").arg(*mbps / 1000);
    return tr("%1 Mb/s").arg(*mbps);
}

QString ResourceText::requests(const QMap<QString, qint64> &requests)
{
    QStringList parts;
    for (auto it = requests.cbegin(); it != requests.cend(); ++it)
        parts.append(it.key() + QStringLiteral(": ") + QString::number(it.value()));
    return parts.join(QStringLiteral(", "));
}

QString ResourceText::duration(qint64 seconds)
{
    seconds = std::max<qint64>(0, seconds);
    const qint64 days = seconds / 86400;
    const qint64 hours = seconds % 86400 / 3600;
    const qint64 minutes = seconds % 3600 / 60;
    if (days > 0)
        return hours > 0 ? tr("%1 d %2 h").arg(days).arg(hours) : tr("%1 d").arg(days);
    if (hours > 0)
        return minutes > 0 ? tr("%1 h %2 min").arg(hours).arg(minutes) : tr("%1 h").arg(hours);
    if (minutes > 0)
        return tr("%1 min").arg(minutes);
    return tr("%1 s").arg(seconds);
}

QString ResourceText::memory(qint64 mib)
{
    if (mib >= 1024 && mib % 1024 == 0)
        return tr("%1 GiB").arg(mib / 1024);
    return tr("%1 MiB").arg(mib);
}

} // namespace Specula::Model
