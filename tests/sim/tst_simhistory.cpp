// SPDX-License-Identifier: GPL-3.0-or-later
// The metrics dialect from YAML and from --metrics-dialect, the built-in scenarios' dialects, the
// OpenMetrics history that a real Prometheus backfilled with the real promtool serves unchanged,
// and the time it takes to build the large scenario's series.
#include "../nearlyequal.h"
#include "../prom/promserverfixture.h"
#include "sim/metricset.h"
#include "sim/openmetricswriter.h"
#include "sim/scenario.h"
#include "simtesthelpers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>
#include <cmath>

using namespace Specula;
using namespace Specula::Sim;
using SimTest::scenarioOf;

namespace {

bool finished(QProcess &process, int timeoutMs)
{
    QSignalSpy spy(&process, &QProcess::finished);
    if (process.state() == QProcess::NotRunning)
        return process.error() != QProcess::FailedToStart && process.exitStatus() == QProcess::NormalExit;
    return spy.wait(timeoutMs) && process.exitStatus() == QProcess::NormalExit;
}

constexpr qint64 kT = 1790000010; // a scrape time: a multiple of 30 s

} // namespace

class TestSimHistory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dialectSpec_data();
    void dialectSpec();
    void yamlErrors_data();
    void yamlErrors();
    void builtinsDiffer();
    void backfilledHistoryMatches();
    void largeBuildsEveryFamily();
};

void TestSimHistory::dialectSpec_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("error"); // empty: valid
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("all") << u"dcgm-node=hostname,dcgm-pod=exported_pod,dcgm-uuid=uuid,hostname-is-pod,blank-sentinels,"
                            "empty-pod-labels,kepler=0.9,prometheus=none"_qs
                         << QString();
    QTest::newRow("prometheus") << u"prometheus=https://openshift-monitoring/thanos-querier:9091"_qs << QString();
    QTest::newRow("bad-node") << u"dcgm-node=HOST"_qs << u"\"dcgm-node=HOST\": expected dcgm-node="_qs;
    QTest::newRow("bad-flag") << u"blank-sentinels=yes"_qs << u"\"blank-sentinels=yes\""_qs;
    QTest::newRow("bad-kepler") << u"kepler=1.x"_qs << u"\"kepler=1.x\""_qs;
    QTest::newRow("bad-prometheus") << u"prometheus=monitoring"_qs << u"\"prometheus=monitoring\""_qs;
    QTest::newRow("bad-interval") << u"scrape-interval=0s"_qs << u"\"scrape-interval=0s\""_qs;
    QTest::newRow("unknown") << u"dcgm-node=node,frobnicate"_qs << u"\"frobnicate\": unknown item"_qs;
}

void TestSimHistory::dialectSpec()
{
    QFETCH(QString, spec);
    QFETCH(QString, error);
    const auto config = parseMetricsDialect(spec, MetricsConfig {});
    QCOMPARE(bool(config), error.isEmpty());
    if (!config) {
        QVERIFY2(config.error().message.startsWith(error), qPrintable(config.error().message));
        return;
    }
    if (spec.startsWith(u"dcgm-node=hostname")) {
        QCOMPARE(config->dcgm.nodeLabel, DcgmDialect::NodeLabel::LowerHostname);
        QCOMPARE(config->dcgm.podLabels, DcgmDialect::PodLabels::ExportedPod);
        QVERIFY(config->dcgm.lowerCaseUuid && config->dcgm.hostnameIsPod && config->dcgm.blankSentinels
                && config->dcgm.emptyPodLabels);
        QCOMPARE(config->kepler, KeplerGeneration::Legacy);
        QVERIFY(!config->prometheus);
    } else if (spec.startsWith(u"prometheus")) {
        QVERIFY(config->prometheus && config->prometheus->https);
        QCOMPARE(config->prometheus->ns, u"openshift-monitoring"_qs);
        QCOMPARE(config->prometheus->name, u"thanos-querier"_qs);
        QCOMPARE(config->prometheus->port, 9091);
    } else {
        QCOMPARE(*config, MetricsConfig {});
    }
    QCOMPARE(keplerGenerationFromName(u"0.7.12"_qs), std::optional(KeplerGeneration::Legacy));
    QCOMPARE(keplerGenerationFromName(u"v0.11.3"_qs), std::optional(KeplerGeneration::Zoned));
    QCOMPARE(keplerGenerationFromName(u"0.11.4"_qs), std::optional(KeplerGeneration::ZonedGpu));
}

