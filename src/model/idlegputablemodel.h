// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/incrementaltablemodel.h"
#include "model/overviewfigures.h"

namespace Specula::Model {

// The GPUs held by pods but idle (OverviewFigures::idle), one row per pod and device. Updates
// are incremental, so a view's selection survives live updates.
class IdleGpuTableModel final : public IncrementalTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IdleGpuTableModel)

public:
    enum Column { PodColumn, NamespaceColumn, NodeColumn, GpuColumn, UtilColumn, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1 };
    // More rows coming and going than this are one layout change, not row signals.
    static constexpr int ReplaceAboveChanges = 256;

    explicit IdleGpuTableModel(QObject *parent = nullptr);
    ~IdleGpuTableModel() override;

    // `idle` sorted by IdleGpu::key(), as OverviewFigures gives it.
    void setIdle(const QList<IdleGpu> &idle);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<IdleGpu> m_rows;
};

} // namespace Specula::Model
