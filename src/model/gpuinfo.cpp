// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/gpuinfo.h"

#include <QRegularExpression>
#include <algorithm>

namespace Specula::Model {
namespace {

const QString kNvidia = QStringLiteral("nvidia.com/");
const QString kMigResourcePrefix = QStringLiteral("nvidia.com/mig-");

std::optional<qint64> labelNumber(const Kube::StringMap &labels, const QString &key)
{
    bool ok = false;
    const qint64 value = labels.value(key).toLongLong(&ok);
    return ok ? std::optional<qint64>(value) : std::nullopt;
}

std::optional<int> labelInt(const Kube::StringMap &labels, const QString &key)
{
    const auto value = labelNumber(labels, key);
    return value ? std::optional<int>(int(*value)) : std::nullopt;
}

QString driverVersion(const Kube::StringMap &labels)
{
    const QString full = labels.value(QStringLiteral("nvidia.com/cuda.driver-version.full"));
    if (!full.isEmpty())
        return full;
    // Older GFD releases only have the parts, some only the deprecated spelling.
    for (const auto &[major, minor, revision] :
         { std::tuple { "driver-version.major", "driver-version.minor", "driver-version.revision" },
           std::tuple { "driver.major", "driver.minor", "driver.rev" } }) {
        const QString prefix = QStringLiteral("nvidia.com/cuda.");
        const QString a = labels.value(prefix + QLatin1String(major));
        const QString b = labels.value(prefix + QLatin1String(minor));
        const QString c = labels.value(prefix + QLatin1String(revision));
        if (!a.isEmpty()) {
            QStringList parts { a, b, c };
            parts.removeAll(QString());
            return parts.join(QLatin1Char('.'));
        }
    }
    return {};
}

QString vendorOf(const Kube::StringMap &labels, const QList<NodeResource> &gpuResources)
{
    if (labels.contains(QStringLiteral("nvidia.com/gpu.product"))
        || labels.contains(QStringLiteral("nvidia.com/gpu.present")))
        return QStringLiteral("nvidia");
    for (const auto &r : gpuResources) {
        const QString domain = r.name.section(QLatin1Char('/'), 0, 0);
        if (domain == QLatin1String("nvidia.com"))
            return QStringLiteral("nvidia");
        if (domain == QLatin1String("amd.com"))
            return QStringLiteral("amd");
        if (domain == QLatin1String("gpu.intel.com"))
            return QStringLiteral("intel");
        return domain;
    }
    return {};
}

// Every MIG profile the node has labels or a resource for, stale zero-valued ones included.
QList<MigProfile> mixedProfiles(const Kube::StringMap &labels, const QList<NodeResource> &resources)
{
    static const QRegularExpression labelPattern(QStringLiteral("^nvidia\\.com/mig-([^/]+)\\.count$"));
    QMap<QString, MigProfile> profiles;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it) {
        const auto match = labelPattern.match(it.key());
        if (match.hasMatch())
            profiles[match.captured(1)].profile = match.captured(1);
    }
    for (const auto &r : resources) {
        if (r.kind == ResourceClass::Mig && r.name.startsWith(kMigResourcePrefix)) {
            const QString profile = r.name.mid(kMigResourcePrefix.size());
            profiles[profile].profile = profile;
        }
    }
    QList<MigProfile> result;
    for (auto &profile : profiles) {
        const QString prefix = kMigResourcePrefix + profile.profile + QLatin1Char('.');
        profile.resource = kMigResourcePrefix + profile.profile;
        profile.count = labelInt(labels, prefix + QLatin1String("count"));
        profile.memoryMiB = labelNumber(labels, prefix + QLatin1String("memory"));
        profile.multiprocessors = labelInt(labels, prefix + QLatin1String("multiprocessors"));
        result.append(profile);
    }
    return result;
}

GpuSharing sharingOf(const Kube::StringMap &labels, const GpuProductName &product, bool renamed)
{
    const QString strategy = labels.value(QStringLiteral("nvidia.com/gpu.sharing-strategy"));
    if (strategy == QLatin1String("time-slicing"))
        return GpuSharing::TimeSlicing;
    if (strategy == QLatin1String("mps"))
        return GpuSharing::Mps;
    if (strategy == QLatin1String("none"))
        return GpuSharing::None;
    // Device plugins before the sharing-strategy label: MPS announced itself by mps.capable,
    // time-slicing only by the product suffix or the renamed resource.
    if (labels.value(QStringLiteral("nvidia.com/mps.capable")) == QLatin1String("true"))
        return GpuSharing::Mps;
    return product.shared || renamed ? GpuSharing::TimeSlicing : GpuSharing::None;
}

} // namespace

