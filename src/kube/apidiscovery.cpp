// SPDX-License-Identifier: GPL-3.0-or-later
#include "kube/apidiscovery.h"

namespace Specula::Kube {

bool ApiDiscovery::isCoreKind(ResourceKind kind)
{
    switch (kind) {
    case ResourceKind::Node:
    case ResourceKind::Pod:
    case ResourceKind::Namespace:
    case ResourceKind::Service:
    case ResourceKind::Event:
    case ResourceKind::ConfigMap:
        return true;
    case ResourceKind::SriovNetworkNodeState:
    case ResourceKind::NetworkAttachmentDefinition:
    case ResourceKind::SriovNetworkNodePolicy:
    case ResourceKind::ResourceSlice:
    case ResourceKind::ResourceClaim:
        break;
    }
    return false;
}

ApiResource ApiDiscovery::coreResource(ResourceKind kind)
{
    switch (kind) {
    case ResourceKind::Node:
        return { {}, QStringLiteral("v1"), QStringLiteral("nodes"), false };
    case ResourceKind::Pod:
        return { {}, QStringLiteral("v1"), QStringLiteral("pods"), true };
    case ResourceKind::Namespace:
        return { {}, QStringLiteral("v1"), QStringLiteral("namespaces"), false };
    case ResourceKind::Service:
        return { {}, QStringLiteral("v1"), QStringLiteral("services"), true };
    case ResourceKind::Event:
        return { {}, QStringLiteral("v1"), QStringLiteral("events"), true };
    case ResourceKind::ConfigMap:
        return { {}, QStringLiteral("v1"), QStringLiteral("configmaps"), true };
    case ResourceKind::SriovNetworkNodeState:
    case ResourceKind::NetworkAttachmentDefinition:
    case ResourceKind::SriovNetworkNodePolicy:
    case ResourceKind::ResourceSlice:
    case ResourceKind::ResourceClaim:
        break;
    }
    return {};
}

} // namespace Specula::Kube
