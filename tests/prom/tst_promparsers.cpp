// SPDX-License-Identifier: GPL-3.0-or-later
// The Prometheus API parsers on the published examples and real error answers
// (shared/fixtures/prometheus_api_*), on the special float spellings and on what proxies send.

#include "prom/promparsers.h"
#include "prom/promstep.h"

#include <QFile>
#include <QTest>
#include <cmath>

using namespace Specula;
using Kind = Core::Error::Kind;

namespace {

const QString where = QStringLiteral("http://127.0.0.1:9090/api/v1/query");

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s: %s", qPrintable(path), qPrintable(file.errorString()));
    return file.readAll();
}

QString shared(const QString &name)
{
    return qEnvironmentVariable("SPECULA_SHARED_DIR") + QStringLiteral("/fixtures/") + name;
}

QString local(const QString &name)
{
    return qEnvironmentVariable("SPECULA_SOURCE_DIR") + QStringLiteral("/tests/data/prom/") + name;
}

// Equal including NaN, which never equals itself.
bool sameValue(double a, double b)
{
    return (std::isnan(a) && std::isnan(b)) || a == b;
}

// What a query's result says, for comparing two ways of reading it.
QString describe(const Core::Result<Prom::PromResponse> &result)
{
    if (!result) {
        const Core::Error &error = result.error();
        // Text that is no JSON is named by its first line, which a reader in pieces sees only
        // up to where the structure broke.
        const QString message = error.message.contains(u"not a Prometheus API answer"_qs)
            ? u"not a Prometheus API answer"_qs
            : error.message;
        return u"error %1 %2 %3 %4: %5"_qs.arg(int(error.kind))
            .arg(error.httpStatus)
            .arg(error.where, error.reason, message);
    }
    QString text = u"type %1 %2 %3 %4 %5 %6"_qs.arg(int(result->query.type))
                       .arg(result->query.scalar.timestamp)
                       .arg(result->query.scalar.value)
                       .arg(result->query.text, result->warnings.join(u'|'), result->infos.join(u'|'));
    for (const Prom::Series &series : result->query.series) {
        for (auto it = series.labels.cbegin(); it != series.labels.cend(); ++it)
            text += u" %1=%2"_qs.arg(it.key(), it.value());
        for (const Prom::Sample &sample : series.samples)
            text += u" [%1 %2]"_qs.arg(sample.timestamp, 0, 'f', 3).arg(sample.value);
    }
    return text;
}

// The answer read whole, as parseQuery() does, after checking that reading it as it is decoded,
// in pieces of several sizes (parseQueryPieces), says the same, series and errors alike.
Core::Result<Prom::PromResponse> parsedEveryWay(const QByteArray &body, int httpStatus, const QString &where)
{
    const Core::Result<Prom::PromResponse> whole = Prom::PromParsers::parseQuery(body, httpStatus, where);
    for (const qsizetype size : { 1, 7, 4096 }) {
        const auto decode = [&body, size](const std::function<bool(QByteArrayView)> &sink) -> Core::Result<qint64> {
            for (qsizetype at = 0;
                 at < body.size() && sink(QByteArrayView(body).sliced(at, qMin(size, body.size() - at))); at += size) {
            }
            return body.size();
        };
        const QString inPieces = describe(Prom::PromParsers::parseQueryPieces(decode, httpStatus, where));
        if (inPieces != describe(whole)) {
            QTest::qFail(qPrintable(u"in pieces of %1: %2\nwhole: %3"_qs.arg(size).arg(inPieces, describe(whole))),
                         __FILE__, __LINE__);
        }
    }
    return whole;
}

} // namespace

class TestPromParsers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void errorResponses_data();
    void errorResponses();
    void instantVectorDocs();
    void matrixDocs();
    void sampleValues_data();
    void sampleValues();
    void scalarAndString_data();
    void scalarAndString();
    void warningsAndInfos();
    void nativeHistogramsKeepTheirSeries();
    void notPrometheus_data();
    void notPrometheus();
    void malformedData_data();
    void malformedData();
    void labelsWithBracketsAndQuotes();
    void seriesVisited_data();
    void seriesVisited();
    void seriesReadAsTheAnswerIsDecoded();
    void resultTypeAfterResult();
    void series();
    void names_data();
    void names();
    void buildInfo();
    void stepFor_data();
    void stepFor();
};

