// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/clustersnapshot.h"
#include "model/incrementaltablemodel.h"

#include <variant>

namespace Specula::Model {

// One row per SR-IOV capable physical function of every node: its NIC, link, how many VFs it
// has and could have, its pool and how many of its VFs pods hold. Updates are incremental.
class PfTableModel final : public IncrementalTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PfTableModel)

public:
    enum Column {
        NodeColumn,
        NameColumn,
        PciAddressColumn,
        DeviceColumn,
        DriverColumn,
        LinkSpeedColumn,
        MtuColumn,
        VfsColumn,
        PoolColumn,
        AllocatedColumn,
        ColumnCount
    };
    enum Role {
        NodeRole = Qt::UserRole + 1, // the node's name, on every column
        NamespacesRole, // QStringList: namespaces of the pods holding the PF's VFs
        PciAddressRole, // the PF's PCI address, on every column
        PoolRole, // the pool's resource name, empty when the PF has none
    };

    explicit PfTableModel(QObject *parent = nullptr);
    ~PfTableModel() override;

    // One row; rowsOf() builds them, on any thread.
    struct Row
    {
        QString key; // node, a tab, PCI address
        QString node;
        PhysicalFunction pf;
        int allocated = 0;
        QStringList namespaces;

        friend bool operator==(const Row &, const Row &) = default;
    };

    // The rows the model shows for this snapshot, sorted by key. Touches no QObject, so it may
    // run off the GUI thread.
    static QList<Row> rowsOf(const ClusterSnapshot &snapshot);
    // Shows `rows` (from rowsOf()) with row signals, so views keep their selection and scroll;
    // `reset` is for a switch to another cluster.
    void setRows(QList<Row> rows, bool reset = false);
    // Whether row `a` sorts before row `b` by `column`: by number in the count columns, by the
    // text shown otherwise (for NodeNamespaceFilter::setLessThan).
    bool lessThan(int a, int b, int column) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    // The columns that show what differs between two versions of a row.
    static ColumnSpan changedColumns(const Row &old, const Row &next);
    QString display(const Row &row, int column) const;
    std::variant<int, QString> sortKey(const Row &row, int column) const;

    QList<Row> m_rows;
};

} // namespace Specula::Model
