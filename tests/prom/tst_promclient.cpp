// SPDX-License-Identifier: GPL-3.0-or-later
// PromClient against a real Prometheus on 127.0.0.1 that serves history written by the test,
// plus loopback servers for what a real Prometheus cannot show: a dead port, a server that never
// answers, and the exact shape of the requests.

#include "kube/staticcredentialsource.h"
#include "prom/promclient.h"
#include "prom/promstep.h"
#include "promserverfixture.h"
#include "sim/httpserver.h"

#include <QRegularExpression>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>
#include <QUrlQuery>
#include <cmath>

using namespace Specula;
using Kind = Core::Error::Kind;

namespace {

constexpr int historyPoints = 241; // two hours at 30 s
constexpr qint64 interval = 30;

double gaugeValue(int gpu, int index)
{
    return gpu == 0 ? double(index) : double(index) * 2.5;
}

// What a job reported, and how often.
struct Outcome
{
    QList<Prom::PromResponse> responses;
    QList<Core::Error> errors;
};

Outcome run(Prom::PromJob *job, int timeoutMs = 10000)
{
    auto outcome = std::make_shared<Outcome>();
    QObject::connect(job, &Prom::PromJob::finished, job,
                     [outcome](const Prom::PromResponse &response) { outcome->responses << response; });
    QObject::connect(job, &Prom::PromJob::failed, job,
                     [outcome](const Core::Error &error) { outcome->errors << error; });
    // The job deletes itself after reporting: its end is the one moment to look.
    QSignalSpy destroyed(job, &QObject::destroyed);
    if (!destroyed.wait(timeoutMs))
        qWarning("the job did not end within %d ms", timeoutMs);
    return *outcome;
}

QString describe(const Outcome &outcome)
{
    if (!outcome.errors.isEmpty())
        return outcome.errors.first().toString();
    return QStringLiteral("%1 responses").arg(outcome.responses.size());
}

// A loopback HTTP server that records one request and answers it with `body`, or never answers.
class RecordingServer : public QObject
{
public:
    explicit RecordingServer(QByteArray answer, QByteArray statusLine = "HTTP/1.1 200 OK",
                             QByteArray contentType = "application/json", QByteArray contentEncoding = {})
        : m_answer(std::move(answer))
        , m_statusLine(std::move(statusLine))
        , m_contentType(std::move(contentType))
        , m_contentEncoding(std::move(contentEncoding))
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                m_sockets << socket;
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onData(socket); });
            }
        });
    }
    quint16 port() const { return m_server.serverPort(); }
    QByteArray head;
    QByteArray body;
    bool complete = false;

private:
    void onData(QTcpSocket *socket)
    {
        m_buffer += socket->readAll();
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0 || m_answer.isNull())
            return;
        head = m_buffer.left(end);
        const QRegularExpression length(QStringLiteral("(?i)content-length: *(\\d+)"));
        const auto match = length.match(QString::fromLatin1(head));
        const qsizetype expected = match.hasMatch() ? match.captured(1).toLongLong() : 0;
        if (m_buffer.size() - end - 4 < expected)
            return;
        body = m_buffer.mid(end + 4, expected);
        complete = true;
        const QByteArray encoding
            = m_contentEncoding.isEmpty() ? QByteArray() : "\r\nContent-Encoding: " + m_contentEncoding;
        socket->write(m_statusLine + "\r\nContent-Type: " + m_contentType + encoding
                      + "\r\nConnection: close\r\nContent-Length: " + QByteArray::number(m_answer.size()) + "\r\n\r\n"
                      + m_answer);
        socket->disconnectFromHost();
    }

    QTcpServer m_server;
    QList<QTcpSocket *> m_sockets; // children of the server
    QByteArray m_answer; // null: never answer
    QByteArray m_statusLine;
    QByteArray m_contentType;
    QByteArray m_contentEncoding;
    QByteArray m_buffer;
};

} // namespace

class TestPromClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void instantQuery_data();
    void instantQuery();
    void instantVectorLabels();
    void seriesVisitor();
    void seriesVisitorOnLargeAnswers_data();
    void seriesVisitorOnLargeAnswers();
    void queryRange_data();
    void queryRange();
    void seriesAndLabels();
    void buildInfo();
    void serverErrors_data();
    void serverErrors();
    void longExpression();
    void serverDown();
    void timeout();
    void requestShape();
    void notPrometheusAnswers_data();
    void notPrometheusAnswers();
    void cancel();

private:
    // The written sample of `gpu` in effect at `time` (Prometheus' lookback), if any.
    std::optional<double> writtenAt(int gpu, double time) const;
    Prom::PromClient *client() { return m_client.get(); }

    Test::PromServerFixture m_server;
    QNetworkAccessManager m_nam;
    std::unique_ptr<Prom::PromClient> m_client;
    qint64 m_end = 0; // the last written sample's time
};

void TestPromClient::initTestCase()
{
    // Aligned to the step grid so that range queries hit the written samples exactly, and at most
    // a minute old so that instant queries (5 min lookback) see them.
    m_end = (QDateTime::currentSecsSinceEpoch() / 60) * 60;
    QList<Test::PromPoint> points;
    for (int i = 0; i < historyPoints; ++i) {
        const qint64 time = m_end - (historyPoints - 1 - i) * interval;
        for (int gpu = 0; gpu < 2; ++gpu) {
            points << Test::PromPoint { u"specula_test_gauge"_qs,
                                        { { u"gpu"_qs, QString::number(gpu) }, { u"node"_qs, u"n1"_qs } },
                                        QString::number(gaugeValue(gpu, i)),
                                        time };
        }
    }
    const QList<QPair<QString, QString>> specials { { u"nan"_qs, u"NaN"_qs },
                                                    { u"inf"_qs, u"+Inf"_qs },
                                                    { u"-inf"_qs, u"-Inf"_qs } };
    for (const auto &special : specials)
        points << Test::PromPoint {
            u"specula_test_special"_qs, { { u"kind"_qs, special.first } }, special.second, m_end
        };

    const QString error = m_server.start(points);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_client = std::make_unique<Prom::PromClient>(&m_nam, Prom::PromEndpoint::direct(m_server.url()));
}

void TestPromClient::cleanupTestCase()
{
    m_client.reset();
    m_server.stop();
}

std::optional<double> TestPromClient::writtenAt(int gpu, double time) const
{
    const double first = double(m_end - (historyPoints - 1) * interval);
    if (time < first || time > double(m_end) + 300)
        return std::nullopt;
    const int index = std::min(historyPoints - 1, int(std::floor((time - first) / double(interval))));
    return gaugeValue(gpu, index);
}

void TestPromClient::instantQuery_data()
{
    QTest::addColumn<QString>("expr");
    QTest::addColumn<double>("expected");

    const int last = historyPoints - 1;
    QTest::newRow("gpu 0") << u"specula_test_gauge{gpu=\"0\"}"_qs << gaugeValue(0, last);
    QTest::newRow("gpu 1") << u"specula_test_gauge{gpu=\"1\"}"_qs << gaugeValue(1, last);
    QTest::newRow("sum") << u"sum(specula_test_gauge)"_qs << gaugeValue(0, last) + gaugeValue(1, last);
    QTest::newRow("NaN") << u"specula_test_special{kind=\"nan\"}"_qs << std::numeric_limits<double>::quiet_NaN();
    QTest::newRow("+Inf") << u"specula_test_special{kind=\"inf\"}"_qs << std::numeric_limits<double>::infinity();
    QTest::newRow("-Inf") << u"specula_test_special{kind=\"-inf\"}"_qs << -std::numeric_limits<double>::infinity();
    // '+', '&', '=' and '%' must survive the form encoding.
    QTest::newRow("form escaping") << u"specula_test_gauge{gpu=\"0\",node=~\"n1|a&b=%\"} + 1"_qs
                                   << gaugeValue(0, last) + 1;
    QTest::newRow("scalar") << u"scalar(sum(specula_test_gauge)) * 2"_qs
                            << 2 * (gaugeValue(0, last) + gaugeValue(1, last));
}

