// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QByteArrayList>
#include <QByteArrayView>
#include <functional>

namespace Specula::Net {

// A response body as it came: the pieces that arrived and the Content-Encoding they are in.
struct EncodedBody
{
    QByteArrayList pieces;
    QByteArray contentEncoding;
    qint64 size = 0; // bytes in pieces
    qint64 maxDecodedSize = 0; // what the request accepts once decoded

    // statedDecodedSize() of the body.
    qint64 statedDecodedSize() const;
};

// The size a body says it decodes to: an identity body its own, a gzip body its trailer's where
// that is plausible. -1 where the body says none (deflate) or an implausible one.
qint64 statedDecodedSize(const QByteArrayList &pieces, const QByteArray &contentEncoding);

// Undoes a response's Content-Encoding over the body's pieces as they arrived, joining them.
// ApiRequest asks for gzip itself rather than letting QNetworkAccessManager inflate, because Qt
// inflates on the thread that owns the reply (the GUI thread) and a large answer would freeze the
// window; this runs on a worker instead. `identity` (or no encoding) only joins; `gzip`, `x-gzip`
// and zlib-wrapped `deflate` are inflated; a result over maxSize bytes is refused, so a small body
// cannot expand without bound.
Core::Result<QByteArray> decodeContent(const QByteArrayList &pieces, const QByteArray &contentEncoding, qint64 maxSize,
                                       const QString &where);

// Takes the decoded body piece by piece, in order; returns false to stop decoding early.
using DecodedPieceSink = std::function<bool(QByteArrayView piece)>;

// The same, handed to `take` as it is decoded (an inflated body a few hundred KiB at a time, an
// identity body as its pieces came), so that a reader that consumes the text as it comes never
// holds the whole of it. The result is the count of decoded bytes, or the error; a stop by
// take() is no error.
Core::Result<qint64> decodeContentInPieces(const QByteArrayList &pieces, const QByteArray &contentEncoding,
                                           qint64 maxSize, const QString &where, const DecodedPieceSink &take);

} // namespace Specula::Net
