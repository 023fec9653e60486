// SPDX-License-Identifier: GPL-3.0-or-later
// SeriesCsv: RFC 4180 quoting, ISO 8601 timestamps, shortest round-trip numbers, several stores
// joined on the union of their times, all read back with a small independent RFC 4180 reader.

#include "prom/seriescsv.h"

#include <QBuffer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <limits>

using namespace Specula;
using Prom::Labels;
using Prom::TimeAxis;

namespace {

constexpr qint64 t0 = 1795456800; // 2026-11-23T18:00:00Z

// RFC 4180 records; fails the test (through `error`) on a bare LF or a stray quote.
QList<QStringList> readCsv(const QByteArray &bytes, QString *error)
{
    const QString text = QString::fromUtf8(bytes);
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;
    bool wasQuoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                    field += c;
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            if (!field.isEmpty() || wasQuoted) {
                *error = u"a quote inside an unquoted field at %1"_qs.arg(i);
                return {};
            }
            quoted = wasQuoted = true;
        } else if (c == QLatin1Char(',')) {
            record << field;
            field.clear();
            wasQuoted = false;
        } else if (c == QLatin1Char('\r') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n')) {
            record << field;
            records << record;
            record.clear();
            field.clear();
            wasQuoted = false;
            ++i;
        } else if (c == QLatin1Char('\n') || c == QLatin1Char('\r')) {
            *error = u"a bare line break outside quotes at %1"_qs.arg(i);
            return {};
        } else {
            field += c;
        }
    }
    if (quoted || !field.isEmpty() || !record.isEmpty())
        *error = u"the last record does not end with CRLF"_qs;
    return records;
}

Labels labels(const QString &name, int gpu)
{
    return { { u"__name__"_qs, name }, { u"gpu"_qs, QString::number(gpu) } };
}

Prom::SeriesStore store(const QString &name, const TimeAxis &axis, const QList<QList<double>> &rows)
{
    Prom::SeriesStore result(axis);
    for (int gpu = 0; gpu < rows.size(); ++gpu) {
        const int id = result.insert(labels(name, gpu));
        for (int i = 0; i < axis.count; ++i)
            result.mutableValues(id)[size_t(i)] = rows.at(gpu).at(i);
    }
    return result;
}

constexpr double none = std::numeric_limits<double>::quiet_NaN();

} // namespace

// The row's value written as its text, which reads back as the same number, bit for bit.
template<class Number> void checkNumber()
{
    QFETCH(Number, value);
    QFETCH(QString, text);
    const QString written = Prom::SeriesCsv::number(value);
    QCOMPARE(written, text);
    if (std::isfinite(value)) {
        bool ok = false;
        if constexpr (std::is_same_v<Number, float>)
            QCOMPARE(written.toFloat(&ok), value);
        else
            QCOMPARE(written.toDouble(&ok), value);
        QVERIFY(ok);
    }
}

class TestSeriesCsv : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void field_data();
    void field();
    void timestamp_data();
    void timestamp();
    void number_data();
    void number();
    void singleNumber_data();
    void singleNumber();
    void unionOfAxes();
    void headerNames_data();
    void headerNames();
    void emptyStore();
    void writeFile();
    void unwritablePath();
};

void TestSeriesCsv::field_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("written");

    QTest::newRow("plain") << u"abc"_qs << u"abc"_qs;
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("spaces stay unquoted") << u" a b "_qs << u" a b "_qs;
    QTest::newRow("comma") << u"a,b"_qs << u"\"a,b\""_qs;
    QTest::newRow("quote doubled") << u"say \"hi\""_qs << u"\"say \"\"hi\"\"\""_qs;
    QTest::newRow("only a quote") << u"\""_qs << u"\"\"\"\""_qs;
    QTest::newRow("LF") << u"a\nb"_qs << u"\"a\nb\""_qs;
    QTest::newRow("CR") << u"a\rb"_qs << u"\"a\rb\""_qs;
    QTest::newRow("CRLF") << u"a\r\nb"_qs << u"\"a\r\nb\""_qs;
    QTest::newRow("label rendering") << u"m{a=\"1\",b=\"2\"}"_qs << u"\"m{a=\"\"1\"\",b=\"\"2\"\"}\""_qs;
}