void TestPromClient::instantQuery()
{
    QFETCH(QString, expr);
    QFETCH(double, expected);

    const Outcome outcome = run(client()->query(expr, QDateTime::fromSecsSinceEpoch(m_end)));
    QVERIFY2(outcome.errors.isEmpty(), qPrintable(describe(outcome)));
    QCOMPARE(outcome.responses.size(), 1);
    const Prom::QueryResult &result = outcome.responses.first().query;
    Prom::Sample sample;
    if (result.type == Prom::ResultType::Scalar) {
        sample = result.scalar;
    } else {
        QCOMPARE(result.type, Prom::ResultType::Vector);
        QCOMPARE(result.series.size(), 1);
        QCOMPARE(result.series.first().samples.size(), 1);
        sample = result.series.first().samples.first();
    }
    QCOMPARE(sample.timestamp, double(m_end));
    if (std::isnan(expected))
        QVERIFY2(std::isnan(sample.value), qPrintable(QString::number(sample.value)));
    else
        QCOMPARE(sample.value, expected);
}

void TestPromClient::instantVectorLabels()
{
    // Without a time: the server's now, which is within the lookback of the last sample.
    const Outcome outcome = run(client()->query(u"specula_test_gauge"_qs));
    QVERIFY2(outcome.errors.isEmpty(), qPrintable(describe(outcome)));
    QList<Prom::Series> series = outcome.responses.first().query.series;
    QCOMPARE(series.size(), 2);
    std::sort(series.begin(), series.end(), [](const Prom::Series &a, const Prom::Series &b) {
        return a.labels.value(u"gpu"_qs) < b.labels.value(u"gpu"_qs);
    });
    for (int gpu = 0; gpu < 2; ++gpu) {
        const Prom::Labels labels { { u"__name__"_qs, u"specula_test_gauge"_qs },
                                    { u"gpu"_qs, QString::number(gpu) },
                                    { u"node"_qs, u"n1"_qs } };
        QCOMPARE(series.at(gpu).labels, labels);
        QCOMPARE(series.at(gpu).samples.first().value, gaugeValue(gpu, historyPoints - 1));
        QVERIFY(series.at(gpu).samples.first().timestamp >= double(m_end));
    }
}

void TestPromClient::seriesVisitor()
{
    // A small answer is read on the GUI thread; the visitor still takes every series.
    Prom::PromJob *job = client()->query(u"specula_test_gauge"_qs);
    QStringList gpus;
    job->setSeriesVisitor([&gpus](Prom::Series &&series) {
        QCOMPARE(series.samples.size(), 1);
        gpus << series.labels.value(u"gpu"_qs);
    });
    const Outcome outcome = run(job);
    QVERIFY2(outcome.errors.isEmpty(), qPrintable(describe(outcome)));
    QCOMPARE(outcome.responses.size(), 1);
    QVERIFY(outcome.responses.first().query.series.isEmpty());
    gpus.sort();
    QCOMPARE(gpus, QStringList({ u"0"_qs, u"1"_qs }));
}

void TestPromClient::seriesVisitorOnLargeAnswers_data()
{
    QTest::addColumn<QByteArray>("contentEncoding");
    QTest::newRow("identity") << QByteArray();
    // Compressed to a few KiB: its inflated size decides.
    QTest::newRow("gzip") << QByteArray("gzip");
}

