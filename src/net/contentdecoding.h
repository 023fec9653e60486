// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QByteArrayList>

namespace Specula::Net {

// Undoes a response's Content-Encoding over the body's pieces as they arrived, joining them.
// ApiRequest asks for gzip itself rather than letting QNetworkAccessManager inflate, because Qt
// inflates on the thread that owns the reply (the GUI thread) and a large answer would freeze the
// window; this runs on a worker instead. `identity` (or no encoding) only joins; `gzip`, `x-gzip`
// and zlib-wrapped `deflate` are inflated; a result over maxSize bytes is refused, so a small body
// cannot expand without bound.
Core::Result<QByteArray> decodeContent(const QByteArrayList &pieces, const QByteArray &contentEncoding, qint64 maxSize,
                                       const QString &where);

} // namespace Specula::Net
