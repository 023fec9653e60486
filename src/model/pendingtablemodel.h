// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/clustersnapshot.h"
#include "model/incrementaltablemodel.h"
#include "model/pendingfit.h"

#include <optional>

namespace Specula::Model {

// Pending pods that want GPUs (whole, shared, MIG) or VFs: how long they have waited, what they
// ask for, where they would fit now and why not, and the scheduler's reason and message.
// Updates are incremental, so a view's selection survives live updates.
class PendingTableModel final : public IncrementalTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PendingTableModel)

public:
    enum Column {
        NamespaceColumn,
        NameColumn,
        WaitingColumn,
        RequestsColumn,
        FitsColumn,
        WhyColumn,
        ReasonColumn,
        MessageColumn,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole + 1, // numbers for the waiting time and the count of fitting nodes
        KeyRole, // "namespace/name"
    };

    struct Row
    {
        PodSummary pod;
        PendingFit fit;
        std::optional<qint64> waitedSeconds; // nothing when the creation time is unknown

        QString key() const { return pod.key(); }
        friend bool operator==(const Row &, const Row &) = default;
    };

    explicit PendingTableModel(QObject *parent = nullptr);
    ~PendingTableModel() override;

    // `namespaceFilter` empty: every namespace. `reset` is for a switch to another cluster.
    void setSnapshot(const ClusterSnapshot &snapshot, const QString &namespaceFilter = {}, bool reset = false);
    // Shows `rows` (from rowsOf(), which may run on another thread) with row signals, or a reset.
    void setRows(QList<Row> rows, bool reset = false);
    // The rows the model would show for this snapshot, sorted by pod key.
    static QList<Row> rowsOf(const ClusterSnapshot &snapshot, const QString &namespaceFilter);

    const Row *row(int row) const;
    int rowOfKey(const QString &key) const; // -1 when the pod is not shown

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Row> m_rows;
};

} // namespace Specula::Model
