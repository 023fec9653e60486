// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/contentdecoding.h"

#include <zlib.h>

namespace Specula::Net {

namespace {

Core::Error decodingError(const QString &message, const QString &where)
{
    return Core::Error { Core::Error::Kind::Parse, message, where, 0, {} };
}

} // namespace

Core::Result<QByteArray> decodeContent(const QByteArray &body, const QByteArray &contentEncoding, qint64 maxSize,
                                       const QString &where)
{
    const QByteArray encoding = contentEncoding.trimmed().toLower();
    if (encoding.isEmpty() || encoding == "identity")
        return body;
    if (encoding != "gzip" && encoding != "x-gzip" && encoding != "deflate")
        return decodingError(QStringLiteral("the server answered with Content-Encoding \"%1\", which was not asked for")
                                 .arg(QString::fromLatin1(encoding)),
                             where);

    z_stream stream {};
    // windowBits 15 + 32: zlib recognises a gzip or a zlib header by itself.
    if (inflateInit2(&stream, 15 + 32) != Z_OK)
        return decodingError(QStringLiteral("cannot start inflating the %1 body").arg(QString::fromLatin1(encoding)),
                             where);
    QByteArray out;
    // Well-compressed JSON shrinks about tenfold; growing from there costs few copies.
    out.resize(qMin<qint64>(qMax<qint64>(body.size() * 8, 4096), maxSize));
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(body.constData()));
    int status = Z_OK;
    qint64 produced = 0;
    qsizetype consumed = 0;
    while (status != Z_STREAM_END) {
        if (produced == out.size()) {
            if (out.size() >= maxSize) {
                inflateEnd(&stream);
                return decodingError(QStringLiteral("the %1 body inflates to more than %2 bytes")
                                         .arg(QString::fromLatin1(encoding))
                                         .arg(maxSize),
                                     where);
            }
            out.resize(qMin<qint64>(out.size() * 2, maxSize));
        }
        // zlib counts in 32-bit units; feed and drain at most 1 GiB per round.
        const auto window = [](qint64 left) { return uInt(qMin<qint64>(left, qint64(1) << 30)); };
        stream.avail_in = window(body.size() - consumed);
        stream.next_out = reinterpret_cast<Bytef *>(out.data() + produced);
        stream.avail_out = window(out.size() - produced);
        const uInt inBefore = stream.avail_in;
        const uInt outBefore = stream.avail_out;
        status = inflate(&stream, Z_NO_FLUSH);
        consumed += qsizetype(inBefore - stream.avail_in);
        produced += qint64(outBefore - stream.avail_out);
        const bool stuck = status == Z_BUF_ERROR && consumed == body.size();
        if ((status != Z_OK && status != Z_STREAM_END && status != Z_BUF_ERROR) || stuck) {
            const QString reason = stuck ? QStringLiteral("the body ends early")
                                         : QString::fromLatin1(stream.msg ? stream.msg : "corrupt data");
            inflateEnd(&stream);
            return decodingError(
                QStringLiteral("cannot inflate the %1 body: %2").arg(QString::fromLatin1(encoding), reason), where);
        }
    }
    inflateEnd(&stream);
    out.truncate(produced);
    return out;
}

} // namespace Specula::Net
