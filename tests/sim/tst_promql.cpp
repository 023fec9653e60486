// SPDX-License-Identifier: GPL-3.0-or-later
// The simulator's PromQL: parse errors with their positions, and every construct of the subset
// evaluated over hand-made series whose values are known, so each expected number below is
// worked out by hand from Prometheus 2.42's rules (see the comments on the rate rows).
#include "sim/promapi.h"
#include "sim/promqlevaluator.h"
#include "sim/promqlparser.h"

#include <QTest>
#include <cmath>
#include <limits>

using namespace Specula;
using namespace Specula::Sim;

namespace {

using ValueFn = std::function<std::optional<double>(qint64)>;

SimSeries series(const QString &name, Prom::Labels labels, ValueFn value)
{
    labels.insert(u"__name__"_qs, name);
    return SimSeries { labels, std::move(value) };
}

// Samples every 10 s from t = 0:
//  req_total{instance="a"}: 2 per 10 s, so rate 0.2/s; req_total{instance="b"}: the same, reset to 0 at t = 500
//  temp{gpu,node}: constant 50, 60 and 70; temp{node="n2"} stops after t = 600
//  info{node,zone}: 1, the labels to join
PromqlStorage storage()
{
    auto from0 = [](std::function<double(qint64)> f) -> ValueFn {
        return [f](qint64 t) -> std::optional<double> {
            if (t < 0)
                return std::nullopt;
            return f(t);
        };
    };
    SimFamily requests { u"req_total"_qs, u"counter"_qs, {}, u"test"_qs, {} };
    requests.series << series(u"req_total"_qs, { { u"job"_qs, u"api"_qs }, { u"instance"_qs, u"a"_qs } },
                              from0([](qint64 t) { return double(t) / 5; }));
    requests.series << series(u"req_total"_qs, { { u"job"_qs, u"api"_qs }, { u"instance"_qs, u"b"_qs } },
                              from0([](qint64 t) { return t < 500 ? double(t) / 10 : double(t - 500) / 10; }));
    SimFamily temp { u"temp"_qs, u"gauge"_qs, {}, u"test"_qs, {} };
    temp.series << series(u"temp"_qs, { { u"gpu"_qs, u"0"_qs }, { u"node"_qs, u"n1"_qs } },
                          from0([](qint64) { return 50.0; }));
    temp.series << series(u"temp"_qs, { { u"gpu"_qs, u"1"_qs }, { u"node"_qs, u"n1"_qs } },
                          from0([](qint64) { return 60.0; }));
    temp.series << series(u"temp"_qs, { { u"gpu"_qs, u"0"_qs }, { u"node"_qs, u"n2"_qs } },
                          [](qint64 t) -> std::optional<double> {
                              if (t < 0 || t > 600)
                                  return std::nullopt;
                              return 70.0;
                          });
    // The same labels as a temp series under another name: functions that drop the name collide.
    SimFamily tempMax { u"temp_max"_qs, u"gauge"_qs, {}, u"test"_qs, {} };
    tempMax.series << series(u"temp_max"_qs, { { u"gpu"_qs, u"0"_qs }, { u"node"_qs, u"n1"_qs } },
                             from0([](qint64) { return 90.0; }));
    SimFamily info { u"info"_qs, u"gauge"_qs, {}, u"test"_qs, {} };
    info.series << series(u"info"_qs, { { u"node"_qs, u"n1"_qs }, { u"zone"_qs, u"z1"_qs } },
                          from0([](qint64) { return 1.0; }));
    info.series << series(u"info"_qs, { { u"node"_qs, u"n2"_qs }, { u"zone"_qs, u"z2"_qs } },
                          from0([](qint64) { return 1.0; }));
    return PromqlStorage({ requests, temp, tempMax, info }, 10);
}

QString labelText(const Prom::Labels &labels)
{
    QStringList parts;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it)
        parts << it.key() + u"=\""_qs + it.value() + u'"';
    return u'{' + parts.join(u',') + u'}';
}

