// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/jsonscan.h"
#include "core/result.h"
#include "prom/promtypes.h"

#include <QByteArray>
#include <QJsonArray>
#include <functional>
#include <optional>

namespace Specula::Prom {

// JSON of the Prometheus HTTP API → value types. Pure functions without shared state, so they
// run on worker threads. Every function takes the HTTP status and the URL (for messages) because
// a failure is reported from the envelope, the status line or the raw body, whichever says most.
class PromParsers
{
public:
    // The envelope, or an error when the body is not a JSON object (a proxy's HTML page, an empty
    // body): the message names the HTTP status and the body's first line.
    static Core::Result<Envelope> parseEnvelope(const QByteArray &body, int httpStatus, const QString &where);
    // The error an envelope with status "error" stands for; Prometheus' `error` text verbatim.
    static Core::Error errorFrom(const Envelope &envelope, int httpStatus, const QString &where);
    static Core::Error::Kind kindForErrorType(const QString &errorType, int httpStatus);

    // A successful envelope's data, or the error the body reports. With `visit`, the series go to
    // it one by one, in the answer's order, and the response holds none; on an error the series
    // before the fault have been visited.
    static Core::Result<PromResponse> parseQuery(const QByteArray &body, int httpStatus, const QString &where,
                                                 const SeriesVisitor &visit = {});
    // Hands a body's text to `sink` piece by piece as it is decoded (a stop by the sink is no
    // error), or reports why it cannot be decoded.
    using Decoder = std::function<Core::Result<qint64>(const std::function<bool(QByteArrayView piece)> &sink)>;
    // parseQuery() over a body read as it is decoded: each series of data.result is read as soon
    // as its text is whole, so the whole text is never held (Core::JsonArrayStream). An answer
    // whose result type comes after its result is kept whole and read at the end.
    static Core::Result<PromResponse> parseQueryPieces(const Decoder &decode, int httpStatus, const QString &where,
                                                       const SeriesVisitor &visit = {});
    static Core::Result<PromResponse> parseSeries(const QByteArray &body, int httpStatus, const QString &where);
    // /api/v1/labels and /api/v1/label/NAME/values: a list of strings.
    static Core::Result<PromResponse> parseNames(const QByteArray &body, int httpStatus, const QString &where);
    static Core::Result<PromResponse> parseBuildInfo(const QByteArray &body, int httpStatus, const QString &where);

    // The data part alone: the object at `data` in `text` (none: the answer has no data).
    static Core::Result<QueryResult> queryData(QByteArrayView text, std::optional<Core::JsonScan::Span> data,
                                               const QString &where, const SeriesVisitor &visit = {});
    // "1", "0.5", "NaN", "+Inf", "-Inf" (Go's strconv.FormatFloat spellings); nothing for others.
    static std::optional<double> parseValue(QByteArrayView text);
};

} // namespace Specula::Prom
