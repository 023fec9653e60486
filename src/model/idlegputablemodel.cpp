// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/idlegputablemodel.h"

namespace Specula::Model {

IdleGpuTableModel::IdleGpuTableModel(QObject *parent)
    : IncrementalTableModel(parent)
{ }

IdleGpuTableModel::~IdleGpuTableModel() = default;

void IdleGpuTableModel::setIdle(const QList<IdleGpu> &idle)
{
    const auto key = [](const IdleGpu &gpu) { return gpu.key(); };
    // When heatmap means arrive, thousands of held GPUs can cross the idle line at once.
    if (keysDiffering(m_rows, idle, key) > ReplaceAboveChanges) {
        replaceRows(m_rows, idle, key);
        return;
    }
    // Rows whose utilization changes, with unchanged rows between them, are one run across the
    // changed columns, so the Overview's sorting proxy is not handed thousands of small signals.
    syncRows(m_rows, idle, key, [](const IdleGpu &old, const IdleGpu &next) {
        return spanOf(std::array<bool, ColumnCount> {
            old.pod != next.pod, old.namespaceName != next.namespaceName, old.node != next.node,
            old.device != next.device || old.uuid != next.uuid, old.utilPercent != next.utilPercent });
    });
}

int IdleGpuTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int IdleGpuTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant IdleGpuTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const IdleGpu &gpu = m_rows.at(index.row());
    if (role == SortRole && index.column() == UtilColumn)
        return gpu.utilPercent;
    if (role == Qt::DisplayRole || role == SortRole) {
        switch (index.column()) {
        case PodColumn:
            return gpu.pod;
        case NamespaceColumn:
            return gpu.namespaceName;
        case NodeColumn:
            return gpu.node;
        case GpuColumn:
            return gpu.device == gpu.uuid ? gpu.uuid : gpu.device + QStringLiteral(" · ") + gpu.uuid;
        case UtilColumn:
            return tr("%1 %").arg(gpu.utilPercent, 0, 'f', 1);
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() == UtilColumn)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant IdleGpuTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case PodColumn:
        return tr("Pod");
    case NamespaceColumn:
        return tr("Namespace");
    case NodeColumn:
        return tr("Node");
    case GpuColumn:
        return tr("GPU");
    case UtilColumn:
        return tr("Utilization");
    default:
        return {};
    }
}

} // namespace Specula::Model
