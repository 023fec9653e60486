// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/sortedrowsync.h"

#include <QAbstractTableModel>
#include <QHash>
#include <algorithm>
#include <array>
#include <optional>

namespace Specula::Model {

// A flat table that follows each new snapshot with row signals instead of a reset, so that
// views keep their selection and scroll position across live updates.
class IncrementalTableModel : public QAbstractTableModel
{
public:
    using QAbstractTableModel::QAbstractTableModel;

protected:
    struct RowHooks
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
    };

    // The columns a changed row is reported across, first to last.
    struct ColumnSpan
    {
        int first = 0;
        int last = 0;
    };

    // Turns `rows` into `next` (both sorted by `key`): rows inserted and removed, and changed
    // rows reported across every column.
    template<class T, class KeyFn> void syncRows(QList<T> &rows, const QList<T> &next, KeyFn key)
    {
        RowHooks hooks { this };
        syncSortedRows(rows, next, key, hooks);
    }

    // The same, but changed rows are reported in one run between two inserts or removals, across
    // the columns that `columns(old, next)` names for any of them: a sorting proxy checks the
    // order of changed rows only when its sort column is among those columns, which on a large
    // table is most of the cost of a live update.
    template<class T, class KeyFn, class ColumnsFn>
    void syncRows(QList<T> &rows, const QList<T> &next, KeyFn key, ColumnsFn columns)
    {
        struct Hooks : RowHooks
        {
            ColumnsFn columns;
            std::optional<ColumnSpan> span; // of the changed rows so far
            void replacing(const T &old, const T &next)
            {
                const ColumnSpan row = columns(old, next);
                span = span ? ColumnSpan { std::min(span->first, row.first), std::max(span->last, row.last) } : row;
            }
            void changed(int first, int last)
            {
                Q_EMIT model->dataChanged(model->index(first, span->first), model->index(last, span->last));
                span.reset();
            }
        } hooks { { this }, std::move(columns), std::nullopt };
        syncSortedRows(rows, next, key, hooks);
    }

    // How many keys are in one of two lists sorted by `key` and not in the other.
    template<class T, class KeyFn> static qsizetype keysDiffering(const QList<T> &a, const QList<T> &b, KeyFn key)
    {
        qsizetype i = 0, j = 0, differing = 0;
        while (i < a.size() && j < b.size()) {
            const auto ka = key(a[i]);
            const auto kb = key(b[j]);
            if (ka < kb) {
                ++differing;
                ++i;
            } else if (kb < ka) {
                ++differing;
                ++j;
            } else {
                ++i;
                ++j;
            }
        }
        return differing + (a.size() - i) + (b.size() - j);
    }

    // Replaces `rows` with `next` in one layout change, moving persistent indexes (a view's
    // selection and current row) to the rows with the same key. Where thousands of rows come and
    // go at once, each insert or removal shifted the list and went through the view's proxy on
    // its own.
    template<class T, class KeyFn> void replaceRows(QList<T> &rows, const QList<T> &next, KeyFn key)
    {
        Q_EMIT layoutAboutToBeChanged();
        const QModelIndexList before = persistentIndexList();
        QList<decltype(key(rows.first()))> keys;
        keys.reserve(before.size());
        for (const QModelIndex &index : before)
            keys.append(key(rows.at(index.row())));
        rows = next;
        QHash<decltype(key(rows.first())), int> rowOfKey;
        rowOfKey.reserve(rows.size());
        for (int row = 0; row < rows.size(); ++row)
            rowOfKey.insert(key(rows.at(row)), row);
        QModelIndexList after;
        after.reserve(before.size());
        for (qsizetype i = 0; i < before.size(); ++i) {
            const int row = rowOfKey.value(keys.at(i), -1);
            after.append(row < 0 ? QModelIndex() : index(row, before.at(i).column()));
        }
        changePersistentIndexList(before, after);
        Q_EMIT layoutChanged();
    }

    // The span from the first to the last column that `differs`; every column when none does
    // (the rows differ in what no column shows).
    template<std::size_t N> static ColumnSpan spanOf(const std::array<bool, N> &differs)
    {
        ColumnSpan span { int(N), -1 };
        for (int column = 0; column < int(N); ++column) {
            if (differs[column]) {
                span.first = std::min(span.first, column);
                span.last = column;
            }
        }
        return span.last < 0 ? ColumnSpan { 0, int(N) - 1 } : span;
    }
};

} // namespace Specula::Model
