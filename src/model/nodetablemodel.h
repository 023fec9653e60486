// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/clustersnapshot.h"
#include "model/incrementaltablemodel.h"

namespace Specula::Model {

// One row per node: its status, a summary of its GPUs and SR-IOV NICs, then one column per
// extended resource that any node has, shown as "requested / allocatable". Updates are
// incremental (row and column signals).
class NodeTableModel final : public IncrementalTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NodeTableModel)

public:
    enum Column { NameColumn, StatusColumn, PodsColumn, GpusColumn, SriovColumn, FirstResourceColumn };
    enum Role {
        SortRole = Qt::UserRole + 1, // numbers for resource columns, text otherwise
        RequestedRole, // resource columns: requested, whole units (null when the node lacks it)
        AllocatableRole, // resource columns: allocatable, whole units
        CapacityRole,
        ResourceNameRole, // resource columns: the resource's name
        ResourceKindRole, // resource columns: "gpu", "mig", "sriov", ...
    };

    explicit NodeTableModel(QObject *parent = nullptr);
    ~NodeTableModel() override;

    // What the model shows of a snapshot; rowsOf() builds it, on any thread.
    struct Rows
    {
        QList<NodeSummary> nodes; // sorted by name
        QStringList resources; // the resource columns' names, sorted
    };

    // The rows and resource columns for this snapshot. Touches no QObject, so it may run off the
    // GUI thread.
    static Rows rowsOf(const ClusterSnapshot &snapshot);
    // Shows `rows` (from rowsOf()) with column and row signals, so views keep their selection and
    // scroll; `reset` is for a switch to another cluster.
    void setRows(Rows rows, bool reset = false);
    QStringList resourceNames() const { return m_resources; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void syncColumns(const QStringList &names);
    const NodeResource *resource(const NodeSummary &node, int column) const;

    QList<NodeSummary> m_nodes;
    QStringList m_resources;
};

} // namespace Specula::Model
