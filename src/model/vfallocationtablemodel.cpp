// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/vfallocationtablemodel.h"

namespace Specula::Model {

VfAllocationTableModel::VfAllocationTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

VfAllocationTableModel::~VfAllocationTableModel() = default;

void VfAllocationTableModel::setRows(const QList<VfAllocationRow> &rows, VfGrouping grouping)
{
    beginResetModel();
    m_rows = rows;
    m_grouping = grouping;
    endResetModel();
    Q_EMIT headerDataChanged(Qt::Horizontal, NameColumn, NameColumn);
}

int VfAllocationTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int VfAllocationTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant VfAllocationTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || role != Qt::DisplayRole)
        return {};
    const VfAllocationRow &row = m_rows.at(index.row());
    switch (index.column()) {
    case NameColumn:
        return row.name;
    case AllocatedColumn:
        return row.counts.allocated;
    case FreeColumn:
        return row.counts.free;
    case NotCreatedColumn:
        return row.counts.notCreated;
    case TotalColumn:
        return row.counts.total();
    case PfsWithoutTotalColumn:
        return row.counts.pfsWithoutTotal;
    default:
        return {};
    }
}

QVariant VfAllocationTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return m_grouping == VfGrouping::Node ? tr("Node") : tr("Pool");
    case AllocatedColumn:
        return tr("Allocated");
    case FreeColumn:
        return tr("Free");
    case NotCreatedColumn:
        return tr("Not created");
    case TotalColumn:
        return tr("Total");
    case PfsWithoutTotalColumn:
        return tr("PFs without totalVfs");
    default:
        return {};
    }
}

} // namespace Specula::Model
