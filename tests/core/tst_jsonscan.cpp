// SPDX-License-Identifier: GPL-3.0-or-later
// JsonScan: the spans of JSON values found without a document, and broken structure refused.

#include "core/jsonscan.h"

#include <QTest>

using namespace Specula::Core;

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

    void visitsInOrderAndStops()
    {
        const QByteArray json = "{\"a\": 1, \"b\\\"c\": [2, 3], \"d\": {}}";
        const JsonScan::Span top = *JsonScan::value(json);
        QList<QByteArray> keys;
        QVERIFY(JsonScan::forEachMember(json, top, [&](QByteArrayView key, JsonScan::Span) {
            keys << key.toByteArray();
            return true;
        }));
        QCOMPARE(keys, (QList<QByteArray> { "a", "b\\\"c", "d" }));

        keys.clear();
        QVERIFY(!JsonScan::forEachMember(json, top, [&](QByteArrayView key, JsonScan::Span) {
            keys << key.toByteArray();
            return keys.size() < 2;
        }));
        QCOMPARE(keys.size(), 2);

        QList<double> numbers;
        const JsonScan::Span array = JsonScan::members(json, top)->at(1).value;
        QVERIFY(JsonScan::forEachElement(json, array, [&](JsonScan::Span value) {
            numbers << JsonScan::number(json, value).value_or(-1);
            return true;
        }));
        QCOMPARE(numbers, (QList<double> { 2, 3 }));
        const QByteArray broken = "[1,,2]";
        QVERIFY(!JsonScan::forEachElement(broken, *JsonScan::value(broken), [](JsonScan::Span) { return true; }));
    }

    void strings_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("text");
        QTest::newRow("plain") << QByteArray("\"gpu-a100-0\"") << u"gpu-a100-0"_qs;
        QTest::newRow("empty") << QByteArray("\"\"") << QString();
        QTest::newRow("UTF-8") << QByteArray("\"Gr\xc3\xbc\xc3\x9f"
                                             "e \xe2\x82\xac\"")
                               << u"Grüße €"_qs;
        QTest::newRow("escapes") << QByteArray("\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\te\"") << u"a\"b\\c/d\b\f\n\r\te"_qs;
        QTest::newRow("unicode escape") << QByteArray("\"\\u00e9t\\u00C9\"") << u"étÉ"_qs;
        QTest::newRow("surrogate pair") << QByteArray("\"\\ud83d\\ude80!\"") << u"🚀!"_qs;
        QTest::newRow("UTF-8 around an escape") << QByteArray("\"\xc3\xa9\\n\xc3\xa9\"") << u"é\né"_qs;
    }

    void strings()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, text);
        const auto decoded = JsonScan::string(json, *JsonScan::value(json));
        QVERIFY(decoded);
        QCOMPARE(*decoded, text);
    }

    void brokenStrings_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("not a string") << QByteArray("12");
        QTest::newRow("unknown escape") << QByteArray("\"a\\x41\"");
        QTest::newRow("short unicode escape") << QByteArray("\"\\u12\"");
        QTest::newRow("bad hex") << QByteArray("\"\\u12g4\"");
        QTest::newRow("raw newline") << QByteArray("\"a\nb\"");
    }

    void brokenStrings()
    {
        QFETCH(QByteArray, json);
        const auto span = JsonScan::value(json);
        QVERIFY(span);
        QVERIFY(!JsonScan::string(json, *span));
    }

    void numbers_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<double>("number");
        QTest::newRow("integer") << QByteArray("1700000000") << true << 1700000000.0;
        QTest::newRow("fraction") << QByteArray("1700000000.125") << true << 1700000000.125;
        QTest::newRow("negative exponent") << QByteArray("-2.5E-3") << true << -0.0025;
        QTest::newRow("zero") << QByteArray("0") << true << 0.0;
        QTest::newRow("leading zero") << QByteArray("01") << false << 0.0;
        QTest::newRow("plus") << QByteArray("+1") << false << 0.0;
        QTest::newRow("bare point") << QByteArray("1.") << false << 0.0;
        QTest::newRow("bare exponent") << QByteArray("1e") << false << 0.0;
        QTest::newRow("literal") << QByteArray("true") << false << 0.0;
        QTest::newRow("nan") << QByteArray("nan") << false << 0.0;
        QTest::newRow("hex") << QByteArray("0x10") << false << 0.0;
        QTest::newRow("string") << QByteArray("\"1\"") << false << 0.0;
    }

    void numbers()
    {
        QFETCH(QByteArray, json);
        QFETCH(bool, valid);
        QFETCH(double, number);
        const auto read = JsonScan::number(json, *JsonScan::value(json));
        QCOMPARE(read.has_value(), valid);
        if (valid)
            QCOMPARE(*read, number);
    }
};

QTEST_APPLESS_MAIN(TestJsonScan)
#include "tst_jsonscan.moc"
