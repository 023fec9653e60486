// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/clustersnapshot.h"

#include <QCoreApplication>

namespace Specula::Model {

// One-line descriptions of a node's GPUs and SR-IOV NICs, shared by the Nodes table, the
// topology tree and the details panel so that the three always say the same thing.
class ResourceText
{
    Q_DECLARE_TR_FUNCTIONS(Specula::Model::ResourceText)

public:
    // "8 × NVIDIA-H100-80GB-HBM3", "MIG mixed: 2×1g.10gb, 1×3g.40gb", "1 × Tesla-T4 · time-slicing ×4",
    // "vGPU NVIDIA-A16-4Q"; empty for a node without GPUs.
    static QString gpuSummary(const NodeSummary &node);
    // GPUs (or MIG devices under the single strategy) the node offers, for sorting.
    static int gpuCount(const NodeSummary &node);
    // "3 PFs · 2/10 VFs in use", followed by the sync status when it is not Succeeded.
    static QString sriovSummary(const NodeSriov &sriov);
    static int usedVfs(const NodeSriov &sriov);
    static int totalVfs(const NodeSriov &sriov);

    static QString migStrategyName(MigStrategy strategy);
    static QString sharingName(GpuSharing sharing);
    static QString kindName(ResourceClass kind);
    // "25 Gb/s", "100 Mb/s", or "link down" when the operator reports no speed.
    // "25 Gb/s", "link down" ("-1 Mb/s"), or "speed unknown" when the operator gave none.
    static QString linkSpeed(const PhysicalFunction &pf);
    // "nvidia.com/gpu: 2, openshift.io/intel_sriov_netdevice: 1", by resource name.
    static QString requests(const QMap<QString, qint64> &requests);
    // How long something has lasted, to the two largest units: "45 s", "12 min", "3 h 12 min",
    // "2 d 4 h". Negative durations (clock skew) read as "0 s".
    static QString duration(qint64 seconds);
    // "12 GiB" for whole GiB, "9728 MiB" otherwise.
    static QString memory(qint64 mib);
    // A "%n thing(s)" text as tr() returned it: without a translation loaded, "(s)" becomes
    // English singular or plural; translated texts carry their own plural forms and pass through.
    static QString plural(const QString &text, int n);
    // The operator's last sync failed: worth a colour in every view.
    static bool syncFailed(const NodeSriov &sriov);
};

} // namespace Specula::Model
