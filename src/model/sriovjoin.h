// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kube/resources.h"
#include "model/clustersnapshot.h"

#include <QHash>
#include <optional>

namespace Specula::Model {

class SriovPoolCatalog;

// Who holds a VF, from the pod's Multus network-status device-info.
struct VfHolder
{
    PodRef pod;
    QString interfaceName; // "net1"; empty when the entry has no interface
    QString network; // "namespace/nad"
};

// node name → normalised PCI address → holder. PCI addresses repeat across nodes, so the node
// is part of the key. Only pods that are bound and not finished hold a VF (the CNI plugin
// releases it when the pod ends).
using VfHolders = QHash<QString, QHash<QString, VfHolder>>;

// The VFs each pod holds, read from `k8s.v1.cni.cncf.io/network-status` or the older
// `networks-status`. Unreadable annotations are reported in `warnings`.
VfHolders vfHolders(const QHash<QString, Kube::Pod> &pods, QStringList *warnings);

// The node's physical functions with their VFs, pools and holders.
NodeSriov sriovInfo(const Kube::SriovNetworkNodeState &state, const Kube::Node &node, const QStringList &nodeResources,
                    const SriovPoolCatalog &catalog, const QHash<QString, VfHolder> &holders);

// "25000 Mb/s" → 25000; nothing for "-1 Mb/s" (link down), an empty or unreadable value.
std::optional<int> linkSpeedMbps(const QString &text);

} // namespace Specula::Model