void TestSimHistory::yamlErrors_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("error");
    QTest::newRow("node") << QByteArray("name: x\nmetrics:\n  dcgm:\n    node: Host\n")
                          << u"x.yaml:4: metrics.dcgm.node must be Hostname, hostname, node or none"_qs;
    QTest::newRow("unknown") << QByteArray("name: x\nmetrics:\n  dgcm: {}\n")
                             << u"x.yaml:3: unknown field \"dgcm\" in metrics"_qs;
    QTest::newRow("kepler") << QByteArray("name: x\nmetrics: {kepler: \"2.0\"}\n") << u"x.yaml:2: metrics.kepler"_qs;
    QTest::newRow("bool") << QByteArray("name: x\nmetrics:\n  cadvisor: maybe\n")
                          << u"x.yaml:3: field \"metrics.cadvisor\" must be true or false"_qs;
    QTest::newRow("port") << QByteArray("name: x\nmetrics:\n  prometheus: {port: 70000}\n")
                          << u"x.yaml:3: metrics.prometheus.port"_qs;
    QTest::newRow("interval") << QByteArray("name: x\nmetrics:\n  scrapeInterval: soon\n")
                              << u"x.yaml:3: metrics.scrapeInterval"_qs;
}

void TestSimHistory::yamlErrors()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, error);
    const auto scenario = parseScenario(yaml, u"x.yaml"_qs);
    QVERIFY(!scenario);
    const QString text = scenario.error().where + u": "_qs + scenario.error().message;
    QVERIFY2(text.startsWith(error), qPrintable(text));
}

void TestSimHistory::builtinsDiffer()
{
    const Scenario demo = scenarioOf(u"builtin:demo"_qs);
    QCOMPARE(demo.metrics.dcgm, DcgmDialect {});
    QCOMPARE(demo.metrics.kepler, KeplerGeneration::ZonedGpu);
    QVERIFY(demo.metrics.prometheus);
    QCOMPARE(demo.metrics.prometheus->name, u"prometheus-k8s"_qs);
    const Scenario quirks = scenarioOf(u"builtin:quirks"_qs);
    QCOMPARE(quirks.metrics.dcgm.podLabels, DcgmDialect::PodLabels::ExportedPod);
    QCOMPARE(quirks.metrics.dcgm.nodeLabel, DcgmDialect::NodeLabel::LowerHostname);
    QCOMPARE(quirks.metrics.kepler, KeplerGeneration::Legacy);
    QVERIFY(!quirks.metrics.dcgmExporterPods);
}

