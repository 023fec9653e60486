// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/topologymodel.h"

#include <vector>

namespace Specula::Model {

// One node of the topology tree. `content` is everything a view sees; the rest is structure.
struct TopologyModel::Item
{
    struct Content
    {
        ItemType type = ItemType::Cluster;
        QString node;
        QString id;
        QString text;
        QString summary;
        QString toolTip;
        QString sortKey;
        qint64 sortValue = 0;
        int count = 0;
        QString interfaceName;
        bool dimmed = false; // not ready, stale, nothing allocatable
        bool warning = false; // over-committed, sync failed

        // With the type, what tells the item from its siblings: a pod's sort key (its own id, with
        // the container where it holds a device per container), else its id. The tree keeps no
        // text of the two joined (TopologyBuilder::localKey): 155,000 of them took some 20 MB.
        const QString &ownId() const { return type == ItemType::Pod ? sortKey : id; }
        bool sameKey(const Content &other) const { return type == other.type && ownId() == other.ownId(); }

        friend bool operator==(const Content &, const Content &) = default;
    };

    Content content;
    // In a desired tree: this subtree is built from the same inputs as the one on screen, so the
    // sync keeps the current one without looking inside.
    bool reuse = false;
    Item *parent = nullptr;
    int row = 0;
    std::vector<std::unique_ptr<Item>> children;

    Item *add(Content c)
    {
        auto child = std::make_unique<Item>();
        child->content = std::move(c);
        child->parent = this;
        child->row = int(children.size());
        children.push_back(std::move(child));
        return children.back().get();
    }
    void renumber(std::size_t from = 0)
    {
        for (std::size_t i = from; i < children.size(); ++i)
            children[i]->row = int(i);
    }
    int count() const
    {
        int total = 1;
        for (const auto &child : children)
            total += child->count();
        return total;
    }
};

// Everything a node's subtree is built from: equal inputs give an equal subtree.
struct TopologyModel::NodeInputs
{
    NodeSummary node;
    QList<PodSummary> pods; // the pods its items name, in the order they are met

    // The tree shows no readings: a refresh that brings only new ones keeps every subtree.
    friend bool operator==(const NodeInputs &a, const NodeInputs &b)
    {
        return a.node.equalApartFromReadings(b.node) && a.pods == b.pods;
    }
};

} // namespace Specula::Model
