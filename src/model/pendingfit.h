// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/clustersnapshot.h"

#include <QCoreApplication>

namespace Specula::Model {

// Where a pending pod would fit right now by its GPU, MIG, shared-GPU, VF and other extended
// resources, and, when nowhere, the specific reason. A node fits when it is Ready and
// schedulable, carries the GPU product the pod pins with nvidia.com/gpu.product, and has
// allocatable − requested ≥ the pod's request for every extended resource it asks for. CPU,
// memory, taints, affinity and other node selector keys are not in the snapshot; `unchecked`
// says which of them the pod uses.
struct PendingFit
{
    Q_DECLARE_TR_FUNCTIONS(Specula::Model::PendingFit)

public:
    QStringList nodes; // sorted by name
    QString why; // empty when some node fits
    QString unchecked; // "node selector disktype=ssd not checked (node labels are not in the snapshot)"

    static PendingFit of(const ClusterSnapshot &snapshot, const PodSummary &pod);
    // Pending and asking for GPUs (whole, shared or MIG) or VFs; `kinds` is resourceKinds(snapshot).
    static bool wantsDevices(const PodSummary &pod, const QHash<QString, ResourceClass> &kinds);

    friend bool operator==(const PendingFit &, const PendingFit &) = default;
};

} // namespace Specula::Model
