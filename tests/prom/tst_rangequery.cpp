// SPDX-License-Identifier: GPL-3.0-or-later
// RangeQuery and RangeQueryRunner: the plan's chunks join exactly; one request and k parallel
// requests (awkward boundaries) give identical stores from a real Prometheus on 127.0.0.1; a
// loopback server that holds its answers shows the requests really overlap (bounded), and answers
// what a real server cannot be made to: one failing chunk, off-grid samples, warnings; newer
// queries under a key supersede older ones, and a failed refresh keeps the last data, stale.

#include "prom/promclient.h"
#include "prom/rangeplan.h"
#include "prom/rangequery.h"
#include "prom/rangequeryrunner.h"
#include "promserverfixture.h"

#include <QRegularExpression>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>
#include <cmath>

using namespace Specula;
using Prom::TimeAxis;

namespace {

constexpr int historyPoints = 241;
constexpr qint64 interval = 30;
constexpr int gpus = 3;
// GPU 2 has no samples for these indexes: longer than the 5 min lookback, so a real gap.
constexpr int gapFrom = 100;
constexpr int gapTo = 130;

double gaugeValue(int gpu, int index)
{
    return index * (gpu + 1) + 0.5 * gpu;
}

bool written(int gpu, int index)
{
    return gpu != 2 || index < gapFrom || index > gapTo;
}

struct Outcome
{
    QList<Prom::SeriesStore> stores;
    QList<Prom::CompactSeriesStore> singleStores; // Precision::Single
    QList<Core::Error> errors;
    int maxInFlight = 0;
    int chunks = 0;
};

// Runs a query to its end (it deletes itself after reporting).
Outcome run(Prom::RangeQuery *query, int timeoutMs = 30000)
{
    auto outcome = std::make_shared<Outcome>();
    const auto counted = [outcome, query] {
        outcome->maxInFlight = query->maxInFlight();
        outcome->chunks = int(query->chunks().size());
    };
    QObject::connect(query, &Prom::RangeQuery::finished, query, [outcome, counted](const Prom::SeriesStore &store) {
        outcome->stores << store;
        counted();
    });
    QObject::connect(query, &Prom::RangeQuery::finishedSingle, query,
                     [outcome, counted](const Prom::CompactSeriesStore &store) {
                         outcome->singleStores << store;
                         counted();
                     });
    QObject::connect(query, &Prom::RangeQuery::failed, query, [outcome, query](const Core::Error &error) {
        outcome->errors << error;
        outcome->maxInFlight = query->maxInFlight();
    });
    QSignalSpy destroyed(query, &QObject::destroyed);
    query->start();
    if (!destroyed.wait(timeoutMs))
        qWarning("the query did not end within %d ms", timeoutMs);
    return *outcome;
}

QString describe(const Outcome &outcome)
{
    if (!outcome.errors.isEmpty())
        return outcome.errors.first().toString();
    return u"%1 stores"_qs.arg(outcome.stores.size());
}

// Identical series, ids in label order, and values (NaN where NaN).
QString difference(const Prom::SeriesStore &a, const Prom::SeriesStore &b)
{
    if (!(a.axis() == b.axis()))
        return u"different axes"_qs;
    if (a.seriesCount() != b.seriesCount())
        return u"%1 series against %2"_qs.arg(a.seriesCount()).arg(b.seriesCount());
    for (qsizetype n = 0; n < a.idsInLabelOrder().size(); ++n) {
        const int ia = a.idsInLabelOrder().at(n);
        const int ib = b.idsInLabelOrder().at(n);
        if (a.labels(ia) != b.labels(ib))
            return u"series %1 differs: %2 against %3"_qs.arg(n).arg(Prom::SeriesStore::compactName(a.labels(ia)),
                                                                     Prom::SeriesStore::compactName(b.labels(ib)));
        for (int i = 0; i < a.axis().count; ++i) {
            const double va = a.value(ia, i);
            const double vb = b.value(ib, i);
            if (!(va == vb || (std::isnan(va) && std::isnan(vb))))
                return u"%1 at %2: %3 against %4"_qs.arg(Prom::SeriesStore::compactName(a.labels(ia)))
                    .arg(i)
                    .arg(va)
                    .arg(vb);
        }
    }
    return {};
}

// A loopback Prometheus stand-in that holds every query_range answer for `holdMs`, counting how
// many requests are open at once. It answers `seriesCount` series `{__name__="held",n="N"}` whose
// value is the evaluation time plus N, unless told to fail a chunk, shift samples off the grid or
// add a warning.
class HoldingServer : public QObject
{
public:
    explicit HoldingServer(int holdMs)
        : m_holdMs(holdMs)
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onData(socket); });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }
    quint16 port() const { return m_server.serverPort(); }
    QUrl url() const { return QUrl(u"http://127.0.0.1:%1"_qs.arg(port())); }
    void close() { m_server.close(); }

    qint64 failStart = -1; // answer a Prometheus error for the request starting here
    int seriesCount = 1;
    qint64 shift = 0; // seconds added to every sample time of the series from `shiftFrom` on
    int shiftFrom = 0;
    QString warning;
    int requests = 0;
    int open = 0;
    int maxOpen = 0;

