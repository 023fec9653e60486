// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/podtablemodel.h"

#include "model/resourcetext.h"

namespace Specula::Model {

PodTableModel::PodTableModel(QObject *parent)
    : IncrementalTableModel(parent)
{ }

PodTableModel::~PodTableModel() = default;

void PodTableModel::setSnapshot(const ClusterSnapshot &snapshot, bool reset)
{
    if (reset) {
        beginResetModel();
        m_pods = snapshot.pods;
        endResetModel();
        return;
    }
    // Keys are "namespace/name"; the snapshot sorts by the same key.
    syncRows(m_pods, snapshot.pods, [](const PodSummary &p) { return p.key(); });
}

int PodTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_pods.size());
}

int PodTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PodTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const PodSummary &pod = m_pods.at(index.row());
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
            return ResourceText::requests(pod.requests);
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
