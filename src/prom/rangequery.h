// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "prom/rangeplan.h"
#include "prom/seriesstore.h"

#include <QFuture>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <deque>
#include <memory>
#include <variant>

namespace Specula::Prom {

class PromClient;
class PromJob;

// A range query over one or more expressions, run as several query_range requests (RangePlan)
// with at most maxConcurrent() in flight, joined into one SeriesStore. Each answer is read into a
// store of its own while it is parsed, then merged on a worker thread, one merge at a time, so
// the thread that owns the query never holds a large result for long. Emits exactly one of finished() or failed() —
// failed() with the first error, naming the chunk's time range, after cancelling the other requests — unless cancel()
// is called first, after which it emits nothing. A client that is null or deleted before the answer fails the query
// (Kind::Cancelled). Deletes itself after reporting or cancelling.
class RangeQuery final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RangeQuery)

public:
    static constexpr int defaultMaxConcurrent = 4; // Qt opens up to 6 connections per host

    RangeQuery(PromClient *client, const QStringList &exprs, const TimeAxis &axis, QObject *parent = nullptr);
    ~RangeQuery() override;

    void setMaxConcurrent(int requests);
    int maxConcurrent() const { return m_maxConcurrent; }
    // Points per series in one request; smaller chunks spread a long range over parallel requests.
    // 0 (the default): RangePlan::spreadPoints over maxConcurrent() requests.
    void setMaxPointsPerRequest(int points);
    int maxPointsPerRequest() const;
    // The precision the answers are merged in, before start(): Double (the default) reports with
    // finished(), Single with finishedSingle(). A heatmap of 40,000 GPUs needs no more than
    // single precision, and its hour then never takes 77 MB of doubles on the way.
    enum class Precision { Double, Single };
    void setPrecision(Precision precision);
    // With Single precision, before start(): the answers' series that `known` holds (the last
    // answer of a query asked again) share its labels (CompactSeriesStore::shareLabelsWith).
    void shareLabelsWith(const CompactSeriesStore &known);

    const QStringList &exprs() const { return m_exprs; }
    const TimeAxis &axis() const { return m_axis; }
    // Valid after start().
    const QList<RangeChunk> &chunks() const { return m_chunks; }
    // The most requests that were in flight at once so far.
    int maxInFlight() const { return m_maxInFlight; }

    void start();
    void cancel();

Q_SIGNALS:
    void finished(const Specula::Prom::SeriesStore &store);
    void finishedSingle(const Specula::Prom::CompactSeriesStore &store);
    void failed(const Specula::Core::Error &error);

private:
    // One request's answer, read into a store of its own as it is parsed.
    struct ChunkAnswer;

    void launchMore();
    void onChunkFinished(int chunk, const std::shared_ptr<ChunkAnswer> &answer, const PromResponse &response);
    void onChunkFailed(int chunk, const Core::Error &error);
    void mergeNext();
    void fail(Core::Error error);
    void finish();
    Core::Error chunkError(int chunk, Core::Error error) const;

    QPointer<PromClient> m_client;
    QStringList m_exprs;
    TimeAxis m_axis;
    int m_maxConcurrent = defaultMaxConcurrent;
    int m_maxPoints = 0;
    QList<RangeChunk> m_chunks;
    int m_nextChunk = 0;
    QHash<int, QPointer<PromJob>> m_inFlight;
    int m_maxInFlight = 0;
    std::deque<std::pair<int, std::shared_ptr<ChunkAnswer>>> m_toMerge;
    bool m_merging = false;
    int m_merged = 0;
    Precision m_precision = Precision::Double;
    CompactSeriesStore m_known;
    std::variant<SeriesStore, CompactSeriesStore> m_store;
    bool m_started = false;
    bool m_done = false;
};

} // namespace Specula::Prom
