// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kube/resources.h"
#include "model/clustersnapshot.h"

#include <QHash>

namespace Specula::Model {

// GPUs that Dynamic Resource Allocation names one by one: each GPU or MIG device of a
// ResourceSlice bound to a node, with the pods its allocated ResourceClaims are reserved for.
struct DraGpus
{
    QHash<QString, QList<GpuDevice>> devicesByNode; // sorted by index, then uuid
    QHash<QString, QStringList> uuidsByPod; // "namespace/name" → device UUIDs (or names without one)
};

// A device is a GPU when its `type` attribute says gpu or mig (the NVIDIA DRA driver), or its
// driver's name is a gpu.* domain. Attribute names may be qualified with the driver's domain.
DraGpus draGpus(const QHash<QString, Kube::ResourceSlice> &slices, const QHash<QString, Kube::ResourceClaim> &claims);

} // namespace Specula::Model
