// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QSet>
#include <QString>

namespace Specula::Model {

struct ClusterSnapshot;

enum class ResourceClass { Gpu, GpuShared, Mig, Sriov, Other };

// The schema's spelling: "gpu", "gpu-shared", "mig", "sriov", "other".
QString resourceClassName(ResourceClass kind);

// GPU resources are matched by name, never by vendor domain alone: the NVIDIA Network
// Operator publishes SR-IOV pools as nvidia.com/<pool>. `sriovPools` holds the pool names
// that SR-IOV sources (NetworkAttachmentDefinitions, operator states) declare.
ResourceClass classifyResource(const QString &name, const QSet<QString> &sriovPools);

// The kind of every extended resource a snapshot's nodes offer or its pods request: as the
// nodes classified it, else by name with the SR-IOV pools the nodes' PFs feed. A pending pod
// may ask for a resource that no node offers.
QHash<QString, ResourceClass> resourceKinds(const ClusterSnapshot &snapshot);

// GPUs whole, shared or sliced, and SR-IOV VFs: what Specula is about.
bool isDeviceResource(ResourceClass kind);
// GPUs whole, shared or sliced.
bool isGpuResource(ResourceClass kind);

} // namespace Specula::Model
