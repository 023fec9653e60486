// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/nodetablemodel.h"

#include "core/offthread.h"
#include "model/resourcetext.h"
#include "model/sortedrowsync.h"

#include <QBrush>
#include <QColor>
#include <algorithm>

namespace Specula::Model {
namespace {

QString nodeStatus(const NodeSummary &node)
{
    QString status = node.ready ? QStringLiteral("Ready") : QStringLiteral("NotReady");
    if (node.unschedulable)
        status += QStringLiteral(",SchedulingDisabled");
    return status;
}

// Sorts by the number first (zero-padded, so "10 ×" follows "8 ×"), then by the text.
QString numberedSortKey(int number, const QString &text)
{
    return text.isEmpty() ? QString() : QStringLiteral("%1 %2").arg(number, 8, 10, QLatin1Char('0')).arg(text);
}

QVariant deviceColumnData(const NodeSummary &node, int column, int role)
{
    const bool gpus = column == NodeTableModel::GpusColumn;
    switch (role) {
    case Qt::DisplayRole:
        if (gpus)
            return ResourceText::gpuSummary(node);
        return node.sriov ? ResourceText::sriovSummary(*node.sriov) : QString();
    case NodeTableModel::SortRole:
        if (gpus)
            return numberedSortKey(ResourceText::gpuCount(node), ResourceText::gpuSummary(node));
        return node.sriov ? numberedSortKey(ResourceText::usedVfs(*node.sriov), ResourceText::sriovSummary(*node.sriov))
                          : QString();
    case Qt::ToolTipRole:
        if (gpus && node.gpu) {
            const NodeGpu &gpu = *node.gpu;
            QStringList lines { gpu.product };
            if (gpu.memoryMiB)
                lines.append(ResourceText::memory(*gpu.memoryMiB));
            if (!gpu.driverVersion.isEmpty())
                lines.append(NodeTableModel::tr("driver %1").arg(gpu.driverVersion));
            lines.removeAll(QString());
            return lines.join(QStringLiteral(" · "));
        }
        if (!gpus && node.sriov && !node.sriov->lastSyncError.isEmpty())
            return node.sriov->lastSyncError;
        return {};
    case Qt::ForegroundRole:
        if (!gpus && node.sriov && ResourceText::syncFailed(*node.sriov))
            return QBrush(QColor(0xd3, 0x2f, 0x2f));
        return {};
    default:
        return {};
    }
}

} // namespace

NodeTableModel::NodeTableModel(QObject *parent)
    : IncrementalTableModel(parent)
{ }

NodeTableModel::~NodeTableModel() = default;

NodeTableModel::Rows NodeTableModel::rowsOf(const ClusterSnapshot &snapshot)
{
    QStringList names;
    for (const auto &node : snapshot.nodes) {
        for (const auto &resource : node.resources)
            names.append(resource.name);
    }
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    return { snapshot.nodes, names };
}

void NodeTableModel::setRows(Rows rows, bool reset)
{
    if (reset) {
        beginResetModel();
        // Freeing the old cluster's nodes costs a large one's GUI thread milliseconds.
        Core::freeOffThread(std::exchange(m_nodes, std::move(rows.nodes)));
        m_resources = std::move(rows.resources);
        endResetModel();
        return;
    }
    syncColumns(rows.resources);
    syncRows(m_nodes, rows.nodes, [](const NodeSummary &n) -> const QString & { return n.name; });
}

void NodeTableModel::syncColumns(const QStringList &names)
{
    struct Hooks
    {
        NodeTableModel *model;
        void beginInsert(int first, int last)
        {
            model->beginInsertColumns({}, first + FirstResourceColumn, last + FirstResourceColumn);
        }
        void endInsert() { model->endInsertColumns(); }
        void beginRemove(int first, int last)
        {
            model->beginRemoveColumns({}, first + FirstResourceColumn, last + FirstResourceColumn);
        }
        void endRemove() { model->endRemoveColumns(); }
        void changed(int, int) { }
    } hooks { this };
    syncSortedRows(
        m_resources, names, [](const QString &name) -> const QString & { return name; }, hooks);
}

int NodeTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_nodes.size());
}

int NodeTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : FirstResourceColumn + int(m_resources.size());
}

const NodeResource *NodeTableModel::resource(const NodeSummary &node, int column) const
{
    const QString &name = m_resources.at(column - FirstResourceColumn);
    const auto it = std::find_if(node.resources.cbegin(), node.resources.cend(),
                                 [&name](const NodeResource &r) { return r.name == name; });
    return it == node.resources.cend() ? nullptr : &*it;
}

QVariant NodeTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const NodeSummary &node = m_nodes.at(index.row());
    const int column = index.column();
    if (column == GpusColumn || column == SriovColumn)
        return deviceColumnData(node, column, role);
    if (column < FirstResourceColumn) {
        switch (role) {
        case Qt::DisplayRole:
        case SortRole:
            if (column == NameColumn)
                return node.name;
            if (column == StatusColumn)
                return nodeStatus(node);
            return role == SortRole ? QVariant(int(node.pods.size())) : QVariant(QString::number(node.pods.size()));
        case Qt::ForegroundRole:
            if (column == StatusColumn && !node.ready)
                return QBrush(QColor(0xd3, 0x2f, 0x2f));
            return {};
        case Qt::TextAlignmentRole:
            return column == PodsColumn ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
        default:
            return {};
        }
    }

    const NodeResource *r = resource(node, column);
    switch (role) {
    case Qt::DisplayRole:
        return r ? QVariant(QStringLiteral("%1 / %2").arg(r->requested).arg(r->allocatable)) : QVariant();
    case Qt::ToolTipRole:
        return r ? QVariant(tr("%1 on %2: %3 requested, %4 allocatable, %5 capacity")
                                .arg(r->name, node.name)
                                .arg(r->requested)
                                .arg(r->allocatable)
                                .arg(r->capacity))
                 : QVariant();
    case SortRole:
    case RequestedRole:
        return r ? QVariant(r->requested) : QVariant();
    case AllocatableRole:
        return r ? QVariant(r->allocatable) : QVariant();
    case CapacityRole:
        return r ? QVariant(r->capacity) : QVariant();
    case ResourceNameRole:
        return m_resources.at(column - FirstResourceColumn);
    case ResourceKindRole:
        return r ? QVariant(resourceClassName(r->kind)) : QVariant();
    case Qt::TextAlignmentRole:
        return int(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        // A node that has more requested than allocatable (after a MIG reconfiguration, say)
        // is worth noticing.
        return r && r->requested > r->allocatable ? QVariant(QBrush(QColor(0xd3, 0x2f, 0x2f))) : QVariant();
    default:
        return {};
    }
}

QVariant NodeTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case NameColumn:
            return tr("Node");
        case StatusColumn:
            return tr("Status");
        case PodsColumn:
            return tr("Pods");
        case GpusColumn:
            return tr("GPUs");
        case SriovColumn:
            return tr("SR-IOV");
        default:
            // "nvidia.com/\nmig-1g.10gb": two short lines keep the many resource columns narrow.
            if (section - FirstResourceColumn < m_resources.size())
                return QString(m_resources.at(section - FirstResourceColumn)).replace(u'/', u"/\n"_qs);
            return {};
        }
    }
    if (role == ResourceNameRole && section >= FirstResourceColumn
        && section - FirstResourceColumn < m_resources.size())
        return m_resources.at(section - FirstResourceColumn);
    if (role == Qt::ToolTipRole) {
        if (section == PodsColumn)
            return tr("Active pods on the node that request extended resources");
        if (section == GpusColumn)
            return tr("The node's GPUs: count and model, MIG layout, sharing");
        if (section == SriovColumn)
            return tr("SR-IOV physical functions and how many of their virtual functions pods hold");
        if (section >= FirstResourceColumn)
            return tr("Requested / allocatable");
    }
    return {};
}

} // namespace Specula::Model
