// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/sortedrowsync.h"

#include <QAbstractTableModel>

namespace Specula::Model {

// A flat table that follows each new snapshot with row signals instead of a reset, so that
// views keep their selection and scroll position across live updates.
class IncrementalTableModel : public QAbstractTableModel
{
public:
    using QAbstractTableModel::QAbstractTableModel;

protected:
    // Turns `rows` into `next` (both sorted by `key`): rows inserted and removed, and changed
    // rows reported across every column.
    template<class T, class KeyFn> void syncRows(QList<T> &rows, const QList<T> &next, KeyFn key)
    {
        struct Hooks
        {
            IncrementalTableModel *model;
            void beginInsert(int first, int last) { model->beginInsertRows({}, first, last); }
            void endInsert() { model->endInsertRows(); }
            void beginRemove(int first, int last) { model->beginRemoveRows({}, first, last); }
            void endRemove() { model->endRemoveRows(); }
            void changed(int first, int last)
            {
                Q_EMIT model->dataChanged(model->index(first, 0), model->index(last, model->columnCount() - 1));
            }
        } hooks { this };
        syncSortedRows(rows, next, key, hooks);
    }
};

} // namespace Specula::Model