GpuProductName splitGpuProduct(const QString &label)
{
    static const QString sharedSuffix = QStringLiteral("-SHARED");
    static const QRegularExpression migSuffix(QStringLiteral("-MIG-(\\d+g\\.\\d+gb(?:\\+[a-z0-9]+)*)$"));
    GpuProductName name { label, {}, false };
    if (name.product.endsWith(sharedSuffix)) {
        name.shared = true;
        name.product.chop(sharedSuffix.size());
    }
    const auto match = migSuffix.match(name.product);
    if (match.hasMatch()) {
        name.migProfile = match.captured(1);
        name.product.truncate(match.capturedStart());
    }
    return name;
}

std::optional<NodeGpu> gpuInfo(const Kube::Node &node, const QList<NodeResource> &resources)
{
    const auto &labels = node.meta.labels;
    QList<NodeResource> gpuResources;
    std::copy_if(resources.cbegin(), resources.cend(), std::back_inserter(gpuResources),
                 [](const NodeResource &r) { return isGpuResource(r.kind); });
    const bool labelled = labels.value(QStringLiteral("nvidia.com/gpu.present")) == QLatin1String("true")
        || labels.contains(QStringLiteral("nvidia.com/gpu.product"));
    if (gpuResources.isEmpty() && !labelled)
        return std::nullopt;

    auto resourceCapacity = [&](QLatin1String name) -> std::optional<qint64> {
        for (const auto &r : gpuResources) {
            if (r.name == name)
                return r.capacity;
        }
        return std::nullopt;
    };

    NodeGpu gpu;
    gpu.vendor = vendorOf(labels, gpuResources);
    const GpuProductName product = splitGpuProduct(labels.value(QStringLiteral("nvidia.com/gpu.product")));
    gpu.product = product.product;
    if (gpu.product.isEmpty())
        gpu.product = labels.value(QStringLiteral("amd.com/gpu.product-name"));
    gpu.family = labels.value(QStringLiteral("nvidia.com/gpu.family"));
    gpu.migConfig = labels.value(QStringLiteral("nvidia.com/mig.config"));
    gpu.migConfigState = labels.value(QStringLiteral("nvidia.com/mig.config.state"));
    gpu.driverVersion = driverVersion(labels);
    gpu.vgpu = labels.value(QStringLiteral("nvidia.com/vgpu.present")) == QLatin1String("true");
    gpu.renamedShared = resourceCapacity(QLatin1String("nvidia.com/gpu.shared")).value_or(0) > 0;
    gpu.sharing = sharingOf(labels, product, gpu.renamedShared);
    gpu.replicas = std::max(1, labelInt(labels, QStringLiteral("nvidia.com/gpu.replicas")).value_or(1));

    const auto count = labelInt(labels, QStringLiteral("nvidia.com/gpu.count"));
    const auto memory = labelNumber(labels, QStringLiteral("nvidia.com/gpu.memory"));
    const QString strategy = labels.value(QStringLiteral("nvidia.com/mig.strategy"));
    const QList<MigProfile> mixed = mixedProfiles(labels, resources);
    if (!product.migProfile.isEmpty()) {
        // Single strategy at work: the labels describe MIG devices, not GPUs.
        gpu.migStrategy = MigStrategy::Single;
        gpu.migProfiles.append({ product.migProfile, kNvidia + QLatin1String("gpu"), count, memory,
                                 labelInt(labels, QStringLiteral("nvidia.com/gpu.multiprocessors")) });
    } else {
        // A strategy label without MIG devices (mig.config all-disabled) leaves whole GPUs.
        if (strategy == QLatin1String("mixed") && !mixed.isEmpty()) {
            gpu.migStrategy = MigStrategy::Mixed;
            gpu.migProfiles = mixed;
        }
        gpu.physicalCount = count;
        gpu.memoryMiB = memory;
    }
    if (!gpu.physicalCount && gpu.migStrategy == MigStrategy::None) {
        // No GFD: the GPU resource itself says how many there are, divided by any sharing.
        for (const auto &r : std::as_const(gpuResources)) {
            if (r.kind == ResourceClass::Gpu && r.capacity > 0) {
                gpu.physicalCount = int(r.capacity / (gpu.sharing == GpuSharing::None ? 1 : gpu.replicas));
                break;
            }
        }
    }
    return gpu;
}

} // namespace Specula::Model
