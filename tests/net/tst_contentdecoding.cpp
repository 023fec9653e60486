// SPDX-License-Identifier: GPL-3.0-or-later
// Content-Encoding as ApiRequest undoes it off the GUI thread: gzip written by the simulator's
// server, zlib-wrapped deflate, passthrough, and every way a body can be broken or too large.
#include "net/contentdecoding.h"
#include "sim/httpserver.h"

#include <QTest>

using namespace Specula;

namespace {

constexpr qint64 oneGiB = qint64(1) << 30;

// A few megabytes of a Prometheus-like answer: repetitive enough to compress well, varied
// enough that a wrong byte anywhere shows.
QByteArray sampleBody(int series)
{
    QByteArray body = R"({"status":"success","data":{"resultType":"matrix","result":[)";
    for (int i = 0; i < series; ++i) {
        body += R"({"metric":{"UUID":"GPU-)" + QByteArray::number(i, 16) + R"("},"values":[)";
        for (int t = 0; t < 240; ++t)
            body += '[' + QByteArray::number(1700000000 + t * 30) + ",\"" + QByteArray::number((i * 7 + t) % 101)
                + "\"]" + (t < 239 ? "," : "");
        body += i + 1 < series ? "]}," : "]}";
    }
    return body + "]}}";
}

// The body as the network might hand it over: in pieces of `size` bytes (0: one piece).
QByteArrayList piecesOf(const QByteArray &body, qsizetype size)
{
    if (size == 0)
        return { body };
    QByteArrayList pieces;
    for (qsizetype at = 0; at < body.size(); at += size)
        pieces.append(body.mid(at, size));
    return pieces;
}

// qCompress writes a 4-byte length and then a zlib stream, which is HTTP's "deflate".
QByteArray zlibDeflate(const QByteArray &data)
{
    return qCompress(data).mid(4);
}

} // namespace