private:
    void onData(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QRegularExpression length(u"(?i)content-length: *(\\d+)"_qs);
        const auto match = length.match(QString::fromLatin1(buffer.left(end)));
        const qsizetype expected = match.hasMatch() ? match.captured(1).toLongLong() : 0;
        if (buffer.size() - end - 4 < expected)
            return;
        const QUrlQuery form(QString::fromUtf8(buffer.mid(end + 4, expected)));
        m_buffers.remove(socket);
        ++requests;
        maxOpen = qMax(maxOpen, ++open);
        const qint64 start = form.queryItemValue(u"start"_qs).toDouble();
        const qint64 last = form.queryItemValue(u"end"_qs).toDouble();
        const qint64 step = form.queryItemValue(u"step"_qs).toDouble();
        QPointer<QTcpSocket> guard(socket);
        QTimer::singleShot(m_holdMs, this, [this, guard, start, last, step] {
            --open;
            if (guard)
                answer(guard, start, last, step);
        });
    }

    void answer(QTcpSocket *socket, qint64 start, qint64 last, qint64 step)
    {
        QByteArray status = "200 OK";
        QByteArray body;
        if (start == failStart) {
            status = "422 Unprocessable Entity";
            body = R"({"status":"error","errorType":"execution","error":"held server refuses this chunk"})";
        } else {
            QByteArray result;
            for (int n = 0; n < seriesCount; ++n) {
                QByteArray values;
                for (qint64 t = start; step > 0 && t <= last; t += step) {
                    const qint64 at = n >= shiftFrom ? t + shift : t;
                    values += (values.isEmpty() ? "" : ",") + QByteArray("[") + QByteArray::number(at) + ",\""
                        + QByteArray::number(t + n) + "\"]";
                }
                result += (result.isEmpty() ? "" : ",") + QByteArray(R"({"metric":{"__name__":"held","n":")")
                    + QByteArray::number(n) + R"("},"values":[)" + values + "]}";
            }
            body = R"({"status":"success","data":{"resultType":"matrix","result":[)" + result + "]}";
            if (!warning.isEmpty())
                body += R"(,"warnings":[")" + warning.toUtf8() + "\"]";
            body += "}";
        }
        socket->write("HTTP/1.1 " + status + "\r\nContent-Type: application/json\r\nConnection: close\r\n"
                      + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        socket->disconnectFromHost();
    }

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    int m_holdMs;
};

} // namespace

class TestRangeQuery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void planJoinsExactly_data();
    void planJoinsExactly();
    void spreadsOverParallelRequests_data();
    void spreadsOverParallelRequests();
    void splitEqualsSingle_data();
    void splitEqualsSingle();
    void singlePrecision();
    void shardedExpressions();
    void requestsOverlap_data();
    void requestsOverlap();
    void failingChunk();
    void serverError();
    void offGridAnswer_data();
    void offGridAnswer();
    void warnings();
    void manySeries_data();
    void manySeries();
    void nothingToAsk();
    void clientGone();
    void supersede();
    void staleAfterFailedRefresh();

private:
    TimeAxis historyAxis() const { return TimeAxis { m_first, interval, historyPoints }; }
    Prom::PromClient *client() { return m_client.get(); }

    Test::PromServerFixture m_server;
    QNetworkAccessManager m_nam;
    std::unique_ptr<Prom::PromClient> m_client;
    qint64 m_first = 0;
};

