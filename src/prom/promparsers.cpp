// SPDX-License-Identifier: GPL-3.0-or-later
#include "prom/promparsers.h"

#include "core/jsonarraystream.h"
#include "core/textpool.h"
#include "net/replyerror.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <limits>

namespace Specula::Prom {

namespace {

using Kind = Core::Error::Kind;

Core::Error parseError(const QString &message, const QString &where, int httpStatus = 0)
{
    return Core::Error { Kind::Parse, message, where, httpStatus, {} };
}

QStringList stringList(const QJsonValue &value)
{
    QStringList list;
    const QJsonArray array = value.toArray();
    list.reserve(array.size());
    for (const QJsonValue &item : array)
        list << item.toString();
    return list;
}

// `texts` holds the label names and values met so far in the answer: tens of thousands of series
// repeat the same names, models, namespaces and exporter addresses, and share one copy of each.
std::optional<Labels> labelsFrom(const QJsonValue &value, Core::TextPool &texts)
{
    if (!value.isObject())
        return std::nullopt;
    Labels labels;
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!it.value().isString())
            return std::nullopt;
        labels.insert(texts.shared(it.key()), texts.shared(it.value().toString()));
    }
    return labels;
}

// Decodes the envelope and returns it only when it reports success.
Core::Result<Envelope> successEnvelope(const QByteArray &body, int httpStatus, const QString &where)
{
    Core::Result<Envelope> envelope = PromParsers::parseEnvelope(body, httpStatus, where);
    if (!envelope)
        return envelope;
    if (envelope->status != QLatin1String("success"))
        return PromParsers::errorFrom(*envelope, httpStatus, where);
    if (httpStatus != 0 && (httpStatus < 200 || httpStatus >= 300)) {
        // A success envelope with an error status is no answer we can trust.
        return Core::Error { Net::ReplyError::kindForStatus(httpStatus),
                             QStringLiteral("the server answered HTTP %1 with a success envelope").arg(httpStatus),
                             where,
                             httpStatus,
                             {} };
    }
    return envelope;
}

PromResponse responseFor(const Envelope &envelope)
{
    PromResponse response;
    response.warnings = envelope.warnings;
    response.infos = envelope.infos;
    return response;
}

} // namespace

Core::Result<Envelope> PromParsers::parseEnvelope(const QByteArray &body, int httpStatus, const QString &where)
{
    QJsonParseError jsonError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &jsonError);
    if (jsonError.error != QJsonParseError::NoError || !document.isObject()) {
        // A gateway's HTML or text page: its <title> ("502 Bad Gateway") or else its first
        // non-blank line is the most telling part.
        QString firstLine;
        const qsizetype titleStart = body.indexOf("<title>");
        const qsizetype titleEnd = titleStart >= 0 ? body.indexOf("</title>", titleStart) : -1;
        if (titleEnd > titleStart)
            firstLine = QString::fromUtf8(body.mid(titleStart + 7, titleEnd - titleStart - 7)).simplified();
        const QList<QByteArray> lines = body.split('\n');
        for (const QByteArray &line : lines) {
            if (!firstLine.isEmpty())
                break;
            firstLine = QString::fromUtf8(line).simplified();
        }
        if (firstLine.size() > 200)
            firstLine = firstLine.left(200) + QStringLiteral("…");
        const bool httpOk = httpStatus >= 200 && httpStatus < 300;
        Core::Error error;
        error.kind = httpOk || httpStatus == 0 ? Kind::Parse : Net::ReplyError::kindForStatus(httpStatus);
        error.where = where;
        error.httpStatus = httpStatus;
        const QString what = body.trimmed().isEmpty()
            ? QStringLiteral("an empty body")
            : QStringLiteral("a body that is not a Prometheus API answer (%1): %2")
                  .arg(jsonError.error != QJsonParseError::NoError ? jsonError.errorString()
                                                                   : QStringLiteral("not a JSON object"),
                       firstLine);
        error.message = httpStatus != 0 ? QStringLiteral("HTTP %1 with %2").arg(httpStatus).arg(what)
                                        : QStringLiteral("the server sent %1").arg(what);
        return error;
    }
    const QJsonObject object = document.object();
    Envelope envelope;
    envelope.status = object.value(QLatin1String("status")).toString();
    envelope.data = object.value(QLatin1String("data"));
    envelope.errorType = object.value(QLatin1String("errorType")).toString();
    envelope.error = object.value(QLatin1String("error")).toString();
    envelope.warnings = stringList(object.value(QLatin1String("warnings")));
    envelope.infos = stringList(object.value(QLatin1String("infos")));
    if (envelope.status != QLatin1String("success") && envelope.status != QLatin1String("error")) {
        return parseError(QStringLiteral("the answer has no valid \"status\" (got \"%1\")").arg(envelope.status), where,
                          httpStatus);
    }
    return envelope;
}

