// SPDX-License-Identifier: GPL-3.0-or-later
// The simulator's Prometheus API over real HTTPS: through the service proxy and at /prometheus,
// read by the real PromClient; its errors; the exporter pages; and agreement with a real
// Prometheus 2.42 backfilled with the same MetricSet's history (promagreement.h).
#include "kube/staticcredentialsource.h"
#include "prom/promclient.h"
#include "promagreement.h"
#include "sim/metricset.h"
#include "sim/simserver.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

using namespace Specula;

namespace {

const QString proxy = QStringLiteral("/api/v1/namespaces/monitoring/services/prometheus-k8s:9090/proxy");

} // namespace

class TestSimPromApi : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Sim::SimServer> m_sim;
    std::unique_ptr<Sim::MetricSet> m_metrics;
    std::unique_ptr<SimTest::PromAgreement> m_agreement;
    QNetworkAccessManager m_nam;
    qint64 m_now = 0; // seconds, on the scrape grid: the agreement's "now"

    Net::ConnectionContext context(const QUrl &server) const
    {
        Net::ConnectionContext context;
        context.contextName = QStringLiteral("sim");
        context.server = server;
        context.caCertificates = QSslCertificate::fromData(Sim::SimServer::caCertificatePem());
        Net::Credentials credentials;
        credentials.authorization = "Bearer " + m_sim->bearerToken();
        context.credentials = std::make_shared<Kube::StaticCredentialSource>(credentials);
        return context;
    }

    // The answer to a job, or the error text prefixed with "error: ".
    static std::variant<Prom::PromResponse, Core::Error> wait(Prom::PromJob *job)
    {
        QSignalSpy finished(job, &Prom::PromJob::finished);
        QSignalSpy failed(job, &Prom::PromJob::failed);
        if (!QTest::qWaitFor([&] { return finished.size() + failed.size() > 0; }, 20000))
            return Core::Error { Core::Error::Kind::Timeout, QStringLiteral("no answer in 20 s"), {}, 0, {} };
        if (!failed.isEmpty())
            return failed.first().first().value<Core::Error>();
        return finished.first().first().value<Prom::PromResponse>();
    }

    static QString errorText(const std::variant<Prom::PromResponse, Core::Error> &answer)
    {
        return std::holds_alternative<Core::Error>(answer) ? std::get<Core::Error>(answer).toString() : QString();
    }

    std::tuple<int, QByteArray, QByteArray> get(const QString &path, bool authorized = true)
    {
        QNetworkRequest request(QUrl(m_sim->url().toString() + path));
        if (authorized)
            request.setRawHeader("Authorization", "Bearer " + m_sim->bearerToken());
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(QSslCertificate::fromData(Sim::SimServer::caCertificatePem()));
        request.setSslConfiguration(tls);
        std::unique_ptr<QNetworkReply> reply(m_nam.get(request));
        QSignalSpy done(reply.get(), &QNetworkReply::finished);
        if (!reply->isFinished())
            done.wait(20000);
        return { reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll(),
                 reply->header(QNetworkRequest::ContentTypeHeader).toByteArray() };
    }

    qsizetype familySize(const QString &name) const
    {
        const Sim::SimFamily *family = m_metrics->family(name);
        return family ? family->series.size() : -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto scenario = Sim::loadScenario(QStringLiteral("builtin:demo"));
        QVERIFY2(scenario, qPrintable(scenario ? QString() : scenario.error().toString()));
        QVERIFY(scenario->metrics.prometheus);
        m_metrics = std::make_unique<Sim::MetricSet>(Sim::MetricSet::build(*scenario));
        // The Service as kube-prometheus creates it, so that its port name reaches Prometheus too.
        const QJsonObject port { { QStringLiteral("name"), QStringLiteral("web") },
                                 { QStringLiteral("port"), 9090 },
                                 { QStringLiteral("targetPort"), QStringLiteral("web") } };
        scenario->objects[QStringLiteral("services")].append(QJsonObject {
            { QStringLiteral("metadata"),
              QJsonObject { { QStringLiteral("name"), QStringLiteral("prometheus-k8s") },
                            { QStringLiteral("namespace"), QStringLiteral("monitoring") } } },
            { QStringLiteral("spec"), QJsonObject { { QStringLiteral("ports"), QJsonArray { port } } } } });
        Sim::ServerOptions options;
        options.tickMs = -1;
        m_sim = std::make_unique<Sim::SimServer>(*scenario, options);
        QVERIFY(m_sim->start());
        const qint64 interval = m_metrics->scrapeInterval();
        const qint64 wall = QDateTime::currentSecsSinceEpoch();
        m_now = wall - wall % interval - interval;
    }

    void client_data()
    {
        QTest::addColumn<QString>("via");
        QTest::addRow("service-proxy") << QStringLiteral("proxy");
        QTest::addRow("service-proxy-http-scheme") << QStringLiteral("proxy-http");
        QTest::addRow("service-proxy-port-name") << QStringLiteral("proxy-web");
        QTest::addRow("direct") << QStringLiteral("direct");
    }
    void client()
    {
        QFETCH(QString, via);
        Prom::PromEndpoint endpoint;
        if (via == u"direct") {
            endpoint = Prom::PromEndpoint::direct(QUrl(m_sim->url().toString() + QStringLiteral("/prometheus")));
            endpoint.context = context(endpoint.context.server);
        } else {
            endpoint = Prom::PromEndpoint::serviceProxy(
                context(m_sim->url()), QStringLiteral("monitoring"),
                via != u"proxy-http" ? QStringLiteral("prometheus-k8s") : QStringLiteral("http:prometheus-k8s"),
                via == u"proxy-web" ? QStringLiteral("web") : QStringLiteral("9090"));
        }
        Prom::PromClient client(&m_nam, endpoint);
        const qsizetype gpus = familySize(QStringLiteral("DCGM_FI_DEV_GPU_UTIL"));
        QVERIFY(gpus > 0);

        auto count = wait(client.query(QStringLiteral("count(DCGM_FI_DEV_GPU_UTIL)")));
        QVERIFY2(std::holds_alternative<Prom::PromResponse>(count), qPrintable(errorText(count)));
        const Prom::QueryResult &vector = std::get<Prom::PromResponse>(count).query;
        QCOMPARE(vector.type, Prom::ResultType::Vector);
        QCOMPARE(vector.series.size(), 1);
        QCOMPARE(vector.series.first().samples.first().value, double(gpus));

        const QDateTime end = QDateTime::fromSecsSinceEpoch(m_now);
        auto range = wait(client.queryRange(QStringLiteral("DCGM_FI_DEV_GPU_UTIL"), end.addSecs(-600), end,
                                            std::chrono::seconds(60)));
        QVERIFY2(std::holds_alternative<Prom::PromResponse>(range), qPrintable(errorText(range)));
        const Prom::QueryResult &matrix = std::get<Prom::PromResponse>(range).query;
        QCOMPARE(matrix.type, Prom::ResultType::Matrix);
        QCOMPARE(matrix.series.size(), gpus);
        QCOMPARE(matrix.series.first().samples.size(), 11);
        QCOMPARE(matrix.series.first().labels.value(QStringLiteral("__name__")),
                 QStringLiteral("DCGM_FI_DEV_GPU_UTIL"));

        auto series = wait(client.series({ QStringLiteral("DCGM_FI_DEV_GPU_UTIL") }));
        QVERIFY(std::holds_alternative<Prom::PromResponse>(series));
        QCOMPARE(std::get<Prom::PromResponse>(series).series.size(), gpus);

        auto names = wait(client.labelValues(QStringLiteral("__name__")));
        QVERIFY(std::holds_alternative<Prom::PromResponse>(names));
        QStringList expected;
        for (const Sim::SimFamily &family : m_metrics->families()) {
            if (!family.series.isEmpty())
                expected << family.name;
        }
        std::sort(expected.begin(), expected.end());
        QCOMPARE(std::get<Prom::PromResponse>(names).names, expected);

        auto labels = wait(client.labels({ QStringLiteral("DCGM_FI_DEV_GPU_UTIL") }));
        QVERIFY(std::holds_alternative<Prom::PromResponse>(labels));
        const QStringList labelNames = std::get<Prom::PromResponse>(labels).names;
        QVERIFY(labelNames.contains(QStringLiteral("__name__")));
        QVERIFY(labelNames.contains(QStringLiteral("gpu")));
        QVERIFY(!labelNames.contains(QStringLiteral("zone")));

        auto build = wait(client.buildInfo());
        QVERIFY(std::holds_alternative<Prom::PromResponse>(build));
        QCOMPARE(std::get<Prom::PromResponse>(build).buildInfo.version, QStringLiteral("2.42.0-specula-sim"));

        auto bad = wait(client.query(QStringLiteral("sum(")));
        QVERIFY(std::holds_alternative<Core::Error>(bad));
        QCOMPARE(std::get<Core::Error>(bad).httpStatus, 400);
        QCOMPARE(std::get<Core::Error>(bad).reason, QStringLiteral("bad_data"));
        QCOMPARE(std::get<Core::Error>(bad).message,
                 QStringLiteral("invalid parameter \"query\": 1:5: parse error: unexpected end of input"));
    }

    void errors_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("body");
        const QString query = QStringLiteral("/prometheus/api/v1/query?query=");
        QTest::addRow("wrong-port") << QStringLiteral(
            "/api/v1/namespaces/monitoring/services/prometheus-k8s:9091/proxy/api/v1/query?query=1")
                                    << 503
                                    << QStringLiteral("no endpoints available for service \\\"prometheus-k8s:9091\\\"");
        QTest::addRow("wrong-port-name")
            << QStringLiteral("/api/v1/namespaces/monitoring/services/prometheus-k8s:http/proxy/api/v1/query?query=1")
            << 503 << QStringLiteral("no endpoints available for service \\\"prometheus-k8s:http\\\"");
        QTest::addRow("unknown-service") << QStringLiteral(
            "/api/v1/namespaces/monitoring/services/nope:9090/proxy/api/v1/query?query=1")
                                         << 404 << QStringLiteral("services \\\"nope\\\" not found");
        QTest::addRow("proxy-other-path")
            << proxy + QStringLiteral("/graph") << 404 << QStringLiteral("404 page not found\n");
        QTest::addRow("direct-other-path")
            << QStringLiteral("/prometheus/graph") << 404 << QStringLiteral("404 page not found\n");
        QTest::addRow("unknown-api") << QStringLiteral("/prometheus/api/v1/rules") << 404
                                     << QStringLiteral("404 page not found\n");
        QTest::addRow("parse-error") << query + QStringLiteral("x%7Ba%3D%22b%22%7D%7D") << 400
                                     << QStringLiteral("{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":"
                                                       "\"invalid parameter \\\"query\\\": 1:9: parse error: "
                                                       "unexpected right brace '}'\"}");
        QTest::addRow("bad-time")
            << query + QStringLiteral("1&time=abc") << 400
            << QStringLiteral("invalid parameter \\\"time\\\": cannot parse \\\"abc\\\" to a valid timestamp");
        QTest::addRow("too-many-points")
            << QStringLiteral("/prometheus/api/v1/query_range?query=1&start=0&end=110010&step=10") << 400
            << QStringLiteral("exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query "
                              "resolution (?step=XX)");
        QTest::addRow("negative-step") << QStringLiteral(
            "/prometheus/api/v1/query_range?query=1&start=0&end=10&step=-1")
                                       << 400 << QStringLiteral("zero or negative query resolution step widths");
        QTest::addRow("just-11000-points")
            << QStringLiteral("/prometheus/api/v1/query_range?query=1&start=0&end=110009&step=10") << 200
            << QStringLiteral("[110000,\"1\"]]}]}}");
        QTest::addRow("end-before-start")
            << QStringLiteral("/prometheus/api/v1/query_range?query=1&start=10&end=0&step=1") << 400
            << QStringLiteral("invalid parameter \\\"end\\\": end timestamp must not be before start time");
        QTest::addRow("range-of-matrix")
            << QStringLiteral("/prometheus/api/v1/query_range?query=up%5B5m%5D&start=0&end=10&step=1") << 400
            << QStringLiteral(
                   "invalid expression type \\\"range vector\\\" for range query, must be Scalar or instant Vector");
        QTest::addRow("many-to-many") << query
                + QStringLiteral("DCGM_FI_DEV_GPU_UTIL%20*%20on()%20DCGM_FI_DEV_GPU_TEMP")
                                      << 422 << QStringLiteral("\"errorType\":\"execution\"");
        QTest::addRow("series-without-match")
            << QStringLiteral("/prometheus/api/v1/series") << 400 << QStringLiteral("no match[] parameter provided");
        QTest::addRow("bad-label-name") << QStringLiteral("/prometheus/api/v1/label/1x/values") << 400
                                        << QStringLiteral("invalid label name: \\\"1x\\\"");
        QTest::addRow("plus-is-space") << query + QStringLiteral("2+*+3") << 200
                                       << QStringLiteral("\"resultType\":\"scalar\",\"result\":[");
        QTest::addRow("encoded-plus") << query + QStringLiteral("2%2B3&time=1435781451.781") << 200
                                      << QStringLiteral("{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\","
                                                        "\"result\":[1435781451.781,\"5\"]}}");
        QTest::addRow("string") << query + QStringLiteral("%22a%5C%22b%22&time=1") << 200
                                << QStringLiteral("\"result\":[1,\"a\\\"b\"]");
    }
    void errors()
    {
        QFETCH(QString, path);
        QFETCH(int, status);
        QFETCH(QString, body);
        const auto [code, answer, type] = get(path);
        QVERIFY2(QString::fromUtf8(answer).contains(body), answer.constData());
        QCOMPARE(code, status);
    }

    void unauthorized()
    {
        const auto [code, answer, type] = get(proxy + QStringLiteral("/api/v1/query?query=1"), false);
        QCOMPARE(code, 401);
        Q_UNUSED(answer);
        Q_UNUSED(type);
    }

    void exporterPages()
    {
        const auto [code, page, type] = get(QStringLiteral("/metrics/dcgm"));
        QCOMPARE(code, 200);
        QCOMPARE(type, QByteArray("text/plain; version=0.0.4; charset=utf-8"));
        QVERIFY(page.contains("# TYPE DCGM_FI_DEV_GPU_UTIL gauge"));
        const auto [missing, body, missingType] = get(QStringLiteral("/metrics/nope"));
        QCOMPARE(missing, 404);
        Q_UNUSED(body);
        Q_UNUSED(missingType);
    }

    void agreement_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("expect");
        const int ok = SimTest::PromAgreement::NonEmpty;
        const int error = SimTest::PromAgreement::SameError;
        QTest::addRow("selector") << QStringLiteral("DCGM_FI_DEV_GPU_UTIL") << ok;
        QTest::addRow("regex-name") << QStringLiteral("{__name__=~\"DCGM_FI_DEV_(GPU|MEM)_.*\", gpu!=\"1\"}") << ok;
        QTest::addRow("rate-counter") << QStringLiteral("rate(DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION[5m])") << ok;
        QTest::addRow("increase") << QStringLiteral("increase(container_cpu_usage_seconds_total[10m])") << ok;
        QTest::addRow("irate") << QStringLiteral("irate(container_network_receive_bytes_total[2m])") << ok;
        QTest::addRow("sum-by") << QStringLiteral("sum by (gpu) (DCGM_FI_DEV_POWER_USAGE)") << ok;
        QTest::addRow("avg-without") << QStringLiteral(
            "avg without (gpu, UUID, pci_bus_id, device) (DCGM_FI_DEV_GPU_TEMP)")
                                     << ok;
        QTest::addRow("count-max-min") << QStringLiteral(
            "count(DCGM_FI_DEV_GPU_UTIL) + max(DCGM_FI_DEV_GPU_UTIL) - min(DCGM_FI_DEV_GPU_UTIL)")
                                       << ok;
        QTest::addRow("avg-over-time") << QStringLiteral("avg_over_time(DCGM_FI_DEV_GPU_TEMP[10m])") << ok;
        QTest::addRow("max-over-time") << QStringLiteral("max_over_time(DCGM_FI_DEV_POWER_USAGE[3m])") << ok;
        QTest::addRow("min-over-time") << QStringLiteral("min_over_time(DCGM_FI_DEV_POWER_USAGE[3m])") << ok;
        QTest::addRow("last-over-time") << QStringLiteral("last_over_time(DCGM_FI_DEV_GPU_UTIL[1m])") << ok;
        QTest::addRow("comparison") << QStringLiteral("DCGM_FI_DEV_GPU_UTIL > 40") << ok;
        QTest::addRow("ratio") << QStringLiteral(
            "DCGM_FI_DEV_FB_USED / (DCGM_FI_DEV_FB_USED + DCGM_FI_DEV_FB_FREE) * 100")
                               << ok;
        QTest::addRow("or") << QStringLiteral("DCGM_FI_DEV_GPU_UTIL > 70 or DCGM_FI_DEV_GPU_UTIL < 20") << ok;
        QTest::addRow("unless") << QStringLiteral("DCGM_FI_DEV_GPU_UTIL unless DCGM_FI_DEV_GPU_UTIL > 50") << ok;
        QTest::addRow("label-replace") << QStringLiteral(
            "label_replace(DCGM_FI_DEV_GPU_UTIL, \"card\", \"gpu-$1\", \"gpu\", \"(.+)\")")
                                       << ok;
        QTest::addRow("group-left") << QStringLiteral(
            "sum by (gpu, UUID) (DCGM_FI_DEV_POWER_USAGE) * on(UUID) group_left(modelName) "
            "max by (UUID, modelName) (DCGM_FI_DEV_GPU_TEMP)")
                                    << ok;
        QTest::addRow("kepler-join") << QStringLiteral(
            "sum by (pod_name, container_namespace) (rate(kepler_container_gpu_joules_total[5m])) > 0 "
            "or sum by (pod_name, container_namespace) (rate(kepler_container_cpu_joules_total[5m]))")
                                     << ok;
        // Short ranges: two or three samples, where extrapolation and the closed range ends decide the value.
        QTest::addRow("rate-1m") << QStringLiteral("rate(DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION[1m])") << ok;
        QTest::addRow("increase-90s") << QStringLiteral("increase(container_cpu_usage_seconds_total[90s])") << ok;
        QTest::addRow("irate-61s") << QStringLiteral("irate(DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION[61s])") << ok;
        QTest::addRow("avg-over-30s") << QStringLiteral("avg_over_time(DCGM_FI_DEV_POWER_USAGE[30s])") << ok;
        QTest::addRow("error-many-to-one")
            << QStringLiteral("DCGM_FI_DEV_GPU_UTIL * on(gpu) sum by (gpu) (DCGM_FI_DEV_GPU_TEMP)") << error;
        QTest::addRow("error-same-labelset")
            << QStringLiteral("rate({__name__=~\"DCGM_FI_DEV_FB_(USED|FREE)\"}[5m])") << error;
    }
    void agreement()
    {
        QFETCH(QString, query);
        QFETCH(int, expect);
        if (!m_agreement) {
            m_agreement = std::make_unique<SimTest::PromAgreement>();
            const QString error = m_agreement->start(m_sim.get(), *m_metrics, m_now, 7200);
            QVERIFY2(error.isEmpty(), qPrintable(error));
        }
        const qint64 t = m_now * 1000;
        for (const qint64 at : { t, t - 7000, t - 1800 * 1000 }) {
            const QString instant = m_agreement->compareInstant(query, at, SimTest::PromAgreement::Expect(expect));
            QVERIFY2(instant.isEmpty(), qPrintable(instant));
        }
        QString range
            = m_agreement->compareRange(query, t - 3600 * 1000, t, 60, SimTest::PromAgreement::Expect(expect));
        QVERIFY2(range.isEmpty(), qPrintable(range));
        range = m_agreement->compareRange(query, t - 1800 * 1000 + 7000, t, 45, SimTest::PromAgreement::Expect(expect));
        QVERIFY2(range.isEmpty(), qPrintable(range));
    }

    void cleanupTestCase()
    {
        m_agreement.reset();
        if (m_sim)
            m_sim->stop();
    }
};

QTEST_GUILESS_MAIN(TestSimPromApi)
#include "tst_simpromapi.moc"
