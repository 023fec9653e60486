// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/pftablemodel.h"

#include "model/resourcetext.h"

#include <algorithm>

namespace Specula::Model {

PfTableModel::PfTableModel(QObject *parent)
    : IncrementalTableModel(parent)
{ }

PfTableModel::~PfTableModel() = default;

QList<PfTableModel::Row> PfTableModel::rowsOf(const ClusterSnapshot &snapshot)
{
    QList<Row> rows;
    for (const auto &node : snapshot.nodes) {
        if (!node.sriov)
            continue;
        for (const auto &pf : node.sriov->pfs) {
            if (!pf.sriovCapable())
                continue;
            Row row { node.name + QLatin1Char('\t') + pf.pciAddress, node.name, pf, pf.allocatedVfs(), {} };
            for (const auto &vf : pf.vfs) {
                if (vf.pod && !row.namespaces.contains(vf.pod->namespaceName))
                    row.namespaces.append(vf.pod->namespaceName);
            }
            // The VFs are listed in the holders' own rows; a PF row needs only their count.
            row.pf.vfs.clear();
            rows.append(std::move(row));
        }
    }
    std::sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) { return a.key < b.key; });
    return rows;
}

void PfTableModel::setRows(QList<Row> rows, bool reset)
{
    if (reset) {
        beginResetModel();
        m_rows = std::move(rows);
        endResetModel();
        return;
    }
    syncRows(
        m_rows, rows, [](const Row &row) -> const QString & { return row.key; }, &PfTableModel::changedColumns);
}

IncrementalTableModel::ColumnSpan PfTableModel::changedColumns(const Row &old, const Row &next)
{
    const PhysicalFunction &a = old.pf;
    const PhysicalFunction &b = next.pf;
    return spanOf<ColumnCount>({ old.node != next.node, a.name != b.name, a.pciAddress != b.pciAddress,
                                 a.vendor != b.vendor || a.deviceId != b.deviceId, a.driver != b.driver,
                                 a.linkSpeedMbps != b.linkSpeedMbps || a.linkDown != b.linkDown, a.mtu != b.mtu,
                                 a.numVfs != b.numVfs || a.totalVfs != b.totalVfs, a.resource != b.resource,
                                 old.allocated != next.allocated });
}

int PfTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PfTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString PfTableModel::display(const Row &row, int column) const
{
    const PhysicalFunction &pf = row.pf;
    switch (column) {
    case NodeColumn:
        return row.node;
    case NameColumn:
        return pf.name;
    case PciAddressColumn:
        return pf.pciAddress;
    case DeviceColumn:
        return pf.vendor.isEmpty() ? QString() : pf.vendor + QLatin1Char(':') + pf.deviceId;
    case DriverColumn:
        return pf.driver;
    case LinkSpeedColumn:
        return ResourceText::linkSpeed(pf);
    case MtuColumn:
        return pf.mtu ? QString::number(*pf.mtu) : QString();
    case VfsColumn:
        return QStringLiteral("%1/%2").arg(pf.numVfs).arg(pf.totalVfs ? QString::number(*pf.totalVfs)
                                                                      : QStringLiteral("?"));
    case PoolColumn:
        return pf.resource;
    case AllocatedColumn:
        return QString::number(row.allocated);
    default:
        return {};
    }
}

std::variant<int, QString> PfTableModel::sortKey(const Row &row, int column) const
{
    switch (column) {
    case LinkSpeedColumn:
        return row.pf.linkSpeedMbps.value_or(-1);
    case MtuColumn:
        return row.pf.mtu.value_or(-1);
    case VfsColumn:
        return row.pf.numVfs;
    case AllocatedColumn:
        return row.allocated;
    default:
        return display(row, column);
    }
}

bool PfTableModel::lessThan(int a, int b, int column) const
{
    return sortKey(m_rows.at(a), column) < sortKey(m_rows.at(b), column);
}

QVariant PfTableModel::data(const QModelIndex &index, int role) const
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
        return row.namespaces;
    case PciAddressRole:
        return row.pf.pciAddress;
    case PoolRole:
        return row.pf.resource;
    case Qt::TextAlignmentRole:
        return column == MtuColumn || column == VfsColumn || column == AllocatedColumn
            ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter))
            : QVariant();
    case Qt::ToolTipRole:
        if (column == VfsColumn)
            return row.pf.totalVfs
                ? tr("%1 VFs created of the %2 the NIC supports").arg(row.pf.numVfs).arg(*row.pf.totalVfs)
                : tr("%1 VFs created; the operator did not report how many the NIC supports").arg(row.pf.numVfs);
        if (column == PoolColumn && row.pf.resource.isEmpty())
            return tr("No policy, device plugin selector or network names a pool for this PF");
        return {};
    default:
        return {};
    }
}

QVariant PfTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NodeColumn:
        return tr("Node");
    case NameColumn:
        return tr("PF");
    case PciAddressColumn:
        return tr("PCI address");
    case DeviceColumn:
        return tr("Vendor:device");
    case DriverColumn:
        return tr("Driver");
    case LinkSpeedColumn:
        return tr("Link speed");
    case MtuColumn:
        return tr("MTU");
    case VfsColumn:
        return tr("VFs / total");
    case PoolColumn:
        return tr("Pool");
    case AllocatedColumn:
        return tr("Allocated");
    default:
        return {};
    }
}

} // namespace Specula::Model
