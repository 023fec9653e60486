// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/vftablemodel.h"

#include <algorithm>

namespace Specula::Model {

VfTableModel::VfTableModel(QObject *parent)
    : IncrementalTableModel(parent)
{ }

VfTableModel::~VfTableModel() = default;

QList<VfTableModel::Row> VfTableModel::rowsOf(const ClusterSnapshot &snapshot)
{
    QList<Row> rows;
    for (const auto &node : snapshot.nodes) {
        if (!node.sriov)
            continue;
        for (const auto &pf : node.sriov->pfs) {
            const QString pfName = pf.name.isEmpty() ? pf.pciAddress : pf.name;
            for (const auto &vf : pf.vfs)
                rows.append(Row { node.name + QLatin1Char('\t') + vf.pciAddress, node.name, pfName, pf.resource, vf });
        }
    }
    std::sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) { return a.key < b.key; });
    return rows;
}

void VfTableModel::setRows(QList<Row> rows, bool reset)
{
    if (reset) {
        beginResetModel();
        m_rows = std::move(rows);
        endResetModel();
        return;
    }
    syncRows(
        m_rows, rows, [](const Row &row) -> const QString & { return row.key; }, &VfTableModel::changedColumns);
}

IncrementalTableModel::ColumnSpan VfTableModel::changedColumns(const Row &old, const Row &next)
{
    const VirtualFunction &a = old.vf;
    const VirtualFunction &b = next.vf;
    return spanOf<ColumnCount>({ old.node != next.node, old.pf != next.pf, a.vfId != b.vfId,
                                 a.pciAddress != b.pciAddress, a.driver != b.driver, a.vlan != b.vlan, a.mac != b.mac,
                                 old.pool != next.pool, a.pod != b.pod, a.podInterface != b.podInterface,
                                 a.network != b.network });
}

int VfTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int VfTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const QString *VfTableModel::storedText(const Row &row, int column)
{
    const VirtualFunction &vf = row.vf;
    switch (column) {
    case NodeColumn:
        return &row.node;
    case PfColumn:
        return &row.pf;
    case PciAddressColumn:
        return &vf.pciAddress;
    case DriverColumn:
        return &vf.driver;
    case MacColumn:
        return &vf.mac;
    case PoolColumn:
        return &row.pool;
    case InterfaceColumn:
        return &vf.podInterface;
    case NetworkColumn:
        return &vf.network;
    default:
        return nullptr;
    }
}

QString VfTableModel::display(const Row &row, int column) const
{
    if (const QString *text = storedText(row, column))
        return *text;
    const VirtualFunction &vf = row.vf;
    switch (column) {
    case VfIdColumn:
        return QString::number(vf.vfId);
    case VlanColumn:
        return vf.vlan ? QString::number(*vf.vlan) : QString();
    case PodColumn:
        return vf.pod ? vf.pod->key() : QString();
    default:
        return {};
    }
}

std::variant<int, QString> VfTableModel::sortKey(const Row &row, int column) const
{
    if (column == VfIdColumn)
        return row.vf.vfId;
    if (column == VlanColumn)
        return row.vf.vlan.value_or(-1);
    return display(row, column);
}

bool VfTableModel::lessThan(int a, int b, int column) const
{
    const Row &left = m_rows.at(a);
    const Row &right = m_rows.at(b);
    // Most columns compare in place: a sort of 80,000 rows makes over a million comparisons.
    if (const QString *text = storedText(left, column))
        return *text < *storedText(right, column);
    return sortKey(left, column) < sortKey(right, column);
}

QVariant VfTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Row &row = m_rows.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return display(row, column);
    case NodeRole:
        return row.node;
    case NamespacesRole:
        return row.vf.pod ? QStringList { row.vf.pod->namespaceName } : QStringList();
    case PciAddressRole:
        return row.vf.pciAddress;
    case PoolRole:
        return row.pool;
    case Qt::TextAlignmentRole:
        return column == VfIdColumn || column == VlanColumn ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter))
                                                            : QVariant();
    case Qt::ToolTipRole:
        if (column == PodColumn && row.vf.pod && !row.vf.pod->container.isEmpty())
            return tr("Container %1").arg(row.vf.pod->container);
        return {};
    default:
        return {};
    }
}

QVariant VfTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NodeColumn:
        return tr("Node");
    case PfColumn:
        return tr("PF");
    case VfIdColumn:
        return tr("VF");
    case PciAddressColumn:
        return tr("PCI address");
    case DriverColumn:
        return tr("Driver");
    case VlanColumn:
        return tr("VLAN");
    case MacColumn:
        return tr("MAC");
    case PoolColumn:
        return tr("Pool");
    case PodColumn:
        return tr("Holding pod");
    case InterfaceColumn:
        return tr("Pod interface");
    case NetworkColumn:
        return tr("Network");
    default:
        return {};
    }
}

} // namespace Specula::Model
