// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/pendingtablemodel.h"

#include "model/resourcetext.h"

#include <algorithm>

namespace Specula::Model {
namespace {

QString dash()
{
    return QStringLiteral("—");
}

} // namespace

PendingTableModel::PendingTableModel(QObject *parent)
    : IncrementalTableModel(parent)
{ }

PendingTableModel::~PendingTableModel() = default;

QList<PendingTableModel::Row> PendingTableModel::rowsOf(const ClusterSnapshot &snapshot, const QString &namespaceFilter)
{
    const QHash<QString, ResourceClass> kinds = resourceKinds(snapshot);
    QList<Row> rows;
    for (const PodSummary &pod : snapshot.pods) {
        if (!namespaceFilter.isEmpty() && pod.namespaceName != namespaceFilter)
            continue;
        if (!PendingFit::wantsDevices(pod, kinds))
            continue;
        Row row { pod, PendingFit::of(snapshot, pod), std::nullopt };
        if (pod.pending->since.isValid() && snapshot.collectedAt.isValid())
            row.waitedSeconds = std::max<qint64>(0, pod.pending->since.secsTo(snapshot.collectedAt));
        rows.append(std::move(row));
    }
    return rows; // snapshot.pods is sorted by key already
}

void PendingTableModel::setSnapshot(const ClusterSnapshot &snapshot, const QString &namespaceFilter, bool reset)
{
    setRows(rowsOf(snapshot, namespaceFilter), reset);
}

void PendingTableModel::setRows(QList<Row> next, bool reset)
{
    if (reset) {
        beginResetModel();
        m_rows = std::move(next);
        endResetModel();
        return;
    }
    syncRows(m_rows, next, [](const Row &r) { return r.key(); });
}

const PendingTableModel::Row *PendingTableModel::row(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int PendingTableModel::rowOfKey(const QString &key) const
{
    const auto it = std::lower_bound(m_rows.cbegin(), m_rows.cend(), key,
                                     [](const Row &r, const QString &k) { return r.key() < k; });
    return it != m_rows.cend() && it->key() == key ? int(it - m_rows.cbegin()) : -1;
}

int PendingTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PendingTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PendingTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Row &r = m_rows.at(index.row());
    if (role == KeyRole)
        return r.key();
    if (role == SortRole) {
        if (index.column() == WaitingColumn)
            return r.waitedSeconds ? QVariant(*r.waitedSeconds) : QVariant(qint64(-1));
        if (index.column() == FitsColumn)
            return int(r.fit.nodes.size());
    }
    if (role == Qt::DisplayRole || role == SortRole) {
        switch (index.column()) {
        case NamespaceColumn:
            return r.pod.namespaceName;
        case NameColumn:
            return r.pod.name;
        case WaitingColumn:
            return r.waitedSeconds ? ResourceText::duration(*r.waitedSeconds) : dash();
        case RequestsColumn:
            return ResourceText::requests(r.pod.requests);
        case FitsColumn:
            return r.fit.nodes.isEmpty() ? tr("none") : r.fit.nodes.join(QStringLiteral(", "));
        case WhyColumn:
            return r.fit.why;
        case ReasonColumn:
            return r.pod.pending->reason.isEmpty() ? dash() : r.pod.pending->reason;
        case MessageColumn:
            return r.pod.pending->message.isEmpty() ? dash() : r.pod.pending->message;
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        if (index.column() == MessageColumn || index.column() == ReasonColumn)
            return r.pod.pending->message;
        if (index.column() == FitsColumn || index.column() == WhyColumn)
            return r.fit.unchecked;
    }
    return {};
}

QVariant PendingTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NamespaceColumn:
        return tr("Namespace");
    case NameColumn:
        return tr("Pod");
    case WaitingColumn:
        return tr("Waiting");
    case RequestsColumn:
        return tr("Requests");
    case FitsColumn:
        return tr("Would fit on");
    case WhyColumn:
        return tr("Why not");
    case ReasonColumn:
        return tr("Reason");
    case MessageColumn:
        return tr("Scheduler message");
    default:
        return {};
    }
}

} // namespace Specula::Model
