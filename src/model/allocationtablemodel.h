// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/clustersnapshot.h"
#include "model/incrementaltablemodel.h"

namespace Specula::Model {

// One row per node and specialized resource (GPU, shared GPU, MIG, SR-IOV): what is requested
// against what is allocatable, and what is left. Free may be negative (a node that lost devices
// while pods still hold them) and is shown as it is. Updates are incremental.
class AllocationTableModel final : public IncrementalTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AllocationTableModel)

public:
    enum Column {
        NodeColumn,
        ResourceColumn,
        KindColumn,
        RequestedColumn,
        AllocatableColumn,
        FreeColumn,
        CapacityColumn,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole + 1, // numbers for the count columns, text otherwise
        KindRole, // the schema's spelling: "gpu", "gpu-shared", "mig", "sriov"
    };

    explicit AllocationTableModel(QObject *parent = nullptr);
    ~AllocationTableModel() override;

    void setSnapshot(const ClusterSnapshot &snapshot, bool reset = false);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        QString key; // node, a tab, resource: sorts by node then resource
        QString node;
        NodeResource resource;
        bool nodeReady = true;

        friend bool operator==(const Row &, const Row &) = default;
    };

    QList<Row> m_rows;
};

} // namespace Specula::Model
