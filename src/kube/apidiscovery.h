// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kube/resourcekind.h"

#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <optional>

namespace Specula::Kube {

// What discovery found out about a cluster: its version and which of the kinds Specula reads
// it serves, at which group/version. Optional APIs (SR-IOV, NADs, DRA) are only asked for when
// they are here.
struct ApiDiscovery
{
    QString gitVersion; // "v1.31.6+rke2r1"
    QStringList groupVersions; // every group/version the server listed ("v1", "apps/v1", …)
    QMap<ResourceKind, ApiResource> resources;
    QString draVersion; // resource.k8s.io version read: "v1", "v1beta2", "v1beta1", or empty without DRA

    bool serves(ResourceKind kind) const { return resources.contains(kind); }
    std::optional<ApiResource> resource(ResourceKind kind) const
    {
        const auto it = resources.constFind(kind);
        return it == resources.constEnd() ? std::nullopt : std::optional<ApiResource>(*it);
    }
    // The core kinds every conformant cluster serves at /api/v1.
    static ApiResource coreResource(ResourceKind kind);
    static bool isCoreKind(ResourceKind kind);
};

} // namespace Specula::Kube

Q_DECLARE_METATYPE(Specula::Kube::ApiDiscovery)