void TestSeriesCsv::field()
{
    QFETCH(QString, text);
    QFETCH(QString, written);
    QCOMPARE(Prom::SeriesCsv::field(text), written);
    // And an RFC 4180 reader gets the text back.
    QString error;
    const QList<QStringList> records = readCsv((written + u"\r\n"_qs).toUtf8(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(records.size(), 1);
    QCOMPARE(records.first(), QStringList { text });
}

void TestSeriesCsv::timestamp_data()
{
    QTest::addColumn<qint64>("time");
    QTest::addColumn<QString>("text");

    QTest::newRow("evening") << t0 << u"2026-11-23T18:00:00Z"_qs;
    QTest::newRow("epoch") << qint64(0) << u"1970-01-01T00:00:00Z"_qs;
    QTest::newRow("leap day") << qint64(1709164800 + 59) << u"2024-02-29T00:00:59Z"_qs;
}

void TestSeriesCsv::timestamp()
{
    QFETCH(qint64, time);
    QFETCH(QString, text);
    QCOMPARE(Prom::SeriesCsv::timestamp(time), text);
    QCOMPARE(QDateTime::fromString(text, Qt::ISODate).toSecsSinceEpoch(), time);
}

void TestSeriesCsv::number_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("text");

    QTest::newRow("integer") << 57.0 << u"57"_qs;
    QTest::newRow("zero") << 0.0 << u"0"_qs;
    QTest::newRow("tenth") << 0.1 << u"0.1"_qs;
    QTest::newRow("third") << 1.0 / 3.0 << u"0.3333333333333333"_qs;
    QTest::newRow("negative") << -2.5 << u"-2.5"_qs;
    QTest::newRow("large") << 1e300 << u"1e+300"_qs;
    QTest::newRow("smallest") << 5e-324 << u"5e-324"_qs;
    QTest::newRow("bytes") << 85899345920.0 << u"85899345920"_qs;
    QTest::newRow("round billion") << 1e9 << u"1000000000"_qs;
    QTest::newRow("small fraction") << 0.00025 << u"0.00025"_qs;
    QTest::newRow("tiny") << 1.5e-7 << u"1.5e-07"_qs;
    QTest::newRow("beyond 1e15") << 2e15 << u"2e+15"_qs;
    QTest::newRow("+Inf") << std::numeric_limits<double>::infinity() << u"+Inf"_qs;
    QTest::newRow("-Inf") << -std::numeric_limits<double>::infinity() << u"-Inf"_qs;
    QTest::newRow("no point") << none << QString();
}

void TestSeriesCsv::number()
{
    checkNumber<double>();
}

void TestSeriesCsv::singleNumber_data()
{
    QTest::addColumn<float>("value");
    QTest::addColumn<QString>("text");

    QTest::newRow("integer") << 57.0f << u"57"_qs;
    QTest::newRow("zero") << 0.0f << u"0"_qs;
    QTest::newRow("tenth") << 0.1f << u"0.1"_qs;
    QTest::newRow("reading") << 45.3f << u"45.3"_qs;
    QTest::newRow("third") << 1.0f / 3.0f << u"0.33333334"_qs;
    QTest::newRow("watts") << 312.125f << u"312.125"_qs;
    QTest::newRow("small fraction") << 0.00025f << u"0.00025"_qs;
    QTest::newRow("tiny") << 1.5e-7f << u"1.5e-07"_qs;
    QTest::newRow("beyond 1e15") << 2e15f << u"2e+15"_qs;
    QTest::newRow("+Inf") << std::numeric_limits<float>::infinity() << u"+Inf"_qs;
    QTest::newRow("no point") << std::numeric_limits<float>::quiet_NaN() << QString();
}

void TestSeriesCsv::singleNumber()
{
    checkNumber<float>();
}

void TestSeriesCsv::unionOfAxes()
{
    // Utilisation every 30 s from 18:00, memory every 60 s from 18:00:30: rows are the union.
    const Prom::SeriesStore util = store(u"util"_qs, TimeAxis { t0, 30, 4 }, { { 1, 2, none, 4 }, { 10, 20, 30, 40 } });
    const Prom::SeriesStore memory = store(u"mem"_qs, TimeAxis { t0 + 30, 60, 3 }, { { 0.5, none, 1e9 } });
    const QByteArray csv = Prom::SeriesCsv::toCsv({ util, memory });
    QString error;
    const QList<QStringList> records = readCsv(csv, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error + u"\n"_qs + QString::fromUtf8(csv)));
    const QList<QStringList> expected {
        { u"timestamp"_qs, u"util{gpu=\"0\"}"_qs, u"util{gpu=\"1\"}"_qs, u"mem{gpu=\"0\"}"_qs },
        { u"2026-11-23T18:00:00Z"_qs, u"1"_qs, u"10"_qs, QString() },
        { u"2026-11-23T18:00:30Z"_qs, u"2"_qs, u"20"_qs, u"0.5"_qs },
        { u"2026-11-23T18:01:00Z"_qs, QString(), u"30"_qs, QString() },
        { u"2026-11-23T18:01:30Z"_qs, u"4"_qs, u"40"_qs, QString() },
        { u"2026-11-23T18:02:30Z"_qs, QString(), QString(), u"1000000000"_qs },
    };
    QCOMPARE(records, expected);
    QVERIFY(csv.endsWith("\r\n"));
    QCOMPARE(csv.count('\n'), csv.count("\r\n")); // no bare LF anywhere
}