void TestPromClient::seriesVisitorOnLargeAnswers()
{
    QFETCH(QByteArray, contentEncoding);
    // An answer past the worker threshold is read on a worker thread, series by series.
    // Every series has the same exporter's address, as dcgm-exporter's do: gzip takes it to a few KiB.
    constexpr int seriesCount = 1000;
    QByteArray answer = R"({"status":"success","warnings":["partial"],"data":{"resultType":"vector","result":[)";
    for (int i = 0; i < seriesCount; ++i) {
        answer += (i ? "," : "") + QByteArray(R"({"metric":{"__name__":"g","gpu":")") + QByteArray::number(i)
            + R"(","instance":"nvidia-dcgm-exporter.gpu-operator.svc:9400"},"value":[1700000000,")"
            + QByteArray::number(i * 2) + R"("]})";
    }
    answer += "]}}";
    QVERIFY(answer.size() > Prom::PromJob::workerThreshold);
    if (!contentEncoding.isEmpty()) {
        answer = Sim::HttpResponder::gzip(answer, 9);
        QVERIFY2(answer.size() < Prom::PromJob::workerThreshold / 8, QByteArray::number(answer.size()));
    }
    RecordingServer server { answer, "HTTP/1.1 200 OK", "application/json", contentEncoding };
    Prom::PromClient direct(&m_nam,
                            Prom::PromEndpoint::direct(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.port()))));
    Prom::PromJob *job = direct.query(u"g"_qs);
    struct Seen
    {
        int series = 0;
        bool valuesMatch = true;
        bool onGuiThread = false;
    };
    auto seen = std::make_shared<Seen>();
    job->setSeriesVisitor([seen, gui = QThread::currentThread()](Prom::Series &&series) {
        seen->valuesMatch
            = seen->valuesMatch && series.samples.constFirst().value == series.labels.value(u"gpu"_qs).toDouble() * 2;
        seen->onGuiThread = seen->onGuiThread || QThread::currentThread() == gui;
        ++seen->series;
    });
    const Outcome outcome = run(job);
    QVERIFY2(outcome.errors.isEmpty(), qPrintable(describe(outcome)));
    QVERIFY(outcome.responses.first().query.series.isEmpty());
    QCOMPARE(outcome.responses.first().warnings, QStringList({ u"partial"_qs }));
    QCOMPARE(seen->series, seriesCount);
    QVERIFY(seen->valuesMatch);
    QVERIFY(!seen->onGuiThread);
}

void TestPromClient::queryRange_data()
{
    QTest::addColumn<qint64>("rangeSeconds");
    QTest::addColumn<qint64>("step");

    QTest::newRow("10 min at 30 s: the written points") << qint64(600) << qint64(30);
    QTest::newRow("10 min at 15 s: each point twice") << qint64(600) << qint64(15);
    QTest::newRow("1 h at 60 s") << qint64(3600) << qint64(60);
    QTest::newRow("2 h at 120 s") << qint64(7200) << qint64(120);
    // About 250 KB of JSON: parsed on a worker thread.
    QTest::newRow("1 h at 1 s") << qint64(3600) << qint64(1);
    QTest::newRow("stepFor 1 h on 400 px") << qint64(3600) << qint64(-400);
}

void TestPromClient::queryRange()
{
    QFETCH(qint64, rangeSeconds);
    QFETCH(qint64, step);

    const QDateTime end = QDateTime::fromSecsSinceEpoch(m_end);
    const QDateTime start = end.addSecs(-rangeSeconds);
    const std::chrono::seconds chosen = step > 0 ? std::chrono::seconds(step) : Prom::stepFor(start, end, int(-step));
    const Outcome outcome = run(client()->queryRange(u"specula_test_gauge"_qs, start, end, chosen));
    QVERIFY2(outcome.errors.isEmpty(), qPrintable(describe(outcome)));
    QCOMPARE(outcome.responses.size(), 1);
    const Prom::QueryResult &result = outcome.responses.first().query;
    QCOMPARE(result.type, Prom::ResultType::Matrix);
    QCOMPARE(result.series.size(), 2);
    for (const Prom::Series &series : result.series) {
        const int gpu = series.labels.value(u"gpu"_qs).toInt();
        QCOMPARE(series.samples.size(), rangeSeconds / chosen.count() + 1);
        for (qsizetype i = 0; i < series.samples.size(); ++i) {
            const double time = double(start.toSecsSinceEpoch() + i * chosen.count());
            QCOMPARE(series.samples.at(i).timestamp, time);
            const std::optional<double> expected = writtenAt(gpu, time);
            QVERIFY(expected.has_value());
            QCOMPARE(series.samples.at(i).value, *expected);
        }
    }
}

