// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/resourceclass.h"

#include "model/clustersnapshot.h"

namespace Specula::Model {

QString resourceClassName(ResourceClass kind)
{
    switch (kind) {
    case ResourceClass::Gpu:
        return QStringLiteral("gpu");
    case ResourceClass::GpuShared:
        return QStringLiteral("gpu-shared");
    case ResourceClass::Mig:
        return QStringLiteral("mig");
    case ResourceClass::Sriov:
        return QStringLiteral("sriov");
    case ResourceClass::Other:
        return QStringLiteral("other");
    }
    return {};
}

ResourceClass classifyResource(const QString &name, const QSet<QString> &sriovPools)
{
    if (name == QLatin1String("nvidia.com/gpu") || name == QLatin1String("amd.com/gpu")
        || name.startsWith(QLatin1String("gpu.intel.com/")))
        return ResourceClass::Gpu;
    if (name == QLatin1String("nvidia.com/gpu.shared"))
        return ResourceClass::GpuShared;
    if (name.startsWith(QLatin1String("nvidia.com/mig-")))
        return ResourceClass::Mig;
    if (sriovPools.contains(name))
        return ResourceClass::Sriov;
    return ResourceClass::Other;
}

QHash<QString, ResourceClass> resourceKinds(const ClusterSnapshot &snapshot)
{
    QHash<QString, ResourceClass> kinds;
    QSet<QString> pools;
    for (const NodeSummary &node : snapshot.nodes) {
        for (const NodeResource &resource : node.resources)
            kinds.insert(resource.name, resource.kind);
        if (node.sriov) {
            for (const PhysicalFunction &pf : node.sriov->pfs) {
                if (!pf.resource.isEmpty())
                    pools.insert(pf.resource);
            }
        }
    }
    for (const PodSummary &pod : snapshot.pods) {
        for (auto it = pod.requests.cbegin(); it != pod.requests.cend(); ++it) {
            if (!kinds.contains(it.key()))
                kinds.insert(it.key(), classifyResource(it.key(), pools));
        }
    }
    return kinds;
}

bool isDeviceResource(ResourceClass kind)
{
    return kind != ResourceClass::Other;
}

bool isGpuResource(ResourceClass kind)
{
    return kind == ResourceClass::Gpu || kind == ResourceClass::GpuShared || kind == ResourceClass::Mig;
}

} // namespace Specula::Model