Core::Error::Kind PromParsers::kindForErrorType(const QString &errorType, int httpStatus)
{
    if (errorType == QLatin1String("timeout"))
        return Kind::Timeout;
    if (errorType == QLatin1String("not_found"))
        return Kind::NotFound;
    // bad_data, execution, internal, unavailable, not_acceptable and canceled are the server's
    // verdict on the request. canceled is not Kind::Cancelled: that kind means "the caller gave
    // up" and is silently dropped, while a server-side cancel (shutdown, limits) must be shown.
    if (httpStatus == 401 || httpStatus == 403)
        return Net::ReplyError::kindForStatus(httpStatus);
    return Kind::Http;
}

Core::Error PromParsers::errorFrom(const Envelope &envelope, int httpStatus, const QString &where)
{
    Core::Error error;
    error.kind = kindForErrorType(envelope.errorType, httpStatus);
    error.where = where;
    error.httpStatus = httpStatus;
    error.reason = envelope.errorType;
    error.message = envelope.error.isEmpty()
        ? QStringLiteral("Prometheus reported an error of type \"%1\" without a message").arg(envelope.errorType)
        : envelope.error;
    return error;
}

std::optional<double> PromParsers::parseValue(QByteArrayView text)
{
    if (text == "NaN")
        return std::numeric_limits<double>::quiet_NaN();
    if (text == "+Inf" || text == "Inf")
        return std::numeric_limits<double>::infinity();
    if (text == "-Inf")
        return -std::numeric_limits<double>::infinity();
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok)
        return std::nullopt;
    return value;
}

