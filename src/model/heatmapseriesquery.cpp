// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/heatmapseriesquery.h"

#include "core/offthread.h"
#include "prom/rangeplan.h"

#include <QTimer>
#include <algorithm>

namespace Specula::Model {

HeatmapSeriesQuery::HeatmapSeriesQuery(Prom::PromClient *client, const Prom::MetricCatalogue &catalogue,
                                       Prom::Metric metric, Prom::TimeAxis axis, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_catalogue(catalogue)
    , m_metric(metric)
    , m_axis(axis)
{ }

HeatmapSeriesQuery::~HeatmapSeriesQuery()
{
    if (m_query)
        m_query->cancel();
}

std::optional<QString> HeatmapSeriesQuery::expr(const Prom::MetricCatalogue &catalogue, Prom::Metric metric)
{
    if (metric != Prom::Metric::GpuMemUsed) {
        const auto plain = catalogue.expr(metric);
        return plain ? std::optional(catalogue.keyed(metric, *plain)) : std::nullopt;
    }
    const auto used = catalogue.expr(Prom::Metric::GpuMemUsed);
    const auto free = catalogue.expr(Prom::Metric::GpuMemFree);
    if (!used || !free)
        return std::nullopt;
    return catalogue.keyed(metric, QStringLiteral("(100 * %1 / (%1 + %2))").arg(*used, *free));
}

Prom::TimeAxis HeatmapSeriesQuery::askedFor(const Prom::TimeAxis &axis, const Prom::CompactSeriesStore &previous)
{
    const Prom::TimeAxis &before = previous.axis();
    const bool usable = !previous.isEmpty() && !previous.isStale() && axis.isValid() && before.isValid()
        && before.step == axis.step && (axis.start - before.start) % axis.step == 0 && before.start <= axis.start
        && before.last() >= axis.start && before.last() <= axis.last();
    if (!usable)
        return axis;
    const qint64 refetched = std::max<qint64>(1, (refetchSeconds + axis.step - 1) / axis.step);
    const int from = std::max(0, axis.indexOf(before.last()) - int(refetched) + 1);
    return axis.slice(from, axis.count - from);
}

HeatmapSeriesQuery::RequestPlan HeatmapSeriesQuery::requestsFor(qsizetype rows, const Prom::TimeAxis &axis)
{
    constexpr qsizetype seriesInFlight = 160000;
    RequestPlan plan;
    plan.concurrency = rows <= 0
        ? Prom::RangeQuery::defaultMaxConcurrent
        : int(std::clamp<qsizetype>(seriesInFlight / rows, 1, Prom::RangeQuery::defaultMaxConcurrent));
    const int spread = Prom::RangePlan::spreadPoints(axis.count, 1, plan.concurrency);
    plan.pointsPerRequest = rows <= 0 ? spread : int(std::clamp<qsizetype>(samplesPerRequest / rows, 1, spread));
    return plan;
}

qsizetype HeatmapSeriesQuery::expectedRows(const ClusterSnapshot &snapshot)
{
    qsizetype rows = 0;
    for (const NodeSummary &node : snapshot.nodes) {
        if (!node.gpu)
            continue;
        qint64 counted = 0;
        for (const NodeResource &resource : node.resources) {
            if (isGpuResource(resource.kind))
                counted += resource.capacity;
        }
        // A shared GPU or MIG slice counts once, however many pods its replicas let in.
        counted /= std::max(1, node.gpu->replicas);
        rows += std::max<qsizetype>(node.gpu->devices.size(), qsizetype(counted));
    }
    return rows;
}

void HeatmapSeriesQuery::start()
{
    const auto promql = expr(m_catalogue, m_metric);
    if (!promql || !m_client) {
        // Reported from the event loop, as an answer would be, so callers connect after start().
        QTimer::singleShot(0, this, [this] {
            Q_EMIT failed(
                Core::Error { Core::Error::Kind::NotFound,
                              QStringLiteral("Prometheus has no source for %1 (%2)")
                                  .arg(Prom::MetricCatalogue::name(m_metric), m_catalogue.dialect().describe()),
                              {},
                              0,
                              {} });
            deleteLater();
        });
        return;
    }
    const Prom::TimeAxis asked = askedFor(m_axis, m_previous);
    if (asked == m_axis)
        m_previous = {};
    m_query = new Prom::RangeQuery(m_client, { *promql }, asked, this);
    const RequestPlan plan = requestsFor(m_expectedRows, asked);
    m_query->setMaxConcurrent(plan.concurrency);
    m_query->setMaxPointsPerRequest(plan.pointsPerRequest);
    m_query->setPrecision(Prom::RangeQuery::Precision::Single);
    if (!m_previous.isEmpty())
        m_query->shareLabelsWith(m_previous);
    connect(m_query, &Prom::RangeQuery::finishedSingle, this, &HeatmapSeriesQuery::finish);
    connect(m_query, &Prom::RangeQuery::failed, this, [this](const Core::Error &error) {
        Q_EMIT failed(error);
        deleteLater();
    });
    m_query->start();
}

void HeatmapSeriesQuery::finish(const Prom::CompactSeriesStore &asked)
{
    // The whole range was asked for: the answer is the store.
    if (m_previous.isEmpty()) {
        Q_EMIT finished(m_metric, asked);
        deleteLater();
        return;
    }
    // Copying 40,000 rows takes tens of milliseconds: not on the GUI thread. A refresh carries
    // the last answer to the new range and adds what it asked for.
    Core::buildOffThread(
        this,
        [previous = std::exchange(m_previous, {}), asked, axis = m_axis]() -> Core::Result<Prom::CompactSeriesStore> {
            Prom::CompactSeriesStore store = previous.carriedTo(axis, asked);
            if (const auto placed = store.merge(asked); !placed)
                return placed.error();
            store.setFetchedAt(asked.fetchedAt());
            return store;
        },
        [this](Core::Result<Prom::CompactSeriesStore> store) {
            if (store)
                Q_EMIT finished(m_metric, *store);
            else
                Q_EMIT failed(store.error());
            deleteLater();
        });
}

void HeatmapSeriesQuery::cancel()
{
    if (m_query)
        m_query->cancel();
    deleteLater();
}

} // namespace Specula::Model
