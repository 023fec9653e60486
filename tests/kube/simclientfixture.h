// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Shared by the client and informer tests: a simulated cluster on 127.0.0.1 and a KubeClient
// connected to it over real HTTPS, through the kubeconfig the simulator writes (the real path)
// or a ConnectionContext built by hand for the cases a kubeconfig cannot express.

#include "kube/kubeclient.h"
#include "kube/kubeconfig.h"
#include "net/credentials.h"
#include "sim/simserver.h"

#include <QNetworkAccessManager>
#include <QSslCertificate>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

namespace Specula::Test {

// Hands out a fixed list of credentials in turn, the last one forever; counts what the client
// asks. Models a token that rotated behind the client's back.
class RotatingCredentials final : public Net::CredentialSource
{
public:
    explicit RotatingCredentials(QList<QByteArray> authorizations)
        : m_authorizations(std::move(authorizations))
    { }
    void fetch(QObject *context, Callback done) override
    {
        ++fetches;
        Net::Credentials credentials;
        credentials.authorization = m_authorizations.value(std::min<qsizetype>(m_index, m_authorizations.size() - 1));
        QMetaObject::invokeMethod(
            context, [done = std::move(done), credentials] { done(credentials); }, Qt::QueuedConnection);
    }
    void invalidate() override
    {
        ++invalidations;
        ++m_index;
    }
    int fetches = 0;
    int invalidations = 0;

private:
    QList<QByteArray> m_authorizations;
    qsizetype m_index = 0;
};

inline Sim::Scenario demoScenario()
{
    auto scenario = Sim::loadScenario(QStringLiteral("builtin:demo"));
    if (!scenario)
        qFatal("builtin:demo: %s", qPrintable(scenario.error().toString()));
    return *scenario;
}

// The demo plus `extra` plain pods spread over its namespaces, for paging and size tests.
inline Sim::Scenario scenarioWithPods(int extra)
{
    Sim::Scenario scenario = demoScenario();
    const Sim::PodDesc templatePod = scenario.pods.first();
    for (int i = 0; i < extra; ++i) {
        Sim::PodDesc pod = templatePod;
        pod.ns = QStringLiteral("bulk-%1").arg(i % 7);
        pod.name = QStringLiteral("bulk-pod-%1").arg(i, 5, 10, QLatin1Char('0'));
        pod.churn = false;
        pod.annotations.insert(QStringLiteral("bulk/padding"), QString(200, QLatin1Char('x')));
        scenario.pods.append(pod);
    }
    return scenario;
}

struct SimCluster
{
    std::unique_ptr<Sim::SimServer> sim;
    QTemporaryDir dir;
    QUrl url;

    // Starts without automatic ticks: tests move the cluster with advance().
    bool start(Sim::Scenario scenario)
    {
        Sim::ServerOptions options;
        options.tickMs = -1;
        sim = std::make_unique<Sim::SimServer>(std::move(scenario), options);
        auto started = sim->start();
        if (!started) {
            qWarning() << started.error().toString();
            return false;
        }
        url = *started;
        return true;
    }

    // Through the kubeconfig the simulator writes, loaded and resolved like any user's file.
    Core::Result<Net::ConnectionContext> contextFromKubeconfig(Sim::SimServer::KubeconfigAuth auth)
    {
        const QString path = dir.filePath(QStringLiteral("kubeconfig-%1").arg(int(auth)));
        QString error;
        if (!sim->writeKubeconfig(path, auth, &error))
            return Core::Error { Core::Error::Kind::Config, error, path, 0, {} };
        Kube::KubeConfigSources sources;
        sources.explicitPath = path;
        auto config = Kube::KubeConfig::load(sources);
        if (!config)
            return config.error();
        return config->resolve();
    }

    // By hand: the simulator's CA and a credential source of the test's choosing.
    Net::ConnectionContext handContext(std::shared_ptr<Net::CredentialSource> credentials) const
    {
        Net::ConnectionContext context;
        context.contextName = QStringLiteral("sim");
        context.server = url;
        context.caCertificates = QSslCertificate::fromData(Sim::SimServer::caCertificatePem());
        context.credentials = std::move(credentials);
        return context;
    }

    QByteArray bearer() const { return QByteArray("Bearer ") + sim->bearerToken(); }
    // A context that authenticates with the scenario's bearer token.
    Net::ConnectionContext tokenContext() const
    {
        return handContext(std::make_shared<RotatingCredentials>(QList<QByteArray> { bearer() }));
    }
};

} // namespace Specula::Test