namespace {

// One small value of a larger text (a result type, a scalar's pair), parsed on its own.
QJsonValue pieceOf(QByteArrayView text, std::optional<Core::JsonScan::Span> span)
{
    if (!span)
        return {};
    const QByteArray wrapped = '[' + text.sliced(span->begin, span->end - span->begin).toByteArray() + ']';
    return QJsonDocument::fromJson(wrapped).array().at(0);
}

std::optional<Core::JsonScan::Span> memberOf(const QList<Core::JsonScan::Member> &members, QByteArrayView key)
{
    for (const Core::JsonScan::Member &member : members) {
        if (member.key == key)
            return member.value;
    }
    return std::nullopt;
}

// The value of a sample: a JSON string, read in place unless it holds an escape.
std::optional<double> valueAt(QByteArrayView text, Core::JsonScan::Span span)
{
    if (span.end - span.begin < 2 || text[span.begin] != '"' || text[span.end - 1] != '"')
        return std::nullopt;
    const QByteArrayView inside = text.sliced(span.begin + 1, span.end - span.begin - 2);
    if (!inside.contains('\\'))
        return PromParsers::parseValue(inside);
    const std::optional<QString> decoded = Core::JsonScan::decoded(inside);
    return decoded ? PromParsers::parseValue(decoded->toUtf8()) : std::nullopt;
}

// [time, "value"]
std::optional<Sample> sampleAt(QByteArrayView text, Core::JsonScan::Span pair)
{
    std::optional<double> time;
    std::optional<double> value;
    int count = 0;
    const bool whole = Core::JsonScan::forEachElement(text, pair, [&](Core::JsonScan::Span element) {
        if (count == 0)
            time = Core::JsonScan::number(text, element);
        else
            value = valueAt(text, element);
        return ++count <= 2;
    });
    if (!whole || count != 2 || !time || !value)
        return std::nullopt;
    return Sample { *time, *value };
}

// `texts` holds the label names and values met so far in the answer (see labelsFrom()).
std::optional<Labels> labelsAt(QByteArrayView text, Core::JsonScan::Span object, Core::TextPool &texts)
{
    Labels labels;
    const bool whole = Core::JsonScan::forEachMember(text, object, [&](QByteArrayView key, Core::JsonScan::Span value) {
        const std::optional<QString> name = Core::JsonScan::decoded(key);
        const std::optional<QString> labelValue = Core::JsonScan::string(text, value);
        if (!name || !labelValue)
            return false;
        labels.insert(texts.shared(*name), texts.shared(*labelValue));
        return true;
    });
    return whole ? std::optional<Labels>(std::move(labels)) : std::nullopt;
}

// One series of a vector or matrix answer, read from the text in place: a document per series
// would leave its freed blocks between the labels and samples kept from it. An error's message
// starts with the field at fault, after the series' own place.
Core::Result<Series> seriesAt(QByteArrayView text, Core::JsonScan::Span span, bool matrix, Core::TextPool &texts)
{
    Series series;
    bool hasLabels = false;
    QString fault;
    const bool whole = Core::JsonScan::forEachMember(text, span, [&](QByteArrayView key, Core::JsonScan::Span value) {
        if (key == "metric") {
            std::optional<Labels> labels = labelsAt(text, value, texts);
            hasLabels = labels.has_value();
            series.labels = std::move(labels).value_or(Labels());
        } else if (matrix && key == "values") {
            qsizetype count = 0;
            Core::JsonScan::forEachElement(text, value, [&](Core::JsonScan::Span) {
                ++count;
                return true;
            });
            series.samples.reserve(count);
            const bool allSamples = Core::JsonScan::forEachElement(text, value, [&](Core::JsonScan::Span pair) {
                const std::optional<Sample> sample = sampleAt(text, pair);
                if (!sample)
                    fault = QStringLiteral(".values[%1] is not [time, \"number\"]").arg(series.samples.size());
                else
                    series.samples << *sample;
                return sample.has_value();
            });
            if (!allSamples && fault.isEmpty())
                fault = QStringLiteral(".values is not an array");
        } else if (!matrix && key == "value") {
            const std::optional<Sample> sample = sampleAt(text, value);
            if (!sample)
                fault = QStringLiteral(".value is not [time, \"number\"]");
            else
                series.samples = { *sample };
        }
        // Native histograms ("histogram"/"histograms") carry no float samples: such a series
        // stays, with its labels and no samples, rather than failing the whole answer.
        return fault.isEmpty();
    });
    if (whole && hasLabels)
        return series;
    // Text that is not JSON is named as such, whichever field it broke.
    QJsonParseError jsonError;
    (void)QJsonDocument::fromJson(QByteArray::fromRawData(text.data() + span.begin, span.end - span.begin), &jsonError);
    if (jsonError.error != QJsonParseError::NoError)
        return parseError(QStringLiteral(" is not valid JSON: %1").arg(jsonError.errorString()), {});
    return parseError(fault.isEmpty() ? QStringLiteral(".metric is not an object of strings") : fault, {});
}

// The "data" member of the answer's top-level object, when the text is one.
std::optional<Core::JsonScan::Span> dataSpan(QByteArrayView body)
{
    const std::optional<Core::JsonScan::Span> top = Core::JsonScan::value(body);
    if (!top)
        return std::nullopt;
    const auto members = Core::JsonScan::members(body, *top);
    return members ? memberOf(*members, "data") : std::nullopt;
}

// The data.resultType of an answer, when it has one.
QString resultTypeIn(QByteArrayView text)
{
    const std::optional<Core::JsonScan::Span> data = dataSpan(text);
    const auto members = data ? Core::JsonScan::members(text, *data) : std::nullopt;
    return members ? pieceOf(text, memberOf(*members, "resultType")).toString() : QString();
}

} // namespace

