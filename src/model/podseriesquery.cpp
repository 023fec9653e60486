// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/podseriesquery.h"

#include "prom/rangequery.h"

namespace Specula::Model {

PodSeriesQuery::PodSeriesQuery(Prom::PromClient *client, Prom::MetricCatalogue catalogue, Prom::Scope scope,
                               QList<Prom::Metric> metrics, Prom::TimeAxis axis, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_catalogue(std::move(catalogue))
    , m_scope(std::move(scope))
    , m_metrics(std::move(metrics))
    , m_axis(axis)
{ }

PodSeriesQuery::~PodSeriesQuery()
{
    for (const auto &query : std::as_const(m_queries)) {
        if (query)
            query->cancel();
    }
}

QList<Prom::Metric> PodSeriesQuery::podMetrics()
{
    using Prom::Metric;
    return { Metric::GpuUtil,   Metric::GpuMemUsed, Metric::GpuTemp,  Metric::GpuPower, Metric::GpuTensorActive,
             Metric::PodCpu,    Metric::PodMemory,  Metric::PodNetRx, Metric::PodNetTx, Metric::PodPower,
             Metric::PodEnergy, Metric::VfRx,       Metric::VfTx };
}

Prom::Scope PodSeriesQuery::podScope(const ClusterSnapshot &snapshot, const QString &ns, const QString &pod)
{
    Prom::Scope scope;
    scope.ns = ns;
    scope.pod = pod;
    if (const PodSummary *summary = snapshot.pod(ns + QLatin1Char('/') + pod); summary && !summary->node.isEmpty())
        scope.hosts = snapshot.hostsOf(summary->node);
    return scope;
}

void PodSeriesQuery::start()
{
    // rate() needs at least two samples in its window, whatever the step.
    m_catalogue.setRateWindow(std::max(m_catalogue.rateWindow(), std::chrono::seconds(2 * m_axis.step)));
    for (const Prom::Metric metric : std::as_const(m_metrics)) {
        const auto expr = m_catalogue.expr(metric, m_scope);
        if (!expr)
            continue;
        const qsizetype slot = m_results.size();
        m_results.append({ metric, {} });
        m_received.append(false);
        auto *query = new Prom::RangeQuery(m_client, { *expr }, m_axis, this);
        m_queries.append(query);
        connect(query, &Prom::RangeQuery::finished, this, [this, slot](const Prom::SeriesStore &store) {
            m_results[slot].store = store;
            m_received[slot] = true;
            finishIfDone();
        });
        connect(query, &Prom::RangeQuery::failed, this, [this](const Core::Error &error) {
            if (m_done)
                return;
            m_done = true;
            for (const auto &other : std::as_const(m_queries)) {
                if (other)
                    other->cancel();
            }
            Q_EMIT failed(error);
        });
        query->start();
    }
    finishIfDone();
}

void PodSeriesQuery::finishIfDone()
{
    if (m_done || m_received.contains(false))
        return;
    m_done = true;
    Q_EMIT finished(m_results);
}

} // namespace Specula::Model
