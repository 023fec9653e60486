// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/devicemetricsquery.h"

#include "core/offthread.h"
#include "core/textpool.h"
#include "prom/promclient.h"

#include <QHash>
#include <memory>

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
        // A large cluster answers with tens of thousands of series: each becomes its reading as
        // it is read, off the GUI thread, so that no answer is ever held whole.
        auto readings = std::make_shared<QList<MetricReading>>();
        job->setSeriesVisitor([readings, catalogue = m_catalogue, metric](Prom::Series &&series) {
            if (series.samples.isEmpty())
                return;
            MetricReading &reading = readings->emplace_back();
            reading.key = catalogue.keyOf(metric, series.labels);
            keepHighest(reading.values, metric, series.samples.last().value);
        });
        connect(job, &Prom::PromJob::finished, this, [this, readings](const Prom::PromResponse &response) {
            m_answers.append(std::move(*readings));
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

void DeviceMetricsQuery::shareTexts(QList<MetricReading> &readings)
{
    Core::TextPool texts;
    for (MetricReading &reading : readings) {
        Prom::MetricKey &key = reading.key;
        for (QString *text : { &key.node, &key.uuid, &key.pciBusId, &key.model, &key.migProfile, &key.ns, &key.pod,
                               &key.container, &key.instance })
            texts.share(*text);
    }
}

QList<MetricReading> DeviceMetricsQuery::merged(const QList<QList<MetricReading>> &answers)
{
    QList<MetricReading> readings;
    QHash<Prom::MetricKey, qsizetype> readingOfKey;
    for (const QList<MetricReading> &answer : answers) {
        for (const MetricReading &reading : answer) {
            if (const auto known = readingOfKey.constFind(reading.key); known != readingOfKey.cend()) {
                keepHighest(readings[*known].values, reading.values);
            } else {
                readingOfKey.insert(reading.key, readings.size());
                readings.append(reading);
            }
        }
    }
    readings.squeeze();
    return readings;
}

void DeviceMetricsQuery::finishIfDone()
{
    if (m_done || m_pending > 0)
        return;
    m_done = true;
    m_warnings.removeDuplicates();
    // The metrics name the same GPUs, each answer in its own copies of the label texts: one copy
    // for all is some 100 MB less on a cluster of 40,000 GPUs.
    Core::runOffThread(
        this,
        [answers = std::exchange(m_answers, {})]() mutable {
            QList<MetricReading> readings = merged(answers);
            answers = {};
            shareTexts(readings);
            return readings;
        },
        [this](QList<MetricReading> readings) { Q_EMIT finished(readings, m_warnings); });
}

} // namespace Specula::Model
