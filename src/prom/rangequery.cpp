// SPDX-License-Identifier: GPL-3.0-or-later
#include "prom/rangequery.h"

#include "core/offthread.h"
#include "prom/promclient.h"
#include "prom/promjob.h"

#include <optional>

namespace Specula::Prom {

// An answer of 40,000 series held as parsed (a map of labels and a time/value pair per point)
// takes some 80 MB per request of a quarter of the range, four times its store: series go into
// the store a batch at a time, as the parser reads them.
struct RangeQuery::ChunkAnswer
{
    static constexpr qsizetype batchSize = 2000;

    TimeAxis axis; // the request's
    std::variant<SeriesStore, CompactSeriesStore> store;
    QueryResult batch; // series read and not placed yet
    std::optional<Core::Error> error; // the first series that did not fit the axis
    // Known once the whole answer is read.
    ResultType resultType = ResultType::Matrix;
    QStringList warnings;

    ChunkAnswer(const TimeAxis &requested, Precision precision, const CompactSeriesStore &known)
        : axis(requested)
        , store(precision == Precision::Single ? decltype(store)(CompactSeriesStore(requested))
                                               : decltype(store)(SeriesStore(requested)))
    {
        batch.type = ResultType::Matrix;
        if (auto *single = std::get_if<CompactSeriesStore>(&store); single && !known.isEmpty())
            single->shareLabelsWith(known);
    }

    void take(Series &&series)
    {
        if (error)
            return;
        batch.series.append(std::move(series));
        if (batch.series.size() >= batchSize)
            placeBatch();
    }

    void placeBatch()
    {
        std::visit(
            [this](auto &into) {
                if (const Core::Result<qsizetype> placed = into.merge(batch, axis); !placed)
                    error = placed.error();
            },
            store);
        batch.series.clear();
    }

    // Places the rest of the series, once the whole answer is read (a scalar or string answer
    // has none and is an error).
    void finish()
    {
        batch.type = resultType;
        if (!error)
            placeBatch();
    }
};

namespace {

struct MergeOutcome
{
    std::variant<SeriesStore, CompactSeriesStore> store;
    std::optional<Core::Error> error;
};

QDateTime utc(qint64 seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC);
}

Core::Error clientGone()
{
    return { Core::Error::Kind::Cancelled, QStringLiteral("the Prometheus connection was closed"), {}, 0, {} };
}

} // namespace