void TestRangeQuery::initTestCase()
{
    const qint64 last = (QDateTime::currentSecsSinceEpoch() / 60) * 60;
    m_first = last - (historyPoints - 1) * interval;
    QList<Test::PromPoint> points;
    for (int i = 0; i < historyPoints; ++i) {
        for (int gpu = 0; gpu < gpus; ++gpu) {
            if (!written(gpu, i))
                continue;
            points << Test::PromPoint { u"specula_rq_util"_qs,
                                        { { u"gpu"_qs, QString::number(gpu) }, { u"Hostname"_qs, u"n1"_qs } },
                                        QString::number(gaugeValue(gpu, i)),
                                        m_first + i * interval };
        }
    }
    const QString error = m_server.start(points);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_client = std::make_unique<Prom::PromClient>(&m_nam, Prom::PromEndpoint::direct(m_server.url()));
}

void TestRangeQuery::cleanupTestCase()
{
    m_client.reset();
    m_server.stop();
}

void TestRangeQuery::planJoinsExactly_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("maxPoints");
    QTest::addColumn<int>("exprs");
    QTest::addColumn<int>("chunks");

    QTest::newRow("fits in one") << 240 << 11000 << 1 << 1;
    QTest::newRow("exactly the limit") << 240 << 240 << 1 << 1;
    QTest::newRow("one over the limit") << 241 << 240 << 1 << 2;
    QTest::newRow("awkward thirds") << 194 << 65 << 1 << 3;
    QTest::newRow("one point each") << 5 << 1 << 1 << 5;
    QTest::newRow("two shards, four chunks each") << 1000 << 250 << 2 << 8;
    QTest::newRow("server limit caps the request") << 30000 << 20000 << 1 << 3;
}

void TestRangeQuery::planJoinsExactly()
{
    QFETCH(int, count);
    QFETCH(int, maxPoints);
    QFETCH(int, exprs);
    QFETCH(int, chunks);
    const TimeAxis axis { 1795456800, 45, count };
    QStringList expressions;
    for (int e = 0; e < exprs; ++e)
        expressions << u"up{shard=\"%1\"}"_qs.arg(e);
    const QList<Prom::RangeChunk> plan = Prom::RangePlan::plan(expressions, axis, maxPoints);
    QCOMPARE(plan.size(), chunks);
    for (int e = 0; e < exprs; ++e) {
        qint64 next = axis.start;
        int points = 0;
        int smallest = count;
        int largest = 0;
        for (const Prom::RangeChunk &chunk : plan) {
            QCOMPARE(chunk.count, chunks);
            if (chunk.exprIndex != e)
                continue;
            QCOMPARE(chunk.expr, expressions.at(e));
            QCOMPARE(chunk.axis.step, axis.step);
            QCOMPARE(chunk.axis.start, next); // no gap, no overlap
            QVERIFY(chunk.axis.count <= qMin(maxPoints, Prom::RangePlan::serverPointLimit));
            next = chunk.axis.last() + axis.step;
            points += chunk.axis.count;
            smallest = qMin(smallest, chunk.axis.count);
            largest = qMax(largest, chunk.axis.count);
        }
        QCOMPARE(points, count);
        QCOMPARE(next, axis.last() + axis.step);
        QVERIFY(largest - smallest <= 1); // equal pieces, not full ones and a short tail
    }
}

void TestRangeQuery::spreadsOverParallelRequests_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("exprs");
    QTest::addColumn<int>("parallel");
    QTest::addColumn<int>("chunks");

    QTest::newRow("two hours at 30 s: four of 60") << 240 << 1 << 4 << 4;
    QTest::newRow("a week at 5 min") << 2016 << 1 << 4 << 4;
    QTest::newRow("short: not split") << 60 << 1 << 4 << 1;
    QTest::newRow("not worth four") << 100 << 1 << 4 << 2;
    QTest::newRow("shards already run side by side") << 2016 << 4 << 4 << 4;
    QTest::newRow("two shards, two pieces each") << 2016 << 2 << 4 << 4;
    QTest::newRow("one at a time") << 2016 << 1 << 1 << 1;
    QTest::newRow("the server's limit still holds") << 90000 << 1 << 4 << 9;
}

