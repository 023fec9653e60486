// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QByteArray>

namespace Specula::Net {

// Undoes a response's Content-Encoding. ApiRequest asks for gzip itself rather than letting
// QNetworkAccessManager inflate, because Qt inflates on the thread that owns the reply (the GUI
// thread) and a large answer would freeze the window; this runs on a worker instead.
// `identity` (or no encoding) passes the body through; `gzip`, `x-gzip` and zlib-wrapped
// `deflate` are inflated; a result over maxSize bytes is refused, so a small body cannot expand
// without bound.
Core::Result<QByteArray> decodeContent(const QByteArray &body, const QByteArray &contentEncoding, qint64 maxSize,
                                       const QString &where);

} // namespace Specula::Net
