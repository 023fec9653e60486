// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>

namespace Specula::Model {

// Turns `current` into `next` (both sorted by key) one row signal at a time, so that views keep
// their selection and scroll position across live updates. The callbacks are the model's
// protected begin/end functions; `changed(first, last)` reports runs of rows whose value differs.
// Hooks may also have `replacing(old, next)`, called for each such row before it is overwritten;
// such hooks get one run from the first to the last changed row between two inserts or removals,
// unchanged rows among them: a proxy handles a few large dataChanged signals much faster than
// thousands of small ones, once the columns reported leave out its sort column.
template<class T, class KeyFn, class Hooks>
void syncSortedRows(QList<T> &current, const QList<T> &next, KeyFn key, Hooks &hooks)
{
    qsizetype row = 0;
    qsizetype i = 0;
    constexpr bool reportsColumns = requires(T row)
    {
        hooks.replacing(row, row);
    };
    qsizetype changedFirst = -1;
    qsizetype changedLast = -1;
    auto flushChanged = [&] {
        if (changedFirst >= 0)
            hooks.changed(int(changedFirst), int(changedLast));
        changedFirst = -1;
    };
    while (row < current.size() || i < next.size()) {
        if (row < current.size() && (i >= next.size() || key(current[row]) < key(next[i]))) {
            flushChanged();
            qsizetype last = row;
            while (last + 1 < current.size() && (i >= next.size() || key(current[last + 1]) < key(next[i])))
                ++last;
            hooks.beginRemove(int(row), int(last));
            current.remove(row, last - row + 1);
            hooks.endRemove();
            continue;
        }
        if (i < next.size() && (row >= current.size() || key(next[i]) < key(current[row]))) {
            flushChanged();
            qsizetype last = i;
            while (last + 1 < next.size() && (row >= current.size() || key(next[last + 1]) < key(current[row])))
                ++last;
            const qsizetype count = last - i + 1;
            hooks.beginInsert(int(row), int(row + count - 1));
            for (qsizetype k = 0; k < count; ++k)
                current.insert(row + k, next[i + k]);
            hooks.endInsert();
            row += count;
            i += count;
            continue;
        }
        if (!(current[row] == next[i])) {
            if constexpr (reportsColumns)
                hooks.replacing(current[row], next[i]);
            current[row] = next[i];
            if (changedFirst < 0)
                changedFirst = row;
            changedLast = row;
        } else if (!reportsColumns) {
            flushChanged();
        }
        ++row;
        ++i;
    }
    flushChanged();
}

} // namespace Specula::Model
