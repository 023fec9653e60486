// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/metricsconnection.h"

#include "prom/dialectprobe.h"
#include "prom/promclient.h"
#include "prom/promdiscovery.h"

namespace Specula::Model {

MetricsConnection::MetricsConnection(QNetworkAccessManager *nam, Net::ConnectionContext apiServer,
                                     PrometheusSettings settings, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_apiServer(std::move(apiServer))
    , m_settings(std::move(settings))
{ }

MetricsConnection::~MetricsConnection() = default;

void MetricsConnection::start(const QStringList &nodeNames)
{
    m_nodeNames = nodeNames;
    switch (m_settings.mode) {
    case PrometheusSettings::Mode::None:
        m_status.state = PrometheusStatus::State::Disabled;
        return;
    case PrometheusSettings::Mode::Url: {
        auto endpoint = m_settings.directEndpoint();
        if (!endpoint) {
            fail(endpoint.error());
            return;
        }
        useEndpoint(endpoint.value(), QStringLiteral("given URL"));
        return;
    }
    case PrometheusSettings::Mode::Service: {
        const auto endpoint = Prom::PromEndpoint::serviceProxy(m_apiServer, m_settings.ns, m_settings.service,
                                                               m_settings.port, m_settings.https);
        useEndpoint(endpoint,
                    QStringLiteral("given Service %1/%2:%3").arg(m_settings.ns, m_settings.service, m_settings.port));
        return;
    }
    case PrometheusSettings::Mode::Auto:
        break;
    }
    auto *discovery = new Prom::PromDiscovery(m_nam, m_apiServer, this);
    connect(discovery, &Prom::PromDiscovery::found, this,
            [this, discovery](const Prom::PromEndpoint &endpoint, const Prom::PromCandidate &candidate,
                              const Prom::BuildInfo &buildInfo) {
                discovery->deleteLater();
                m_status.url = endpoint.baseUrl().toString(QUrl::RemoveUserInfo);
                m_client = new Prom::PromClient(m_nam, endpoint, this);
                m_source = QStringLiteral("%1 %2").arg(candidate.flavor, candidate.id());
                probeDialect(buildInfo.version);
            });
    connect(discovery, &Prom::PromDiscovery::failed, this, [this, discovery](const Core::Error &error) {
        discovery->deleteLater();
        fail(error);
    });
    discovery->start();
}

// A pinned Prometheus is asked for its build info first, so that a wrong URL fails with the
// server's own words before anything else is sent.
void MetricsConnection::useEndpoint(const Prom::PromEndpoint &endpoint, const QString &source)
{
    m_status.url = endpoint.baseUrl().toString(QUrl::RemoveUserInfo);
    m_client = new Prom::PromClient(m_nam, endpoint, this);
    m_source = source;
    Prom::PromJob *job = m_client->buildInfo();
    connect(job, &Prom::PromJob::finished, this,
            [this](const Prom::PromResponse &response) { probeDialect(response.buildInfo.version); });
    connect(job, &Prom::PromJob::failed, this, &MetricsConnection::fail);
}

void MetricsConnection::probeDialect(const QString &version)
{
    if (!version.isEmpty())
        m_source += QStringLiteral(", Prometheus API %1").arg(version);
    auto *probe = new Prom::DialectProbe(m_client, m_nodeNames, this);
    connect(probe, &Prom::DialectProbe::finished, this, [this, probe](const Prom::Dialect &dialect) {
        probe->deleteLater();
        m_catalogue = Prom::MetricCatalogue(dialect);
        m_status.state = PrometheusStatus::State::Ok;
        m_status.source = m_source;
        m_status.dialect = dialect.describe();
        m_status.error.clear();
        Q_EMIT ready();
    });
    connect(probe, &Prom::DialectProbe::failed, this, [this, probe](const Core::Error &error) {
        probe->deleteLater();
        fail(error);
    });
    probe->start();
}

void MetricsConnection::fail(const Core::Error &error)
{
    m_status.state = PrometheusStatus::State::Unreachable;
    m_status.source = m_source;
    m_status.error = error.toString();
    Q_EMIT failed(error);
}

} // namespace Specula::Model
