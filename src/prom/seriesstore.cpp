// SPDX-License-Identifier: GPL-3.0-or-later
#include "prom/seriesstore.h"

#include "prom/labeltable.h"

#include <QHashFunctions>
#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <unordered_map>
#include <vector>

namespace Specula::Prom {

namespace {

QString isoTime(qint64 seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(Qt::ISODate);
}

QString isoTimeMs(qint64 milliseconds)
{
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(milliseconds, Qt::UTC);
    return time.toString(milliseconds % 1000 == 0 ? Qt::ISODate : Qt::ISODateWithMs);
}

} // namespace

int TimeAxis::indexOf(qint64 time) const
{
    if (!isValid() || time < start)
        return -1;
    const qint64 offset = time - start;
    if (offset % step != 0)
        return -1;
    const qint64 index = offset / step;
    return index < count ? int(index) : -1;
}

bool TimeAxis::contains(const TimeAxis &other) const
{
    return other.isValid() && isValid() && other.step == step && indexOf(other.start) >= 0
        && indexOf(other.last()) >= 0;
}

TimeAxis TimeAxis::covering(const QDateTime &start, const QDateTime &end, std::chrono::seconds step)
{
    TimeAxis axis;
    if (!start.isValid() || !end.isValid() || step.count() <= 0 || end < start)
        return axis;
    axis.step = step.count();
    const auto floorToStep = [&](qint64 seconds) {
        qint64 q = seconds / axis.step;
        if (seconds % axis.step != 0 && seconds < 0)
            --q;
        return q * axis.step;
    };
    axis.start = floorToStep(start.toSecsSinceEpoch());
    const qint64 last = floorToStep(end.toSecsSinceEpoch());
    axis.count = int((last - axis.start) / axis.step + 1);
    return axis;
}

TimeAxis TimeAxis::slice(int from, int sliceCount) const
{
    return TimeAxis { timeAt(from), step, sliceCount };
}

template<class Value> class BasicSeriesStore<Value>::Data : public QSharedData
{
public:
    static constexpr Value missing = std::numeric_limits<Value>::quiet_NaN();

    TimeAxis axis;
    LabelTable labels; // by id
    std::vector<Value> values; // row-major: id · axis.count + index
    // Label hash → ids. Keyed by the hash rather than the labels so that a lookup hashes the
    // labels once: a map keyed by labels would rehash them for every node it walks past.
    std::unordered_multimap<size_t, int> ids;
    QList<int> order; // ids by labels
    QStringList warnings;
    std::optional<BasicSeriesStore> known; // shareLabelsWith()
    QDateTime fetchedAt;
    Core::Error error;
    bool stale = false;

    int find(const Labels &series, size_t hash) const
    {
        return findWhere(hash, [&](int id) { return labels.equals(id, series); });
    }
    // The same for row `row` of `table`.
    int find(const LabelTable &table, qsizetype row, size_t hash) const
    {
        return findWhere(hash, [&](int id) { return labels.equals(id, table, row); });
    }
    // The id with `hash` whose labels are `same`, or -1.
    template<class Same> int findWhere(size_t hash, Same same) const
    {
        const auto [first, last] = ids.equal_range(hash);
        for (auto it = first; it != last; ++it) {
            if (same(it->second))
                return it->second;
        }
        return -1;
    }

    // The id of `series`, adding it (a row of NaN, last in `order`) if it is new.
    int add(const Labels &series, size_t hash)
    {
        if (const int id = find(series, hash); id >= 0)
            return id;
        if (known) {
            const Data &other = *known->d.constData();
            if (const int row = other.find(series, hash); row >= 0)
                return added(hash, labels.append(other.labels, row));
        }
        return added(hash, labels.append(series));
    }
    int add(const LabelTable &table, qsizetype row, size_t hash)
    {
        if (const int id = find(table, row, hash); id >= 0)
            return id;
        return added(hash, labels.append(table, row));
    }

    // Gives the row just added to `labels` its id and its values, NaN.
    int added(size_t hash, qsizetype row)
    {
        const int id = int(row);
        ids.emplace(hash, id);
        values.resize(values.size() + size_t(axis.count), missing);
        order.append(id);
        return id;
    }

    // How many rows of `table` are not the series `ids` of this store.
    size_t rowsNotAmong(const LabelTable &table, const std::vector<int> &ids) const
    {
        std::vector<bool> among(size_t(labels.size()));
        for (const int id : ids)
            among[size_t(id)] = true;
        size_t outside = 0;
        for (qsizetype row = 0; row < table.size(); ++row) {
            const int id = find(table, row, table.hash(row));
            if (id < 0 || !among[size_t(id)])
                ++outside;
        }
        return outside;
    }

    // Room for `rows` more series, so that adding them grows the value block once, by exactly
    // them: grown series by series, a vector doubles its capacity, up to twice the block.
    void reserveRows(size_t rows)
    {
        if (rows == 0)
            return;
        ids.reserve(ids.size() + rows);
        labels.reserve(labels.size() + qsizetype(rows));
        order.reserve(order.size() + qsizetype(rows));
        values.reserve(values.size() + rows * size_t(axis.count));
    }

    // New ids go to the end of `order`; sorting once per merge keeps adding 40,000 series linear
    // instead of quadratic.
    void sortOrder(qsizetype sortedUpTo)
    {
        if (sortedUpTo == order.size())
            return;
        const auto byLabels = [this](int a, int b) { return labels.less(a, b); };
        std::sort(order.begin() + sortedUpTo, order.end(), byLabels);
        std::inplace_merge(order.begin(), order.begin() + sortedUpTo, order.end(), byLabels);
    }
};

template<class Value>
BasicSeriesStore<Value>::BasicSeriesStore()
    : d(new Data)
{ }

template<class Value>
BasicSeriesStore<Value>::BasicSeriesStore(const TimeAxis &axis)
    : d(new Data)
{
    d->axis = axis;
}

template<class Value> BasicSeriesStore<Value>::BasicSeriesStore(const BasicSeriesStore &other) = default;
template<class Value> BasicSeriesStore<Value>::BasicSeriesStore(BasicSeriesStore &&other) noexcept = default;
template<class Value>
BasicSeriesStore<Value> &BasicSeriesStore<Value>::operator=(const BasicSeriesStore &other) = default;
template<class Value>
BasicSeriesStore<Value> &BasicSeriesStore<Value>::operator=(BasicSeriesStore &&other) noexcept = default;
template<class Value> BasicSeriesStore<Value>::~BasicSeriesStore() = default;

template<class Value> const TimeAxis &BasicSeriesStore<Value>::axis() const
{
    return d->axis;
}

template<class Value> int BasicSeriesStore<Value>::seriesCount() const
{
    return int(d->labels.size());
}

template<class Value> Labels BasicSeriesStore<Value>::labels(int id) const
{
    return d->labels.at(id);
}

template<class Value> std::span<const Value> BasicSeriesStore<Value>::values(int id) const
{
    Q_ASSERT(id >= 0 && id < seriesCount());
    return { d->values.data() + qsizetype(id) * d->axis.count, size_t(d->axis.count) };
}

template<class Value> int BasicSeriesStore<Value>::find(const Labels &labels) const
{
    return d->find(labels, LabelTable::hashOf(labels));
}

template<class Value> const QList<int> &BasicSeriesStore<Value>::idsInLabelOrder() const
{
    return d->order;
}

template<class Value> int BasicSeriesStore<Value>::insert(const Labels &labels)
{
    if (const int id = find(labels); id >= 0)
        return id;
    const qsizetype sorted = d->order.size();
    const int id = d->add(labels, LabelTable::hashOf(labels));
    d->sortOrder(sorted);
    return id;
}

template<class Value> std::span<Value> BasicSeriesStore<Value>::mutableValues(int id)
{
    Q_ASSERT(id >= 0 && id < seriesCount());
    return { d->values.data() + qsizetype(id) * d->axis.count, size_t(d->axis.count) };
}

template<class Value>
Core::Result<qsizetype> BasicSeriesStore<Value>::merge(const QueryResult &result, const TimeAxis &chunk)
{
    using Kind = Core::Error::Kind;
    if (result.type != ResultType::Matrix && result.type != ResultType::Vector) {
        return Core::Error {
            Kind::Parse, QStringLiteral("a scalar or string result has no series to store"), {}, 0, {}
        };
    }
    if (!d->axis.contains(chunk)) {
        return Core::Error { Kind::Parse,
                             QStringLiteral("the requested range %1 + %2 × %3 s is not on the store's grid "
                                            "%4 + %5 × %6 s")
                                 .arg(isoTime(chunk.start))
                                 .arg(chunk.count)
                                 .arg(chunk.step)
                                 .arg(isoTime(d->axis.start))
                                 .arg(d->axis.count)
                                 .arg(d->axis.step),
                             {},
                             0,
                             {} };
    }
    Data &data = *d; // detaches once, not per point
    const qsizetype sorted = data.order.size();
    // Ids first, so that the block grows once by exactly the new rows: growing it per series
    // would copy tens of megabytes again and again, and a generous reserve would waste them.
    std::vector<int> ids(size_t(result.series.size()), -1);
    std::vector<size_t> hashes(size_t(result.series.size()));
    size_t added = 0;
    for (qsizetype i = 0; i < result.series.size(); ++i) {
        hashes[size_t(i)] = LabelTable::hashOf(result.series.at(i).labels);
        ids[size_t(i)] = data.find(result.series.at(i).labels, hashes[size_t(i)]);
        if (ids[size_t(i)] < 0)
            ++added;
    }
    data.reserveRows(added);
    const qint64 chunkStartMs = chunk.start * 1000;
    const qint64 stepMs = chunk.step * 1000;
    const int offset = int((chunk.start - data.axis.start) / data.axis.step);
    qsizetype placed = 0;
    for (qsizetype i = 0; i < result.series.size(); ++i) {
        const Series &series = result.series.at(i);
        int id = ids[size_t(i)];
        if (id < 0)
            id = data.add(series.labels, hashes[size_t(i)]); // also finds a series that came twice in one result
        Value *row = data.values.data() + qsizetype(id) * data.axis.count + offset;
        qint64 next = 0; // where the next sample of an ascending series lands, if it has no gap
        for (const Sample &sample : series.samples) {
            // Fast path for the usual case, a sample on the next grid point (whole seconds are
            // exact in a double); 9.6 million divisions would cost more than the rest of the merge.
            if (next < chunk.count && sample.timestamp == double(chunk.start + next * chunk.step)) {
                row[next++] = Value(sample.value);
                ++placed;
                continue;
            }
            // Prometheus sends seconds with millisecond fractions; compare on whole milliseconds.
            const qint64 ms = std::llround(sample.timestamp * 1000.0);
            const qint64 since = ms - chunkStartMs;
            const qint64 index = since / stepMs;
            if (since < 0 || since % stepMs != 0 || index >= chunk.count) {
                data.sortOrder(sorted);
                return Core::Error { Kind::Parse,
                                     QStringLiteral("the sample at %1 of %2 is not on the requested grid %3 + k × %4 s "
                                                    "(k < %5)")
                                         .arg(isoTimeMs(ms), compactName(series.labels), isoTime(chunk.start))
                                         .arg(chunk.step)
                                         .arg(chunk.count),
                                     {},
                                     0,
                                     {} };
            }
            row[index] = Value(sample.value);
            next = index + 1;
            ++placed;
        }
    }
    data.sortOrder(sorted);
    return placed;
}

template<class Value>
template<class Other>
Core::Result<qsizetype> BasicSeriesStore<Value>::merge(const BasicSeriesStore<Other> &other)
{
    if (other.isEmpty())
        return qsizetype(0);
    if (!d->axis.contains(other.axis())) {
        return Core::Error { Core::Error::Kind::Parse,
                             QStringLiteral("a store of %1 + %2 × %3 s is not on the grid %4 + %5 × %6 s")
                                 .arg(isoTime(other.axis().start))
                                 .arg(other.axis().count)
                                 .arg(other.axis().step)
                                 .arg(isoTime(d->axis.start))
                                 .arg(d->axis.count)
                                 .arg(d->axis.step),
                             {},
                             0,
                             {} };
    }
    Data &data = *d;
    const qsizetype sorted = data.order.size();
    const int offset = int((other.axis().start - data.axis.start) / data.axis.step);
    const int count = other.axis().count;
    std::vector<size_t> hashes(size_t(other.seriesCount()));
    size_t added = 0;
    const LabelTable &otherLabels = other.d->labels;
    for (int source = 0; source < other.seriesCount(); ++source) {
        hashes[size_t(source)] = otherLabels.hash(source);
        if (data.find(otherLabels, source, hashes[size_t(source)]) < 0)
            ++added;
    }
    data.reserveRows(added);
    qsizetype placed = 0;
    for (int source = 0; source < other.seriesCount(); ++source) {
        const int id = data.add(otherLabels, source, hashes[size_t(source)]);
        const std::span<const Other> from = other.values(source);
        Value *row = data.values.data() + qsizetype(id) * data.axis.count + offset;
        for (int i = 0; i < count; ++i) {
            if (!std::isnan(from[size_t(i)])) {
                row[i] = Value(from[size_t(i)]);
                ++placed;
            }
        }
    }
    data.sortOrder(sorted);
    data.warnings += other.warnings();
    data.warnings.removeDuplicates();
    return placed;
}

template<class Value> BasicSeriesStore<Value> BasicSeriesStore<Value>::carriedTo(const TimeAxis &axis) const
{
    return carriedTo(axis, BasicSeriesStore(axis));
}

template<class Value>
BasicSeriesStore<Value> BasicSeriesStore<Value>::carriedTo(const TimeAxis &axis, const BasicSeriesStore &joining) const
{
    BasicSeriesStore carried(axis);
    const TimeAxis &own = d->axis;
    if (!axis.isValid() || !own.isValid() || axis.step != own.step || (axis.start - own.start) % own.step != 0)
        return carried;
    // [first, last] on this store's axis is what both axes cover.
    const qint64 first = std::max<qint64>(0, (axis.start - own.start) / own.step);
    const qint64 last = std::min<qint64>(own.count - 1, (axis.last() - own.start) / own.step);
    if (first > last)
        return carried;
    const int offset = int((own.start - axis.start) / own.step); // this axis' index 0 on `axis`
    const auto shared = [&](int id) { return values(id).subspan(size_t(first), size_t(last - first + 1)); };
    // In label order, so that the new ids come in that order too.
    std::vector<int> kept;
    for (const int id : idsInLabelOrder()) {
        const std::span<const Value> from = shared(id);
        if (!std::all_of(from.begin(), from.end(), [](Value value) { return std::isnan(value); }))
            kept.push_back(id);
    }
    Data &data = *carried.d;
    data.labels = d->labels.withNamesOf();
    data.reserveRows(kept.size() + d->rowsNotAmong(joining.d->labels, kept));
    for (const int id : kept) {
        const std::span<const Value> from = shared(id);
        const int to = data.add(d->labels, id, d->labels.hash(id));
        std::copy(from.begin(), from.end(), data.values.begin() + qsizetype(to) * axis.count + (first + offset));
    }
    return carried;
}

template<class Value> void BasicSeriesStore<Value>::shareLabelsWith(const BasicSeriesStore &known)
{
    Q_ASSERT(isEmpty());
    d->labels = known.d->labels.withNamesOf();
    d->known = known;
}

template<class Value> const QStringList &BasicSeriesStore<Value>::warnings() const
{
    return d->warnings;
}

template<class Value> void BasicSeriesStore<Value>::addWarnings(const QStringList &warnings)
{
    for (const QString &warning : warnings) {
        if (!d->warnings.contains(warning))
            d->warnings.append(warning);
    }
}

template<class Value> QDateTime BasicSeriesStore<Value>::fetchedAt() const
{
    return d->fetchedAt;
}

template<class Value> void BasicSeriesStore<Value>::setFetchedAt(const QDateTime &time)
{
    d->fetchedAt = time;
}

template<class Value> bool BasicSeriesStore<Value>::isStale() const
{
    return d->stale;
}

template<class Value> const Core::Error &BasicSeriesStore<Value>::error() const
{
    return d->error;
}

template<class Value> void BasicSeriesStore<Value>::markStale(const Core::Error &error)
{
    d->stale = true;
    d->error = error;
}

template<class Value> qsizetype BasicSeriesStore<Value>::valueBytes() const
{
    return qsizetype(d->values.capacity() * sizeof(Value));
}

template<class Value> QString BasicSeriesStore<Value>::compactName(const Labels &labels)
{
    QString text = labels.value(QStringLiteral("__name__"));
    QStringList parts;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it) {
        if (it.key() == QLatin1String("__name__"))
            continue;
        QString value = it.value();
        value.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
            .replace(QLatin1Char('"'), QLatin1String("\\\""))
            .replace(QLatin1Char('\n'), QLatin1String("\\n"));
        parts << it.key() + QStringLiteral("=\"") + value + QLatin1Char('"');
    }
    if (!parts.isEmpty() || text.isEmpty())
        text += QLatin1Char('{') + parts.join(QLatin1Char(',')) + QLatin1Char('}');
    return text;
}

template class BasicSeriesStore<double>;
template class BasicSeriesStore<float>;
template Core::Result<qsizetype> BasicSeriesStore<double>::merge(const BasicSeriesStore<double> &);
template Core::Result<qsizetype> BasicSeriesStore<double>::merge(const BasicSeriesStore<float> &);
template Core::Result<qsizetype> BasicSeriesStore<float>::merge(const BasicSeriesStore<double> &);
template Core::Result<qsizetype> BasicSeriesStore<float>::merge(const BasicSeriesStore<float> &);

} // namespace Specula::Prom
