// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/clustersnapshot.h"
#include "model/incrementaltablemodel.h"

namespace Specula::Model {

// The pods that request extended resources, and every pending pod, with what they ask for and
// why they wait. Updates are incremental.
class PodTableModel final : public IncrementalTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PodTableModel)

public:
    enum Column { NamespaceColumn, NameColumn, NodeColumn, PhaseColumn, RequestsColumn, PendingColumn, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1 };

    explicit PodTableModel(QObject *parent = nullptr);
    ~PodTableModel() override;

    // One row: what the columns show of a pod; rowsOf() builds them, on any thread.
    struct Row
    {
        QString key; // "namespace/name"
        QString namespaceName;
        QString name;
        QString node;
        QString phase;
        QString requests; // as shown
        std::optional<PendingReason> pending;

        friend bool operator==(const Row &, const Row &) = default;
    };

    // The rows the model shows for this snapshot, sorted by key. Touches no QObject, so it may
    // run off the GUI thread.
    static QList<Row> rowsOf(const ClusterSnapshot &snapshot);
    // Shows `rows` (from rowsOf()) with row signals, so views keep their selection and scroll;
    // `reset` is for a switch to another cluster.
    void setRows(QList<Row> rows, bool reset = false);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    // The columns that show what differs between two versions of a row.
    static ColumnSpan changedColumns(const Row &old, const Row &next);

    QList<Row> m_rows;
};

} // namespace Specula::Model