void TestPromParsers::errorResponses_data()
{
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("httpStatus");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QString>("errorType");
    QTest::addColumn<QString>("message");
    QTest::addColumn<bool>("hasData");

    // Lines of prometheus_api_error-responses_real.jsonl with the status Prometheus sends them with.
    QTest::newRow("range query of a matrix")
        << 0 << 400 << Kind::Http << u"bad_data"_qs
        << u"invalid expression type \"matrix\" for range query, must be scalar or vector"_qs << false;
    QTest::newRow("empty timestamp") << 1 << 400 << Kind::Http << u"bad_data"_qs
                                     << u"cannot parse \"\" to a valid timestamp"_qs << false;
    QTest::newRow("parse error")
        << 2 << 400 << Kind::Http << u"bad_data"_qs
        << u"invalid parameter 'query': parse error at char 54: duration must be greater than 0"_qs << false;
    QTest::newRow("not acceptable") << 3 << 406 << Kind::Http << u"not_acceptable"_qs
                                    << u"cannot encode response as application/default-format"_qs << false;
    QTest::newRow("timeout with data") << 4 << 503 << Kind::Timeout << u"timeout"_qs << u"message"_qs << true;
}

void TestPromParsers::errorResponses()
{
    QFETCH(int, line);
    QFETCH(int, httpStatus);
    QFETCH(Kind, kind);
    QFETCH(QString, errorType);
    QFETCH(QString, message);
    QFETCH(bool, hasData);

    const QList<QByteArray> lines = readFile(shared(u"prometheus_api_error-responses_real.jsonl"_qs)).split('\n');
    QVERIFY(line < lines.size());
    const QByteArray body = lines.at(line);

    const auto envelope = Prom::PromParsers::parseEnvelope(body, httpStatus, where);
    QVERIFY2(envelope.ok(), qPrintable(envelope.ok() ? QString() : envelope.error().toString()));
    QCOMPARE(envelope->status, u"error"_qs);
    QCOMPARE(envelope->data.isUndefined(), !hasData);

    // Every parser reports the envelope's error the same way, whatever it expected as data.
    const QList<Core::Result<Prom::PromResponse>> results {
        parsedEveryWay(body, httpStatus, where), Prom::PromParsers::parseSeries(body, httpStatus, where),
        Prom::PromParsers::parseNames(body, httpStatus, where),
        Prom::PromParsers::parseBuildInfo(body, httpStatus, where)
    };
    for (const auto &result : results) {
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, kind);
        QCOMPARE(result.error().reason, errorType);
        QCOMPARE(result.error().message, message);
        QCOMPARE(result.error().httpStatus, httpStatus);
        QCOMPARE(result.error().where, where);
    }
}

void TestPromParsers::instantVectorDocs()
{
    const auto result
        = parsedEveryWay(readFile(shared(u"prometheus_api_query_instant-vector_docs.json"_qs)), 200, where);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
    const Prom::QueryResult &query = result->query;
    QCOMPARE(query.type, Prom::ResultType::Vector);
    QCOMPARE(query.series.size(), 2);
    const Prom::Labels first { { u"__name__"_qs, u"up"_qs },
                               { u"job"_qs, u"prometheus"_qs },
                               { u"instance"_qs, u"localhost:9090"_qs } };
    QCOMPARE(query.series.at(0).labels, first);
    QCOMPARE(query.series.at(0).samples.size(), 1);
    QCOMPARE(query.series.at(0).samples.at(0).timestamp, 1435781451.781);
    QCOMPARE(query.series.at(0).samples.at(0).value, 1.0);
    QCOMPARE(query.series.at(1).labels.value(u"job"_qs), u"node"_qs);
    QCOMPARE(query.series.at(1).samples.at(0).value, 0.0);
    // Series of one answer share their label texts.
    QCOMPARE(query.series.at(0).labels.find(u"job"_qs).key().constData(),
             query.series.at(1).labels.find(u"job"_qs).key().constData());
    QVERIFY(result->warnings.isEmpty());
    QVERIFY(result->infos.isEmpty());
}