// The quirks dialect's history through the real promtool into a real Prometheus: what it serves
// is what the series compute, to 1e-9, under the same names (counters without _total included).
void TestSimHistory::backfilledHistoryMatches()
{
    const QString prometheus = QStandardPaths::findExecutable(u"prometheus"_qs);
    const QString promtool = QStandardPaths::findExecutable(u"promtool"_qs);
    QVERIFY2(!prometheus.isEmpty() && !promtool.isEmpty(), "prometheus and promtool must be on PATH");
    const Scenario scenario = scenarioOf(u"builtin:quirks"_qs, u"dcgm-uuid=uuid"_qs);
    const MetricSet set = MetricSet::build(scenario);
    const QString families = u"DCGM_FI_DEV_FB_USED|DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION|DCGM_FI_DEV_GPU_UTIL|"
                             "sriov_vf_rx_bytes|kepler_container_joules_total|container_cpu_usage_seconds_total"_qs;
    const OpenMetricsWriter writer(set, families);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const qint64 step = set.scrapeInterval();
    const qint64 to = now / step * step;
    const auto written = writer.writeFile(dir.filePath(u"h.om"_qs), now - 1200, now, step);
    QVERIFY2(written, qPrintable(written ? QString() : written.error().message));
    QVERIFY(*written > 1000);

    QProcess backfill;
    backfill.setProcessChannelMode(QProcess::MergedChannels);
    backfill.start(promtool,
                   { u"tsdb"_qs, u"create-blocks-from"_qs, u"openmetrics"_qs, dir.filePath(u"h.om"_qs),
                     dir.filePath(u"data"_qs) });
    QVERIFY(finished(backfill, 120000));
    QVERIFY2(backfill.exitCode() == 0, backfill.readAll().constData());

    QFile config(dir.filePath(u"prometheus.yml"_qs));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write("global:\n  scrape_interval: 15s\nscrape_configs: []\n");
    config.close();
    const quint16 port = Test::freeLoopbackPort();
    QProcess server;
    server.setProcessChannelMode(QProcess::MergedChannels);
    server.start(prometheus,
                 { u"--config.file="_qs + config.fileName(), u"--storage.tsdb.path="_qs + dir.filePath(u"data"_qs),
                   u"--storage.tsdb.retention.time=30d"_qs, u"--web.listen-address=127.0.0.1:%1"_qs.arg(port) });
    auto stop = qScopeGuard([&server] {
        server.terminate();
        if (!finished(server, 5000))
            server.kill();
    });
    QNetworkAccessManager nam;
    auto get = [&](const QString &path, const QUrlQuery &query = {}) -> std::pair<int, QByteArray> {
        QUrl url(u"http://127.0.0.1:%1%2"_qs.arg(port).arg(path));
        url.setQuery(query);
        QNetworkRequest request(url);
        request.setTransferTimeout(10000);
        std::unique_ptr<QNetworkReply> reply(nam.get(request));
        QSignalSpy done(reply.get(), &QNetworkReply::finished);
        done.wait(12000);
        return { reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll() };
    };
    QTRY_VERIFY_WITH_TIMEOUT(server.state() == QProcess::Running && get(u"/-/ready"_qs).first == 200, 60000);

    // A few series of every family, at a time on the grid (an instant query sees the sample at t).
    const qint64 at = to - 10 * step;
    int compared = 0;
    QStringList names = families.split(u'|');
    for (const QString &name : std::as_const(names)) {
        const SimFamily *family = set.family(name);
        QVERIFY2(family && !family->series.isEmpty(), qPrintable(name));
        for (qsizetype i = 0; i < family->series.size(); i += std::max<qsizetype>(1, family->series.size() / 3)) {
            const SimSeries &series = family->series[i];
            const auto expected = series.value(at);
            if (!expected)
                continue;
            QStringList matchers;
            for (auto it = series.labels.begin(); it != series.labels.end(); ++it) {
                if (it.key() != u"__name__")
                    matchers.append(u"%1=\"%2\""_qs.arg(it.key(), it.value()));
            }
            QUrlQuery query;
            query.addQueryItem(u"query"_qs, name + u'{' + matchers.join(u',') + u'}');
            query.addQueryItem(u"time"_qs, QString::number(at));
            const auto [status, body] = get(u"/api/v1/query"_qs, query);
            QCOMPARE(status, 200);
            const QJsonArray result
                = QJsonDocument::fromJson(body).object().value(u"data"_qs).toObject().value(u"result"_qs).toArray();
            // Matchers cannot exclude extra labels: pick the series with exactly these labels.
            QJsonObject exact;
            for (const QJsonValue &item : result) {
                const QJsonObject metric = item.toObject().value(u"metric"_qs).toObject();
                Prom::Labels labels;
                for (auto it = metric.begin(); it != metric.end(); ++it)
                    labels.insert(it.key(), it.value().toString());
                if (labels == series.labels)
                    exact = item.toObject();
            }
            QVERIFY2(!exact.isEmpty(), body.left(3000).constData());
            const double served = exact.value(u"value"_qs).toArray().at(1).toString().toDouble();
            QVERIFY2(TestNumbers::nearlyEqual(served, *expected),
                     qPrintable(u"%1: %2 vs %3"_qs.arg(name).arg(served, 0, 'g', 17).arg(*expected, 0, 'g', 17)));
            ++compared;
        }
    }
    QVERIFY(compared >= 12);
    // The quirks trap reached Prometheus: exported_pod holds the workload, pod the exporter.
    QUrlQuery trap;
    trap.addQueryItem(u"query"_qs,
                      u"count(DCGM_FI_DEV_FB_USED{exported_pod!=\"\",pod=~\"nvidia-dcgm-exporter-.*\"})"_qs);
    trap.addQueryItem(u"time"_qs, QString::number(at));
    const auto [status, body] = get(u"/api/v1/query"_qs, trap);
    QCOMPARE(status, 200);
    QVERIFY2(body.contains("\"result\":[{"), body.constData());
}

void TestSimHistory::largeBuildsEveryFamily()
{
    const Scenario scenario = scenarioOf(u"builtin:large"_qs);
    const MetricSet set = MetricSet::build(scenario);
    qsizetype series = 0;
    for (const SimFamily &family : set.families())
        series += family.series.size();
    QVERIFY(series > 400000);
    // One value of each family without computing the others.
    for (const SimFamily &family : set.families())
        QVERIFY2(family.series.isEmpty() || family.series.first().value(kT).has_value()
                     || family.name.startsWith(u"kepler"),
                 qPrintable(family.name));
}

QTEST_GUILESS_MAIN(TestSimHistory)
#include "tst_simhistory.moc"
