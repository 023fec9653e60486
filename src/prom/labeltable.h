// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "prom/promtypes.h"

#include <QHash>
#include <QList>
#include <QString>

namespace Specula::Prom {

// The label sets of many series, by row, kept as columns: each label name once for the table,
// and per row one list of values, null where the row lacks that label. Series of one metric share
// their label names; a dozen labels as a QMap take some 1,100 bytes a series (a node apiece), as
// a row here some 300, which on a heatmap of 40,000 GPUs is 45 MB against 12 MB.
class LabelTable
{
public:
    qsizetype size() const { return m_rows.size(); }
    void reserve(qsizetype rows) { m_rows.reserve(rows); }

    // Adds a row; returns its index.
    qsizetype append(const Labels &labels);
    // Adds `other`'s row `row`. A table that took `other`'s names (withNamesOf) shares the row.
    qsizetype append(const LabelTable &other, qsizetype row);
    // An empty table with this one's names, whose rows appended from this one are shared.
    LabelTable withNamesOf() const;

    Labels at(qsizetype row) const;
    bool equals(qsizetype row, const Labels &labels) const;
    bool equals(qsizetype row, const LabelTable &other, qsizetype otherRow) const;
    // In the order of their Labels (QMap order of name/value pairs).
    bool less(qsizetype a, qsizetype b) const;
    // Equal to hashOf(at(row)).
    size_t hash(qsizetype row) const;
    static size_t hashOf(const Labels &labels);

private:
    using Row = QList<QString>;
    class Cursor;

    qsizetype column(const QString &name);

    QStringList m_names; // by column, as first met
    QHash<QString, qsizetype> m_columns;
    QList<qsizetype> m_columnsByName; // the columns in name order
    QList<Row> m_rows;
};

} // namespace Specula::Prom
