// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/heatmapseriesquery.h"

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
    if (metric != Prom::Metric::GpuMemUsed)
        return catalogue.expr(metric);
    const auto used = catalogue.expr(Prom::Metric::GpuMemUsed);
    const auto free = catalogue.expr(Prom::Metric::GpuMemFree);
    if (!used || !free)
        return std::nullopt;
    return QStringLiteral("(100 * %1 / (%1 + %2))").arg(*used, *free);
}

HeatmapSeriesQuery::RequestPlan HeatmapSeriesQuery::requestsFor(qsizetype rows, const Prom::TimeAxis &axis)
{
    constexpr qsizetype seriesInFlight = 20000;
    RequestPlan plan;
    plan.concurrency = rows <= 0
        ? Prom::RangeQuery::defaultMaxConcurrent
        : int(std::clamp<qsizetype>(seriesInFlight / rows, 1, Prom::RangeQuery::defaultMaxConcurrent));
    const int spread = Prom::RangePlan::spreadPoints(axis.count, 1, plan.concurrency);
    plan.pointsPerRequest = rows <= 0 ? spread : int(std::clamp<qsizetype>(samplesPerRequest / rows, 1, spread));
    return plan;
}

void HeatmapSeriesQuery::setExpectedRows(const ClusterSnapshot &snapshot)
{
    m_expectedRows = 0;
    for (const NodeSummary &node : snapshot.nodes) {
        if (node.gpu)
            m_expectedRows += node.gpu->devices.size();
    }
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
    m_query = new Prom::RangeQuery(m_client, { *promql }, m_axis, this);
    const RequestPlan plan = requestsFor(m_expectedRows, m_axis);
    m_query->setMaxConcurrent(plan.concurrency);
    m_query->setMaxPointsPerRequest(plan.pointsPerRequest);
    connect(m_query, &Prom::RangeQuery::finished, this, [this](const Prom::SeriesStore &store) {
        Q_EMIT finished(m_metric, store);
        deleteLater();
    });
    connect(m_query, &Prom::RangeQuery::failed, this, [this](const Core::Error &error) {
        Q_EMIT failed(error);
        deleteLater();
    });
    m_query->start();
}

void HeatmapSeriesQuery::cancel()
{
    if (m_query)
        m_query->cancel();
    deleteLater();
}

} // namespace Specula::Model