void TestRangeQuery::spreadsOverParallelRequests()
{
    QFETCH(int, count);
    QFETCH(int, exprs);
    QFETCH(int, parallel);
    QFETCH(int, chunks);
    const TimeAxis axis { 1795456800, 30, count };
    const QStringList expressions(exprs, u"up"_qs);
    Prom::RangeQuery query(m_client.get(), expressions, axis);
    query.setMaxConcurrent(parallel);
    const int points = query.maxPointsPerRequest();
    QCOMPARE(points, Prom::RangePlan::spreadPoints(count, exprs, parallel));
    QCOMPARE(Prom::RangePlan::plan(expressions, axis, points).size(), chunks);
}

void TestRangeQuery::splitEqualsSingle_data()
{
    QTest::addColumn<int>("requests");
    QTest::addColumn<qint64>("step");
    QTest::addColumn<int>("offset"); // steps after the first written point
    QTest::addColumn<int>("count");

    for (int k = 1; k <= 5; ++k)
        QTest::addRow("%d requests of 194 points at 30 s", k) << k << qint64(30) << 7 << 194;
    QTest::newRow("3 requests at 45 s, between samples") << 3 << qint64(45) << 3 << 101;
    QTest::newRow("4 requests at 60 s over the gap") << 4 << qint64(60) << 1 << 113;
    QTest::newRow("5 requests of one or two points") << 5 << qint64(30) << 60 << 9;
}

void TestRangeQuery::splitEqualsSingle()
{
    QFETCH(int, requests);
    QFETCH(qint64, step);
    QFETCH(int, offset);
    QFETCH(int, count);
    const TimeAxis axis { m_first + offset * interval, step, count };
    const int maxPoints = (count + requests - 1) / requests;

    auto *single = new Prom::RangeQuery(client(), { u"specula_rq_util"_qs }, axis);
    single->setMaxPointsPerRequest(Prom::RangePlan::serverPointLimit);
    const Outcome whole = run(single);
    QVERIFY2(whole.errors.isEmpty() && whole.stores.size() == 1, qPrintable(describe(whole)));
    QCOMPARE(whole.chunks, 1);

    auto *split = new Prom::RangeQuery(client(), { u"specula_rq_util"_qs }, axis);
    split->setMaxPointsPerRequest(maxPoints);
    const Outcome parts = run(split);
    QVERIFY2(parts.errors.isEmpty() && parts.stores.size() == 1, qPrintable(describe(parts)));
    QCOMPARE(parts.chunks, requests);
    const QString diff = difference(whole.stores.first(), parts.stores.first());
    QVERIFY2(diff.isEmpty(), qPrintable(diff));

    // And both hold what was written: the sample at each point's time, NaN inside the gap.
    const Prom::SeriesStore &store = parts.stores.first();
    QCOMPARE(store.seriesCount(), gpus);
    QVERIFY(store.fetchedAt().isValid());
    for (int gpu = 0; gpu < gpus; ++gpu) {
        const int id = store.find({ { u"__name__"_qs, u"specula_rq_util"_qs },
                                    { u"gpu"_qs, QString::number(gpu) },
                                    { u"Hostname"_qs, u"n1"_qs } });
        QVERIFY(id >= 0);
        int checked = 0;
        for (int i = 0; i < axis.count; ++i) {
            const qint64 since = axis.timeAt(i) - m_first;
            if (since % interval != 0)
                continue;
            const int index = int(since / interval);
            if (written(gpu, index)) {
                QCOMPARE(store.value(id, i), gaugeValue(gpu, index));
                ++checked;
            } else if (index - gapFrom >= 10 && written(gpu, index + 1) == false) {
                // More than the lookback after the last sample before the gap.
                QVERIFY2(std::isnan(store.value(id, i)), qPrintable(QString::number(store.value(id, i))));
                ++checked;
            }
        }
        QVERIFY(checked > 0);
    }
}