class TestContentDecoding : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decodes_data()
    {
        QTest::addColumn<QByteArray>("encoded");
        QTest::addColumn<QByteArray>("encoding");
        QTest::addColumn<QByteArray>("expected");
        const QByteArray body = sampleBody(200);
        QTest::addRow("no encoding") << body << QByteArray() << body;
        QTest::addRow("identity") << body << QByteArray("identity") << body;
        QTest::addRow("gzip") << Sim::HttpResponder::gzip(body, 6) << QByteArray("gzip") << body;
        QTest::addRow("gzip, spelt loosely") << Sim::HttpResponder::gzip(body, 1) << QByteArray(" GZip ") << body;
        QTest::addRow("x-gzip") << Sim::HttpResponder::gzip(body, 9) << QByteArray("x-gzip") << body;
        QTest::addRow("deflate") << zlibDeflate(body) << QByteArray("deflate") << body;
        QTest::addRow("nothing at all") << QByteArray() << QByteArray("gzip") << QByteArray();
        QTest::addRow("empty gzip") << Sim::HttpResponder::gzip(QByteArray(), 6) << QByteArray("gzip") << QByteArray();
    }
    void decodes()
    {
        QFETCH(QByteArray, encoded);
        QFETCH(QByteArray, encoding);
        QFETCH(QByteArray, expected);
        // Whole, in the odd sizes a socket delivers, and byte by byte across every boundary.
        for (const qsizetype size : { 0, 16384, 1500, 7, 1 }) {
            const Core::Result<QByteArray> decoded
                = Net::decodeContent(piecesOf(encoded, size), encoding, oneGiB, u"here"_qs);
            QVERIFY2(decoded, decoded ? "" : qPrintable(decoded.error().toString()));
            QCOMPARE(decoded->size(), expected.size());
            QVERIFY2(*decoded == expected, qPrintable(u"pieces of %1"_qs.arg(size)));
            // An inflated body keeps no spare room while it waits to be parsed.
            if (!encoding.isEmpty() && encoding != "identity")
                QVERIFY2(decoded->capacity() - decoded->size() <= decoded->size() / 8,
                         qPrintable(u"capacity %1 for %2 bytes"_qs.arg(decoded->capacity()).arg(decoded->size())));
        }
    }

    void decodesInPieces_data() { decodes_data(); }
    void decodesInPieces()
    {
        QFETCH(QByteArray, encoded);
        QFETCH(QByteArray, encoding);
        QFETCH(QByteArray, expected);
        for (const qsizetype size : { 0, 1500, 7 }) {
            QByteArray joined;
            qsizetype largest = 0;
            const Core::Result<qint64> decoded = Net::decodeContentInPieces(piecesOf(encoded, size), encoding, oneGiB,
                                                                            u"here"_qs, [&](QByteArrayView piece) {
                                                                                joined.append(piece);
                                                                                largest = qMax(largest, piece.size());
                                                                                return true;
                                                                            });
            QVERIFY2(decoded, decoded ? "" : qPrintable(decoded.error().toString()));
            QCOMPARE(*decoded, expected.size());
            QVERIFY(joined == expected);
            // An inflated body comes a window at a time, never whole.
            if (!encoding.isEmpty() && encoding != "identity")
                QVERIFY2(largest <= 256 * 1024, qPrintable(QString::number(largest)));
        }
    }

    void stopsWhenTheReaderStops()
    {
        const QByteArray body = sampleBody(500);
        QVERIFY(body.size() > 1024 * 1024);
        int pieces = 0;
        const Core::Result<qint64> decoded = Net::decodeContentInPieces({ Sim::HttpResponder::gzip(body, 6) }, "gzip",
                                                                        oneGiB, u"here"_qs, [&pieces](QByteArrayView) {
                                                                            ++pieces;
                                                                            return false;
                                                                        });
        QVERIFY2(decoded, decoded ? "" : qPrintable(decoded.error().toString()));
        QCOMPARE(pieces, 1);
        QVERIFY(*decoded < body.size());
    }

    // What decides whether a small answer is read on the GUI thread: the size a body says it
    // inflates to, where it says one.
    void statedDecodedSize_data()
    {
        QTest::addColumn<QByteArrayList>("pieces");
        QTest::addColumn<QByteArray>("encoding");
        QTest::addColumn<qint64>("expected");
        const QByteArray body = sampleBody(20);
        const QByteArray gzipped = Sim::HttpResponder::gzip(body, 6);
        QTest::addRow("no encoding") << piecesOf(body, 1000) << QByteArray() << qint64(body.size());
        QTest::addRow("identity") << QByteArrayList { body } << QByteArray("identity") << qint64(body.size());
        QTest::addRow("gzip") << QByteArrayList { gzipped } << QByteArray("gzip") << qint64(body.size());
        // The trailer's four bytes across pieces.
        QTest::addRow("gzip in pieces of 3") << piecesOf(gzipped, 3) << QByteArray("x-gzip") << qint64(body.size());
        QTest::addRow("deflate: no trailer")
            << QByteArrayList { zlibDeflate(body) } << QByteArray("deflate") << qint64(-1);
        QByteArray boasting = gzipped;
        boasting.chop(4);
        boasting.append("\xff\xff\xff\x7f", 4);
        QTest::addRow("gzip claiming 2 GiB from a few KiB")
            << QByteArrayList { boasting } << QByteArray("gzip") << qint64(-1);
        QTest::addRow("gzip too short for a trailer")
            << QByteArrayList { "\x1f\x8b" } << QByteArray("gzip") << qint64(-1);
        QTest::addRow("brotli") << QByteArrayList { gzipped } << QByteArray("br") << qint64(-1);
    }
    void statedDecodedSize()
    {
        QFETCH(QByteArrayList, pieces);
        QFETCH(QByteArray, encoding);
        QFETCH(qint64, expected);
        QCOMPARE(Net::statedDecodedSize(pieces, encoding), expected);
    }

    void refuses_data()
    {
        QTest::addColumn<QByteArray>("encoded");
        QTest::addColumn<QByteArray>("encoding");
        QTest::addColumn<qint64>("maxSize");
        QTest::addColumn<QString>("message");
        const QByteArray body = sampleBody(50);
        const QByteArray gzipped = Sim::HttpResponder::gzip(body, 6);
        QTest::addRow("cut short") << gzipped.left(gzipped.size() / 2) << QByteArray("gzip") << oneGiB
                                   << u"cannot inflate the gzip body: the body ends early"_qs;
        QByteArray corrupt = gzipped;
        corrupt[20] = char(corrupt.at(20) ^ 0x55);
        corrupt[21] = char(corrupt.at(21) ^ 0x55);
        QTest::addRow("corrupt") << corrupt << QByteArray("gzip") << oneGiB << u"cannot inflate the gzip body: "_qs;
        QTest::addRow("not compressed at all")
            << body << QByteArray("gzip") << oneGiB << u"cannot inflate the gzip body: incorrect header check"_qs;
        // 64 MiB of zeros compress to about 64 KiB: the limit stops it, not the memory.
        QTest::addRow("bomb") << Sim::HttpResponder::gzip(QByteArray(64 << 20, '\0'), 9) << QByteArray("gzip")
                              << qint64(1 << 20) << u"the gzip body inflates to more than 1048576 bytes"_qs;
        QTest::addRow("brotli") << body << QByteArray("br") << oneGiB
                                << u"the server answered with Content-Encoding \"br\", which was not asked for"_qs;
    }
    void refuses()
    {
        QFETCH(QByteArray, encoded);
        QFETCH(QByteArray, encoding);
        QFETCH(qint64, maxSize);
        QFETCH(QString, message);
        const Core::Result<QByteArray> decoded
            = Net::decodeContent(piecesOf(encoded, 4096), encoding, maxSize, u"https://h/x"_qs);
        QVERIFY(!decoded);
        QCOMPARE(decoded.error().kind, Core::Error::Kind::Parse);
        QCOMPARE(decoded.error().where, u"https://h/x"_qs);
        QVERIFY2(decoded.error().message.startsWith(message), qPrintable(decoded.error().message));
    }
};

QTEST_GUILESS_MAIN(TestContentDecoding)
#include "tst_contentdecoding.moc"
