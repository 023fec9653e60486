// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/topologyitem.h"

#include <QCoreApplication>

namespace Specula::Model {

// Builds the whole topology tree that a snapshot describes; TopologyModel diffs it against
// the tree on screen.
class TopologyBuilder
{
    Q_DECLARE_TR_FUNCTIONS(Specula::Model::TopologyBuilder)

public:
    explicit TopologyBuilder(const ClusterSnapshot &snapshot);
    // Fills `root` (an invisible root) with the cluster item and everything under it.
    void build(TopologyModel::Item &root);

private:
    using Item = TopologyModel::Item;
    using ItemType = TopologyModel::ItemType;

    void addNode(Item &cluster, const NodeSummary &node);
    void addDevices(Item &nodeItem, const NodeSummary &node);
    void addDevice(Item &parent, const NodeSummary &node, const GpuDevice &device, int migChildren, int migInUse);
    void addResources(Item &nodeItem, const NodeSummary &node);
    void addPf(Item &nodeItem, const NodeSummary &node, const PhysicalFunction &pf);
    void addPod(Item &parent, const QString &node, const QString &podKey, const QString &localKey,
                const QString &summary, int count, const QString &interfaceName = {});

    const PodSummary *podByKey(const QString &key) const { return m_pods.value(key); }

    const ClusterSnapshot &m_snapshot;
    QHash<QString, const PodSummary *> m_pods; // by namespace/name
};

} // namespace Specula::Model
