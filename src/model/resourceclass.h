// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSet>
#include <QString>

namespace Specula::Model {

enum class ResourceClass { Gpu, GpuShared, Mig, Sriov, Other };

// The schema's spelling: "gpu", "gpu-shared", "mig", "sriov", "other".
QString resourceClassName(ResourceClass kind);

// GPU resources are matched by name, never by vendor domain alone: the NVIDIA Network
// Operator publishes SR-IOV pools as nvidia.com/<pool>. `sriovPools` holds the pool names
// that SR-IOV sources (NetworkAttachmentDefinitions, operator states) declare.
ResourceClass classifyResource(const QString &name, const QSet<QString> &sriovPools);

} // namespace Specula::Model