void TestPromClient::seriesAndLabels()
{
    const QDateTime end = QDateTime::fromSecsSinceEpoch(m_end);
    Outcome outcome
        = run(client()->series({ u"specula_test_gauge"_qs, u"{kind=\"nan\"}"_qs }, end.addSecs(-3600), end));
    QVERIFY2(outcome.errors.isEmpty(), qPrintable(describe(outcome)));
    QList<Prom::Labels> series = outcome.responses.first().series;
    QCOMPARE(series.size(), 3);
    QVERIFY(
        series.contains(Prom::Labels { { u"__name__"_qs, u"specula_test_special"_qs }, { u"kind"_qs, u"nan"_qs } }));
    QVERIFY(series.contains(Prom::Labels {
        { u"__name__"_qs, u"specula_test_gauge"_qs }, { u"gpu"_qs, u"1"_qs }, { u"node"_qs, u"n1"_qs } }));

    outcome = run(client()->labels());
    QVERIFY2(outcome.errors.isEmpty(), qPrintable(describe(outcome)));
    QCOMPARE(outcome.responses.first().names, QStringList({ u"__name__"_qs, u"gpu"_qs, u"kind"_qs, u"node"_qs }));

    outcome = run(client()->labelValues(u"kind"_qs));
    QVERIFY2(outcome.errors.isEmpty(), qPrintable(describe(outcome)));
    QCOMPARE(outcome.responses.first().names, QStringList({ u"-inf"_qs, u"inf"_qs, u"nan"_qs }));

    outcome = run(client()->labelValues(u"absent"_qs));
    QVERIFY2(outcome.errors.isEmpty(), qPrintable(describe(outcome)));
    QVERIFY(outcome.responses.first().names.isEmpty());
}

void TestPromClient::buildInfo()
{
    // The version the installed binary reports about itself.
    QProcess version;
    version.setProcessChannelMode(QProcess::MergedChannels);
    QSignalSpy exited(&version, &QProcess::finished);
    version.start(QStandardPaths::findExecutable(u"prometheus"_qs), { u"--version"_qs });
    QVERIFY(exited.wait(10000));
    const auto match = QRegularExpression(u"prometheus, version (\\S+)"_qs).match(QString::fromUtf8(version.readAll()));
    QVERIFY(match.hasMatch());

    const Outcome outcome = run(client()->buildInfo());
    QVERIFY2(outcome.errors.isEmpty(), qPrintable(describe(outcome)));
    QCOMPARE(outcome.responses.first().buildInfo.version, match.captured(1));
    QVERIFY(!outcome.responses.first().buildInfo.goVersion.isEmpty());
}

void TestPromClient::serverErrors_data()
{
    QTest::addColumn<QString>("expr");
    QTest::addColumn<bool>("range");
    QTest::addColumn<int>("httpStatus");
    QTest::addColumn<QString>("errorType");
    QTest::addColumn<QString>("says");

    QTest::newRow("syntax") << u"sum(specula_test_gauge"_qs << false << 400 << u"bad_data"_qs
                            << u"unclosed left parenthesis"_qs;
    QTest::newRow("range vector in a range query") << u"specula_test_gauge[5m]"_qs << true << 400 << u"bad_data"_qs
                                                   << u"invalid expression type \"range vector\" for range query"_qs;
    QTest::newRow("many-to-many") << u"specula_test_gauge + on(node) specula_test_gauge"_qs << false << 422
                                  << u"execution"_qs << u"many-to-many matching not allowed"_qs;
}

void TestPromClient::serverErrors()
{
    QFETCH(QString, expr);
    QFETCH(bool, range);
    QFETCH(int, httpStatus);
    QFETCH(QString, errorType);
    QFETCH(QString, says);

    const QDateTime end = QDateTime::fromSecsSinceEpoch(m_end);
    Prom::PromJob *job = range ? client()->queryRange(expr, end.addSecs(-600), end, std::chrono::seconds(30))
                               : client()->query(expr, end);
    const Outcome outcome = run(job);
    QCOMPARE(outcome.responses.size(), 0);
    QCOMPARE(outcome.errors.size(), 1);
    const Core::Error &error = outcome.errors.first();
    QCOMPARE(error.kind, Kind::Http);
    QCOMPARE(error.httpStatus, httpStatus);
    QCOMPARE(error.reason, errorType);
    QVERIFY2(error.message.contains(says), qPrintable(error.message));
    // Prometheus' own text, not the HTTP layer's reading of the JSON.
    QVERIFY2(!error.message.contains(u"\"status\""_qs), qPrintable(error.message));
    QVERIFY2(error.where.startsWith(m_server.url().toString() + u"/api/v1/query"_qs), qPrintable(error.where));
}