// One line per series: {labels} v@t v@t …, in the evaluator's (Prometheus') order.
QString text(const Prom::QueryResult &result)
{
    if (result.type == Prom::ResultType::Scalar)
        return u"scalar "_qs + QString::fromLatin1(PromApi::formatValue(result.scalar.value));
    QStringList lines;
    for (const Prom::Series &series : result.series) {
        QStringList points;
        for (const Prom::Sample &sample : series.samples)
            points << QString::fromLatin1(PromApi::formatValue(sample.value)) + u'@'
                    + QString::number(sample.timestamp);
        lines << labelText(series.labels) + u' ' + points.join(u' ');
    }
    return lines.join(u'\n');
}

} // namespace

class TestPromql : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseErrors_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("error");
        QTest::addRow("unclosed-call")
            << u"sum(rate(x[5m])"_qs << u"1:16: parse error: unexpected end of input in aggregation, expected \")\""_qs;
        QTest::addRow("stray-brace") << u"x{a=\"b\"}}"_qs << u"1:9: parse error: unexpected right brace '}'"_qs;
        QTest::addRow("char-in-braces") << u"x{a=\"b\";}"_qs
                                        << u"1:8: parse error: unexpected character inside braces: ';'"_qs;
        QTest::addRow("bad-regex") << u"x{a=~\"(\"}"_qs
                                   << u"1:6: parse error: error parsing regexp: missing closing parenthesis: `(`"_qs;
        QTest::addRow("rate-of-vector")
            << u"rate(x)"_qs
            << u"1:6: parse error: expected type range vector in call to function \"rate\", got instant vector"_qs;
        QTest::addRow("matrix-in-binary")
            << u"x[5m] + 1"_qs
            << u"1:1: parse error: binary expression must contain only scalar and instant vector types"_qs;
        QTest::addRow("scalar-comparison")
            << u"1 > 2"_qs << u"1:3: parse error: comparisons between scalars must use BOOL modifier"_qs;
        QTest::addRow("aggregate-matrix")
            << u"sum(x[5m])"_qs
            << u"1:5: parse error: expected type instant vector in aggregation expression, got range vector"_qs;
        QTest::addRow("unknown-function") << u"foo(x)"_qs
                                          << u"1:1: parse error: unknown function with name \"foo\" (the simulator "
                                             "knows avg_over_time, increase, irate, label_replace, last_over_time, "
                                             "max_over_time, min_over_time, rate)"_qs;
        QTest::addRow("empty-matchers")
            << u"{a=\"\"}"_qs << u"1:1: parse error: vector selector must contain at least one non-empty matcher"_qs;
        QTest::addRow("set-with-scalar")
            << u"x and 1"_qs << u"1:1: parse error: set operator \"and\" not allowed in binary scalar expression"_qs;
        QTest::addRow("at-modifier") << u"x @ 5"_qs << u"1:3: parse error: unexpected character: '@'"_qs;
        QTest::addRow("unterminated") << u"\"abc"_qs << u"1:1: parse error: unterminated quoted string"_qs;
        QTest::addRow("second-line") << u"sum(\n  x +)"_qs << u"2:6: parse error: unexpected \")\""_qs;
        QTest::addRow("empty") << QString() << u"1:1: parse error: no expression found in input"_qs;
        QTest::addRow("range-arity")
            << u"label_replace(x, \"a\")"_qs
            << u"1:1: parse error: expected 5 argument(s) in call to \"label_replace\", got 2"_qs;
        QTest::addRow("name-twice") << u"x{__name__=\"y\"}"_qs
                                    << u"1:3: parse error: metric name must not be set twice: \"x\" or \"y\""_qs;
        QTest::addRow("bad-duration") << u"rate(x[5x])"_qs << u"1:8: parse error: bad duration syntax: \"5x\""_qs;
        QTest::addRow("group-on-set") << u"x and on(a) group_left y"_qs
                                      << u"1:1: parse error: no grouping allowed for \"and\" operation"_qs;
        QTest::addRow("subquery") << u"max_over_time(x[5m:1m])"_qs
                                  << u"1:19: parse error: unexpected character in duration expression: ':'"_qs;
    }
    void parseErrors()
    {
        QFETCH(QString, query);
        QFETCH(QString, error);
        const PromqlParser::Result result = PromqlParser::parse(query);
        QVERIFY2(result.error, qPrintable(query));
        QCOMPARE(result.error->toString(query), error);
        QVERIFY(!result.root);
    }

    void durations_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("ms");
        QTest::addRow("5m") << u"5m"_qs << qint64(300000);
        QTest::addRow("1h30m") << u"1h30m"_qs << qint64(5400000);
        QTest::addRow("2d") << u"2d"_qs << qint64(172800000);
        QTest::addRow("500ms") << u"500ms"_qs << qint64(500);
        QTest::addRow("1w") << u"1w"_qs << qint64(604800000);
        QTest::addRow("wrong-order") << u"30s1m"_qs << qint64(-1);
        QTest::addRow("no-unit") << u"30"_qs << qint64(-1);
        QTest::addRow("empty") << QString() << qint64(-1);
    }
    void durations()
    {
        QFETCH(QString, text);
        QFETCH(qint64, ms);
        QCOMPARE(PromqlParser::parseDuration(text).value_or(-1), ms);
    }

    void instant_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<qint64>("time");
        QTest::addColumn<QString>("expected");
        // [240, 300] holds 7 samples 48…60: an increase of 12 over exactly the range, no extrapolation.
        QTest::addRow("rate") << u"rate(req_total{instance=\"a\"}[1m])"_qs << qint64(300)
                              << u"{instance=\"a\",job=\"api\"} 0.2@300"_qs;
        // [245, 305]: 6 samples 50…60 over 50 s, extrapolated by 5 s at each end: 10 × 60/50.
        QTest::addRow("increase-extrapolated") << u"increase(req_total{instance=\"a\"}[1m])"_qs << qint64(305)
                                               << u"{instance=\"a\",job=\"api\"} 12@305"_qs;
        // [-30, 30]: 0, 2, 4, 6 — the counter's zero point is the first sample, no extrapolation before it.
        QTest::addRow("increase-zero-point")
            << u"increase(req_total{instance=\"a\"}[1m])"_qs << qint64(30) << u"{instance=\"a\",job=\"api\"} 6@30"_qs;
        // [470, 530]: 47, 48, 49, reset, 0, 1, 2, 3: 3 - 47 + 49 = 5.
        QTest::addRow("increase-reset") << u"increase(req_total{instance=\"b\"}[1m])"_qs << qint64(530)
                                        << u"{instance=\"b\",job=\"api\"} 5@530"_qs;
        QTest::addRow("irate") << u"irate(req_total{instance=\"b\"}[1m])"_qs << qint64(530)
                               << u"{instance=\"b\",job=\"api\"} 0.1@530"_qs;
        QTest::addRow("irate-reset") << u"irate(req_total{instance=\"b\"}[1m])"_qs << qint64(500)
                                     << u"{instance=\"b\",job=\"api\"} 0@500"_qs;
        QTest::addRow("rate-one-sample") << u"rate(req_total{instance=\"a\"}[5s])"_qs << qint64(300) << QString();
        QTest::addRow("min-closed-start") << u"min_over_time(req_total{instance=\"a\"}[1m])"_qs << qint64(300)
                                          << u"{instance=\"a\",job=\"api\"} 48@300"_qs;
        QTest::addRow("max") << u"max_over_time(req_total{instance=\"a\"}[1m])"_qs << qint64(305)
                             << u"{instance=\"a\",job=\"api\"} 60@305"_qs;
        QTest::addRow("avg") << u"avg_over_time(req_total{instance=\"b\"}[30s])"_qs << qint64(530)
                             << u"{instance=\"b\",job=\"api\"} 1.5@530"_qs;
        QTest::addRow("last-keeps-name") << u"last_over_time(temp{gpu=\"1\"}[1m])"_qs << qint64(300)
                                         << u"{__name__=\"temp\",gpu=\"1\",node=\"n1\"} 60@300"_qs;
        QTest::addRow("lookback-edge") << u"temp{node=\"n2\"}"_qs << qint64(900)
                                       << u"{__name__=\"temp\",gpu=\"0\",node=\"n2\"} 70@900"_qs;
        QTest::addRow("lookback-past") << u"temp{node=\"n2\"}"_qs << qint64(901) << QString();
        QTest::addRow("regex-name") << u"{__name__=~\"te.+\",node=\"n2\"}"_qs << qint64(300)
                                    << u"{__name__=\"temp\",gpu=\"0\",node=\"n2\"} 70@300"_qs;
        QTest::addRow("empty-matches-missing") << u"count(temp{missing=\"\"})"_qs << qint64(300) << u"{} 3@300"_qs;
        QTest::addRow("not-empty-requires") << u"temp{missing!=\"\"}"_qs << qint64(300) << QString();
        QTest::addRow("regex-anchored") << u"temp{node=~\"n\"}"_qs << qint64(300) << QString();
        QTest::addRow("not-regex") << u"temp{node!~\"n1|x\"}"_qs << qint64(300)
                                   << u"{__name__=\"temp\",gpu=\"0\",node=\"n2\"} 70@300"_qs;
        QTest::addRow("sum-by") << u"sum by (node) (temp)"_qs << qint64(300)
                                << u"{node=\"n1\"} 110@300\n{node=\"n2\"} 70@300"_qs;
        QTest::addRow("sum-by-after") << u"sum(temp) by (node)"_qs << qint64(300)
                                      << u"{node=\"n1\"} 110@300\n{node=\"n2\"} 70@300"_qs;
        QTest::addRow("avg-without") << u"avg without (gpu) (temp)"_qs << qint64(300)
                                     << u"{node=\"n1\"} 55@300\n{node=\"n2\"} 70@300"_qs;
        QTest::addRow("max-min-count") << u"max(temp) - min(temp) + count(temp)"_qs << qint64(300) << u"{} 23@300"_qs;
        QTest::addRow("by-name") << u"count by (__name__) ({__name__=~\"temp|info\"})"_qs << qint64(300)
                                 << u"{__name__=\"info\"} 2@300\n{__name__=\"temp\"} 3@300"_qs;
        QTest::addRow("scalar-arith") << u"temp{node=\"n2\"} / 10"_qs << qint64(300)
                                      << u"{gpu=\"0\",node=\"n2\"} 7@300"_qs;
        QTest::addRow("scalar-left") << u"100 - temp{node=\"n2\"}"_qs << qint64(300)
                                     << u"{gpu=\"0\",node=\"n2\"} 30@300"_qs;
        QTest::addRow("filter-keeps-name") << u"temp > 55"_qs << qint64(300)
                                           << u"{__name__=\"temp\",gpu=\"0\",node=\"n2\"} 70@300\n"
                                              "{__name__=\"temp\",gpu=\"1\",node=\"n1\"} 60@300"_qs;
        QTest::addRow("filter-scalar-left")
            << u"55 < temp{node=\"n1\"}"_qs << qint64(300) << u"{__name__=\"temp\",gpu=\"1\",node=\"n1\"} 60@300"_qs;
        QTest::addRow("precedence") << u"1 + 2 * 3 - 4 / 2"_qs << qint64(300) << u"scalar 5"_qs;
        QTest::addRow("one-to-one") << u"temp + temp"_qs << qint64(300)
                                    << u"{gpu=\"0\",node=\"n1\"} 100@300\n{gpu=\"0\",node=\"n2\"} 140@300\n"
                                       "{gpu=\"1\",node=\"n1\"} 120@300"_qs;
        QTest::addRow("group-left") << u"temp * on(node) group_left(zone) info"_qs << qint64(300)
                                    << u"{gpu=\"0\",node=\"n1\",zone=\"z1\"} 50@300\n"
                                       "{gpu=\"0\",node=\"n2\",zone=\"z2\"} 70@300\n"
                                       "{gpu=\"1\",node=\"n1\",zone=\"z1\"} 60@300"_qs;
        QTest::addRow("group-right") << u"info * on(node) group_right(zone) temp"_qs << qint64(300)
                                     << u"{gpu=\"0\",node=\"n1\",zone=\"z1\"} 50@300\n"
                                        "{gpu=\"0\",node=\"n2\",zone=\"z2\"} 70@300\n"
                                        "{gpu=\"1\",node=\"n1\",zone=\"z1\"} 60@300"_qs;
        QTest::addRow("on-keeps-only-on") << u"sum by (node) (temp) / on(node) info"_qs << qint64(300)
                                          << u"{node=\"n1\"} 110@300\n{node=\"n2\"} 70@300"_qs;
        QTest::addRow("ignoring") << u"temp{gpu=\"0\"} - ignoring(gpu) sum by (node) (temp{gpu=\"0\"})"_qs
                                  << qint64(300) << u"{node=\"n1\"} 0@300\n{node=\"n2\"} 0@300"_qs;
        QTest::addRow("or") << u"temp{node=\"n1\"} > 55 or temp < 55"_qs << qint64(300)
                            << u"{__name__=\"temp\",gpu=\"0\",node=\"n1\"} 50@300\n"
                               "{__name__=\"temp\",gpu=\"1\",node=\"n1\"} 60@300"_qs;
        QTest::addRow("or-same-labels") << u"temp{gpu=\"1\"} or temp"_qs << qint64(300)
                                        << u"{__name__=\"temp\",gpu=\"0\",node=\"n1\"} 50@300\n"
                                           "{__name__=\"temp\",gpu=\"0\",node=\"n2\"} 70@300\n"
                                           "{__name__=\"temp\",gpu=\"1\",node=\"n1\"} 60@300"_qs;
        QTest::addRow("unless") << u"temp unless on(node) info{zone=\"z1\"}"_qs << qint64(300)
                                << u"{__name__=\"temp\",gpu=\"0\",node=\"n2\"} 70@300"_qs;
        QTest::addRow("and") << u"temp and on(node) info{zone=\"z2\"}"_qs << qint64(300)
                             << u"{__name__=\"temp\",gpu=\"0\",node=\"n2\"} 70@300"_qs;
        QTest::addRow("and-precedence") << u"temp or temp and info"_qs << qint64(300)
                                        << u"{__name__=\"temp\",gpu=\"0\",node=\"n1\"} 50@300\n"
                                           "{__name__=\"temp\",gpu=\"0\",node=\"n2\"} 70@300\n"
                                           "{__name__=\"temp\",gpu=\"1\",node=\"n1\"} 60@300"_qs;
        QTest::addRow("label-replace")
            << u"label_replace(temp{gpu=\"1\"}, \"host\", \"node-$1\", \"node\", \"n(.*)\")"_qs << qint64(300)
            << u"{__name__=\"temp\",gpu=\"1\",host=\"node-1\",node=\"n1\"} 60@300"_qs;
        QTest::addRow("label-replace-no-match")
            << u"label_replace(temp{gpu=\"1\"}, \"host\", \"$1\", \"node\", \"x(.*)\")"_qs << qint64(300)
            << u"{__name__=\"temp\",gpu=\"1\",node=\"n1\"} 60@300"_qs;
        QTest::addRow("label-replace-braces")
            << u"label_replace(temp{gpu=\"1\"}, \"node\", \"${1}x$$\", \"node\", \"n(.*)\")"_qs << qint64(300)
            << u"{__name__=\"temp\",gpu=\"1\",node=\"1x$\"} 60@300"_qs;
        QTest::addRow("label-replace-delete") << u"label_replace(temp{gpu=\"1\"}, \"node\", \"\", \"gpu\", \".*\")"_qs
                                              << qint64(300) << u"{__name__=\"temp\",gpu=\"1\"} 60@300"_qs;
        QTest::addRow("unary") << u"-temp{node=\"n2\"}"_qs << qint64(300) << u"{gpu=\"0\",node=\"n2\"} -70@300"_qs;
        QTest::addRow("division-by-zero")
            << u"temp{node=\"n2\"} / 0"_qs << qint64(300) << u"{gpu=\"0\",node=\"n2\"} +Inf@300"_qs;
        QTest::addRow("range-selector") << u"temp{node=\"n2\"}[20s]"_qs << qint64(300)
                                        << u"{__name__=\"temp\",gpu=\"0\",node=\"n2\"} 70@280 70@290 70@300"_qs;
    }
    void instant()
    {
        QFETCH(QString, query);
        QFETCH(qint64, time);
        QFETCH(QString, expected);
        const PromqlParser::Result parsed = PromqlParser::parse(query);
        QVERIFY2(!parsed.error, qPrintable(parsed.error ? parsed.error->toString(query) : QString()));
        const PromqlEvaluator evaluator(storage());
        const auto result = evaluator.instant(*parsed.root, time * 1000);
        QVERIFY2(result, qPrintable(result ? QString() : result.error().message));
        QCOMPARE(text(*result), expected);
    }

    void range_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<qint64>("start");
        QTest::addColumn<qint64>("end");
        QTest::addColumn<qint64>("step");
        QTest::addColumn<QString>("expected");
        QTest::addRow("rate") << u"rate(req_total{instance=\"a\"}[1m])"_qs << qint64(300) << qint64(360) << qint64(30)
                              << u"{instance=\"a\",job=\"api\"} 0.2@300 0.2@330 0.2@360"_qs;
        QTest::addRow("gap-at-end") << u"temp{node=\"n2\"}"_qs << qint64(850) << qint64(950) << qint64(50)
                                    << u"{__name__=\"temp\",gpu=\"0\",node=\"n2\"} 70@850 70@900"_qs;
        QTest::addRow("scalar") << u"2 * 3"_qs << qint64(0) << qint64(20) << qint64(10) << u"{} 6@0 6@10 6@20"_qs;
        QTest::addRow("sum-step-5s") << u"sum(temp)"_qs << qint64(600) << qint64(610) << qint64(5)
                                     << u"{} 180@600 180@605 180@610"_qs;
        QTest::addRow("reset") << u"increase(req_total{instance=\"b\"}[1m])"_qs << qint64(470) << qint64(530)
                               << qint64(60) << u"{instance=\"b\",job=\"api\"} 6@470 5@530"_qs;
    }
    void range()
    {
        QFETCH(QString, query);
        QFETCH(qint64, start);
        QFETCH(qint64, end);
        QFETCH(qint64, step);
        QFETCH(QString, expected);
        const PromqlParser::Result parsed = PromqlParser::parse(query);
        QVERIFY2(!parsed.error, qPrintable(parsed.error ? parsed.error->toString(query) : QString()));
        const PromqlEvaluator evaluator(storage());
        const auto result = evaluator.range(*parsed.root, start * 1000, end * 1000, step * 1000);
        QVERIFY2(result, qPrintable(result ? QString() : result.error().message));
        QCOMPARE(result->type, Prom::ResultType::Matrix);
        QCOMPARE(text(*result), expected);
    }

    void executionErrors_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("error");
        QTest::addRow("many-to-one-implicit")
            << u"temp * on(node) info"_qs
            << u"multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)"_qs;
        QTest::addRow("many-to-many")
            << u"info * on(node) group_left temp"_qs
            << u"found duplicate series for the match group {node=\"n1\"} on the right hand-side of the operation: "
               "[{__name__=\"temp\", gpu=\"1\", node=\"n1\"}, {__name__=\"temp\", gpu=\"0\", "
               "node=\"n1\"}];many-to-many "
               "matching not allowed: matching labels must be unique on one side"_qs;
        QTest::addRow("same-labelset") << u"label_replace(temp, \"node\", \"\", \"node\", \".*\")"_qs
                                       << u"vector cannot contain metrics with the same labelset"_qs;
        QTest::addRow("same-labelset-rate")
            << u"rate({__name__=~\"temp.*\"}[1m])"_qs << u"vector cannot contain metrics with the same labelset"_qs;
        QTest::addRow("bad-label-replace-regex") << u"label_replace(temp, \"a\", \"\", \"node\", \"(\")"_qs
                                                 << u"invalid regular expression in label_replace(): ("_qs;
        QTest::addRow("bad-destination") << u"label_replace(temp, \"1a\", \"\", \"node\", \".*\")"_qs
                                         << u"invalid destination label name in label_replace(): 1a"_qs;
    }
    void executionErrors()
    {
        QFETCH(QString, query);
        QFETCH(QString, error);
        const PromqlParser::Result parsed = PromqlParser::parse(query);
        QVERIFY2(!parsed.error, qPrintable(parsed.error ? parsed.error->toString(query) : QString()));
        const auto result = PromqlEvaluator(storage()).instant(*parsed.root, 300000);
        QVERIFY(!result);
        QCOMPARE(result.error().message, error);
        QCOMPARE(result.error().reason, u"execution"_qs);
        QCOMPARE(result.error().httpStatus, 422);
    }

    void limits()
    {
        PromqlEvaluator::Limits limits;
        limits.maxSeries = 2;
        const PromqlParser::Result parsed = PromqlParser::parse(u"temp"_qs);
        const auto tooMany = PromqlEvaluator(storage(), limits).instant(*parsed.root, 300000);
        QVERIFY(!tooMany);
        QCOMPARE(tooMany.error().message, u"query selects too many series for the simulator (more than 2)"_qs);
        // Metadata lookups (/api/v1/series, /labels) are not bounded, as in Prometheus.
        const auto listed = PromqlEvaluator(storage(), limits).series(*parsed.root);
        QVERIFY(listed);
        QCOMPARE(listed.value().size(), 3);
        limits = {};
        limits.maxPoints = 10;
        const auto tooLong = PromqlEvaluator(storage(), limits).range(*parsed.root, 0, 100000, 10000);
        QVERIFY(!tooLong);
        QCOMPARE(tooLong.error().message,
                 u"query processing would load too many samples into memory in query execution"_qs);
    }

    void formatValue_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QByteArray>("text");
        QTest::addRow("integer") << 1.0 << QByteArray("1");
        QTest::addRow("tenth") << 0.1 << QByteArray("0.1");
        QTest::addRow("third") << 1.0 / 3 << QByteArray("0.3333333333333333");
        QTest::addRow("large") << 1e21 << QByteArray("1000000000000000000000");
        QTest::addRow("small") << 1e-7 << QByteArray("0.0000001");
        QTest::addRow("negative") << -0.5 << QByteArray("-0.5");
        QTest::addRow("nan") << std::numeric_limits<double>::quiet_NaN() << QByteArray("NaN");
        QTest::addRow("inf") << std::numeric_limits<double>::infinity() << QByteArray("+Inf");
        QTest::addRow("-inf") << -std::numeric_limits<double>::infinity() << QByteArray("-Inf");
    }
    void formatValue()
    {
        QFETCH(double, value);
        QFETCH(QByteArray, text);
        QCOMPARE(PromApi::formatValue(value), text);
    }

    void times_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("ms");
        QTest::addRow("seconds") << u"1435781451"_qs << qint64(1435781451000);
        QTest::addRow("fraction") << u"1435781451.781"_qs << qint64(1435781451781);
        QTest::addRow("rfc3339") << u"2015-07-01T20:10:51.781Z"_qs << qint64(1435781451781);
        QTest::addRow("rfc3339-offset") << u"2015-07-01T22:10:51+02:00"_qs << qint64(1435781451000);
        QTest::addRow("rfc3339-nanos") << u"2015-07-01T20:10:51.781999999Z"_qs << qint64(1435781451781);
        QTest::addRow("no-zone") << u"2015-07-01T20:10:51"_qs << qint64(-1);
        QTest::addRow("garbage") << u"yesterday"_qs << qint64(-1);
    }
    void times()
    {
        QFETCH(QString, text);
        QFETCH(qint64, ms);
        QCOMPARE(PromApi::parseTime(text).value_or(-1), ms);
    }

    void timestamps()
    {
        QCOMPARE(PromApi::formatTimestamp(1435781451781), QByteArray("1435781451.781"));
        QCOMPARE(PromApi::formatTimestamp(1435781451050), QByteArray("1435781451.050"));
        QCOMPARE(PromApi::formatTimestamp(1435781451000), QByteArray("1435781451"));
        QCOMPARE(PromApi::parseStep(u"15"_qs).value_or(-1), 15000);
        QCOMPARE(PromApi::parseStep(u"0.5"_qs).value_or(-1), 500);
        QCOMPARE(PromApi::parseStep(u"1m"_qs).value_or(-1), 60000);
        QVERIFY(!PromApi::parseStep(u"fast"_qs));
    }
};

QTEST_GUILESS_MAIN(TestPromql)
#include "tst_promql.moc"
