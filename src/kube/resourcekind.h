// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Specula::Kube {

// The kinds Specula lists and watches. The group/version that serves each is resolved by
// discovery (SR-IOV has two possible groups).
enum class ResourceKind {
    Node,
    Pod,
    Namespace,
    Service,
    Event,
    SriovNetworkNodeState,
    NetworkAttachmentDefinition,
    SriovNetworkNodePolicy,
    ConfigMap,
    ResourceSlice,
    ResourceClaim,
};

struct ApiResource
{
    QString group; // empty for the core group
    QString version;
    QString plural; // path segment: "nodes", "sriovnetworknodestates"
    bool namespaced = false;

    // "/api/v1" or "/apis/<group>/<version>"
    QString basePath() const
    {
        return group.isEmpty() ? QString(QStringLiteral("/api/") + version)
                               : QString(QStringLiteral("/apis/") + group + QLatin1Char('/') + version);
    }
};

} // namespace Specula::Kube
