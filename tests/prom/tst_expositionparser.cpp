// SPDX-License-Identifier: GPL-3.0-or-later
// The text exposition format on hand-written lines (every rule, every error with its line) and on
// the real exporter samples in ../shared/fixtures, which mix valid lines with elisions ("..."),
// a line whose value was cut off and PromQL: those must come back as errors with their line
// numbers while everything else is read.
#include "prom/expositionparser.h"
#include "prom/metriccatalogue.h"

#include <QTest>
#include <cmath>

using namespace Specula;
using namespace Specula::Prom;

class TestExpositionParser : public QObject
{
    Q_OBJECT

private:
    static QString fixture(const QString &name)
    {
        return qEnvironmentVariable("SPECULA_SHARED_DIR") + QStringLiteral("/fixtures/") + name;
    }

private Q_SLOTS:
    void sample_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("labels"); // "k=v;k=v"
        QTest::addColumn<double>("value");
        QTest::addColumn<qint64>("timestamp"); // -1: none

        QTest::addRow("plain") << QByteArray("up 1\n") << u"up"_qs << QString() << 1.0 << qint64(-1);
        QTest::addRow("labels") << QByteArray("a{x=\"1\",y=\"two\"} 2.5") << u"a"_qs << u"x=1;y=two"_qs << 2.5
                                << qint64(-1);
        QTest::addRow("spaces-after-commas") << QByteArray("a{gpu=\"0\", UUID=\"GPU-1\"} 139") << u"a"_qs
                                             << u"UUID=GPU-1;gpu=0"_qs << 139.0 << qint64(-1);
        QTest::addRow("trailing-comma") << QByteArray("a{x=\"1\",} 3") << u"a"_qs << u"x=1"_qs << 3.0 << qint64(-1);
        QTest::addRow("escapes") << QByteArray("a{p=\"C:\\\\dir\",q=\"say \\\"hi\\\"\",r=\"l1\\nl2\"} 4") << u"a"_qs
                                 << u"p=C:\\dir;q=say \"hi\";r=l1\nl2"_qs << 4.0 << qint64(-1);
        QTest::addRow("empty-value") << QByteArray("a{pod=\"\"} 0") << u"a"_qs << u"pod="_qs << 0.0 << qint64(-1);
        QTest::addRow("timestamp") << QByteArray("a 7 1700000000123") << u"a"_qs << QString() << 7.0
                                   << qint64(1700000000123);
        QTest::addRow("exponent") << QByteArray("a 1.5e3") << u"a"_qs << QString() << 1500.0 << qint64(-1);
        QTest::addRow("negative") << QByteArray("a -2") << u"a"_qs << QString() << -2.0 << qint64(-1);
        QTest::addRow("colon-name") << QByteArray("job:rate5m 9") << u"job:rate5m"_qs << QString() << 9.0 << qint64(-1);
        QTest::addRow("int64-blank") << QByteArray("DCGM_FI_DEV_MEMORY_TEMP 9223372036854775794")
                                     << u"DCGM_FI_DEV_MEMORY_TEMP"_qs << QString() << 9223372036854775794.0
                                     << qint64(-1);
        QTest::addRow("crlf-and-indent") << QByteArray("  \ta 5\r\n") << u"a"_qs << QString() << 5.0 << qint64(-1);
        QTest::addRow("utf8-value") << QByteArray("a{unit=\"°C\"} 1") << u"a"_qs << u"unit=°C"_qs << 1.0 << qint64(-1);
    }

    void sample()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, name);
        QFETCH(QString, labels);
        QFETCH(double, value);
        QFETCH(qint64, timestamp);
        const auto parsed = ExpositionParser::parse(text, u"t"_qs);
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().toString()));
        QCOMPARE(parsed->sampleCount(), 1);
        const ExpositionSample &sample = parsed->families.first().samples.first();
        QCOMPARE(sample.name, name);
        Labels expected;
        for (const QString &pair : labels.split(u';', Qt::SkipEmptyParts))
            expected.insert(pair.section(u'=', 0, 0), pair.section(u'=', 1));
        QCOMPARE(sample.labels, expected);
        QCOMPARE(sample.value, value);
        QCOMPARE(sample.timestampMs.value_or(-1), timestamp);
        QCOMPARE(sample.line, 1);
    }

    void specialValues()
    {
        const auto parsed = ExpositionParser::parse("a NaN\nb +Inf\nc -Inf\nd Inf\n", u"t"_qs);
        QVERIFY(parsed.ok());
        QVERIFY(std::isnan(parsed->family(u"a"_qs)->samples.first().value));
        QCOMPARE(parsed->family(u"b"_qs)->samples.first().value, qInf());
        QCOMPARE(parsed->family(u"c"_qs)->samples.first().value, -qInf());
        QCOMPARE(parsed->family(u"d"_qs)->samples.first().value, qInf());
    }

    void helpTypeAndFamilies()
    {
        const QByteArray text = "# HELP http_requests_total Requests\\nserved, \\\\ included.\n"
                                "# TYPE http_requests_total counter\n"
                                "# an ordinary comment\n"
                                "http_requests_total{code=\"200\"} 10\n"
                                "http_requests_total{code=\"500\"} 1\n"
                                "\n"
                                "# TYPE latency histogram\n"
                                "latency_bucket{le=\"0.1\"} 3\n"
                                "latency_bucket{le=\"+Inf\"} 5\n"
                                "latency_sum 0.7\n"
                                "latency_count 5\n"
                                "# TYPE temp_total gauge\n"
                                "temp_total 1\n"
                                "loose_sum 2\n";
        const auto parsed = ExpositionParser::parse(text, u"t"_qs);
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->familyNames(),
                 QStringList({ u"http_requests_total"_qs, u"latency"_qs, u"temp_total"_qs, u"loose_sum"_qs }));
        const ExpositionFamily *requests = parsed->family(u"http_requests_total"_qs);
        QCOMPARE(requests->type, u"counter"_qs);
        QCOMPARE(requests->help, u"Requests\nserved, \\ included."_qs);
        QCOMPARE(requests->samples.size(), 2);
        QCOMPARE(requests->samples.at(1).line, 5);
        const ExpositionFamily *latency = parsed->family(u"latency"_qs);
        QCOMPARE(latency->type, u"histogram"_qs);
        QCOMPARE(latency->samples.size(), 4);
        QCOMPARE(latency->samples.at(1).labels.value(u"le"_qs), u"+Inf"_qs);
        QCOMPARE(parsed->family(u"loose_sum"_qs)->type, u"untyped"_qs);
        QCOMPARE(parsed->labelNamesByFamily().value(u"latency"_qs), QStringList({ u"le"_qs }));
    }

    void badLine_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("where");
        QTest::addColumn<QString>("message");

        QTest::addRow("elision") << QByteArray("a 1\n...\n") << u"t:2"_qs << u"expected a metric name, found '.'"_qs;
        QTest::addRow("no-value") << QByteArray("a 1\n\nb{x=\"1\"}\n") << u"t:3"_qs << u"missing value of b"_qs;
        QTest::addRow("bad-value") << QByteArray("a one") << u"t:1"_qs << u"invalid value \"one\" of a"_qs;
        QTest::addRow("bad-timestamp") << QByteArray("a 1 soon") << u"t:1"_qs << u"invalid timestamp \"soon\" of a"_qs;
        QTest::addRow("trailing-text") << QByteArray("a 1 2 3") << u"t:1"_qs
                                       << u"unexpected text \"3\" after the timestamp of a"_qs;
        QTest::addRow("unterminated-value")
            << QByteArray("a{x=\"1} 2") << u"t:1"_qs << u"unterminated label value (label x of a)"_qs;
        QTest::addRow("unquoted-value") << QByteArray("a{x=1} 2") << u"t:1"_qs
                                        << u"expected '\"' to start the label value (label x of a)"_qs;
        QTest::addRow("missing-equals") << QByteArray("a{x \"1\"} 2") << u"t:1"_qs
                                        << u"expected '=' after label x of a"_qs;
        QTest::addRow("unterminated-set") << QByteArray("a{x=\"1\"") << u"t:1"_qs << u"unterminated label set of a"_qs;
        QTest::addRow("missing-comma") << QByteArray("a{x=\"1\" y=\"2\"} 2") << u"t:1"_qs
                                       << u"expected ',' or '}' after label x of a"_qs;
        QTest::addRow("duplicate-label") << QByteArray("a{x=\"1\",x=\"2\"} 2") << u"t:1"_qs << u"label x twice in a"_qs;
        QTest::addRow("promql") << QByteArray("(a * on (x) b)") << u"t:1"_qs << u"expected a metric name, found '('"_qs;
        QTest::addRow("operator") << QByteArray("a * on (uid) b") << u"t:1"_qs << u"invalid value \"*\" of a"_qs;
        QTest::addRow("unknown-type") << QByteArray("# TYPE a gauge2\n") << u"t:1"_qs
                                      << u"unknown metric type \"gauge2\" for a"_qs;
        QTest::addRow("type-conflict") << QByteArray("# TYPE a gauge\n# TYPE a counter\n") << u"t:2"_qs
                                       << u"second TYPE for a: counter after gauge"_qs;
        QTest::addRow("help-without-name")
            << QByteArray("# HELP\n") << u"t:1"_qs << u"HELP line without a metric name"_qs;
    }

    void badLine()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, where);
        QFETCH(QString, message);
        const auto strict = ExpositionParser::parse(text, u"t"_qs);
        QVERIFY(!strict.ok());
        QCOMPARE(strict.error().kind, Core::Error::Kind::Parse);
        QCOMPARE(strict.error().where, where);
        QCOMPARE(strict.error().message, message);

        const auto lenient = ExpositionParser::parse(text, u"t"_qs, ExpositionParser::Mode::Lenient);
        QVERIFY(lenient.ok());
        QCOMPARE(lenient->errors.size(), 1);
        QCOMPARE(lenient->errors.first().where, where);
    }

    void missingFile()
    {
        const auto parsed = ExpositionParser::parseFile(u"/nonexistent/metrics.txt"_qs);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().where, u"/nonexistent/metrics.txt"_qs);
        QVERIFY(!parsed.error().message.isEmpty());
    }

    // The real samples: counts taken by reading the files (sample lines, family names, the
    // lines that are not exposition format).
    void fixture_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("families"); // with samples
        QTest::addColumn<int>("declared"); // also HELP/TYPE without samples
        QTest::addColumn<int>("samples");
        QTest::addColumn<QList<int>>("errorLines");

        QTest::addRow("dcgm") << u"dcgm-exporter_metrics_real-samples.txt"_qs << 23 << 23 << 64
                              << QList<int> { 13, 17, 118 };
        QTest::addRow("kepler") << u"kepler_metrics_real-samples_old-format.txt"_qs << 7 << 8 << 34 << QList<int> {};
        QTest::addRow("sriov") << u"sriov-network-metrics-exporter_metrics.txt"_qs << 2 << 2 << 12
                               << QList<int> { 29, 30, 31 };
    }

    void fixture()
    {
        QFETCH(QString, file);
        QFETCH(int, families);
        QFETCH(int, declared);
        QFETCH(int, samples);
        QFETCH(QList<int>, errorLines);
        const QString path = fixture(file);
        const auto parsed = ExpositionParser::parseFile(path, ExpositionParser::Mode::Lenient);
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().toString()));
        QCOMPARE(parsed->familyNames().size(), families);
        QCOMPARE(parsed->families.size(), declared);
        QCOMPARE(parsed->sampleCount(), samples);
        QList<int> lines;
        for (const Core::Error &error : parsed->errors) {
            QVERIFY(error.where.startsWith(path + u':'));
            lines << error.where.section(u':', -1).toInt();
        }
        QCOMPARE(lines, errorLines);

        const auto strict = ExpositionParser::parseFile(path);
        QCOMPARE(strict.ok(), errorLines.isEmpty());
        if (!errorLines.isEmpty())
            QCOMPARE(strict.error().where, path + QStringLiteral(":%1").arg(errorLines.first()));
    }

    void fixtureValues()
    {
        const auto dcgm = ExpositionParser::parseFile(fixture(u"dcgm-exporter_metrics_real-samples.txt"_qs),
                                                      ExpositionParser::Mode::Lenient);
        QVERIFY(dcgm.ok());
        // Issue #138: the power reading, with empty pod labels kept as empty values.
        const ExpositionFamily *power = dcgm->family(u"DCGM_FI_DEV_POWER_USAGE"_qs);
        QVERIFY(power);
        QCOMPARE(power->samples.size(), 2);
        QCOMPARE(power->samples.first().value, 302.206);
        QCOMPARE(power->samples.first().labels.value(u"pod"_qs, u"missing"_qs), QString());
        QCOMPARE(power->samples.first().line, 24);
        // The README's blank sentinel is read as the number it is, and is a blank.
        const ExpositionFamily *memoryTemp = dcgm->family(u"DCGM_FI_DEV_MEMORY_TEMP"_qs);
        QCOMPARE(memoryTemp->samples.first().labels.value(u"UUID"_qs), u"GPU-604ac76c-d9cf-fef3-62e9-d92044ab6e52"_qs);
        QVERIFY(MetricCatalogue::isBlank(memoryTemp->samples.first().value));
        QVERIFY(!MetricCatalogue::isBlank(memoryTemp->samples.at(1).value));
        // The non-ASCII HELP text of PR #736.
        QCOMPARE(dcgm->family(u"DCGM_FI_DEV_GPU_TEMP"_qs)->help, u"GPU temperature (in °C)."_qs);
        QCOMPARE(dcgm->family(u"DCGM_FI_DEV_PCIE_REPLAY_COUNTER"_qs)->type, u"counter"_qs);
        // MIG instance 8 of issue #512 has no pod labels at all.
        const ExpositionFamily *engine = dcgm->family(u"DCGM_FI_PROF_GR_ENGINE_ACTIVE"_qs);
        QCOMPARE(engine->samples.size(), 5);
        QCOMPARE(engine->samples.at(3).labels.value(u"GPU_I_ID"_qs), u"8"_qs);
        QVERIFY(!engine->samples.at(3).labels.contains(u"pod"_qs));
        QCOMPARE(engine->samples.at(1).value, 0.995687);

        const auto kepler = ExpositionParser::parseFile(fixture(u"kepler_metrics_real-samples_old-format.txt"_qs));
        QVERIFY(kepler.ok());
        const ExpositionFamily *joules = kepler->family(u"kepler_container_joules_total"_qs);
        QCOMPARE(joules->type, u"counter"_qs);
        QCOMPARE(joules->samples.size(), 12);
        QCOMPARE(joules->samples.at(9).value, 486.63599999999997);
        QCOMPARE(kepler->family(u"kepler_node_core_joules_total"_qs)->samples.size(), 0);
        QCOMPARE(kepler->family(u"kepler_exporter_build_info"_qs)->samples.first().labels.value(u"goversion"_qs),
                 u"go1.21.9 (Red Hat 1.21.9-2.el9_4)"_qs);

        const auto sriov = ExpositionParser::parseFile(fixture(u"sriov-network-metrics-exporter_metrics.txt"_qs),
                                                       ExpositionParser::Mode::Lenient);
        QVERIFY(sriov.ok());
        const ExpositionFamily *rx = sriov->family(u"sriov_vf_rx_bytes"_qs);
        QCOMPARE(rx->samples.size(), 4);
        QCOMPARE(rx->samples.last().labels,
                 Labels({ { u"numa_node"_qs, u"1"_qs },
                          { u"pciAddr"_qs, u"0000:d8:02.3"_qs },
                          { u"pf"_qs, u"enp216s0f0"_qs },
                          { u"vf"_qs, u"3"_qs } }));
    }
};

QTEST_GUILESS_MAIN(TestExpositionParser)
#include "tst_expositionparser.moc"
