// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/devicemetricsquery.h"

#include "core/offthread.h"
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

void DeviceMetricsQuery::start(qsizetype expectedReadings)
{
    m_readings = std::make_shared<ReadingCollector>(expectedReadings);
    for (const Prom::Metric metric : deviceMetrics()) {
        const auto expr = m_catalogue.expr(metric);
        if (!expr)
            continue;
        Prom::PromJob *job = m_client->query(m_catalogue.keyed(metric, *expr));
        m_jobs.append(job);
        ++m_pending;
        // A large cluster answers with tens of thousands of series per metric: each goes into the
        // merged readings as it is read, off the GUI thread, so that no answer is held whole.
        job->setSeriesVisitor([readings = m_readings, catalogue = m_catalogue, metric](Prom::Series &&series) {
            if (series.samples.isEmpty())
                return;
            MetricReading reading;
            reading.key = catalogue.keyOf(metric, series.labels);
            keepHighest(reading.values, metric, series.samples.last().value);
            readings->add(std::move(reading));
        });
        connect(job, &Prom::PromJob::finished, this, [this](const Prom::PromResponse &response) {
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
    // Freeing the merge's index of 40,000 keys takes a while: not on the GUI thread.
    Core::runOffThread(
        this, [readings = m_readings] { return readings->take(); },
        [this](const QList<MetricReading> &readings) { Q_EMIT finished(readings, m_warnings); });
}

} // namespace Specula::Model