void TestPromParsers::matrixDocs()
{
    const auto result = parsedEveryWay(readFile(shared(u"prometheus_api_query_range-matrix_docs.json"_qs)), 200, where);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
    const Prom::QueryResult &query = result->query;
    QCOMPARE(query.type, Prom::ResultType::Matrix);
    QCOMPARE(query.series.size(), 2);
    const QList<double> times { 1435781430.781, 1435781445.781, 1435781460.781 };
    const QList<QList<double>> values { { 1, 1, 1 }, { 0, 0, 1 } };
    for (int s = 0; s < 2; ++s) {
        const Prom::Series &series = query.series.at(s);
        QCOMPARE(series.samples.size(), 3);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(series.samples.at(i).timestamp, times.at(i));
            QCOMPARE(series.samples.at(i).value, values.at(s).at(i));
        }
    }
    QCOMPARE(query.series.at(1).labels.value(u"instance"_qs), u"localhost:9091"_qs);
}

void TestPromParsers::sampleValues_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<double>("value");

    const double inf = std::numeric_limits<double>::infinity();
    QTest::newRow("one") << u"1"_qs << true << 1.0;
    QTest::newRow("fraction") << u"0.25"_qs << true << 0.25;
    QTest::newRow("negative") << u"-42.5"_qs << true << -42.5;
    QTest::newRow("exponent") << u"1.5e+09"_qs << true << 1.5e9;
    QTest::newRow("tiny") << u"1e-07"_qs << true << 1e-7;
    QTest::newRow("NaN") << u"NaN"_qs << true << std::numeric_limits<double>::quiet_NaN();
    QTest::newRow("+Inf") << u"+Inf"_qs << true << inf;
    QTest::newRow("-Inf") << u"-Inf"_qs << true << -inf;
    QTest::newRow("word") << u"high"_qs << false << 0.0;
    QTest::newRow("empty") << QString() << false << 0.0;
}

void TestPromParsers::sampleValues()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(double, value);

    const QByteArray body
        = R"({"status":"success","data":{"resultType":"vector","result":[{"metric":{"a":"b"},"value":[1700000000.123,")"
        + text.toUtf8() + R"("]}]}})";
    const auto result = parsedEveryWay(body, 200, where);
    QCOMPARE(result.ok(), valid);
    if (!valid) {
        QCOMPARE(result.error().kind, Kind::Parse);
        QVERIFY2(result.error().message.contains(u"data.result[0].value"_qs), qPrintable(result.error().message));
        return;
    }
    const Prom::Sample sample = result->query.series.at(0).samples.at(0);
    QCOMPARE(sample.timestamp, 1700000000.123);
    QVERIFY2(sameValue(sample.value, value), qPrintable(QString::number(sample.value)));
}

void TestPromParsers::scalarAndString_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<Prom::ResultType>("type");
    QTest::addColumn<double>("timestamp");
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("text");

    QTest::newRow("scalar") << QByteArray(
        R"({"status":"success","data":{"resultType":"scalar","result":[1700000001.5,"3.25"]}})")
                            << Prom::ResultType::Scalar << 1700000001.5 << 3.25 << QString();
    QTest::newRow("scalar +Inf") << QByteArray(
        R"({"status":"success","data":{"resultType":"scalar","result":[17,"+Inf"]}})")
                                 << Prom::ResultType::Scalar << 17.0 << std::numeric_limits<double>::infinity()
                                 << QString();
    QTest::newRow("string") << QByteArray(
        R"({"status":"success","data":{"resultType":"string","result":[1700000002,"hello"]}})")
                            << Prom::ResultType::String << 1700000002.0 << 0.0 << u"hello"_qs;
}

