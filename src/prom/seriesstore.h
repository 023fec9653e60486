// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "core/result.h"
#include "prom/promtypes.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QSharedDataPointer>
#include <QStringList>
#include <chrono>
#include <span>

namespace Specula::Prom {

// The evaluation times of one range query: start, start + step, …, start + (count - 1)·step,
// in Unix seconds. Every series of a store shares it, so a heatmap column is one index.
struct TimeAxis
{
    qint64 start = 0;
    qint64 step = 0; // seconds, > 0 for a usable axis
    int count = 0;

    bool isValid() const { return step > 0 && count > 0; }
    qint64 last() const { return start + step * (count - 1); }
    qint64 timeAt(int index) const { return start + step * index; }
    // The index of `time` (seconds), or -1 when it is outside or between grid points.
    int indexOf(qint64 time) const;
    // Whether `other` has the same step and its points lie on this axis' points.
    bool contains(const TimeAxis &other) const;

    // The points from `start` to `end` (both floored to a multiple of `step`, so that refreshes
    // and neighbouring ranges share one grid and a heatmap's columns do not shift).
    static TimeAxis covering(const QDateTime &start, const QDateTime &end, std::chrono::seconds step);
    // [from, from + count) of this axis.
    TimeAxis slice(int from, int count) const;

    friend bool operator==(const TimeAxis &, const TimeAxis &) = default;
};

// Columnar time series on one TimeAxis: per series its labels and a contiguous row of
// axis().count values, NaN where there is no point. Rows are adjacent in one block, so 40,000
// series × 240 steps is one allocation a heatmap can walk row by row: 77 MB of doubles
// (SeriesStore), or 38 MB of floats (CompactSeriesStore) where seven significant digits are
// plenty, as for a heatmap's percentages, degrees and watts. A series' id is its row, stable for
// the life of the store and its copies. Implicitly shared: copies are cheap and cross threads and
// queued signals; writing detaches.
template<class Value> class BasicSeriesStore
{
public:
    BasicSeriesStore();
    explicit BasicSeriesStore(const TimeAxis &axis);
    BasicSeriesStore(const BasicSeriesStore &other);
    BasicSeriesStore(BasicSeriesStore &&other) noexcept;
    BasicSeriesStore &operator=(const BasicSeriesStore &other);
    BasicSeriesStore &operator=(BasicSeriesStore &&other) noexcept;
    ~BasicSeriesStore();

    const TimeAxis &axis() const;
    int seriesCount() const;
    bool isEmpty() const { return seriesCount() == 0; }

    // Made from the store's label table (LabelTable): each call builds the map.
    Labels labels(int id) const;
    std::span<const Value> values(int id) const;
    Value value(int id, int index) const { return values(id)[index]; }
    // The id of the series with exactly these labels, or -1.
    int find(const Labels &labels) const;
    // Ids sorted by labels (QMap order of name/value pairs), for tables, heatmap rows and CSV.
    const QList<int> &idsInLabelOrder() const;

    // The id of `labels`, adding a row of NaN if the series is new.
    int insert(const Labels &labels);
    std::span<Value> mutableValues(int id);

    // Places a query result's samples on the axis. `chunk` is the axis the result was asked for:
    // it must lie on this store's grid, and every sample must fall on one of its points; a sample
    // that does not is an error (naming the series and time), never moved to a neighbour.
    // Vector results place their one sample each, matrices all. Returns the number of points
    // placed; on error the points placed before the bad sample stay.
    Core::Result<qsizetype> merge(const QueryResult &result, const TimeAxis &chunk);
    Core::Result<qsizetype> merge(const QueryResult &result) { return merge(result, axis()); }
    // Copies every series of `other` (same step, on this grid) into this store.
    template<class Other> Core::Result<qsizetype> merge(const BasicSeriesStore<Other> &other);
    // This store's points that fall on `axis`, in a store on `axis` with NaN elsewhere: what a
    // later range shares with this one, so that a refresh asks only for the rest. Series with no
    // point on `axis` are left out; the others share this store's labels. Empty when `axis` has
    // another step or grid.
    BasicSeriesStore carriedTo(const TimeAxis &axis) const;
    // The same, with room for the series of `joining` that it does not carry: merging `joining`
    // next then grows nothing. Grown by even one series, the value block of 40,000 rows would be
    // copied whole, and held twice for a moment.
    BasicSeriesStore carriedTo(const TimeAxis &axis, const BasicSeriesStore &joining) const;
    // Series added to this empty store later whose labels `known` has take `known`'s label row
    // instead of their own: a refresh that reads 40,000 series again then keeps none of their
    // label texts, some 30 MB, only to find them equal. Keeps `known` alive with this store: for
    // a store that is read and merged into another, not one that is kept.
    void shareLabelsWith(const BasicSeriesStore &known);

    // What the server said alongside the data.
    const QStringList &warnings() const;
    void addWarnings(const QStringList &warnings);

    // When the data was fetched; a stale store is the last good data after a failed refresh.
    QDateTime fetchedAt() const;
    void setFetchedAt(const QDateTime &time);
    bool isStale() const;
    // The error that made the store stale (meaningless unless isStale()).
    const Core::Error &error() const;
    void markStale(const Core::Error &error);

    // Bytes held by the value block (for the memory-per-point check).
    qsizetype valueBytes() const;

    // `{a="1",b="x"}` with the name in front: `DCGM_FI_DEV_GPU_UTIL{UUID="GPU-…",gpu="0"}`.
    static QString compactName(const Labels &labels);

private:
    template<class> friend class BasicSeriesStore; // merge() reads the other's label table
    class Data;
    QSharedDataPointer<Data> d;
};

using SeriesStore = BasicSeriesStore<double>;
using CompactSeriesStore = BasicSeriesStore<float>;

extern template class BasicSeriesStore<double>;
extern template class BasicSeriesStore<float>;

} // namespace Specula::Prom

Q_DECLARE_METATYPE(Specula::Prom::SeriesStore)
Q_DECLARE_METATYPE(Specula::Prom::CompactSeriesStore)