void TestSeriesCsv::headerNames_data()
{
    QTest::addColumn<QString>("name");

    QTest::newRow("plain") << u"gpu-0"_qs;
    QTest::newRow("comma and quotes") << u"pod \"a\", gpu 0"_qs;
    QTest::newRow("line break") << u"two\r\nlines"_qs;
    QTest::newRow("unicode") << u"Grafikkarte Nr. 0 – ü"_qs;
}

void TestSeriesCsv::headerNames()
{
    QFETCH(QString, name);
    const Prom::SeriesStore one = store(u"util"_qs, TimeAxis { t0, 30, 2 }, { { 1, 2 }, { 3, 4 } });
    const auto naming = [&name](const Labels &series) { return name + series.value(u"gpu"_qs); };
    QString error;
    const QList<QStringList> records = readCsv(Prom::SeriesCsv::toCsv({ one }, naming), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(records.size(), 3);
    QCOMPARE(records.first(), (QStringList { u"timestamp"_qs, name + u"0"_qs, name + u"1"_qs }));
    QCOMPARE(records.at(2), (QStringList { u"2026-11-23T18:00:30Z"_qs, u"2"_qs, u"4"_qs }));
}

void TestSeriesCsv::emptyStore()
{
    // No series: still the time column, one row per step.
    const QByteArray csv = Prom::SeriesCsv::toCsv({ Prom::SeriesStore(TimeAxis { t0, 60, 2 }) });
    QCOMPARE(csv, QByteArray("timestamp\r\n2026-11-23T18:00:00Z\r\n2026-11-23T18:01:00Z\r\n"));
    QCOMPARE(Prom::SeriesCsv::toCsv({}), QByteArray("timestamp\r\n"));
}

void TestSeriesCsv::writeFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"pod.csv"_qs);
    const Prom::SeriesStore one = store(u"util"_qs, TimeAxis { t0, 30, 3 }, { { 1, none, 3 } });
    const std::optional<Core::Error> error = Prom::SeriesCsv::writeFile(path, { one });
    QVERIFY2(!error, error ? qPrintable(error->toString()) : "");
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), Prom::SeriesCsv::toCsv({ one }));
}

void TestSeriesCsv::unwritablePath()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"missing/folder/pod.csv"_qs);
    const std::optional<Core::Error> error = Prom::SeriesCsv::writeFile(path, { Prom::SeriesStore() });
    QVERIFY(error);
    QCOMPARE(error->where, path);
    QVERIFY2(!error->message.isEmpty(), qPrintable(error->toString()));
    QVERIFY(!QFile::exists(path));
}

QTEST_GUILESS_MAIN(TestSeriesCsv)
#include "tst_seriescsv.moc"