void TestPromParsers::scalarAndString()
{
    QFETCH(QByteArray, body);
    QFETCH(Prom::ResultType, type);
    QFETCH(double, timestamp);
    QFETCH(double, value);
    QFETCH(QString, text);

    const auto result = parsedEveryWay(body, 200, where);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
    QCOMPARE(result->query.type, type);
    QCOMPARE(result->query.scalar.timestamp, timestamp);
    QCOMPARE(result->query.scalar.value, value);
    QCOMPARE(result->query.text, text);
    QVERIFY(result->query.series.isEmpty());
}

void TestPromParsers::warningsAndInfos()
{
    const QByteArray body = R"({"status":"success","data":{"resultType":"vector","result":[]},
        "warnings":["remote read: store 10.0.0.3 timed out","partial response"],
        "infos":["PromQL info: metric might not be a counter"]})";
    const auto result = parsedEveryWay(body, 200, where);
    QVERIFY(result.ok());
    QCOMPARE(result->warnings, QStringList({ u"remote read: store 10.0.0.3 timed out"_qs, u"partial response"_qs }));
    QCOMPARE(result->infos, QStringList({ u"PromQL info: metric might not be a counter"_qs }));
    QVERIFY(result->query.series.isEmpty());
}

void TestPromParsers::nativeHistogramsKeepTheirSeries()
{
    const auto result = parsedEveryWay(readFile(local(u"native-histogram-vector.json"_qs)), 200, where);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
    QCOMPARE(result->query.series.size(), 2);
    QCOMPARE(result->query.series.at(0).labels.value(u"__name__"_qs), u"rpc_duration_seconds"_qs);
    QVERIFY(result->query.series.at(0).samples.isEmpty());
    QCOMPARE(result->query.series.at(1).samples.at(0).value, 12.0);
    QCOMPARE(result->infos.size(), 1);
}

void TestPromParsers::notPrometheus_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("httpStatus");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QString>("shows");

    QTest::newRow("nginx 502 page") << readFile(local(u"nginx-502.html"_qs)) << 502 << Kind::Http
                                    << u"502 Bad Gateway"_qs;
    QTest::newRow("plain text 503") << QByteArray("\n\nupstream connect error or disconnect/reset before headers\nmore")
                                    << 503 << Kind::Http
                                    << u"upstream connect error or disconnect/reset before headers"_qs;
    QTest::newRow("oauth proxy 403") << QByteArray("Forbidden\n") << 403 << Kind::Forbidden << u"Forbidden"_qs;
    QTest::newRow("HTML with 200") << QByteArray("<!DOCTYPE html>\n<html><title>Grafana</title></html>") << 200
                                   << Kind::Parse << u"Grafana"_qs;
    QTest::newRow("empty 200") << QByteArray() << 200 << Kind::Parse << u"empty body"_qs;
    QTest::newRow("JSON array") << QByteArray("[1,2]") << 200 << Kind::Parse << u"not a JSON object"_qs;
    QTest::newRow("cut off") << QByteArray(R"({"status":"success","data":{"resultType":"vec)") << 200 << Kind::Parse
                             << u"{\"status\""_qs;
}

void TestPromParsers::notPrometheus()
{
    QFETCH(QByteArray, body);
    QFETCH(int, httpStatus);
    QFETCH(Kind, kind);
    QFETCH(QString, shows);

    const auto result = parsedEveryWay(body, httpStatus, where);
    QVERIFY(!result.ok());
    const Core::Error &error = result.error();
    QCOMPARE(error.kind, kind);
    QCOMPARE(error.httpStatus, httpStatus);
    QCOMPARE(error.where, where);
    QVERIFY2(error.message.contains(shows), qPrintable(error.message));
    QVERIFY2(error.message.contains(QStringLiteral("HTTP %1").arg(httpStatus)), qPrintable(error.message));
    QVERIFY2(!error.message.contains(QLatin1Char('\n')), qPrintable(error.message));
}