// Merged in single precision, split into requests: the same series in the same order as in
// double precision, each value the double's nearest float, reported by finishedSingle() alone.
void TestRangeQuery::singlePrecision()
{
    const TimeAxis axis { m_first + 7 * interval, 30, 194 };
    auto *wide = new Prom::RangeQuery(client(), { u"specula_rq_util"_qs }, axis);
    const Outcome doubles = run(wide);
    QVERIFY2(doubles.errors.isEmpty() && doubles.stores.size() == 1, qPrintable(describe(doubles)));

    auto *narrow = new Prom::RangeQuery(client(), { u"specula_rq_util"_qs }, axis);
    narrow->setMaxPointsPerRequest(50);
    narrow->setPrecision(Prom::RangeQuery::Precision::Single);
    const Outcome singles = run(narrow);
    QVERIFY2(singles.errors.isEmpty(), qPrintable(describe(singles)));
    QVERIFY(singles.stores.isEmpty());
    QCOMPARE(singles.singleStores.size(), 1);
    QCOMPARE(singles.chunks, 4);

    const Prom::SeriesStore &expected = doubles.stores.first();
    const Prom::CompactSeriesStore &store = singles.singleStores.first();
    QCOMPARE(store.axis(), axis);
    QCOMPARE(store.valueBytes(), qsizetype(gpus * axis.count * sizeof(float)));
    QVERIFY(store.fetchedAt().isValid());
    QCOMPARE(store.seriesCount(), expected.seriesCount());
    for (qsizetype n = 0; n < store.idsInLabelOrder().size(); ++n) {
        const int id = store.idsInLabelOrder().at(n);
        const int expectedId = expected.idsInLabelOrder().at(n);
        QCOMPARE(store.labels(id), expected.labels(expectedId));
        for (int i = 0; i < axis.count; ++i) {
            const double want = expected.value(expectedId, i);
            const float got = store.value(id, i);
            QVERIFY2(std::isnan(want) ? std::isnan(got) : got == float(want),
                     qPrintable(u"%1 at %2: %3, not %4"_qs.arg(n).arg(i).arg(got).arg(want)));
        }
    }
}

void TestRangeQuery::shardedExpressions()
{
    const TimeAxis axis { m_first, 60, 121 };
    auto *single = new Prom::RangeQuery(client(), { u"specula_rq_util"_qs }, axis);
    single->setMaxPointsPerRequest(Prom::RangePlan::serverPointLimit);
    const Outcome whole = run(single);
    QVERIFY2(whole.errors.isEmpty(), qPrintable(describe(whole)));
    auto *sharded = new Prom::RangeQuery(
        client(), { u"specula_rq_util{gpu=\"0\"}"_qs, u"specula_rq_util{gpu=~\"1|2\"}"_qs }, axis);
    sharded->setMaxPointsPerRequest(50);
    const Outcome shards = run(sharded);
    QVERIFY2(shards.errors.isEmpty(), qPrintable(describe(shards)));
    QCOMPARE(shards.chunks, 6);
    const QString diff = difference(whole.stores.first(), shards.stores.first());
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
}

void TestRangeQuery::requestsOverlap_data()
{
    QTest::addColumn<int>("concurrency");
    QTest::addColumn<int>("expected");

    QTest::newRow("one at a time") << 1 << 1;
    QTest::newRow("two") << 2 << 2;
    QTest::newRow("default four") << Prom::RangeQuery::defaultMaxConcurrent << 4;
    QTest::newRow("more than the chunks") << 10 << 6;
}

void TestRangeQuery::requestsOverlap()
{
    QFETCH(int, concurrency);
    QFETCH(int, expected);
    HoldingServer server(150);
    Prom::PromClient held(&m_nam, Prom::PromEndpoint::direct(server.url()));
    const TimeAxis axis { 1795456800, 30, 60 };
    auto *query = new Prom::RangeQuery(&held, { u"held"_qs }, axis);
    query->setMaxPointsPerRequest(10);
    query->setMaxConcurrent(concurrency);
    const Outcome outcome = run(query);
    QVERIFY2(outcome.errors.isEmpty(), qPrintable(describe(outcome)));
    QCOMPARE(server.requests, 6);
    QCOMPARE(server.maxOpen, expected); // seen by the server: the requests really overlapped
    QCOMPARE(outcome.maxInFlight, expected);
    const Prom::SeriesStore &store = outcome.stores.first();
    QCOMPARE(store.seriesCount(), 1);
    for (int i = 0; i < axis.count; ++i)
        QCOMPARE(store.value(0, i), double(axis.timeAt(i)));
}

