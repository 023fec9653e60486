// SPDX-License-Identifier: GPL-3.0-or-later
// Prometheus discovery end to end: PromDiscovery lists the simulator's Services over real HTTPS
// on 127.0.0.1, ranks the installs it recognises, probes them through the API server's service
// proxy and picks one; PromClient then queries through that proxy. Each install flavour has its
// own small scenario (tests/data/sim/discovery-*.yaml) with the Services that install creates and
// the decoys beside it.
#include "kube/staticcredentialsource.h"
#include "prom/promclient.h"
#include "prom/promdiscovery.h"
#include "sim/httpserver.h"
#include "sim/metricset.h"
#include "sim/simserver.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTest>
#include <memory>
#include <optional>
#include <variant>

using namespace Specula;

namespace {

const QString simVersion = QStringLiteral("2.42.0-specula-sim");
// What a second, worse-ranked Prometheus answers, so that a pick by rank shows in the version.
const QString rivalVersion = QStringLiteral("2.53.1-rival");

QString scenarioPath(const QString &name)
{
    if (name.startsWith(u"builtin:"))
        return name;
    return qEnvironmentVariable("SPECULA_SOURCE_DIR") + QStringLiteral("/tests/data/sim/") + name;
}

struct Found
{
    Prom::PromEndpoint endpoint;
    Prom::PromCandidate candidate;
    Prom::BuildInfo buildInfo;
};

using Outcome = std::variant<std::monostate, Found, Core::Error>;

} // namespace