void TestPromParsers::malformedData_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field");

    QTest::newRow("no status") << QByteArray(R"({"data":{}})") << u"\"status\""_qs;
    QTest::newRow("unknown type") << QByteArray(R"({"status":"success","data":{"resultType":"table","result":[]}})")
                                  << u"data.resultType \"table\""_qs;
    QTest::newRow("result not array") << QByteArray(
        R"({"status":"success","data":{"resultType":"matrix","result":{}}})")
                                      << u"data.result of a matrix"_qs;
    QTest::newRow("numeric label") << QByteArray(
        R"({"status":"success","data":{"resultType":"vector","result":[{"metric":{"a":1},"value":[1,"1"]}]}})")
                                   << u"data.result[0].metric"_qs;
    QTest::newRow("number not string") << QByteArray(
        R"({"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[1,"1"],[2,2]]}]}})")
                                       << u"data.result[0].values[1]"_qs;
    QTest::newRow("scalar short") << QByteArray(R"({"status":"success","data":{"resultType":"scalar","result":[1]}})")
                                  << u"data.result of a scalar"_qs;
    // Each series is parsed on its own: a broken one is named by its place.
    QTest::newRow("broken series") << QByteArray(
        R"({"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,"1"]},{"metric":{},"value":[1,tru]}]}})")
                                   << u"data.result[1] is not valid JSON"_qs;
    QTest::newRow("broken values") << QByteArray(
        R"({"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[1,"1"],,[2,"2"]]}]}})")
                                   << u"data.result[0] is not valid JSON"_qs;
    QTest::newRow("values not an array") << QByteArray(
        R"({"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":{}}]}})")
                                         << u"data.result[0].values is not an array"_qs;
    QTest::newRow("unclosed result") << QByteArray(
        R"({"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,"1"]}}})")
                                     << u"not a Prometheus API answer"_qs;
}

void TestPromParsers::seriesVisited()
{
    const QByteArray body = R"({"status":"success","data":{"resultType":"matrix","result":[
        {"metric":{"gpu":"0"},"values":[[1700000000,"1"],[1700000015,"2"]]},
        {"metric":{"gpu":"1"},"values":[[1700000000,"3"]]},
        {"metric":{"gpu":"2"},"values":[[1700000000,"x"]]}]}})";
    QFETCH(bool, inPieces);
    QList<Prom::Series> visited;
    const auto visit = [&visited](Prom::Series &&series) { visited << std::move(series); };
    const auto read = [inPieces, &visit](const QByteArray &text) {
        if (!inPieces)
            return Prom::PromParsers::parseQuery(text, 200, where, visit);
        const auto decode = [&text](const std::function<bool(QByteArrayView)> &sink) -> Core::Result<qint64> {
            for (qsizetype at = 0; at < text.size() && sink(QByteArrayView(text).sliced(at, qMin(5, text.size() - at)));
                 at += 5) { }
            return text.size();
        };
        return Prom::PromParsers::parseQueryPieces(decode, 200, where, visit);
    };

    // Up to the broken third series: the two before it were visited, and the answer is an error.
    const auto broken = read(body);
    QVERIFY(!broken.ok());
    QVERIFY2(broken.error().message.contains(u"data.result[2].values[0]"_qs), qPrintable(broken.error().message));
    QCOMPARE(visited.size(), 2);

    visited.clear();
    const QByteArray whole = QByteArray(body).replace(R"("x")", R"("5")");
    const auto result = read(whole);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
    QCOMPARE(result->query.type, Prom::ResultType::Matrix);
    QVERIFY(result->query.series.isEmpty());
    QCOMPARE(visited.size(), 3);
    const auto kept = parsedEveryWay(whole, 200, where);
    QVERIFY(kept.ok());
    for (qsizetype i = 0; i < visited.size(); ++i) {
        QCOMPARE(visited.at(i).labels, kept->query.series.at(i).labels);
        QCOMPARE(visited.at(i).samples.size(), kept->query.series.at(i).samples.size());
        QCOMPARE(visited.at(i).samples.last().value, kept->query.series.at(i).samples.last().value);
    }
}

void TestPromParsers::seriesVisited_data()
{
    QTest::addColumn<bool>("inPieces");
    QTest::newRow("read whole") << false;
    QTest::newRow("read as it is decoded") << true;
}