void TestRangeQuery::failingChunk()
{
    HoldingServer server(50);
    Prom::PromClient held(&m_nam, Prom::PromEndpoint::direct(server.url()));
    const TimeAxis axis { 1795456800, 30, 30 };
    server.failStart = axis.timeAt(10); // the second of three chunks
    auto *query = new Prom::RangeQuery(&held, { u"held"_qs }, axis);
    query->setMaxPointsPerRequest(10);
    const Outcome outcome = run(query);
    QCOMPARE(outcome.stores.size(), 0);
    QCOMPARE(outcome.errors.size(), 1);
    const Core::Error &error = outcome.errors.first();
    QVERIFY2(error.message.contains(u"2026-11-23T18:05:00Z – 2026-11-23T18:09:30Z"_qs), qPrintable(error.toString()));
    QVERIFY2(error.message.contains(u"request 2 of 3"_qs), qPrintable(error.toString()));
    QVERIFY2(error.message.contains(u"held server refuses this chunk"_qs), qPrintable(error.toString()));
    QCOMPARE(error.httpStatus, 422);
    QCOMPARE(error.reason, u"execution"_qs);
}

void TestRangeQuery::serverError()
{
    // A real Prometheus refusing the expression: every chunk fails, one error is reported.
    const TimeAxis axis { m_first, 30, 100 };
    auto *query = new Prom::RangeQuery(client(), { u"sum(specula_rq_util"_qs }, axis);
    query->setMaxPointsPerRequest(25);
    const Outcome outcome = run(query);
    QCOMPARE(outcome.stores.size(), 0);
    QCOMPARE(outcome.errors.size(), 1);
    const Core::Error &error = outcome.errors.first();
    QCOMPARE(error.reason, u"bad_data"_qs);
    QVERIFY2(error.message.contains(u" of 4) failed: "_qs), qPrintable(error.toString()));
    QVERIFY2(error.message.contains(u"query_range "_qs + Prom::RangePlan::describe(axis.slice(0, 25)))
                 || error.message.contains(u"request "_qs),
             qPrintable(error.toString()));
    // Stopped by the first failure: nothing arrives later.
    QTest::qWait(300);
}

void TestRangeQuery::offGridAnswer_data()
{
    QTest::addColumn<int>("seriesCount");
    QTest::addColumn<int>("shiftFrom");
    QTest::addColumn<QString>("named");
    QTest::newRow("every series") << 1 << 0 << u"held"_qs;
    // After thousands that fit, past what the parser hands over at once.
    QTest::newRow("a series after 2,300 that fit") << 2500 << 2300 << u"n=\"2300\""_qs;
}

// A series off the grid fails the query, naming it and the request.
void TestRangeQuery::offGridAnswer()
{
    QFETCH(int, seriesCount);
    QFETCH(int, shiftFrom);
    QFETCH(QString, named);
    HoldingServer server(0);
    server.seriesCount = seriesCount;
    server.shift = 15;
    server.shiftFrom = shiftFrom;
    Prom::PromClient held(&m_nam, Prom::PromEndpoint::direct(server.url()));
    const TimeAxis axis { 1795456800, 30, 20 };
    auto *query = new Prom::RangeQuery(&held, { u"held"_qs }, axis);
    query->setMaxPointsPerRequest(10);
    const Outcome outcome = run(query);
    QCOMPARE(outcome.errors.size(), 1);
    const QString message = outcome.errors.first().message;
    QVERIFY2(message.contains(u"not on the requested grid"_qs), qPrintable(message));
    QVERIFY2(message.contains(named), qPrintable(message));
    QVERIFY2(message.contains(u"query_range 2026-11-23T18:0"_qs), qPrintable(message));
}

