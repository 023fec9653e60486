// SPDX-License-Identifier: GPL-3.0-or-later
// JsonArrayStream: the elements of one array cut out of a JSON text fed in pieces of every size,
// the rest kept as a skeleton, and the stream stopped by a refusing reader or a broken text.

#include "core/jsonarraystream.h"

#include <QTest>

using namespace Specula::Core;

namespace {

struct Cut
{
    QByteArrayList elements;
    QByteArray skeleton;
    bool fedWhole = true;
};

// Feeds `json` in pieces of `size` bytes (0: at once) through a stream that cuts data.result.
Cut cutInPieces(const QByteArray &json, qsizetype size, const JsonArrayStream::OpenedCheck &opened)
{
    Cut cut;
    JsonArrayStream stream({ "data", "result" }, opened, [&cut](QByteArrayView element) {
        cut.elements << element.toByteArray();
        return true;
    });
    const qsizetype step = size == 0 ? json.size() : size;
    for (qsizetype at = 0; at < json.size(); at += step)
        cut.fedWhole = stream.feed(QByteArrayView(json).sliced(at, qMin(step, json.size() - at))) && cut.fedWhole;
    cut.skeleton = stream.skeleton();
    return cut;
}

bool always(QByteArrayView)
{
    return true;
}

} // namespace

class TestJsonArrayStream : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cuts_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QByteArrayList>("elements");
        QTest::addColumn<QByteArray>("skeleton");
        QTest::newRow("a matrix answer")
            << QByteArray("{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{\"a\":"
                          "\"]}\\\"[\"},"
                          R"("values":[[1,"2"]]},{"metric":{},"values":[]}]},"warnings":["w"]})")
            << QByteArrayList { "{\"metric\":{\"a\":\"]}\\\"[\"},\"values\":[[1,\"2\"]]}",
                                "{\"metric\":{},\"values\":[]}" }
            << QByteArray(R"({"status":"success","data":{"resultType":"matrix","result":[]},"warnings":["w"]})");
        QTest::newRow("no series") << QByteArray(R"({"data":{"result":[]}})") << QByteArrayList {}
                                   << QByteArray(R"({"data":{"result":[]}})");
        QTest::newRow("scalar elements") << QByteArray("{\"data\":{\"result\":[1.5 , \"a,]\\\"\" ,true,[2],null]}}")
                                         << QByteArrayList { "1.5", "\"a,]\\\"\"", "true", "[2]", "null" }
                                         << QByteArray(R"({"data":{"result":[]}})");
        QTest::newRow("only the array on the path")
            << QByteArray(R"({"result":[1],"data":{"x":{"result":[2]},"result":[3],"y":[4]}})")
            << QByteArrayList { "3" }
            << QByteArray(R"({"result":[1],"data":{"x":{"result":[2]},"result":[],"y":[4]}})");
        QTest::newRow("names in values and escapes are no keys")
            << QByteArray(
                   "{\"k\":\"data\",\"da\\\"ta\":{\"result\":[1]},\"data\":{\"v\":\"result\",\"result\":[{\"x\":1}]}}")
            << QByteArrayList { R"({"x":1})" }
            << QByteArray("{\"k\":\"data\",\"da\\\"ta\":{\"result\":[1]},\"data\":{\"v\":\"result\",\"result\":[]}}");
        QTest::newRow("white space") << QByteArray(
            "{ \"data\" : { \"result\" : [ {\"a\": 1} ,\n\t{\"b\":2}\r\n ] } }\n")
                                     << QByteArrayList { "{\"a\": 1}", "{\"b\":2}" }
                                     << QByteArray("{ \"data\" : { \"result\" : [] } }\n");
        QTest::newRow("an error envelope")
            << QByteArray(R"({"status":"error","errorType":"bad_data","error":"parse error at char 3"})")
            << QByteArrayList {}
            << QByteArray(R"({"status":"error","errorType":"bad_data","error":"parse error at char 3"})");
        QTest::newRow("not JSON") << QByteArray("<html><title>502 Bad Gateway</title></html>") << QByteArrayList {}
                                  << QByteArray("<html><title>502 Bad Gateway</title></html>");
    }
    void cuts()
    {
        QFETCH(QByteArray, json);
        QFETCH(QByteArrayList, elements);
        QFETCH(QByteArray, skeleton);
        // At once, byte by byte, and in sizes that cut keys, strings, escapes and elements.
        for (const qsizetype size : { 0, 1, 2, 3, 5, 7, 16 }) {
            const Cut cut = cutInPieces(json, size, always);
            QVERIFY2(cut.fedWhole, qPrintable(QStringLiteral("pieces of %1").arg(size)));
            QCOMPARE(cut.elements, elements);
            QCOMPARE(cut.skeleton, skeleton);
        }
    }

    void keepsTheTextWhenTheReaderCannotTell()
    {
        const QByteArray json = R"({"status":"success","data":{"resultType":"matrix","result":[{"a":1},{"b":2}]}})";
        for (const qsizetype size : { 0, 1, 7 }) {
            QByteArrayList asked;
            const Cut cut = cutInPieces(json, size, [&asked](QByteArrayView before) {
                asked << before.toByteArray();
                return false;
            });
            // The text before the array, closed so that it reads as JSON.
            QCOMPARE(asked, QByteArrayList { R"({"status":"success","data":{"resultType":"matrix","result":[]}})" });
            QVERIFY(cut.elements.isEmpty());
            QCOMPARE(cut.skeleton, json);
        }
    }

    void stopsWhenAnElementIsRefused()
    {
        const QByteArray json = R"({"data":{"result":[{"a":1},{"b":2},{"c":3}]}})";
        QByteArrayList taken;
        JsonArrayStream stream({ "data", "result" }, always, [&taken](QByteArrayView element) {
            taken << element.toByteArray();
            return taken.size() < 2;
        });
        QVERIFY(!stream.feed(json));
        QCOMPARE(taken, QByteArrayList({ R"({"a":1})", R"({"b":2})" }));
        QCOMPARE(stream.elementsCut(), 2);
        QVERIFY(!stream.broken());
        QVERIFY(!stream.feed("]}}"));
        QCOMPARE(taken.size(), 2);
    }

    void brokenText_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<qint64>("at");
        QTest::newRow("crossed inside an element") << QByteArray(R"({"data":{"result":[{"a":1]]}})") << qint64(25);
        QTest::newRow("crossed in the envelope") << QByteArray(R"({"data":{"result":[]]})") << qint64(20);
        QTest::newRow("a bracket after the end") << QByteArray("{}]") << qint64(2);
    }
    void brokenText()
    {
        QFETCH(QByteArray, json);
        QFETCH(qint64, at);
        for (const qsizetype size : { 1, 4, 64 }) {
            JsonArrayStream stream({ "data", "result" }, always, [](QByteArrayView) { return true; });
            bool fedWhole = true;
            for (qsizetype from = 0; from < json.size(); from += size)
                fedWhole = stream.feed(QByteArrayView(json).sliced(from, qMin(size, json.size() - from))) && fedWhole;
            QVERIFY(!fedWhole);
            QVERIFY(stream.broken());
            QCOMPARE(stream.brokenAt(), at);
        }
    }
};

QTEST_GUILESS_MAIN(TestJsonArrayStream)
#include "tst_jsonarraystream.moc"
