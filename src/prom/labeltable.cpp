// SPDX-License-Identifier: GPL-3.0-or-later
#include "prom/labeltable.h"

#include <QHashFunctions>
#include <algorithm>

namespace Specula::Prom {

// Walks one row's labels in name order, skipping the columns the row lacks.
class LabelTable::Cursor
{
public:
    Cursor(const LabelTable &table, qsizetype row)
        : m_table(table)
        , m_row(table.m_rows.at(row))
    {
        skipAbsent();
    }

    bool atEnd() const { return m_at == m_table.m_columnsByName.size(); }
    // Within one table, the name's place in name order.
    qsizetype position() const { return m_at; }
    const QString &name() const { return m_table.m_names.at(column()); }
    const QString &value() const { return m_row.at(column()); }
    void next()
    {
        ++m_at;
        skipAbsent();
    }

private:
    qsizetype column() const { return m_table.m_columnsByName.at(m_at); }
    void skipAbsent()
    {
        while (!atEnd() && (column() >= m_row.size() || m_row.at(column()).isNull()))
            ++m_at;
    }

    const LabelTable &m_table;
    const Row &m_row;
    qsizetype m_at = 0;
};

qsizetype LabelTable::column(const QString &name)
{
    if (const auto known = m_columns.constFind(name); known != m_columns.cend())
        return *known;
    const qsizetype added = m_names.size();
    m_names.append(name);
    m_columns.insert(name, added);
    const auto place = std::lower_bound(m_columnsByName.begin(), m_columnsByName.end(), name,
                                        [this](qsizetype column, const QString &n) { return m_names.at(column) < n; });
    m_columnsByName.insert(place, added);
    return added;
}

qsizetype LabelTable::append(const Labels &labels)
{
    Row row(m_names.size());
    for (auto it = labels.cbegin(); it != labels.cend(); ++it) {
        const qsizetype at = column(it.key());
        if (at >= row.size())
            row.resize(m_names.size());
        // Null marks a missing label: a label present with no text is kept as an empty one.
        row[at] = it.value().isNull() ? QStringLiteral("") : it.value();
    }
    m_rows.append(std::move(row));
    return m_rows.size() - 1;
}

qsizetype LabelTable::append(const LabelTable &other, qsizetype row)
{
    // A row reads its columns by index: it means the same here when this table's first columns
    // are the other's.
    const bool sameColumns = other.m_names.size() <= m_names.size()
        && std::equal(other.m_names.cbegin(), other.m_names.cend(), m_names.cbegin());
    if (!sameColumns)
        return append(other.at(row));
    m_rows.append(other.m_rows.at(row));
    return m_rows.size() - 1;
}

LabelTable LabelTable::withNamesOf() const
{
    LabelTable table;
    table.m_names = m_names;
    table.m_columns = m_columns;
    table.m_columnsByName = m_columnsByName;
    return table;
}

Labels LabelTable::at(qsizetype row) const
{
    Labels labels;
    for (Cursor label(*this, row); !label.atEnd(); label.next())
        labels.insert(labels.cend(), label.name(), label.value());
    return labels;
}

bool LabelTable::equals(qsizetype row, const Labels &labels) const
{
    auto it = labels.cbegin();
    for (Cursor label(*this, row); !label.atEnd(); label.next(), ++it) {
        if (it == labels.cend() || it.key() != label.name() || it.value() != label.value())
            return false;
    }
    return it == labels.cend();
}

bool LabelTable::equals(qsizetype row, const LabelTable &other, qsizetype otherRow) const
{
    Cursor mine(*this, row);
    Cursor theirs(other, otherRow);
    for (; !mine.atEnd() && !theirs.atEnd(); mine.next(), theirs.next()) {
        if (mine.name() != theirs.name() || mine.value() != theirs.value())
            return false;
    }
    return mine.atEnd() && theirs.atEnd();
}

bool LabelTable::less(qsizetype a, qsizetype b) const
{
    Cursor first(*this, a);
    Cursor second(*this, b);
    for (; !first.atEnd() && !second.atEnd(); first.next(), second.next()) {
        // Both walk this table's names in order: the earlier place is the lesser name.
        if (first.position() != second.position())
            return first.position() < second.position();
        if (const int c = first.value().compare(second.value()); c != 0)
            return c < 0;
    }
    return first.atEnd() && !second.atEnd();
}

size_t LabelTable::hash(qsizetype row) const
{
    size_t seed = 0;
    for (Cursor label(*this, row); !label.atEnd(); label.next())
        seed = qHashMulti(seed, label.name(), label.value());
    return seed;
}

size_t LabelTable::hashOf(const Labels &labels)
{
    size_t seed = 0;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it)
        seed = qHashMulti(seed, it.key(), it.value());
    return seed;
}

} // namespace Specula::Prom