void TestPromClient::longExpression()
{
    // About 50 KB of PromQL, far beyond what URLs carry through proxies (often 8 KB): a node
    // regex as long as a large cluster's node list. (Thousands of chained binary operators
    // would do too, but Prometheus takes seconds to evaluate those.)
    QStringList nodes { u"n1"_qs };
    for (int i = 0; i < 4000; ++i)
        nodes << QStringLiteral("gpu-node-%1").arg(i, 4, 10, QLatin1Char('0'));
    const QString expr = u"specula_test_gauge{gpu=\"1\",node=~\""_qs + nodes.join(QLatin1Char('|')) + u"\"} + 1"_qs;
    QVERIFY(expr.size() > 40000);
    const Outcome outcome = run(client()->query(expr, QDateTime::fromSecsSinceEpoch(m_end)));
    QVERIFY2(outcome.errors.isEmpty(), qPrintable(describe(outcome)));
    QCOMPARE(outcome.responses.size(), 1);
    const Prom::QueryResult &result = outcome.responses.first().query;
    QCOMPARE(result.series.size(), 1);
    QCOMPARE(result.series.first().samples.size(), 1);
    QCOMPARE(result.series.first().samples.first().value, gaugeValue(1, historyPoints - 1) + 1);
}

void TestPromClient::serverDown()
{
    const quint16 port = Test::freeLoopbackPort();
    QVERIFY(port != 0);
    Prom::PromClient down(&m_nam, Prom::PromEndpoint::direct(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port))));
    const Outcome outcome = run(down.query(u"up"_qs));
    QCOMPARE(outcome.errors.size(), 1);
    QCOMPARE(outcome.errors.first().kind, Kind::Network);
    QVERIFY2(outcome.errors.first().toString().contains(QStringLiteral("127.0.0.1:%1").arg(port)),
             qPrintable(outcome.errors.first().toString()));
}

void TestPromClient::timeout()
{
    RecordingServer silent { QByteArray() };
    Prom::PromEndpoint endpoint
        = Prom::PromEndpoint::direct(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(silent.port())));
    endpoint.timeout = std::chrono::milliseconds(300);
    Prom::PromClient client(&m_nam, endpoint);
    QElapsedTimer elapsed;
    elapsed.start();
    const Outcome outcome = run(client.query(u"up"_qs));
    QCOMPARE(outcome.errors.size(), 1);
    QCOMPARE(outcome.errors.first().kind, Kind::Timeout);
    QVERIFY2(elapsed.elapsed() < 5000, qPrintable(QString::number(elapsed.elapsed())));
}

void TestPromClient::requestShape()
{
    // Through the service proxy of an API server, with a bearer token and a tenant header.
    RecordingServer recorder { R"({"status":"success","data":{"resultType":"vector","result":[]},"warnings":["w"]})" };
    Net::ConnectionContext apiServer;
    apiServer.server = QUrl(QStringLiteral("http://127.0.0.1:%1/rancher/k8s").arg(recorder.port()));
    Net::Credentials token;
    token.authorization = Kube::StaticCredentialSource::bearer(u"t0k"_qs);
    apiServer.credentials = std::make_shared<Kube::StaticCredentialSource>(token);
    Prom::PromEndpoint endpoint
        = Prom::PromEndpoint::serviceProxy(apiServer, u"monitoring"_qs, u"prometheus-k8s"_qs, u"web"_qs, true);
    endpoint.headers = { { "X-Scope-OrgID", "tenant-1" } };
    Prom::PromClient client(&m_nam, endpoint);

    const QString expr = u"sum by (gpu) (rate(x{a=~\"b|c&d=e%\"}[5m])) + 1"_qs;
    const Outcome outcome = run(client.queryRange(expr, QDateTime::fromSecsSinceEpoch(1700000000),
                                                  QDateTime::fromSecsSinceEpoch(1700003600), std::chrono::seconds(60)));
    QVERIFY2(outcome.errors.isEmpty(), qPrintable(describe(outcome)));
    QCOMPARE(outcome.responses.first().warnings, QStringList({ u"w"_qs }));
    QVERIFY(recorder.complete);

    const QList<QByteArray> lines = recorder.head.split('\n');
    QCOMPARE(lines.first().trimmed(),
             QByteArray("POST /rancher/k8s/api/v1/namespaces/monitoring/services/https:prometheus-k8s:web/proxy"
                        "/api/v1/query_range HTTP/1.1"));
    const QString head = QString::fromLatin1(recorder.head).toLower();
    QVERIFY2(head.contains(u"content-type: application/x-www-form-urlencoded"_qs), qPrintable(head));
    QVERIFY2(head.contains(u"authorization: bearer t0k"_qs), qPrintable(head));
    QVERIFY2(head.contains(u"x-scope-orgid: tenant-1"_qs), qPrintable(head));

    // A form decoder (Go's url.ParseQuery) reads '+' as a space: decode like one.
    QUrlQuery form(QString::fromLatin1(recorder.body).replace(QLatin1Char('+'), QLatin1Char(' ')));
    QCOMPARE(form.queryItemValue(u"query"_qs, QUrl::FullyDecoded), expr);
    QCOMPARE(form.queryItemValue(u"start"_qs), u"1700000000.000"_qs);
    QCOMPARE(form.queryItemValue(u"end"_qs), u"1700003600.000"_qs);
    QCOMPARE(form.queryItemValue(u"step"_qs), u"60"_qs);
}