class TestPromDiscovery : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Sim::SimServer> m_sim;
    QNetworkAccessManager m_nam;

    bool startSim(const QString &name)
    {
        auto scenario = Sim::loadScenario(scenarioPath(name));
        if (!scenario) {
            qWarning("%s", qPrintable(scenario.error().toString()));
            return false;
        }
        Sim::ServerOptions options;
        options.tickMs = -1;
        m_sim = std::make_unique<Sim::SimServer>(std::move(scenario).value(), options);
        return bool(m_sim->start());
    }

    // A second Prometheus behind `rival` ("ns/service"), on whatever port is asked.
    void addRival(const QString &rival)
    {
        if (rival.isEmpty())
            return;
        m_sim->setServiceProxyHandler([rival](const QString &ns, const QString &service, const QString &,
                                              const QString &path, const Sim::HttpRequest &,
                                              Sim::HttpResponder *responder) {
            if (ns + u'/' + service != rival)
                return false;
            if (path != u"/api/v1/status/buildinfo") {
                responder->send(404, "404 page not found\n", "text/plain; charset=utf-8");
                return true;
            }
            const QJsonObject data { { QStringLiteral("version"), rivalVersion },
                                     { QStringLiteral("revision"), QStringLiteral("rival") } };
            const QJsonObject body { { QStringLiteral("status"), QStringLiteral("success") },
                                     { QStringLiteral("data"), data } };
            responder->send(200, QJsonDocument(body).toJson(QJsonDocument::Compact));
            return true;
        });
    }

    Net::ConnectionContext context() const
    {
        Net::ConnectionContext context;
        context.contextName = QStringLiteral("sim");
        context.server = m_sim->url();
        context.caCertificates = QSslCertificate::fromData(Sim::SimServer::caCertificatePem());
        Net::Credentials credentials;
        credentials.authorization = "Bearer " + m_sim->bearerToken();
        context.credentials = std::make_shared<Kube::StaticCredentialSource>(credentials);
        return context;
    }

    Outcome discover()
    {
        Prom::PromDiscovery discovery(&m_nam, context());
        Outcome outcome;
        int signals = 0;
        connect(&discovery, &Prom::PromDiscovery::found, this,
                [&](const Prom::PromEndpoint &endpoint, const Prom::PromCandidate &candidate,
                    const Prom::BuildInfo &buildInfo) {
                    ++signals;
                    outcome = Found { endpoint, candidate, buildInfo };
                });
        connect(&discovery, &Prom::PromDiscovery::failed, this, [&](const Core::Error &error) {
            ++signals;
            outcome = error;
        });
        discovery.start();
        if (!QTest::qWaitFor([&] { return signals > 0; }, 30000))
            return outcome;
        // Exactly one of found() or failed(), once: give stray signals a moment to show up.
        QTest::qWait(50);
        if (signals != 1)
            return Core::Error { Core::Error::Kind::Http, QStringLiteral("%1 signals").arg(signals), {}, 0, {} };
        return outcome;
    }

    static QString describe(const Outcome &outcome)
    {
        if (std::holds_alternative<Core::Error>(outcome))
            return std::get<Core::Error>(outcome).toString();
        if (std::holds_alternative<std::monostate>(outcome))
            return QStringLiteral("neither found() nor failed() within 30 s");
        return QStringLiteral("found %1").arg(std::get<Found>(outcome).candidate.id());
    }

    // count(DCGM_FI_DEV_GPU_UTIL) through `endpoint`, or an error text.
    std::variant<double, QString> countGpus(const Prom::PromEndpoint &endpoint)
    {
        Prom::PromClient client(&m_nam, endpoint);
        Prom::PromJob *job = client.query(QStringLiteral("count(DCGM_FI_DEV_GPU_UTIL)"));
        std::variant<double, QString> answer = QStringLiteral("no answer in 20 s");
        bool done = false;
        connect(job, &Prom::PromJob::finished, this, [&](const Prom::PromResponse &response) {
            done = true;
            const Prom::QueryResult &vector = response.query;
            if (vector.type != Prom::ResultType::Vector || vector.series.size() != 1
                || vector.series.first().samples.size() != 1)
                answer = QStringLiteral("not one sample");
            else
                answer = vector.series.first().samples.first().value;
        });
        connect(job, &Prom::PromJob::failed, this, [&](const Core::Error &error) {
            done = true;
            answer = error.toString();
        });
        if (!QTest::qWaitFor([&] { return done; }, 20000))
            return QStringLiteral("no answer in 20 s");
        return answer;
    }

    // QVERIFY2 builds its message even when the check passes.
    static QString failure(const std::variant<double, QString> &answer)
    {
        return std::holds_alternative<QString>(answer) ? std::get<QString>(answer) : QString();
    }

    qsizetype expectedGpus() const
    {
        const Sim::MetricSet metrics = Sim::MetricSet::build(m_sim->scenario());
        const Sim::SimFamily *family = metrics.family(QStringLiteral("DCGM_FI_DEV_GPU_UTIL"));
        return family ? family->series.size() : 0;
    }

    QString proxyUrl(const QString &path) const
    {
        QUrl url = m_sim->url();
        url.setPath(path);
        return url.toString();
    }

