// SPDX-License-Identifier: GPL-3.0-or-later
// JsonScan: the spans of JSON values found without a document, and broken structure refused.

#include "prom/jsonscan.h"

#include <QTest>

using namespace Specula::Prom;

namespace {

QByteArray textOf(const QByteArray &json, JsonScan::Span span)
{
    return json.mid(span.begin, span.end - span.begin);
}

} // namespace

class TestJsonScan : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void values_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QByteArray>("value");
        QTest::newRow("string") << QByteArray("  \"a\\\"]}\" , 1") << QByteArray("\"a\\\"]}\"");
        QTest::newRow("escaped backslash") << QByteArray("\"a\\\\\" ]") << QByteArray("\"a\\\\\"");
        QTest::newRow("number") << QByteArray("-1.5e3,") << QByteArray("-1.5e3");
        QTest::newRow("literal") << QByteArray("true}") << QByteArray("true");
        QTest::newRow("nested") << QByteArray("{\"a\":[1,{\"b\":\"]\"}]} ,") << QByteArray("{\"a\":[1,{\"b\":\"]\"}]}");
        QTest::newRow("empty array") << QByteArray("[]x") << QByteArray("[]");
    }

    void values()
    {
        QFETCH(QByteArray, json);
        QFETCH(QByteArray, value);
        const auto span = JsonScan::value(json);
        QVERIFY(span);
        QCOMPARE(textOf(json, *span), value);
    }

    void brokenValues_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("unterminated string") << QByteArray("\"abc\\\"");
        QTest::newRow("unclosed object") << QByteArray("{\"a\":[1,2]");
        QTest::newRow("crossed brackets") << QByteArray("{\"a\":[1,2}]");
        QTest::newRow("nothing") << QByteArray("   ");
        QTest::newRow("delimiter") << QByteArray(",1");
    }

    void brokenValues()
    {
        QFETCH(QByteArray, json);
        QVERIFY(!JsonScan::value(json));
    }

    void membersAndElements()
    {
        const QByteArray json
            = " { \"status\" : \"success\", \"data\" : {\"result\": [ {\"x\":1} , [2], \"3\" ]} , \"e\":{}} ";
        const auto top = JsonScan::value(json);
        QVERIFY(top);
        const auto members = JsonScan::members(json, *top);
        QVERIFY(members);
        QCOMPARE(members->size(), 3);
        QCOMPARE(members->at(0).key, QByteArray("status"));
        QCOMPARE(textOf(json, members->at(0).value), QByteArray("\"success\""));
        QCOMPARE(members->at(2).key, QByteArray("e"));
        QCOMPARE(textOf(json, members->at(2).value), QByteArray("{}"));

        const auto data = JsonScan::members(json, members->at(1).value);
        QVERIFY(data);
        QCOMPARE(data->size(), 1);
        const auto elements = JsonScan::elements(json, data->at(0).value);
        QVERIFY(elements);
        QCOMPARE(elements->size(), 3);
        QCOMPARE(textOf(json, elements->at(0)), QByteArray("{\"x\":1}"));
        QCOMPARE(textOf(json, elements->at(1)), QByteArray("[2]"));
        QCOMPARE(textOf(json, elements->at(2)), QByteArray("\"3\""));

        const QByteArray empty = "[ ]";
        const auto none = JsonScan::elements(empty, *JsonScan::value(empty));
        QVERIFY(none);
        QVERIFY(none->isEmpty());
        // An array is not an object, and the other way round.
        QVERIFY(!JsonScan::members(json, data->at(0).value));
        QVERIFY(!JsonScan::elements(json, *top));
    }

    void brokenContainers_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("missing colon") << QByteArray("{\"a\" 1}");
        QTest::newRow("missing comma") << QByteArray("{\"a\":1 \"b\":2}");
        QTest::newRow("trailing comma") << QByteArray("{\"a\":1,}");
        QTest::newRow("key not a string") << QByteArray("{a:1}");
    }

    void brokenContainers()
    {
        QFETCH(QByteArray, json);
        const auto span = JsonScan::value(json);
        QVERIFY(span);
        QVERIFY(!JsonScan::members(json, *span));
    }
};

QTEST_APPLESS_MAIN(TestJsonScan)
#include "tst_jsonscan.moc"