void TestRangeQuery::warnings()
{
    HoldingServer server(0);
    server.warning = u"PromQL info: metric might not be a counter"_qs;
    Prom::PromClient held(&m_nam, Prom::PromEndpoint::direct(server.url()));
    auto *query = new Prom::RangeQuery(&held, { u"held"_qs }, TimeAxis { 1795456800, 30, 20 });
    query->setMaxPointsPerRequest(7);
    const Outcome outcome = run(query);
    QVERIFY2(outcome.errors.isEmpty(), qPrintable(describe(outcome)));
    QCOMPARE(outcome.chunks, 3);
    QCOMPARE(outcome.stores.first().warnings(), QStringList { server.warning }); // once, not per chunk
}

void TestRangeQuery::manySeries_data()
{
    QTest::addColumn<int>("pointsPerRequest");
    QTest::addColumn<bool>("single");
    QTest::newRow("3 requests") << 7 << false;
    QTest::newRow("1 request") << 20 << false;
    QTest::newRow("3 requests, single precision") << 7 << true;
    QTest::newRow("1 request, single precision") << 20 << true;
}

// Answers of more series than the parser hands over at once: every series of every request
// lands whole, in either precision.
void TestRangeQuery::manySeries()
{
    QFETCH(int, pointsPerRequest);
    QFETCH(bool, single);
    HoldingServer server(0);
    server.seriesCount = 4500;
    Prom::PromClient held(&m_nam, Prom::PromEndpoint::direct(server.url()));
    const TimeAxis axis { 1795456800, 30, 20 };
    auto *query = new Prom::RangeQuery(&held, { u"held"_qs }, axis);
    query->setMaxPointsPerRequest(pointsPerRequest);
    if (single)
        query->setPrecision(Prom::RangeQuery::Precision::Single);
    const Outcome outcome = run(query);
    QVERIFY2(outcome.errors.isEmpty(), qPrintable(describe(outcome)));
    QCOMPARE(server.requests, outcome.chunks);
    const auto check = [&](const auto &store) {
        using Value = typename std::decay_t<decltype(store.values(0))>::value_type;
        QCOMPARE(store.seriesCount(), server.seriesCount);
        for (const int n : { 0, 1999, 2000, 4001, 4499 }) {
            const int id = store.find({ { u"__name__"_qs, u"held"_qs }, { u"n"_qs, QString::number(n) } });
            QVERIFY2(id >= 0, qPrintable(QString::number(n)));
            for (int i = 0; i < axis.count; ++i)
                QCOMPARE(store.value(id, i), Value(double(axis.timeAt(i) + n)));
        }
    };
    if (single)
        check(outcome.singleStores.value(0));
    else
        check(outcome.stores.value(0));
}

void TestRangeQuery::nothingToAsk()
{
    const Outcome noExpr = run(new Prom::RangeQuery(client(), {}, TimeAxis { m_first, 30, 10 }));
    QCOMPARE(noExpr.errors.size(), 1);
    QCOMPARE(noExpr.errors.first().kind, Core::Error::Kind::Config);
    const Outcome noStep = run(new Prom::RangeQuery(client(), { u"up"_qs }, TimeAxis { m_first, 0, 10 }));
    QCOMPARE(noStep.errors.size(), 1);
}

// A query whose client is missing, or deleted while its requests are held at the server, fails
// with Kind::Cancelled instead of crashing or never answering.
void TestRangeQuery::clientGone()
{
    const Outcome none = run(new Prom::RangeQuery(nullptr, { u"up"_qs }, historyAxis()));
    QCOMPARE(none.errors.size(), 1);
    QCOMPARE(none.errors.first().kind, Core::Error::Kind::Cancelled);
    QVERIFY(none.stores.isEmpty());

    HoldingServer server(300);
    auto *held = new Prom::PromClient(&m_nam, Prom::PromEndpoint::direct(server.url()));
    auto *query = new Prom::RangeQuery(held, { u"held"_qs }, TimeAxis { 1795456800, 30, 20 });
    QList<Core::Error> errors;
    connect(query, &Prom::RangeQuery::failed, this, [&errors](const Core::Error &error) { errors << error; });
    QSignalSpy destroyed(query, &QObject::destroyed);
    query->start();
    QTRY_COMPARE(server.requests, 1); // in flight at the server
    delete held;
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().kind, Core::Error::Kind::Cancelled);
    QVERIFY2(errors.first().message.contains(u"closed"_qs), qPrintable(errors.first().toString()));
    QVERIFY(destroyed.wait(10000));
}