private Q_SLOTS:
    void cleanup() { m_sim.reset(); }

    void flavours_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QString>("rival"); // a worse-ranked candidate that answers too
        QTest::addColumn<QString>("flavor");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("proxy");
        QTest::addColumn<QString>("portName"); // for pinning the endpoint by hand

        QTest::addRow("kube-prometheus-demo")
            << QStringLiteral("builtin:demo") << QString() << QStringLiteral("kube-prometheus")
            << QStringLiteral("monitoring/prometheus-k8s:9090")
            << QStringLiteral("/api/v1/namespaces/monitoring/services/prometheus-k8s:9090/proxy")
            << QStringLiteral("web");
        QTest::addRow("kube-prometheus") << QStringLiteral("discovery-kube-prometheus.yaml")
                                         << QStringLiteral("monitoring/prometheus-operated")
                                         << QStringLiteral("kube-prometheus")
                                         << QStringLiteral("monitoring/prometheus-k8s:9090")
                                         << QStringLiteral(
                                                "/api/v1/namespaces/monitoring/services/prometheus-k8s:9090/proxy")
                                         << QStringLiteral("web");
        QTest::addRow("helm-chart") << QStringLiteral("discovery-helm.yaml") << QString()
                                    << QStringLiteral("Prometheus Helm chart")
                                    << QStringLiteral("prometheus/prometheus-server:80")
                                    << QStringLiteral(
                                           "/api/v1/namespaces/prometheus/services/prometheus-server:80/proxy")
                                    << QStringLiteral("http");
        QTest::addRow("kube-prometheus-stack")
            << QStringLiteral("discovery-kube-prometheus-stack.yaml")
            << QStringLiteral("observability/prometheus-operated") << QStringLiteral("kube-prometheus-stack")
            << QStringLiteral("observability/observability-kube-prom-prometheus:9090")
            << QStringLiteral("/api/v1/namespaces/observability/services/observability-kube-prom-prometheus:9090/proxy")
            << QStringLiteral("http-web");
        QTest::addRow("openshift")
            << QStringLiteral("discovery-openshift.yaml") << QStringLiteral("openshift-monitoring/prometheus-k8s")
            << QStringLiteral("OpenShift thanos-querier")
            << QStringLiteral("openshift-monitoring/https:thanos-querier:9091")
            << QStringLiteral("/api/v1/namespaces/openshift-monitoring/services/https:thanos-querier:9091/proxy")
            << QStringLiteral("web");
        QTest::addRow("lens") << QStringLiteral("discovery-lens.yaml") << QString() << QStringLiteral("Lens metrics")
                              << QStringLiteral("lens-metrics/prometheus:80")
                              << QStringLiteral("/api/v1/namespaces/lens-metrics/services/prometheus:80/proxy")
                              << QStringLiteral("web");
        // Case 2: kube-prometheus and OpenShift rank first but have no endpoints (503).
        QTest::addRow("better-ranked-without-endpoints")
            << QStringLiteral("discovery-better-silent.yaml") << QString() << QStringLiteral("Prometheus Helm chart")
            << QStringLiteral("prometheus/prometheus-server:80")
            << QStringLiteral("/api/v1/namespaces/prometheus/services/prometheus-server:80/proxy")
            << QStringLiteral("http");
    }
    void flavours()
    {
        QFETCH(QString, scenario);
        QFETCH(QString, rival);
        QFETCH(QString, flavor);
        QFETCH(QString, id);
        QFETCH(QString, proxy);
        QFETCH(QString, portName);
        QVERIFY(startSim(scenario));
        addRival(rival);

        const Outcome outcome = discover();
        QVERIFY2(std::holds_alternative<Found>(outcome), qPrintable(describe(outcome)));
        const Found &found = std::get<Found>(outcome);
        QCOMPARE(found.candidate.flavor, flavor);
        QCOMPARE(found.candidate.id(), id);
        QCOMPARE(found.endpoint.baseUrl().toString(), proxyUrl(proxy));
        QCOMPARE(found.buildInfo.version, simVersion);
        // The probes' short timeout is not what later queries inherit.
        QCOMPARE(found.endpoint.timeout, Prom::PromEndpoint {}.timeout);

        // Service-proxy access end to end: a query through the endpoint discovery found ...
        const qsizetype gpus = expectedGpus();
        QVERIFY(gpus > 0);
        const auto viaFound = countGpus(found.endpoint);
        QVERIFY2(std::holds_alternative<double>(viaFound), qPrintable(failure(viaFound)));
        QCOMPARE(std::get<double>(viaFound), double(gpus));

        // ... and through one pinned by hand, naming the port as the Service does.
        const Prom::PromEndpoint pinned = Prom::PromEndpoint::serviceProxy(
            context(), found.candidate.ns, found.candidate.service, portName, found.candidate.https);
        const auto viaPinned = countGpus(pinned);
        QVERIFY2(std::holds_alternative<double>(viaPinned), qPrintable(failure(viaPinned)));
        QCOMPARE(std::get<double>(viaPinned), double(gpus));
    }

    void failures_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<bool>("forbidden"); // GET /api/v1/services answers 403
        QTest::addColumn<QStringList>("expected"); // every one must be in the message

        QTest::addRow("no-prometheus") << QStringLiteral("discovery-none.yaml") << false
                                       << QStringList { QStringLiteral("no Prometheus found") };
        QTest::addRow("none-answers")
            << QStringLiteral("discovery-silent.yaml") << false
            << QStringList { QStringLiteral("no Prometheus answered through the service proxy"),
                             QStringLiteral("monitoring/prometheus-k8s:9090 (kube-prometheus)"),
                             QStringLiteral("no endpoints available for service \"prometheus-k8s:9090\""),
                             QStringLiteral("monitoring/prometheus-operated:9090 (Prometheus Operator)"),
                             QStringLiteral("no endpoints available for service \"prometheus-operated:9090\""),
                             QStringLiteral("503") };
        // Case 5, nothing at the usual places: every guess is named with the proxy's 404.
        QStringList guesses { QStringLiteral("no Prometheus answered at the usual places") };
        for (const Prom::PromCandidate &candidate : Prom::PromCandidates::wellKnown())
            guesses << candidate.id() + QStringLiteral(" (") + candidate.flavor + QStringLiteral("):");
        guesses << QStringLiteral("services \"prometheus-k8s\" not found") << QStringLiteral("404");
        QTest::addRow("forbidden-and-nothing-at-usual-places")
            << QStringLiteral("discovery-none.yaml") << true << guesses;
    }
    void failures()
    {
        QFETCH(QString, scenario);
        QFETCH(bool, forbidden);
        QFETCH(QStringList, expected);
        QVERIFY(startSim(scenario));
        if (forbidden)
            m_sim->faults().failWithStatus(403, 1);

        const Outcome outcome = discover();
        QVERIFY2(std::holds_alternative<Core::Error>(outcome), qPrintable(describe(outcome)));
        const QString message = std::get<Core::Error>(outcome).toString();
        for (const QString &part : std::as_const(expected))
            QVERIFY2(message.contains(part), qPrintable(u"\"%1\" is not in: %2"_qs.arg(part, message)));
    }

    // Case 5: a user who may not list Services still finds a Prometheus at its usual name. The
    // simulator answers the list (the first API request) with 403 and everything after normally.
    void forbiddenList_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QString>("id");
        QTest::addRow("kube-prometheus") << QStringLiteral("builtin:demo")
                                         << QStringLiteral("monitoring/prometheus-k8s:9090");
        QTest::addRow("openshift") << QStringLiteral("discovery-openshift.yaml")
                                   << QStringLiteral("openshift-monitoring/https:thanos-querier:9091");
        QTest::addRow("lens") << QStringLiteral("discovery-lens.yaml") << QStringLiteral("lens-metrics/prometheus:80");
    }
    void forbiddenList()
    {
        QFETCH(QString, scenario);
        QFETCH(QString, id);
        QVERIFY(startSim(scenario));
        m_sim->faults().failWithStatus(403, 1);

        const Outcome outcome = discover();
        QVERIFY2(std::holds_alternative<Found>(outcome), qPrintable(describe(outcome)));
        const Found &found = std::get<Found>(outcome);
        QCOMPARE(found.candidate.id(), id);
        QCOMPARE(found.buildInfo.version, simVersion);
        const auto gpus = countGpus(found.endpoint);
        QVERIFY2(std::holds_alternative<double>(gpus), qPrintable(failure(gpus)));
        QCOMPARE(std::get<double>(gpus), double(expectedGpus()));
    }

    // Without the fault the same list succeeds, so the fallback above is what made the difference:
    // a scenario whose Prometheus has a release-derived name is found only by listing.
    void forbiddenListMissesReleaseNames()
    {
        QVERIFY(startSim(QStringLiteral("discovery-kube-prometheus-stack.yaml")));
        m_sim->faults().failWithStatus(403, 1);
        const Outcome outcome = discover();
        QVERIFY2(std::holds_alternative<Core::Error>(outcome), qPrintable(describe(outcome)));
        QVERIFY(std::get<Core::Error>(outcome).message.startsWith(
            QStringLiteral("no Prometheus answered at the usual places")));
    }
};

QTEST_MAIN(TestPromDiscovery)
#include "tst_promdiscovery.moc"
