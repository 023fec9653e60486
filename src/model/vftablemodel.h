// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/clustersnapshot.h"
#include "model/incrementaltablemodel.h"

#include <variant>

namespace Specula::Model {

// One row per virtual function of every node: where it sits, how it is configured, its pool and
// the pod that holds it. Updates are incremental.
class VfTableModel final : public IncrementalTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VfTableModel)

public:
    enum Column {
        NodeColumn,
        PfColumn,
        VfIdColumn,
        PciAddressColumn,
        DriverColumn,
        VlanColumn,
        MacColumn,
        PoolColumn,
        PodColumn,
        InterfaceColumn,
        NetworkColumn,
        ColumnCount
    };
    enum Role {
        NodeRole = Qt::UserRole + 1, // the node's name, on every column
        NamespacesRole, // QStringList: the holding pod's namespace, or empty for a free VF
        PciAddressRole, // the VF's PCI address, on every column
        PoolRole, // the pool's resource name, empty when the PF has none
    };

    explicit VfTableModel(QObject *parent = nullptr);
    ~VfTableModel() override;

    // One row; rowsOf() builds them, on any thread.
    struct Row
    {
        QString key; // node, a tab, PCI address
        QString node;
        QString pf; // the PF's name, or its PCI address when it has none
        QString pool;
        VirtualFunction vf;

        friend bool operator==(const Row &, const Row &) = default;
    };

    // The rows the model shows for this snapshot, sorted by key. Touches no QObject, so it may
    // run off the GUI thread.
    static QList<Row> rowsOf(const ClusterSnapshot &snapshot);
    // Shows `rows` (from rowsOf()) with row signals, so views keep their selection and scroll;
    // `reset` is for a switch to another cluster.
    void setRows(QList<Row> rows, bool reset = false);
    // Whether row `a` sorts before row `b` by `column`: by number for the VF id and the VLAN, by
    // the text shown otherwise (for NodeNamespaceFilter::setLessThan).
    bool lessThan(int a, int b, int column) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    // The columns that show what differs between two versions of a row.
    static ColumnSpan changedColumns(const Row &old, const Row &next);
    // The text of `column` when the row holds it as is (most columns); null for the others.
    static const QString *storedText(const Row &row, int column);
    QString display(const Row &row, int column) const;
    std::variant<int, QString> sortKey(const Row &row, int column) const;

    QList<Row> m_rows;
};

} // namespace Specula::Model