void TestRangeQuery::supersede()
{
    HoldingServer server(300);
    Prom::PromClient held(&m_nam, Prom::PromEndpoint::direct(server.url()));
    Prom::RangeQueryRunner runner(&held);
    QSignalSpy updated(&runner, &Prom::RangeQueryRunner::updated);

    const TimeAxis first { 1795456800, 30, 20 };
    const TimeAxis second { 1795456800 + 600, 60, 10 };
    QPointer<Prom::RangeQuery> older = runner.start(u"heatmap"_qs, { u"held"_qs }, first);
    int olderReports = 0;
    connect(older, &Prom::RangeQuery::finished, this, [&olderReports] { ++olderReports; });
    connect(older, &Prom::RangeQuery::failed, this, [&olderReports] { ++olderReports; });
    QTRY_COMPARE(server.requests, 1); // in flight at the server
    QVERIFY(runner.isRunning(u"heatmap"_qs));
    runner.start(u"heatmap"_qs, { u"held"_qs }, second);
    runner.start(u"pod/ns/name"_qs, { u"held"_qs }, first); // another key is not affected

    QTRY_COMPARE_WITH_TIMEOUT(updated.size(), 2, 10000);
    QTest::qWait(600); // longer than the older answer takes: it still must not report
    QCOMPARE(updated.size(), 2);
    QCOMPARE(olderReports, 0);
    QVERIFY(older.isNull());
    const Prom::SeriesSlot heatmap = runner.slot(u"heatmap"_qs);
    QVERIFY(heatmap.hasData());
    QCOMPARE(heatmap.current().axis(), second);
    QCOMPARE(heatmap.current().value(0, 0), double(second.start));
    QCOMPARE(runner.slot(u"pod/ns/name"_qs).current().axis(), first);
    QVERIFY(!runner.isRunning(u"heatmap"_qs));
}

void TestRangeQuery::staleAfterFailedRefresh()
{
    auto server = std::make_unique<HoldingServer>(0);
    Prom::PromClient held(&m_nam, Prom::PromEndpoint::direct(server->url()));
    Prom::RangeQueryRunner runner(&held);
    QSignalSpy updated(&runner, &Prom::RangeQueryRunner::updated);
    QSignalSpy failed(&runner, &Prom::RangeQueryRunner::failed);
    const TimeAxis axis { 1795456800, 30, 20 };

    // Nothing yet: a failure leaves an empty slot with the error, not stale data.
    QVERIFY(!runner.slot(u"k"_qs).hasData());
    runner.start(u"k"_qs, { u"held"_qs }, axis);
    QTRY_COMPARE(updated.size(), 1);
    Prom::SeriesSlot slot = runner.slot(u"k"_qs);
    QVERIFY(slot.hasData());
    QVERIFY(!slot.isStale());
    QVERIFY(!slot.current().isStale());
    const Prom::SeriesStore good = slot.current();

    server.reset(); // the server goes away: connection refused
    runner.start(u"k"_qs, { u"held"_qs }, TimeAxis { axis.start + 600, 30, 20 });
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
    QCOMPARE(updated.size(), 2);
    slot = runner.slot(u"k"_qs);
    QVERIFY(slot.hasData());
    QVERIFY(slot.isStale());
    QCOMPARE(slot.error().kind, Core::Error::Kind::Network);
    QVERIFY2(slot.error().message.contains(u"query_range 2026-11-23T18:10:00Z"_qs),
             qPrintable(slot.error().toString()));
    QVERIFY(slot.current().isStale());
    QCOMPARE(slot.current().error().message, slot.error().message);
    QCOMPARE(slot.current().axis(), axis); // the last good data
    QCOMPARE(slot.current().value(0, 3), good.value(0, 3));
    const auto signalled = updated.last().at(1).value<Prom::SeriesSlot>();
    QVERIFY(signalled.isStale());

    // A fresh answer clears the mark.
    Prom::SeriesSlot fresh = slot;
    fresh.setFresh(good);
    QVERIFY(!fresh.isStale());
    QVERIFY(!fresh.hasError());
    QVERIFY(!fresh.current().isStale());
}

QTEST_GUILESS_MAIN(TestRangeQuery)
#include "tst_rangequery.moc"
