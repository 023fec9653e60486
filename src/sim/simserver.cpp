// SPDX-License-Identifier: GPL-3.0-or-later
#include "sim/simserver.h"

#include "sim/generator.h"
#include "sim/httpserver.h"
#include "sim/kubeapi.h"
#include "sim/metricset.h"
#include "sim/objectrenderer.h"
#include "sim/objectstore.h"
#include "sim/podjsonwriter.h"
#include "sim/promapi.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSslKey>
#include <QTimer>

namespace Specula::Sim {

namespace {

QByteArray resource(const QString &name)
{
    QFile file(u":/specula/sim/certs/"_qs + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

QByteArray SimServer::caCertificatePem()
{
    return resource(u"ca.crt"_qs);
}
QByteArray SimServer::clientCertificatePem()
{
    return resource(u"client.crt"_qs);
}
QByteArray SimServer::clientKeyPem()
{
    return resource(u"client.key"_qs);
}

SimServer::SimServer(Scenario scenario, ServerOptions options, QObject *parent)
    : QObject(parent)
    , m_scenario(std::move(scenario))
    , m_options(std::move(options))
{
    m_token = m_scenario.token.isEmpty() ? QByteArray::number(QRandomGenerator::system()->generate64(), 16)
            + QByteArray::number(QRandomGenerator::system()->generate64(), 16)
                                         : m_scenario.token.toUtf8();
}

SimServer::~SimServer() = default;

QUrl SimServer::url() const
{
    return m_url;
}
QByteArray SimServer::bearerToken() const
{
    return m_token;
}
quint64 SimServer::resourceVersion() const
{
    return m_store ? m_store->resourceVersion() : 0;
}

void SimServer::setContinueExpirySeconds(int seconds)
{
    m_scenario.continueExpirySeconds = seconds;
    if (m_api)
        m_api->setContinueExpirySeconds(seconds);
}

Core::Result<QUrl> SimServer::start()
{
    auto fail = [this](const QString &message) {
        Core::Error error;
        error.kind = Core::Error::Kind::Config;
        error.where = m_options.address.toString() + u':' + QString::number(m_options.port);
        error.message = message;
        return error;
    };
    if (m_http)
        return m_url;
    if (!m_options.address.isLoopback() && !m_options.allowNonLoopback)
        return fail(u"refusing to listen on a non-loopback address"_qs);

    std::optional<QSslConfiguration> tls;
    if (m_options.tls) {
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        const QList<QSslCertificate> server = QSslCertificate::fromData(resource(u"server.crt"_qs));
        const QSslKey key(resource(u"server.key"_qs), QSsl::Rsa);
        if (server.isEmpty() || key.isNull())
            return fail(u"the embedded server certificate or key is missing"_qs);
        config.setLocalCertificate(server.first());
        config.setPrivateKey(key);
        config.setCaCertificates(QSslCertificate::fromData(caCertificatePem()));
        // Ask for a client certificate without requiring one: bearer tokens share the port.
        config.setPeerVerifyMode(QSslSocket::QueryPeer);
        config.setProtocol(QSsl::TlsV1_2OrLater);
        config.setAllowedNextProtocols({ QSslConfiguration::NextProtocolHttp1_1 });
        tls = config;
    }
    populate();
    m_http = new HttpServer(
        [this](const HttpRequest &request, HttpResponder *responder) { handle(request, responder); }, this);
    QString error;
    if (!m_http->listen(m_options.address, m_options.port, tls, &error)) {
        delete m_http;
        m_http = nullptr;
        return fail(error);
    }
    m_api = new KubeApi(m_scenario, m_store.get(), &m_faults, this);
    m_store->setListener([this](const WatchEvent &event) { m_api->dispatch(event); });

    QUrl url;
    url.setScheme(m_options.tls ? u"https"_qs : u"http"_qs);
    url.setHost(m_options.address.toString());
    url.setPort(m_http->port());
    m_url = url;

    const int tickMs = m_options.tickMs == 0 ? m_scenario.tickMs : m_options.tickMs;
    if (tickMs > 0) {
        auto *timer = new QTimer(this);
        connect(timer, &QTimer::timeout, this, [this] { advance(1); });
        timer->start(tickMs);
    }
    return m_url;
}

void SimServer::stop()
{
    delete m_http;
    m_http = nullptr;
}

void SimServer::populate()
{
    m_store = std::make_unique<ObjectStore>(m_scenario.watchHistory);
    m_renderer = std::make_unique<ObjectRenderer>(m_scenario.seed, QDateTime::currentDateTimeUtc());
    m_store->setRecording(false);
    const QList<ResourceType> types = resourceTypes(m_scenario);
    for (const NodeDesc &node : std::as_const(m_scenario.nodes))
        m_store->put(u"nodes"_qs, m_renderer->node(node));
    const PodJsonWriter writer(*m_renderer);
    m_pods.reserve(m_scenario.pods.size());
    // Pods whose FailedScheduling event the scenario writes itself (for a message newer than the pod's).
    QSet<QByteArray> explained;
    for (const QJsonObject &event : m_scenario.objects.value(u"events"_qs)) {
        const QJsonObject involved = event.value(u"involvedObject").toObject();
        if (event.value(u"reason").toString() == u"FailedScheduling" && involved.value(u"kind").toString() == u"Pod")
            explained.insert(
                ObjectStore::key(involved.value(u"namespace")
                                     .toString(event.value(u"metadata").toObject().value(u"namespace").toString()),
                                 involved.value(u"name").toString()));
    }
    QSet<QString> namespaces;
    for (const QJsonObject &ns : m_scenario.objects.value(u"namespaces"_qs))
        namespaces.insert(ns.value(u"metadata").toObject().value(u"name").toString());
    for (const PodDesc &pod : std::as_const(m_scenario.pods)) {
        const QByteArray key = ObjectStore::key(pod.ns, pod.name);
        m_pods.insert(key, pod);
        if (pod.churn)
            m_churn.append(key);
        if (!namespaces.contains(pod.ns)) {
            namespaces.insert(pod.ns);
            m_store->put(
                u"namespaces"_qs,
                m_renderer->complete(
                    QJsonObject { { u"metadata"_qs, QJsonObject { { u"name"_qs, pod.ns } } },
                                  { u"spec"_qs, QJsonObject { { u"finalizers"_qs, QJsonArray { u"kubernetes"_qs } } } },
                                  { u"status"_qs, QJsonObject { { u"phase"_qs, u"Active"_qs } } } },
                    u"v1"_qs, u"Namespace"_qs));
        }
        m_store->putStored(u"pods"_qs, writer.render(pod, m_store->reserveVersion()));
        if (!pod.pendingMessage.isEmpty() && pod.node.isEmpty() && !explained.contains(key))
            m_store->put(u"events"_qs, m_renderer->failedSchedulingEvent(pod));
    }
    for (auto it = m_scenario.objects.cbegin(); it != m_scenario.objects.cend(); ++it) {
        for (const ResourceType &type : types) {
            if (type.plural != it.key())
                continue;
            for (const QJsonObject &object : it.value())
                m_store->put(type.plural, m_renderer->complete(object, type.apiVersion(), type.kind));
        }
    }
    m_store->setRecording(true);
}

void SimServer::handle(const HttpRequest &request, HttpResponder *responder)
{
    const bool tokenOk = request.header("authorization") == "Bearer " + m_token;
    if (!tokenOk && !request.peerCertificateVerified) {
        responder->send(401, KubeApi::statusBody(401, u"Unauthorized"_qs, u"Unauthorized"_qs));
        return;
    }
    if (request.path.startsWith(u"/sim/")) {
        control(request, responder);
        return;
    }
    if (m_faults.latencyMs() > 0) {
        QPointer<HttpResponder> guard(responder);
        QTimer::singleShot(m_faults.latencyMs(), this, [this, guard, request] {
            if (guard && !guard->isFinished())
                serve(request, guard);
        });
        return;
    }
    serve(request, responder);
}

void SimServer::serve(const HttpRequest &request, HttpResponder *responder)
{
    int status = 0;
    int retryAfter = 0;
    const FaultInjector::Action action = m_faults.takeNext(&status, &retryAfter);
    if (action == FaultInjector::Action::Status) {
        HttpHeaders headers;
        QString reason = u"InternalError"_qs;
        QString message = u"Internal error occurred: injected by the simulator"_qs;
        QJsonObject details;
        if (status == 429) {
            headers.append(std::pair<QByteArray, QByteArray>("Retry-After", QByteArray::number(retryAfter)));
            reason = u"TooManyRequests"_qs;
            message = u"The API server is busy; please try again later"_qs;
            details.insert(u"retryAfterSeconds"_qs, retryAfter);
        } else if (status == 503) {
            reason = u"ServiceUnavailable"_qs;
            message = u"The server is currently unable to handle the request"_qs;
        }
        responder->send(status, KubeApi::statusBody(status, reason, message, details), "application/json", headers);
        return;
    }
    static const QRegularExpression proxyPath(u"^/api/v1/namespaces/([^/]+)/services/([^/]+)/proxy(/.*)?$"_qs);
    if (const auto match = proxyPath.match(request.path); match.hasMatch()) {
        const QString ns = match.captured(1);
        const QString id = match.captured(2);
        QStringList parts = id.split(u':');
        if (parts.size() == 3 || (parts.size() == 2 && (parts.first() == u"https" || parts.first() == u"http")))
            parts.removeFirst();
        const QString service = parts.value(0);
        if (m_proxyHandler && m_proxyHandler(ns, service, parts.value(1), match.captured(3), request, responder))
            return;
        if (servePrometheusProxy(ns, service, parts.value(1), match.captured(3), request, responder))
            return;
        if (!m_store->find(u"services"_qs, ns, service)) {
            responder->send(404,
                            KubeApi::statusBody(404, u"NotFound"_qs, u"services \"%1\" not found"_qs.arg(service),
                                                { { u"name"_qs, service }, { u"kind"_qs, u"services"_qs } }));
            return;
        }
        responder->send(503,
                        KubeApi::statusBody(503, u"ServiceUnavailable"_qs,
                                            u"no endpoints available for service \"%1\""_qs.arg(id)));
        return;
    }
    if (serveMetrics(request, responder))
        return;
    m_api->handle(request, responder, action);
}

bool SimServer::servePrometheusProxy(const QString &ns, const QString &service, const QString &port,
                                     const QString &path, const HttpRequest &request, HttpResponder *responder)
{
    const std::optional<PrometheusService> &prometheus = m_scenario.metrics.prometheus;
    if (!prometheus || ns != prometheus->ns || service != prometheus->name)
        return false;
    // A port by number, or by the name the Service object (when the scenario has one) gives it.
    bool portMatches = port.isEmpty() || port == QString::number(prometheus->port);
    if (const StoredObject *object = portMatches ? nullptr : m_store->find(u"services"_qs, ns, service)) {
        const QJsonArray ports
            = QJsonDocument::fromJson(object->json).object().value(u"spec").toObject().value(u"ports").toArray();
        for (const QJsonValue &entry : ports) {
            const QJsonObject servicePort = entry.toObject();
            portMatches = portMatches
                || (servicePort.value(u"name").toString() == port
                    && servicePort.value(u"port").toInt() == prometheus->port);
        }
    }
    if (!portMatches) {
        // The apiserver finds no endpoint for a port the Service does not have.
        responder->send(503,
                        KubeApi::statusBody(503, u"ServiceUnavailable"_qs,
                                            u"no endpoints available for service \"%1:%2\""_qs.arg(service, port)));
        return true;
    }
    if (!path.startsWith(u"/api/v1/")) {
        responder->send(404, "404 page not found\n", "text/plain; charset=utf-8");
        return true;
    }
    const PromApi::Response response = promApi()->answer(path, request);
    responder->send(response.status, response.body, response.contentType);
    return true;
}

PromApi *SimServer::promApi()
{
    // Built on first use: values are functions of time, but the large scenario's three million
    // label sets take seconds, which a server that is only listed by kubectl need not spend.
    if (!m_promApi) {
        m_metrics = std::make_unique<MetricSet>(MetricSet::build(m_scenario));
        m_promApi = std::make_unique<PromApi>(PromqlStorage::fromMetricSet(*m_metrics));
    }
    return m_promApi.get();
}

bool SimServer::serveMetrics(const HttpRequest &request, HttpResponder *responder)
{
    if (request.path.startsWith(u"/prometheus/")) {
        const QString path = request.path.mid(11);
        if (!path.startsWith(u"/api/v1/")) {
            responder->send(404, "404 page not found\n", "text/plain; charset=utf-8");
            return true;
        }
        const PromApi::Response response = promApi()->answer(path, request);
        responder->send(response.status, response.body, response.contentType);
        return true;
    }
    if (request.path.startsWith(u"/metrics/") && promApi()) {
        const qint64 interval = qMax<qint64>(1, m_metrics->scrapeInterval());
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const QByteArray page = m_metrics->exposition(request.path.mid(9), now - now % interval);
        if (page.isEmpty())
            responder->send(404, "404 page not found\n", "text/plain; charset=utf-8");
        else
            responder->send(200, page, "text/plain; version=0.0.4; charset=utf-8");
        return true;
    }
    return false;
}

void SimServer::control(const HttpRequest &request, HttpResponder *responder)
{
    if (request.path == u"/sim/faults" && request.method == "POST") {
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
        QString error;
        if (!doc.isObject()) {
            responder->send(400, KubeApi::statusBody(400, u"BadRequest"_qs, u"the body must be a JSON object"_qs));
            return;
        }
        if (!m_faults.apply(doc.object(), &error)) {
            responder->send(400, KubeApi::statusBody(400, u"BadRequest"_qs, error));
            return;
        }
    } else if (request.path == u"/sim/advance" && request.method == "POST") {
        const int ticks = QJsonDocument::fromJson(request.body).object().value(u"ticks").toInt(1);
        advance(qBound(1, ticks, 1000));
    } else if (request.path != u"/sim/faults" || request.method != "GET") {
        responder->send(
            404, KubeApi::statusBody(404, u"NotFound"_qs, u"the server could not find the requested resource"_qs));
        return;
    }
    QJsonObject state = m_faults.toJson();
    state.insert(u"tick"_qs, m_tick);
    state.insert(u"resourceVersion"_qs, QString::number(resourceVersion()));
    responder->send(200, QJsonDocument(state).toJson(QJsonDocument::Compact));
}

QByteArray SimServer::kubeconfig(KubeconfigAuth auth) const
{
    QByteArray out = "apiVersion: v1\nkind: Config\nclusters:\n- name: specula-sim\n  cluster:\n    server: "
        + m_url.toString().toUtf8() + '\n';
    if (m_options.tls)
        out += "    certificate-authority-data: " + caCertificatePem().toBase64() + '\n';
    out += "contexts:\n- name: specula-sim\n  context:\n    cluster: specula-sim\n    user: specula-sim-admin\n"
           "current-context: specula-sim\npreferences: {}\nusers:\n- name: specula-sim-admin\n  user:\n";
    if (auth == KubeconfigAuth::ClientCertificate && m_options.tls) {
        out += "    client-certificate-data: " + clientCertificatePem().toBase64() + '\n';
        out += "    client-key-data: " + clientKeyPem().toBase64() + '\n';
    } else {
        out += "    token: " + m_token + '\n';
    }
    return out;
}

bool SimServer::writeKubeconfig(const QString &path, KubeconfigAuth auth, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = path + u": "_qs + file.errorString();
        return false;
    }
    // It holds a key or a token: readable by the owner only.
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(kubeconfig(auth));
    if (!file.commit()) {
        if (error)
            *error = path + u": "_qs + file.errorString();
        return false;
    }
    return true;
}

} // namespace Specula::Sim
