// SPDX-License-Identifier: GPL-3.0-or-later
#include "prom/promdiscovery.h"

#include "net/apiconnection.h"
#include "prom/promclient.h"

#include <QStringList>

namespace Specula::Prom {
namespace {

// A probe is one small GET; a Service without endpoints answers 503 at once, and one that
// hangs should not hold the window's metrics back for the default 30 s.
constexpr std::chrono::seconds kProbeTimeout { 10 };

} // namespace

PromDiscovery::PromDiscovery(QNetworkAccessManager *nam, Net::ConnectionContext apiServer, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_apiServer(std::move(apiServer))
{ }

PromDiscovery::~PromDiscovery() = default;

void PromDiscovery::start()
{
    auto *connection = new Net::ApiConnection(m_nam, m_apiServer, this);
    Net::ApiRequest *request = connection->get(QStringLiteral("/api/v1/services"));
    connect(request, &Net::ApiRequest::finished, this, [this, request, connection](const Net::BodyResult &body) {
        onServices(body, request->httpStatus());
        connection->deleteLater();
    });
}

void PromDiscovery::onServices(const Core::Result<QByteArray> &body, int httpStatus)
{
    if (!body) {
        // Users who may not list Services can often still reach a known one.
        if (httpStatus == 403 || httpStatus == 404) {
            probe(PromCandidates::wellKnown(), true);
            return;
        }
        m_finished = true;
        Q_EMIT failed(body.error());
        return;
    }
    auto candidates = PromCandidates::fromServiceList(body.value());
    if (!candidates) {
        m_finished = true;
        Q_EMIT failed(candidates.error());
        return;
    }
    if (candidates.value().isEmpty()) {
        Core::Error error;
        error.kind = Core::Error::Kind::NotFound;
        error.where = m_apiServer.server.toString(QUrl::RemoveUserInfo);
        error.message = QStringLiteral(
            "no Prometheus found: no Service looks like kube-prometheus, kube-prometheus-stack, the Prometheus "
            "Operator or Helm chart, OpenShift's thanos-querier, Lens metrics, Thanos Query or VictoriaMetrics; "
            "give its URL or Service with --prometheus");
        m_finished = true;
        Q_EMIT failed(error);
        return;
    }
    probe(candidates.value(), false);
}

void PromDiscovery::probe(const QList<PromCandidate> &candidates, bool guessed)
{
    m_guessed = guessed;
    m_probes.reserve(candidates.size());
    for (const PromCandidate &candidate : candidates) {
        PromEndpoint endpoint
            = PromEndpoint::serviceProxy(m_apiServer, candidate.ns, candidate.service, candidate.port, candidate.https);
        endpoint.timeout = kProbeTimeout;
        m_probes.append({ candidate, new PromClient(m_nam, endpoint, this), false, std::nullopt, {} });
    }
    for (qsizetype i = 0; i < m_probes.size(); ++i) {
        PromJob *job = m_probes[i].client->buildInfo();
        connect(job, &PromJob::finished, this, [this, i](const PromResponse &response) {
            m_probes[i].done = true;
            m_probes[i].answer = response.buildInfo;
            decide();
        });
        connect(job, &PromJob::failed, this, [this, i](const Core::Error &error) {
            m_probes[i].done = true;
            m_probes[i].error = error.toString();
            decide();
        });
    }
}

// Decides once every candidate ranked before the first success has answered: a working
// install wins over a better-ranked one only when that one failed.
void PromDiscovery::decide()
{
    if (m_finished)
        return;
    for (const Probe &probe : std::as_const(m_probes)) {
        if (!probe.done)
            return;
        if (probe.answer) {
            m_finished = true;
            PromEndpoint endpoint = probe.client->endpoint();
            endpoint.timeout = PromEndpoint {}.timeout;
            Q_EMIT found(endpoint, probe.candidate, *probe.answer);
            return;
        }
    }
    QStringList tried;
    for (const Probe &probe : std::as_const(m_probes))
        tried.append(QStringLiteral("%1 (%2): %3").arg(probe.candidate.id(), probe.candidate.flavor, probe.error));
    Core::Error error;
    error.kind = Core::Error::Kind::Network;
    error.where = m_apiServer.server.toString(QUrl::RemoveUserInfo);
    error.message = (m_guessed ? QStringLiteral("no Prometheus answered at the usual places (Services may not be "
                                                "listed): ")
                               : QStringLiteral("no Prometheus answered through the service proxy: "))
        + tried.join(QStringLiteral("; "));
    m_finished = true;
    Q_EMIT failed(error);
}

} // namespace Specula::Prom
