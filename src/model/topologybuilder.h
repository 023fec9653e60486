// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/textpool.h"
#include "model/topologyitem.h"

#include <QCoreApplication>
#include <functional>

namespace Specula::Model {

// Builds the whole topology tree that a snapshot describes; TopologyModel diffs it against
// the tree on screen.
class TopologyBuilder
{
    Q_DECLARE_TR_FUNCTIONS(Specula::Model::TopologyBuilder)

public:
    using NodeInputs = TopologyModel::NodeInputs;
    // Decides, per node, whether the subtree on screen can stay as it is.
    using KeepNode = std::function<bool(const NodeSummary &)>;

    explicit TopologyBuilder(const ClusterSnapshot &snapshot);
    // Fills `root` (an invisible root) with the cluster item and everything under it; a node for
    // which `keep` says yes gets a placeholder marked `reuse` instead of its subtree.
    void build(TopologyModel::Item &root, const KeepNode &keep = {});
    NodeInputs inputs(const NodeSummary &node) const;

    // The stable key of an item: its parent's key, '|' and its local key. Views that show the
    // same items (the map) use it to share the selection with the tree.
    static QString clusterKey() { return QStringLiteral("cluster"); }
    static QString childKey(const QString &parentKey, TopologyModel::ItemType type, const QString &id);
    // What tells an item from its siblings: "node:", "gpu:", "mig:", "res:", "pf:", "vf:" or
    // "pod:" with its own id (Item::Content::ownId). The tree keeps neither this text nor the
    // full key; it joins them when asked for.
    static QString localKey(TopologyModel::ItemType type, const QString &id);

private:
    using Item = TopologyModel::Item;
    using ItemType = TopologyModel::ItemType;

    void addNode(Item &cluster, const NodeSummary &node);
    void addDevices(Item &nodeItem, const NodeSummary &node);
    void addDevice(Item &parent, const NodeSummary &node, const GpuDevice &device, int migChildren, int migInUse);
    void addResources(Item &nodeItem, const NodeSummary &node);
    void addPf(Item &nodeItem, const NodeSummary &node, const PhysicalFunction &pf);
    void addPod(Item &parent, const QString &node, const QString &podKey, const QString &ownId, const QString &summary,
                int count, const QString &interfaceName = {});

    // Adds `content` under `parent`, its texts shared with equal ones met before in this build:
    // nodes of one kind repeat their devices' PCI addresses, names and summaries thousands of times.
    Item *add(Item &parent, Item::Content content);

    // The pod "namespace/name", looked for among the node's pods first.
    const PodSummary *findPod(const QString &node, const QString &key) const;

    const ClusterSnapshot &m_snapshot;
    QHash<QString, QList<const PodSummary *>> m_podsByNode;
    Core::TextPool m_texts;
};

} // namespace Specula::Model
