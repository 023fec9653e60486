// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/vfallocation.h"

#include <QAbstractTableModel>

namespace Specula::Model {

// The numbers behind the VF allocation graph, one row per node or pool, for CSV export.
class VfAllocationTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VfAllocationTableModel)

public:
    enum Column {
        NameColumn,
        AllocatedColumn,
        FreeColumn,
        NotCreatedColumn,
        TotalColumn,
        PfsWithoutTotalColumn,
        ColumnCount
    };

    explicit VfAllocationTableModel(QObject *parent = nullptr);
    ~VfAllocationTableModel() override;

    void setRows(const QList<VfAllocationRow> &rows, VfGrouping grouping);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<VfAllocationRow> m_rows;
    VfGrouping m_grouping = VfGrouping::Node;
};

} // namespace Specula::Model