Core::Result<QueryResult> PromParsers::queryData(QByteArrayView text, std::optional<Core::JsonScan::Span> data,
                                                 const QString &where, const SeriesVisitor &visit)
{
    const auto members = data ? Core::JsonScan::members(text, *data) : std::nullopt;
    const QList<Core::JsonScan::Member> fields = members.value_or(QList<Core::JsonScan::Member>());
    const QString type = pieceOf(text, memberOf(fields, "resultType")).toString();
    const std::optional<Core::JsonScan::Span> resultSpan = memberOf(fields, "result");
    QueryResult query;
    if (type == QLatin1String("scalar") || type == QLatin1String("string")) {
        const QJsonArray pair = pieceOf(text, resultSpan).toArray();
        if (pair.size() != 2 || !pair.at(0).isDouble() || !pair.at(1).isString())
            return parseError(QStringLiteral("data.result of a %1 is not [time, \"value\"]").arg(type), where);
        query.scalar.timestamp = pair.at(0).toDouble();
        if (type == QLatin1String("string")) {
            query.type = ResultType::String;
            query.text = pair.at(1).toString();
            return query;
        }
        query.type = ResultType::Scalar;
        const std::optional<double> value = parseValue(pair.at(1).toString().toUtf8());
        if (!value)
            return parseError(QStringLiteral("data.result: \"%1\" is not a number").arg(pair.at(1).toString()), where);
        query.scalar.value = *value;
        return query;
    }
    const bool matrix = type == QLatin1String("matrix");
    if (!matrix && type != QLatin1String("vector"))
        return parseError(QStringLiteral("data.resultType \"%1\" is not vector, matrix, scalar or string").arg(type),
                          where);
    const auto items = resultSpan ? Core::JsonScan::elements(text, *resultSpan) : std::nullopt;
    if (!items)
        return parseError(QStringLiteral("data.result of a %1 is not an array").arg(type), where);
    query.type = matrix ? ResultType::Matrix : ResultType::Vector;
    if (!visit)
        query.series.reserve(items->size());
    Core::TextPool texts;
    for (qsizetype i = 0; i < items->size(); ++i) {
        Core::Result<Series> series = seriesAt(text, items->at(i), matrix, texts);
        if (!series)
            return parseError(QStringLiteral("data.result[%1]").arg(i) + series.error().message, where);
        if (visit)
            visit(std::move(series).value());
        else
            query.series << std::move(series).value();
    }
    return query;
}

Core::Result<PromResponse> PromParsers::parseQuery(const QByteArray &body, int httpStatus, const QString &where,
                                                   const SeriesVisitor &visit)
{
    // The envelope is read with its data left out (null); the data one series at a time.
    const std::optional<Core::JsonScan::Span> data = dataSpan(body);
    const QByteArray envelopeText = data ? body.left(data->begin) + QByteArrayView("null") + body.mid(data->end) : body;
    const Core::Result<Envelope> envelope = successEnvelope(envelopeText, httpStatus, where);
    if (!envelope)
        return envelope.error();
    Core::Result<QueryResult> result = queryData(body, data, where, visit);
    if (!result)
        return result.error();
    PromResponse response = responseFor(*envelope);
    response.query = std::move(result).value();
    return response;
}

