// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/allocationtablemodel.h"

#include "model/resourcetext.h"

#include <QBrush>
#include <QColor>
#include <QPalette>
#include <algorithm>

namespace Specula::Model {

AllocationTableModel::AllocationTableModel(QObject *parent)
    : IncrementalTableModel(parent)
{ }

AllocationTableModel::~AllocationTableModel() = default;

void AllocationTableModel::setSnapshot(const ClusterSnapshot &snapshot, bool reset)
{
    QList<Row> rows;
    for (const auto &node : snapshot.nodes) {
        for (const auto &resource : node.resources) {
            if (resource.kind == ResourceClass::Other)
                continue;
            rows.append(Row { node.name + QLatin1Char('\t') + resource.name, node.name, resource, node.ready });
        }
    }
    // Node names never hold a tab, so this is the order of (node, resource); sorting again keeps
    // the helper's precondition whatever order the snapshot comes in.
    std::sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) { return a.key < b.key; });

    if (reset) {
        beginResetModel();
        m_rows = std::move(rows);
        endResetModel();
        return;
    }
    syncRows(m_rows, rows, [](const Row &row) -> const QString & { return row.key; });
}

int AllocationTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AllocationTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AllocationTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Row &row = m_rows.at(index.row());
    const NodeResource &r = row.resource;
    const qint64 free = r.allocatable - r.requested;
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
    case SortRole:
        switch (column) {
        case NodeColumn:
            return row.node;
        case ResourceColumn:
            return r.name;
        case KindColumn:
            return role == SortRole ? resourceClassName(r.kind) : ResourceText::kindName(r.kind);
        case RequestedColumn:
            return role == SortRole ? QVariant(r.requested) : QVariant(QString::number(r.requested));
        case AllocatableColumn:
            return role == SortRole ? QVariant(r.allocatable) : QVariant(QString::number(r.allocatable));
        case FreeColumn:
            return role == SortRole ? QVariant(free) : QVariant(QString::number(free));
        case CapacityColumn:
            return role == SortRole ? QVariant(r.capacity) : QVariant(QString::number(r.capacity));
        default:
            return {};
        }
    case KindRole:
        return resourceClassName(r.kind);
    case Qt::TextAlignmentRole:
        return column >= RequestedColumn ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    case Qt::ForegroundRole:
        if (column == FreeColumn && free < 0)
            return QBrush(QColor(0xd3, 0x2f, 0x2f));
        // Nothing allocatable: a stale resource left behind by an earlier MIG layout, or a
        // node that is not ready.
        if (!row.nodeReady || (r.allocatable == 0 && r.requested == 0))
            return QBrush(QPalette().color(QPalette::Disabled, QPalette::Text));
        return {};
    case Qt::ToolTipRole:
        if (column == FreeColumn && free < 0)
            return tr("%1 more requested than allocatable: pods hold devices the node no longer offers").arg(-free);
        if (!row.nodeReady)
            return tr("The node is not ready");
        return {};
    default:
        return {};
    }
}

QVariant AllocationTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case NodeColumn:
            return tr("Node");
        case ResourceColumn:
            return tr("Resource");
        case KindColumn:
            return tr("Kind");
        case RequestedColumn:
            return tr("Requested");
        case AllocatableColumn:
            return tr("Allocatable");
        case FreeColumn:
            return tr("Free");
        case CapacityColumn:
            return tr("Capacity");
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case RequestedColumn:
            return tr("What the scheduler counts: the effective requests of the node's active pods");
        case AllocatableColumn:
            return tr("What the node offers to pods");
        case FreeColumn:
            return tr("Allocatable minus requested; negative when pods hold more than the node offers");
        case CapacityColumn:
            return tr("What the node has, including what is not allocatable");
        default:
            return {};
        }
    }
    return {};
}

} // namespace Specula::Model