void TestPromClient::notPrometheusAnswers_data()
{
    QTest::addColumn<QByteArray>("statusLine");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<int>("httpStatus");
    QTest::addColumn<QString>("says");

    QFile page(qEnvironmentVariable("SPECULA_SOURCE_DIR") + u"/tests/data/prom/nginx-502.html"_qs);
    QVERIFY(page.open(QIODevice::ReadOnly));
    QTest::newRow("gateway page") << QByteArray("HTTP/1.1 502 Bad Gateway") << QByteArray("text/html") << page.readAll()
                                  << Kind::Http << 502 << u"502 Bad Gateway"_qs;
    // The API server's proxy refuses before Prometheus is reached: a Kubernetes Status.
    QTest::newRow("proxy forbidden")
        << QByteArray("HTTP/1.1 403 Forbidden") << QByteArray("application/json")
        << QByteArray(
               R"({"kind":"Status","apiVersion":"v1","status":"Failure","message":"services \"prometheus\" is forbidden: User \"dev\" cannot get resource \"services/proxy\"","reason":"Forbidden","code":403})")
        << Kind::Forbidden << 403 << u"cannot get resource \"services/proxy\""_qs;
    QTest::newRow("HTML with 200") << QByteArray("HTTP/1.1 200 OK") << QByteArray("text/html")
                                   << QByteArray("<!DOCTYPE html>\n<html><head><title>Grafana</title></head></html>")
                                   << Kind::Parse << 200 << u"Grafana"_qs;
}

void TestPromClient::notPrometheusAnswers()
{
    QFETCH(QByteArray, statusLine);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(Kind, kind);
    QFETCH(int, httpStatus);
    QFETCH(QString, says);

    RecordingServer server(body, statusLine, contentType);
    Prom::PromClient client(&m_nam,
                            Prom::PromEndpoint::direct(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.port()))));
    const Outcome outcome = run(client.query(u"up"_qs));
    QCOMPARE(outcome.responses.size(), 0);
    QCOMPARE(outcome.errors.size(), 1);
    const Core::Error &error = outcome.errors.first();
    QCOMPARE(error.kind, kind);
    QCOMPARE(error.httpStatus, httpStatus);
    QVERIFY2(error.message.contains(says), qPrintable(error.message));
}

void TestPromClient::cancel()
{
    RecordingServer silent { QByteArray() };
    Prom::PromClient client(&m_nam,
                            Prom::PromEndpoint::direct(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(silent.port()))));
    Prom::PromJob *job = client.query(u"up"_qs);
    QTimer::singleShot(50, job, &Prom::PromJob::cancel);
    const Outcome outcome = run(job, 5000);
    QVERIFY(outcome.errors.isEmpty());
    QVERIFY(outcome.responses.isEmpty());
}

QTEST_GUILESS_MAIN(TestPromClient)
#include "tst_promclient.moc"
