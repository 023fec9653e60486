// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/contentdecoding.h"

#include <algorithm>
#include <zlib.h>

namespace Specula::Net {

namespace {

Core::Error decodingError(const QString &message, const QString &where)
{
    return Core::Error { Core::Error::Kind::Parse, message, where, 0, {} };
}

// Not a zlib status: the output reached the caller's limit.
constexpr int limitReached = -100;

// zlib counts in 32-bit units: feed and drain at most 1 GiB per call.
uInt inputWindow(qint64 left)
{
    return uInt(qMin<qint64>(left, qint64(1) << 30));
}

// A Content-Encoding as compared: "GZip " is "gzip".
QByteArray encodingName(const QByteArray &contentEncoding)
{
    return contentEncoding.trimmed().toLower();
}

bool isIdentity(const QByteArray &name)
{
    return name.isEmpty() || name == "identity";
}

// The ISIZE field of a gzip trailer: the last four bytes, little-endian. 0 when too short.
qint64 gzipStatedSize(const QByteArrayList &pieces)
{
    quint32 size = 0;
    int bytes = 0;
    for (qsizetype p = pieces.size() - 1; p >= 0 && bytes < 4; --p) {
        const QByteArray &piece = pieces.at(p);
        for (qsizetype i = piece.size() - 1; i >= 0 && bytes < 4; --i, ++bytes)
            size = (size << 8) | quint8(piece.at(i));
    }
    return bytes == 4 ? qint64(size) : 0;
}

// How much inflated text is handed over at a time.
constexpr qsizetype inflateWindow = 256 * 1024;

Core::Result<qint64> inflatePieces(const QByteArrayList &pieces, const QString &encoding, qint64 maxSize,
                                   const QString &where, const DecodedPieceSink &take)
{
    z_stream stream {};
    // windowBits 15 + 32: zlib recognises a gzip or a zlib header by itself.
    if (inflateInit2(&stream, 15 + 32) != Z_OK)
        return decodingError(QStringLiteral("cannot start inflating the %1 body").arg(encoding), where);
    QByteArray window(inflateWindow, Qt::Uninitialized);
    qint64 produced = 0;
    bool stopped = false;
    // One inflate() call over `input` (empty once all pieces are in, to drain what zlib holds
    // back), its output handed over; zlib's status, or limitReached.
    const auto step = [&](const char *input, qint64 length) {
        stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(input));
        stream.avail_in = inputWindow(length);
        stream.next_out = reinterpret_cast<Bytef *>(window.data());
        stream.avail_out = uInt(window.size());
        const int status = inflate(&stream, Z_NO_FLUSH);
        const qsizetype out = window.size() - qsizetype(stream.avail_out);
        produced += out;
        if (produced > maxSize)
            return limitReached;
        if (out > 0 && !take(QByteArrayView(window.constData(), out))) {
            stopped = true;
            return Z_STREAM_END;
        }
        return status;
    };
    int status = Z_OK;
    for (qsizetype p = 0; p < pieces.size() && status == Z_OK; ++p) {
        const QByteArray &piece = pieces.at(p);
        const char *begin = piece.constData();
        const char *end = begin + piece.size();
        for (const char *next = begin; next < end && status == Z_OK;
             next = reinterpret_cast<const char *>(stream.next_in))
            status = step(next, end - next);
    }
    while (status == Z_OK) // all input is in: drain, or find that the stream was cut short
        status = step(nullptr, 0);
    const QString reason = status == Z_BUF_ERROR ? QStringLiteral("the body ends early")
                                                 : QString::fromLatin1(stream.msg ? stream.msg : "corrupt data");
    inflateEnd(&stream);
    if (status == Z_STREAM_END || stopped)
        return produced;
    if (status == limitReached)
        return decodingError(QStringLiteral("the %1 body inflates to more than %2 bytes").arg(encoding).arg(maxSize),
                             where);
    return decodingError(QStringLiteral("cannot inflate the %1 body: %2").arg(encoding, reason), where);
}

} // namespace

qint64 EncodedBody::statedDecodedSize() const
{
    return Net::statedDecodedSize(pieces, contentEncoding);
}

qint64 statedDecodedSize(const QByteArrayList &pieces, const QByteArray &contentEncoding)
{
    const QByteArray encoding = encodingName(contentEncoding);
    qint64 size = 0;
    for (const QByteArray &piece : pieces)
        size += piece.size();
    if (isIdentity(encoding))
        return size;
    if (encoding != "gzip" && encoding != "x-gzip")
        return -1;
    // The trailer says the size mod 4 GiB. Deflate inflates at most about 1032-fold, which bounds
    // what a corrupt trailer can claim.
    const qint64 stated = gzipStatedSize(pieces);
    return stated > 0 && stated >= size / 2 && stated <= size * 1032 ? stated : -1;
}

Core::Result<qint64> decodeContentInPieces(const QByteArrayList &pieces, const QByteArray &contentEncoding,
                                           qint64 maxSize, const QString &where, const DecodedPieceSink &take)
{
    const QByteArray encoding = encodingName(contentEncoding);
    const bool empty
        = std::all_of(pieces.cbegin(), pieces.cend(), [](const QByteArray &piece) { return piece.isEmpty(); });
    // An empty body stays empty whatever it claims (a 204 may still name an encoding).
    if (isIdentity(encoding) || empty) {
        qint64 size = 0;
        for (const QByteArray &piece : pieces) {
            size += piece.size();
            if (!piece.isEmpty() && !take(piece))
                break;
        }
        return size;
    }
    if (encoding != "gzip" && encoding != "x-gzip" && encoding != "deflate")
        return decodingError(QStringLiteral("the server answered with Content-Encoding \"%1\", which was not asked for")
                                 .arg(QString::fromLatin1(encoding)),
                             where);
    return inflatePieces(pieces, QString::fromLatin1(encoding), maxSize, where, take);
}

Core::Result<QByteArray> decodeContent(const QByteArrayList &pieces, const QByteArray &contentEncoding, qint64 maxSize,
                                       const QString &where)
{
    const QByteArray encoding = encodingName(contentEncoding);
    const bool identity = isIdentity(encoding);
    if (identity && pieces.size() == 1)
        return pieces.first();
    // Room for the size the body states; otherwise well-compressed JSON shrinks about tenfold,
    // and growing from there costs few copies.
    const qint64 stated = statedDecodedSize(pieces, contentEncoding);
    qint64 compressed = 0;
    for (const QByteArray &piece : pieces)
        compressed += piece.size();
    QByteArray out;
    out.reserve(qMin<qint64>(stated > 0 ? stated : qMax<qint64>(compressed * 8, 4096), maxSize));
    const Core::Result<qint64> decoded
        = decodeContentInPieces(pieces, contentEncoding, maxSize, where, [&out](QByteArrayView piece) {
              out.append(piece);
              return true;
          });
    if (!decoded)
        return decoded.error();
    // A 70 MB answer must not keep the 128 MB it grew into while it is parsed.
    if (out.capacity() - out.size() > out.size() / 8)
        out.squeeze();
    return out;
}

} // namespace Specula::Net
