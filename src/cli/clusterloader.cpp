// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/clusterloader.h"

#include "cli/prometheusoptions.h"
#include "model/clustersession.h"
#include "model/devicemetricsquery.h"
#include "model/metricsconnection.h"

namespace Specula::Cli {

ClusterLoader::ClusterLoader(ConnectionOptions connection, Model::PrometheusSettings prometheus, QObject *parent)
    : QObject(parent)
    , m_connection(std::move(connection))
    , m_prometheus(std::move(prometheus))
{ }

ClusterLoader::~ClusterLoader() = default;

void ClusterLoader::start()
{
    auto fail = [this](const Core::Error &error) {
        if (m_done)
            return;
        m_done = true;
        Q_EMIT failed(error);
    };
    connect(&m_resolver, &ConnectionResolver::failed, this, fail);
    connect(&m_resolver, &ConnectionResolver::resolved, this,
            [this, fail](const Kube::KubeConfig &config, const QString &name) {
                auto context = config.resolve(name);
                if (!context) {
                    fail(context.error());
                    return;
                }
                m_session = std::make_unique<Model::ClusterSession>(context.value());
                // A one-shot command does not wait for a cluster that does not answer: the first
                // error before everything is listed ends it.
                connect(m_session.get(), &Model::ClusterSession::errorOccurred, this, fail);
                connect(m_session.get(), &Model::ClusterSession::loaded, this, &ClusterLoader::connectMetrics);
                m_session->start(false);
            });
    if (!PrometheusOptions::takesProfileSecrets(m_connection, m_prometheus)) {
        m_resolver.resolve(m_connection);
        return;
    }
    m_secrets.addPrometheusSecrets(m_connection.profile->name, m_prometheus,
                                   [this, fail](const Core::Result<Model::PrometheusSettings> &settings) {
                                       if (!settings) {
                                           fail(settings.error());
                                           return;
                                       }
                                       m_prometheus = settings.value();
                                       m_resolver.resolve(m_connection);
                                   });
}

void ClusterLoader::connectMetrics()
{
    if (m_prometheus.mode == Model::PrometheusSettings::Mode::None) {
        m_done = true;
        Q_EMIT loaded();
        return;
    }
    QStringList nodeNames;
    for (const Model::NodeSummary &node : m_session->snapshot().nodes)
        nodeNames.append(node.name);
    m_metrics = new Model::MetricsConnection(m_session->networkAccess(), m_session->context(), m_prometheus, this);
    auto done = [this] {
        if (m_done)
            return;
        m_done = true;
        Q_EMIT loaded();
    };
    connect(m_metrics, &Model::MetricsConnection::ready, this, done);
    connect(m_metrics, &Model::MetricsConnection::failed, this, done);
    m_metrics->start(nodeNames);
}

Model::ClusterSnapshot ClusterLoader::snapshot() const
{
    Model::ClusterSnapshot snapshot = m_session ? m_session->snapshot() : Model::ClusterSnapshot {};
    if (m_metrics)
        snapshot.prometheus = m_metrics->status();
    return snapshot;
}

void ClusterLoader::fetchReadings(std::function<void(const Model::ClusterSnapshot &)> done)
{
    if (!m_metrics || m_metrics->status().state != Model::PrometheusStatus::State::Ok) {
        done(snapshot());
        return;
    }
    auto *query = new Model::DeviceMetricsQuery(m_metrics->client(), m_metrics->catalogue(), this);
    connect(query, &Model::DeviceMetricsQuery::finished, this,
            [this, done](const QList<Model::MetricReading> &readings, const QStringList &warnings) {
                Model::ClusterSnapshot joined = snapshot();
                Model::joinGpuMetrics(joined, readings);
                for (const QString &warning : warnings)
                    joined.warnings.append(QStringLiteral("Prometheus: %1").arg(warning));
                done(joined);
            });
    connect(query, &Model::DeviceMetricsQuery::failed, this, [this, done](const Core::Error &error) {
        Model::ClusterSnapshot unjoined = snapshot();
        unjoined.prometheus.state = Model::PrometheusStatus::State::Unreachable;
        unjoined.prometheus.error = error.toString();
        done(unjoined);
    });
    query->start();
}

} // namespace Specula::Cli
