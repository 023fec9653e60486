// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/resourceclass.h"

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

} // namespace Specula::Model