void TestPromParsers::seriesReadAsTheAnswerIsDecoded()
{
    // Each series is read as soon as its text is in: the first long before the answer's end.
    QByteArray body = R"({"status":"success","data":{"resultType":"matrix","result":[)";
    for (int i = 0; i < 100; ++i)
        body += (i ? "," : "") + QByteArray(R"({"metric":{"gpu":")") + QByteArray::number(i)
            + R"("},"values":[[1700000000,"1"],[1700000015,"2"]]})";
    body += "]}}";
    qsizetype fed = 0;
    QList<qsizetype> fedAtVisit;
    const auto decode = [&body, &fed](const std::function<bool(QByteArrayView)> &sink) -> Core::Result<qint64> {
        for (; fed < body.size(); fed += 64) {
            if (!sink(QByteArrayView(body).sliced(fed, qMin(qsizetype(64), body.size() - fed))))
                break;
        }
        return body.size();
    };
    const auto result
        = Prom::PromParsers::parseQueryPieces(decode, 200, where, [&](Prom::Series &&) { fedAtVisit << fed; });
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
    QCOMPARE(fedAtVisit.size(), 100);
    QVERIFY2(fedAtVisit.first() < 200, qPrintable(QString::number(fedAtVisit.first())));
    QVERIFY(fedAtVisit.at(50) < body.size() / 2 + 64);
}

void TestPromParsers::resultTypeAfterResult()
{
    // JSON leaves members unordered: a result type written after the result is still honoured.
    const auto result = parsedEveryWay(
        R"({"status":"success","data":{"result":[{"metric":{"a":"b"},"value":[1700000000,"2"]}],"resultType":"vector"}})",
        200, where);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
    QCOMPARE(result->query.type, Prom::ResultType::Vector);
    QCOMPARE(result->query.series.size(), 1);
    QCOMPARE(result->query.series.at(0).samples.at(0).value, 2.0);
}

void TestPromParsers::labelsWithBracketsAndQuotes()
{
    // The scan that splits the series must not take brackets or quotes inside strings for structure.
    const QByteArray body = "{\"status\":\"success\",\"warnings\":[\"w]\"],\"data\":{\"resultType\":\"matrix\","
                            "\"result\":[{\"metric\":{\"a\":\"x]}\\\"{[\",\"b\":\"\\\\\"},\"values\":[[1,\"1\"],[2,"
                            "\"2\"]]}, { \"metric\" : { } , \"values\" : [ ] }]}}";
    const auto result = parsedEveryWay(body, 200, where);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
    QCOMPARE(result->warnings, QStringList { u"w]"_qs });
    QCOMPARE(result->query.series.size(), 2);
    QCOMPARE(result->query.series[0].labels.value(u"a"_qs), u"x]}\"{["_qs);
    QCOMPARE(result->query.series[0].labels.value(u"b"_qs), u"\\"_qs);
    QCOMPARE(result->query.series[0].samples.size(), 2);
    QCOMPARE(result->query.series[0].samples[1].value, 2.0);
    QVERIFY(result->query.series[1].labels.isEmpty());
    QVERIFY(result->query.series[1].samples.isEmpty());
}

void TestPromParsers::malformedData()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, field);

    const auto result = parsedEveryWay(body, 200, where);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, Kind::Parse);
    QVERIFY2(result.error().message.contains(field), qPrintable(result.error().message));
}

void TestPromParsers::series()
{
    const QByteArray body = R"({"status":"success","data":[
        {"__name__":"up","job":"prometheus","instance":"localhost:9090"},
        {"__name__":"process_start_time_seconds","job":"prometheus","instance":"localhost:9090"}]})";
    const auto result = Prom::PromParsers::parseSeries(body, 200, where);
    QVERIFY(result.ok());
    QCOMPARE(result->series.size(), 2);
    QCOMPARE(result->series.at(1).value(u"__name__"_qs), u"process_start_time_seconds"_qs);
    QCOMPARE(result->series.at(0).size(), 3);
    QCOMPARE(result->series.at(0).value(u"instance"_qs).constData(),
             result->series.at(1).value(u"instance"_qs).constData());

    const auto bad = Prom::PromParsers::parseSeries(R"({"status":"success","data":[{"a":"b"},"c"]})", 200, where);
    QVERIFY(!bad.ok());
    QVERIFY2(bad.error().message.contains(u"data[1]"_qs), qPrintable(bad.error().message));
}

