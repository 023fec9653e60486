// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"
#include "sim/faultinjector.h"
#include "sim/scenario.h"

#include <QHostAddress>
#include <QObject>
#include <QUrl>
#include <functional>
#include <memory>

namespace Specula::Sim {

class HttpServer;
class HttpResponder;
struct HttpRequest;
class KubeApi;
class MetricSet;
class ObjectStore;
class PromApi;
class ObjectRenderer;

struct ServerOptions
{
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 0; // 0: any free port
    bool tls = true;
    int tickMs = 0; // 0: the scenario's; negative: no automatic ticks (tests call advance())
    bool allowNonLoopback = false;
};

// The simulated cluster: a Kubernetes API server on loopback serving a scenario that changes over time.
// Create it anywhere, move it to its own thread if wanted, then call start() there.
class SimServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SimServer)
public:
    enum class KubeconfigAuth { ClientCertificate, Token };
    // Consulted first for /api/v1/namespaces/NS/services/[https:]NAME:PORT/proxy/PATH; the scenario's
    // own Prometheus (metrics.prometheus) answers there when the handler declines.
    using ServiceProxyHandler = std::function<bool(const QString &ns, const QString &service, const QString &port,
                                                   const QString &path, const HttpRequest &, HttpResponder *)>;

    SimServer(Scenario scenario, ServerOptions options, QObject *parent = nullptr);
    ~SimServer() override;

    Core::Result<QUrl> start();
    void stop();
    QUrl url() const;
    QByteArray bearerToken() const;
    const Scenario &scenario() const { return m_scenario; }

    QByteArray kubeconfig(KubeconfigAuth auth = KubeconfigAuth::ClientCertificate) const;
    bool writeKubeconfig(const QString &path, KubeconfigAuth auth = KubeconfigAuth::ClientCertificate,
                         QString *error = nullptr) const;

    FaultInjector &faults() { return m_faults; }
    void advance(int ticks = 1);
    int tick() const { return m_tick; }
    quint64 resourceVersion() const;
    void setContinueExpirySeconds(int seconds);
    void setServiceProxyHandler(ServiceProxyHandler handler) { m_proxyHandler = std::move(handler); }

    // The embedded test material (resources/sim), PEM.
    static QByteArray caCertificatePem();
    static QByteArray clientCertificatePem();
    static QByteArray clientKeyPem();

Q_SIGNALS:
    void advanced(int tick);

private:
    void handle(const HttpRequest &request, HttpResponder *responder);
    void serve(const HttpRequest &request, HttpResponder *responder);
    void control(const HttpRequest &request, HttpResponder *responder);
    bool serveMetrics(const HttpRequest &request, HttpResponder *responder);
    PromApi *promApi();
    bool servePrometheusProxy(const QString &ns, const QString &service, const QString &port, const QString &path,
                              const HttpRequest &request, HttpResponder *responder);
    void populate();
    void step();
    void putPod(const QByteArray &key);

    Scenario m_scenario;
    ServerOptions m_options;
    QByteArray m_token;
    FaultInjector m_faults;
    std::unique_ptr<ObjectStore> m_store;
    std::unique_ptr<ObjectRenderer> m_renderer;
    HttpServer *m_http = nullptr;
    KubeApi *m_api = nullptr;
    QUrl m_url;
    ServiceProxyHandler m_proxyHandler;
    std::unique_ptr<MetricSet> m_metrics;
    std::unique_ptr<PromApi> m_promApi;
    int m_tick = 0;
    int m_created = 0;
    QHash<QByteArray, PodDesc> m_pods;
    QList<QByteArray> m_churn; // churn pods in creation order
    QList<QByteArray> m_finished; // finished churn pods, oldest first
};

} // namespace Specula::Sim
