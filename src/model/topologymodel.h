// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/clustersnapshot.h"

#include <QAbstractItemModel>
#include <QDeadlineTimer>
#include <chrono>
#include <memory>
#include <optional>

namespace Specula::Model {

// The device topology of a cluster as a tree: cluster → node → GPU → MIG device → pod, or
// node → GPU resource → pod where no source names devices, then node → PF → VF → pod.
// Only SR-IOV-capable PFs appear; other NICs are listed in the node's details.
// A new snapshot is diffed level by level by stable keys into row insertions, removals,
// moves and dataChanged, so selection, expansion and scroll survive live updates; the model
// resets only when the cluster changes. A large cluster's tree is built off the GUI thread.
class TopologyModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TopologyModel)

public:
    enum class ItemType { Cluster, Node, Gpu, MigDevice, GpuResource, Pf, Vf, Pod };
    Q_ENUM(ItemType)
    enum Column { NameColumn, SummaryColumn, ColumnCount };
    enum Role {
        TypeRole = Qt::UserRole + 1, // ItemType as int
        KeyRole, // stable id, unique in the model: "node:gpu-0|gpu:GPU-…|pod:ml/train-0"
        SortRole, // text that sorts siblings in their natural order (column 0), a number (column 1)
        NodeRole, // the node the item belongs to (empty for the cluster)
        IdRole, // GPU/MIG: uuid; GPU resource: resource name; PF/VF: PCI address; pod: namespace/name
        CountRole, // pod under a GPU resource: units requested; GPU/MIG/VF: pods holding it
        InterfaceRole, // pod under a VF: the interface it attached the VF as
    };

    explicit TopologyModel(QObject *parent = nullptr);
    ~TopologyModel() override;

    // From this many nodes on, the tree is built off the GUI thread and shown when ready (then
    // updated() is emitted); smaller ones are shown before setSnapshot() returns.
    static constexpr int OffThreadFromNodes = 500;
    // Such a tree is then brought up to date a slice of nodes at a time, each slice taking about
    // this long (at least one node), so that the window stays responsive while 40,000 GPUs change.
    void setSyncSliceBudget(std::chrono::milliseconds budget) { m_syncSliceBudget = budget; }

    // Diffs against the current tree; resets when `reset` is set or the context differs. While a
    // large tree is being built, only the newest of the snapshots given meanwhile follows it.
    void setSnapshot(const ClusterSnapshot &snapshot, bool reset = false);
    QModelIndex indexOfKey(const QString &key) const;
    int itemCount() const { return m_itemCount; }
    // SortRole's order, read from the items themselves: a sorting proxy that asks data() for two
    // QVariants per comparison spent tens of milliseconds when 40,000 GPUs' rows came in at once.
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    struct Item;
    struct NodeInputs;

Q_SIGNALS:
    // The tree shows the latest snapshot given to setSnapshot().
    void updated();

private:
    struct Built;
    static Built build(const ClusterSnapshot &snapshot, const QHash<QString, NodeInputs> &shown, bool resetting);
    void buildOffThread(const ClusterSnapshot &snapshot, bool reset);
    enum class Pace { AtOnce, InSlices };
    void apply(Built built, const QString &context, Pace pace = Pace::AtOnce);
    void syncNextSlice(std::size_t firstNode);
    void finishApply();
    Item *itemAt(const QModelIndex &index) const;
    QModelIndex indexOf(const Item *item, int column = 0) const;
    void syncChildren(Item *current, Item &desired);
    // Whether the children of both have the same keys in the same order.
    static bool sameKeys(const Item &current, const Item &desired);
    // The full key: the local keys of the item and its ancestors, joined by '|'.
    static QString keyOf(const Item *item);
    // syncChildren() where sameKeys(), from child `from` on; stops after a child once `deadline`
    // has passed and returns the first child not synced.
    std::size_t syncContents(Item *current, Item &desired, std::size_t from = 0,
                             const QDeadlineTimer &deadline = QDeadlineTimer(QDeadlineTimer::Forever));

    std::unique_ptr<Item> m_root;
    // Items a sync took out of the tree, freed off the GUI thread once the sync is done.
    std::vector<std::unique_ptr<Item>> m_removed;
    // The tree a sync in slices is bringing the shown one to.
    std::shared_ptr<Item> m_slicedSync;
    std::chrono::milliseconds m_syncSliceBudget { 10 };
    // What each node's subtree on screen was built from, so that unchanged nodes cost a compare.
    QHash<QString, NodeInputs> m_inputs;
    QString m_context;
    bool m_hasSnapshot = false;
    int m_itemCount = 0;
    bool m_building = false; // a tree is being built off the GUI thread
    std::optional<std::pair<ClusterSnapshot, bool>> m_waiting; // the newest snapshot given meanwhile, and its reset
};

} // namespace Specula::Model
