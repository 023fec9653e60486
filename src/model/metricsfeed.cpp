// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/metricsfeed.h"

#include "model/clustersession.h"
#include "model/devicemetricsquery.h"
#include "model/metricsconnection.h"

namespace Specula::Model {

MetricsFeed::MetricsFeed(ClusterSession *session, PrometheusSettings settings, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_settings(std::move(settings))
{ }

MetricsFeed::~MetricsFeed() = default;

Prom::PromClient *MetricsFeed::client() const
{
    return m_ready ? m_connection->client() : nullptr;
}

const Prom::MetricCatalogue &MetricsFeed::catalogue() const
{
    static const Prom::MetricCatalogue none;
    return m_ready ? m_connection->catalogue() : none;
}

void MetricsFeed::refresh()
{
    // With no Prometheus the status stays Disabled, as the session's is from the start.
    if (!m_session || m_query || m_settings.mode == PrometheusSettings::Mode::None)
        return;
    if (m_ready)
        fetchReadings();
    else if (!m_connection)
        connectToPrometheus();
}

void MetricsFeed::connectToPrometheus()
{
    QStringList nodeNames;
    for (const NodeSummary &node : m_session->snapshot().nodes)
        nodeNames.append(node.name);
    m_connection = new MetricsConnection(m_session->networkAccess(), m_session->context(), m_settings, this);
    connect(m_connection, &MetricsConnection::ready, this, [this] {
        m_ready = true;
        m_status = m_connection->status();
        Q_EMIT ready();
        fetchReadings();
    });
    connect(m_connection, &MetricsConnection::failed, this, [this](const Core::Error &error) {
        m_status = m_connection->status();
        // The next refresh looks again: Prometheus may have been restarting.
        std::exchange(m_connection, nullptr)->deleteLater();
        publish();
        Q_EMIT failed(error);
    });
    m_connection->start(nodeNames);
}

void MetricsFeed::fetchReadings()
{
    m_query = new DeviceMetricsQuery(m_connection->client(), m_connection->catalogue(), this);
    connect(m_query, &DeviceMetricsQuery::finished, this,
            [this](const QList<MetricReading> &readings, const QStringList &) {
                std::exchange(m_query, nullptr)->deleteLater();
                m_readings = readings;
                m_status = m_connection->status();
                publish();
            });
    connect(m_query, &DeviceMetricsQuery::failed, this, [this](const Core::Error &error) {
        std::exchange(m_query, nullptr)->deleteLater();
        m_status.state = PrometheusStatus::State::Unreachable;
        m_status.error = error.toString();
        publish();
        Q_EMIT failed(error);
    });
    m_query->start(m_readings.size());
}

void MetricsFeed::publish()
{
    if (m_session)
        m_session->setGpuReadings(m_readings, m_status);
}

} // namespace Specula::Model