void TestPromParsers::names_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QStringList>("names");

    QTest::newRow("labels") << QByteArray(R"({"status":"success","data":["__name__","instance","job"]})")
                            << QStringList({ u"__name__"_qs, u"instance"_qs, u"job"_qs });
    QTest::newRow("empty") << QByteArray(R"({"status":"success","data":[]})") << QStringList();
    QTest::newRow("null") << QByteArray(R"({"status":"success","data":null})") << QStringList();
}

void TestPromParsers::names()
{
    QFETCH(QByteArray, body);
    QFETCH(QStringList, names);
    const auto result = Prom::PromParsers::parseNames(body, 200, where);
    QVERIFY(result.ok());
    QCOMPARE(result->names, names);
}

void TestPromParsers::buildInfo()
{
    const QByteArray body = R"({"status":"success","data":{"version":"2.42.0+ds","revision":"2.42.0+ds-5+deb12u1",
        "branch":"debian/sid","buildUser":"team+pkg-go@tracker.debian.org","buildDate":"20230604-00:58:54","goVersion":"go1.19.8"}})";
    const auto result = Prom::PromParsers::parseBuildInfo(body, 200, where);
    QVERIFY(result.ok());
    QCOMPARE(result->buildInfo.version, u"2.42.0+ds"_qs);
    QCOMPARE(result->buildInfo.branch, u"debian/sid"_qs);
    QCOMPARE(result->buildInfo.goVersion, u"go1.19.8"_qs);

    const auto missing = Prom::PromParsers::parseBuildInfo(R"({"status":"success","data":{}})", 200, where);
    QVERIFY(!missing.ok());
    QVERIFY2(missing.error().message.contains(u"data.version"_qs), qPrintable(missing.error().message));
}

void TestPromParsers::stepFor_data()
{
    QTest::addColumn<qint64>("rangeSeconds");
    QTest::addColumn<int>("width");
    QTest::addColumn<qint64>("step");

    QTest::newRow("5 min on 800 px: floor of 15s") << qint64(300) << 800 << qint64(15);
    QTest::newRow("1 h on 800 px") << qint64(3600) << 800 << qint64(15); // 9 s wanted
    QTest::newRow("6 h on 800 px") << qint64(6 * 3600) << 800 << qint64(30); // 54 s wanted
    QTest::newRow("6 h on 600 px") << qint64(6 * 3600) << 600 << qint64(60); // 72 s wanted
    QTest::newRow("24 h on 1000 px") << qint64(86400) << 1000 << qint64(120); // 172.8 s wanted
    QTest::newRow("7 d on 1000 px") << qint64(7 * 86400) << 1000 << qint64(900); // 1209.6 s wanted
    QTest::newRow("30 d on 500 px") << qint64(30 * 86400) << 500 << qint64(7200); // 10368 s wanted
    QTest::newRow("1 y on 200 px") << qint64(365 * 86400) << 200 << qint64(86400 * 2); // 315360 s wanted
    QTest::newRow("zero range") << qint64(0) << 800 << qint64(15);
    QTest::newRow("zero width") << qint64(3600) << 0 << qint64(3600);
    // 1 y on 40,000 px would round down to 15 m = 35,040 points: above the server's limit.
    QTest::newRow("point limit") << qint64(365 * 86400) << 40000 << qint64(3600);
}

void TestPromParsers::stepFor()
{
    QFETCH(qint64, rangeSeconds);
    QFETCH(int, width);
    QFETCH(qint64, step);

    const QDateTime end = QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC);
    const std::chrono::seconds chosen = Prom::stepFor(end.addSecs(-rangeSeconds), end, width);
    QCOMPARE(qint64(chosen.count()), step);
    QVERIFY(rangeSeconds / chosen.count() < 11000);
}

QTEST_GUILESS_MAIN(TestPromParsers)
#include "tst_promparsers.moc"
