// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/podtablemodel.h"

#include "core/offthread.h"
#include "model/resourcetext.h"

namespace Specula::Model {

PodTableModel::PodTableModel(QObject *parent)
    : IncrementalTableModel(parent)
{ }

PodTableModel::~PodTableModel() = default;

QList<PodTableModel::Row> PodTableModel::rowsOf(const ClusterSnapshot &snapshot)
{
    // The snapshot sorts its pods by the same key.
    QList<Row> rows;
    rows.reserve(snapshot.pods.size());
    for (const PodSummary &pod : snapshot.pods)
        rows.append(Row { pod.key(), pod.namespaceName, pod.name, pod.node, pod.phase,
                          ResourceText::requests(pod.requests), pod.pending });
    return rows;
}

void PodTableModel::setRows(QList<Row> rows, bool reset)
{
    if (reset) {
        beginResetModel();
        // Freeing the old cluster's rows costs a large one's GUI thread tens of milliseconds.
        Core::freeOffThread(std::exchange(m_rows, std::move(rows)));
        endResetModel();
        return;
    }
    syncRows(
        m_rows, rows, [](const Row &row) -> const QString & { return row.key; }, &PodTableModel::changedColumns);
}

IncrementalTableModel::ColumnSpan PodTableModel::changedColumns(const Row &old, const Row &next)
{
    return spanOf<ColumnCount>({ old.namespaceName != next.namespaceName, old.name != next.name, old.node != next.node,
                                 old.phase != next.phase, old.requests != next.requests, old.pending != next.pending });
}

int PodTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PodTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PodTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Row &pod = m_rows.at(index.row());
    if (role == Qt::DisplayRole || role == SortRole) {
        switch (index.column()) {
        case NamespaceColumn:
            return pod.namespaceName;
        case NameColumn:
            return pod.name;
        case NodeColumn:
            return pod.node;
        case PhaseColumn:
            return pod.phase;
        case RequestsColumn:
            return pod.requests;
        case PendingColumn:
            return pod.pending ? pod.pending->message.isEmpty() ? pod.pending->reason : pod.pending->message
                               : QString();
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && index.column() == PendingColumn && pod.pending)
        return QString(pod.pending->reason + QStringLiteral(": ") + pod.pending->message);
    return {};
}

QVariant PodTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NamespaceColumn:
        return tr("Namespace");
    case NameColumn:
        return tr("Pod");
    case NodeColumn:
        return tr("Node");
    case PhaseColumn:
        return tr("Phase");
    case RequestsColumn:
        return tr("Requests");
    case PendingColumn:
        return tr("Waiting because");
    default:
        return {};
    }
}

} // namespace Specula::Model
