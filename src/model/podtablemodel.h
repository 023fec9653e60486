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

    void setSnapshot(const ClusterSnapshot &snapshot, bool reset = false);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<PodSummary> m_pods;
};

} // namespace Specula::Model