Core::Result<PromResponse> PromParsers::parseQueryPieces(const Decoder &decode, int httpStatus, const QString &where,
                                                         const SeriesVisitor &visit)
{
    bool matrix = false;
    Core::TextPool texts;
    QList<Series> read; // the series cut out while decoding, when no visitor takes them
    qsizetype index = 0;
    std::optional<Core::Error> fault;
    Core::JsonArrayStream stream(
        { QByteArrayLiteral("data"), QByteArrayLiteral("result") },
        [&matrix](QByteArrayView before) {
            const QString type = resultTypeIn(before);
            matrix = type == QLatin1String("matrix");
            return matrix || type == QLatin1String("vector");
        },
        [&](QByteArrayView element) {
            Core::Result<Series> series = seriesAt(element, { 0, element.size() }, matrix, texts);
            if (!series) {
                fault = parseError(QStringLiteral("data.result[%1]").arg(index) + series.error().message, where);
                return false;
            }
            ++index;
            if (visit)
                visit(std::move(series).value());
            else
                read << std::move(series).value();
            return true;
        });
    const Core::Result<qint64> decoded = decode([&stream](QByteArrayView piece) { return stream.feed(piece); });
    if (fault)
        return *fault;
    if (!decoded)
        return decoded.error();
    if (stream.broken()) {
        // The text up to the stray bracket names what the body is, if it is no JSON at all.
        const Core::Result<Envelope> envelope = parseEnvelope(stream.skeleton(), httpStatus, where);
        if (!envelope)
            return envelope.error();
        return parseError(QStringLiteral("the answer is not valid JSON: the bracket at byte %1 closes nothing")
                              .arg(stream.brokenAt()),
                          where, httpStatus);
    }
    Core::Result<PromResponse> response = parseQuery(stream.skeleton(), httpStatus, where, visit);
    if (response && !read.isEmpty())
        response->query.series = std::move(read);
    return response;
}

Core::Result<PromResponse> PromParsers::parseSeries(const QByteArray &body, int httpStatus, const QString &where)
{
    const Core::Result<Envelope> envelope = successEnvelope(body, httpStatus, where);
    if (!envelope)
        return envelope.error();
    if (!envelope->data.isArray())
        return parseError(QStringLiteral("data is not an array of label sets"), where);
    PromResponse response = responseFor(*envelope);
    const QJsonArray items = envelope->data.toArray();
    response.series.reserve(items.size());
    Core::TextPool texts;
    for (qsizetype i = 0; i < items.size(); ++i) {
        std::optional<Labels> labels = labelsFrom(items.at(i), texts);
        if (!labels)
            return parseError(QStringLiteral("data[%1] is not an object of strings").arg(i), where);
        response.series << std::move(*labels);
    }
    return response;
}

Core::Result<PromResponse> PromParsers::parseNames(const QByteArray &body, int httpStatus, const QString &where)
{
    const Core::Result<Envelope> envelope = successEnvelope(body, httpStatus, where);
    if (!envelope)
        return envelope.error();
    // Prometheus sends null rather than [] when nothing matches.
    if (!envelope->data.isArray() && !envelope->data.isNull())
        return parseError(QStringLiteral("data is not an array of strings"), where);
    PromResponse response = responseFor(*envelope);
    const QJsonArray items = envelope->data.toArray();
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (!items.at(i).isString())
            return parseError(QStringLiteral("data[%1] is not a string").arg(i), where);
        response.names << items.at(i).toString();
    }
    return response;
}

Core::Result<PromResponse> PromParsers::parseBuildInfo(const QByteArray &body, int httpStatus, const QString &where)
{
    const Core::Result<Envelope> envelope = successEnvelope(body, httpStatus, where);
    if (!envelope)
        return envelope.error();
    const QJsonObject data = envelope->data.toObject();
    if (!data.value(QLatin1String("version")).isString())
        return parseError(QStringLiteral("data.version is missing"), where);
    PromResponse response = responseFor(*envelope);
    BuildInfo &info = response.buildInfo;
    info.version = data.value(QLatin1String("version")).toString();
    info.revision = data.value(QLatin1String("revision")).toString();
    info.branch = data.value(QLatin1String("branch")).toString();
    info.buildUser = data.value(QLatin1String("buildUser")).toString();
    info.buildDate = data.value(QLatin1String("buildDate")).toString();
    info.goVersion = data.value(QLatin1String("goVersion")).toString();
    return response;
}

} // namespace Specula::Prom