RangeQuery::RangeQuery(PromClient *client, const QStringList &exprs, const TimeAxis &axis, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_exprs(exprs)
    , m_axis(axis)
    , m_store(SeriesStore(axis))
{
    // The client owns the requests in flight: they go with it, and would never answer.
    if (client)
        connect(client, &QObject::destroyed, this, [this] { fail(clientGone()); });
}

RangeQuery::~RangeQuery()
{
    for (const QPointer<PromJob> &job : std::as_const(m_inFlight)) {
        if (job)
            job->cancel();
    }
}

void RangeQuery::setMaxConcurrent(int requests)
{
    m_maxConcurrent = qMax(1, requests);
}

void RangeQuery::setMaxPointsPerRequest(int points)
{
    m_maxPoints = qBound(0, points, RangePlan::serverPointLimit);
}

void RangeQuery::setPrecision(Precision precision)
{
    Q_ASSERT(!m_started);
    m_precision = precision;
    if (precision == Precision::Single)
        m_store = CompactSeriesStore(m_axis);
    else
        m_store = SeriesStore(m_axis);
}

void RangeQuery::shareLabelsWith(const CompactSeriesStore &known)
{
    Q_ASSERT(!m_started && m_precision == Precision::Single);
    m_known = known;
    std::get<CompactSeriesStore>(m_store).shareLabelsWith(known);
}

int RangeQuery::maxPointsPerRequest() const
{
    return m_maxPoints > 0 ? m_maxPoints : RangePlan::spreadPoints(m_axis.count, int(m_exprs.size()), m_maxConcurrent);
}

void RangeQuery::start()
{
    if (m_started || m_done)
        return;
    m_started = true;
    if (!m_client) {
        QMetaObject::invokeMethod(
            this, [this] { fail(clientGone()); }, Qt::QueuedConnection);
        return;
    }
    m_chunks = RangePlan::plan(m_exprs, m_axis, maxPointsPerRequest());
    if (m_chunks.isEmpty()) {
        // Reported from the event loop, like every other outcome, so callers connect after start().
        const Core::Error error { Core::Error::Kind::Config,
                                  m_exprs.isEmpty() ? QStringLiteral("a range query needs at least one expression")
                                                    : QStringLiteral("a range query needs a step > 0 and at least "
                                                                     "one point"),
                                  {},
                                  0,
                                  {} };
        QMetaObject::invokeMethod(
            this, [this, error] { fail(error); }, Qt::QueuedConnection);
        return;
    }
    launchMore();
}

void RangeQuery::cancel()
{
    if (m_done)
        return;
    m_done = true;
    for (const QPointer<PromJob> &job : std::as_const(m_inFlight)) {
        if (job)
            job->cancel();
    }
    m_inFlight.clear();
    m_toMerge.clear();
    deleteLater();
}

void RangeQuery::launchMore()
{
    while (!m_done && m_inFlight.size() < m_maxConcurrent && m_nextChunk < m_chunks.size()) {
        const int index = m_nextChunk++;
        const RangeChunk &chunk = m_chunks.at(index);
        PromJob *job = m_client->queryRange(chunk.expr, utc(chunk.axis.start), utc(chunk.axis.last()),
                                            std::chrono::seconds(chunk.axis.step));
        auto answer = std::make_shared<ChunkAnswer>(chunk.axis, m_precision, m_known);
        job->setSeriesVisitor([answer](Series &&series) { answer->take(std::move(series)); });
        m_inFlight.insert(index, job);
        m_maxInFlight = qMax(m_maxInFlight, int(m_inFlight.size()));
        connect(job, &PromJob::finished, this,
                [this, index, answer](const PromResponse &response) { onChunkFinished(index, answer, response); });
        connect(job, &PromJob::failed, this, [this, index](const Core::Error &error) { onChunkFailed(index, error); });
    }
}

void RangeQuery::onChunkFinished(int chunk, const std::shared_ptr<ChunkAnswer> &answer, const PromResponse &response)
{
    if (m_done)
        return;
    m_inFlight.remove(chunk);
    answer->resultType = response.query.type;
    answer->warnings = response.warnings;
    m_toMerge.emplace_back(chunk, answer);
    launchMore();
    mergeNext();
}

void RangeQuery::onChunkFailed(int chunk, const Core::Error &error)
{
    if (m_done)
        return;
    m_inFlight.remove(chunk);
    fail(chunkError(chunk, error));
}

void RangeQuery::mergeNext()
{
    if (m_merging || m_done || m_toMerge.empty())
        return;
    m_merging = true;
    const int chunk = m_toMerge.front().first;
    std::shared_ptr<ChunkAnswer> answer = std::move(m_toMerge.front().second);
    m_toMerge.pop_front();
    // The store moves to the worker and back: one merge at a time, and no copy (no detach) of a
    // block that may hold tens of megabytes.
    Core::runOffThread(
        this,
        [store = std::move(m_store), answer = std::move(answer)]() mutable {
            MergeOutcome outcome;
            answer->finish();
            outcome.error = answer->error;
            std::visit(
                [&](auto &into, auto &from) {
                    if (outcome.error)
                        return;
                    // A single request's answer is the whole store, as it is.
                    if constexpr (std::is_same_v<decltype(into), decltype(from)>) {
                        if (into.isEmpty() && into.axis() == from.axis()) {
                            into = std::move(from);
                            into.addWarnings(answer->warnings);
                            return;
                        }
                    }
                    if (const Core::Result<qsizetype> placed = into.merge(from); !placed)
                        outcome.error = placed.error();
                    into.addWarnings(answer->warnings);
                },
                store, answer->store);
            // Free the answer here rather than on the thread that owns the query.
            answer.reset();
            outcome.store = std::move(store);
            return outcome;
        },
        [this, chunk](MergeOutcome outcome) {
            m_merging = false;
            m_store = std::move(outcome.store);
            if (m_done)
                return;
            if (outcome.error) {
                fail(chunkError(chunk, *outcome.error));
                return;
            }
            if (++m_merged == m_chunks.size()) {
                finish();
                return;
            }
            mergeNext();
        });
}

void RangeQuery::fail(Core::Error error)
{
    if (m_done)
        return;
    m_done = true;
    for (const QPointer<PromJob> &job : std::as_const(m_inFlight)) {
        if (job)
            job->cancel();
    }
    m_inFlight.clear();
    m_toMerge.clear();
    Q_EMIT failed(error);
    deleteLater();
}

void RangeQuery::finish()
{
    m_done = true;
    std::visit([](auto &store) { store.setFetchedAt(QDateTime::currentDateTimeUtc()); }, m_store);
    if (const auto *single = std::get_if<CompactSeriesStore>(&m_store))
        Q_EMIT finishedSingle(*single);
    else
        Q_EMIT finished(std::get<SeriesStore>(m_store));
    deleteLater();
}

Core::Error RangeQuery::chunkError(int chunk, Core::Error error) const
{
    const RangeChunk &range = m_chunks.at(chunk);
    QString what = QStringLiteral("query_range %1").arg(RangePlan::describe(range.axis));
    if (range.count > 1)
        what += QStringLiteral(" (request %1 of %2)").arg(range.index + 1).arg(range.count);
    if (m_exprs.size() > 1)
        what += QStringLiteral(" of expression %1").arg(range.exprIndex + 1);
    error.message = what + QStringLiteral(" failed: ") + error.message;
    return error;
}

} // namespace Specula::Prom
