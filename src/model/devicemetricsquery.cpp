// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/devicemetricsquery.h"

#include "prom/promclient.h"

namespace Specula::Model {

DeviceMetricsQuery::DeviceMetricsQuery(Prom::PromClient *client, Prom::MetricCatalogue catalogue, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_catalogue(std::move(catalogue))
{ }

DeviceMetricsQuery::~DeviceMetricsQuery()
{
    for (const auto &job : std::as_const(m_jobs)) {
        if (job)
            job->cancel();
    }
}

QList<Prom::Metric> DeviceMetricsQuery::deviceMetrics()
{
    using Prom::Metric;
    return { Metric::GpuUtil, Metric::GpuMemUsed, Metric::GpuMemFree, Metric::GpuTemp, Metric::GpuPower };
}

void DeviceMetricsQuery::start()
{
    for (const Prom::Metric metric : deviceMetrics()) {
        const auto expr = m_catalogue.expr(metric);
        if (!expr)
            continue;
        Prom::PromJob *job = m_client->query(*expr);
        m_jobs.append(job);
        ++m_pending;
        connect(job, &Prom::PromJob::finished, this, [this, metric](const Prom::PromResponse &response) {
            for (const Prom::Series &series : response.query.series) {
                if (!series.samples.isEmpty())
                    m_readings.append(
                        { metric, m_catalogue.keyOf(metric, series.labels), series.samples.last().value });
            }
            m_warnings += response.warnings;
            --m_pending;
            finishIfDone();
        });
        connect(job, &Prom::PromJob::failed, this, [this](const Core::Error &error) {
            if (m_done)
                return;
            m_done = true;
            for (const auto &other : std::as_const(m_jobs)) {
                if (other)
                    other->cancel();
            }
            Q_EMIT failed(error);
        });
    }
    finishIfDone();
}

void DeviceMetricsQuery::finishIfDone()
{
    if (m_done || m_pending > 0)
        return;
    m_done = true;
    m_warnings.removeDuplicates();
    Q_EMIT finished(m_readings, m_warnings);
}

} // namespace Specula::Model
