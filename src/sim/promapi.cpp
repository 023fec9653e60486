// SPDX-License-Identifier: GPL-3.0-or-later
#include "sim/promapi.h"

#include "sim/httpserver.h"
#include "sim/promqlparser.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QSet>
#include <charconv>
#include <cmath>

namespace Specula::Sim {

namespace {

void appendJsonString(QByteArray &out, const QString &text)
{
    out += '"';
    const QByteArray utf8 = text.toUtf8();
    for (const char c : utf8) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char escaped[8];
                std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned char>(c));
                out += escaped;
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

void appendLabels(QByteArray &out, const Prom::Labels &labels)
{
    out += '{';
    bool first = true;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it) {
        if (!std::exchange(first, false))
            out += ',';
        appendJsonString(out, it.key());
        out += ':';
        appendJsonString(out, it.value());
    }
    out += '}';
}

void appendSample(QByteArray &out, const Prom::Sample &sample)
{
    out += '[' + PromApi::formatTimestamp(std::llround(sample.timestamp * 1000)) + ",\""
        + PromApi::formatValue(sample.value) + "\"]";
}

PromApi::Response failure(const QString &type, const QString &message)
{
    static const QHash<QString, int> statuses { { u"bad_data"_qs, 400 }, { u"execution"_qs, 422 },
                                                { u"internal"_qs, 500 }, { u"not_found"_qs, 404 },
                                                { u"timeout"_qs, 503 },  { u"canceled"_qs, 503 } };
    PromApi::Response response;
    response.status = statuses.value(type, 422);
    response.body = "{\"status\":\"error\",\"errorType\":";
    appendJsonString(response.body, type);
    response.body += ",\"error\":";
    appendJsonString(response.body, message);
    response.body += '}';
    return response;
}

PromApi::Response invalidParameter(const QString &name, const QString &message)
{
    return failure(u"bad_data"_qs, u"invalid parameter \"%1\": %2"_qs.arg(name, message));
}

PromApi::Response success(const QByteArray &data)
{
    PromApi::Response response;
    response.body = "{\"status\":\"success\",\"data\":" + data + '}';
    return response;
}

PromApi::Response fromError(const Core::Error &error)
{
    return failure(error.reason.isEmpty() ? u"execution"_qs : error.reason, error.message);
}

// Go's url.ParseQuery: '&'-separated, '+' is a space, then percent-decoding.
void parseForm(const QByteArray &raw, QHash<QString, QStringList> &form)
{
    for (const QByteArray &pair : raw.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        QByteArray name = eq < 0 ? pair : pair.left(eq);
        QByteArray value = eq < 0 ? QByteArray() : pair.mid(eq + 1);
        name.replace('+', ' ');
        value.replace('+', ' ');
        form[QString::fromUtf8(QByteArray::fromPercentEncoding(name))].append(
            QString::fromUtf8(QByteArray::fromPercentEncoding(value)));
    }
}

QString first(const QHash<QString, QStringList> &form, const QString &name)
{
    return form.value(name).value(0);
}

QByteArray resultJson(const Prom::QueryResult &result)
{
    QByteArray out;
    switch (result.type) {
    case Prom::ResultType::Scalar:
        out = "{\"resultType\":\"scalar\",\"result\":";
        appendSample(out, result.scalar);
        return out + '}';
    case Prom::ResultType::String:
        out = "{\"resultType\":\"string\",\"result\":["
            + PromApi::formatTimestamp(std::llround(result.scalar.timestamp * 1000)) + ',';
        appendJsonString(out, result.text);
        return out + "]}";
    case Prom::ResultType::Vector:
    case Prom::ResultType::Matrix:
        break;
    }
    const bool vector = result.type == Prom::ResultType::Vector;
    out = vector ? "{\"resultType\":\"vector\",\"result\":[" : "{\"resultType\":\"matrix\",\"result\":[";
    bool firstSeries = true;
    for (const Prom::Series &series : result.series) {
        if (!std::exchange(firstSeries, false))
            out += ',';
        out += "{\"metric\":";
        appendLabels(out, series.labels);
        if (vector) {
            out += ",\"value\":";
            appendSample(out, series.samples.value(0));
        } else {
            out += ",\"values\":[";
            for (qsizetype i = 0; i < series.samples.size(); ++i) {
                if (i > 0)
                    out += ',';
                appendSample(out, series.samples[i]);
            }
            out += ']';
        }
        out += '}';
    }
    return out + "]}";
}

} // namespace

PromApi::PromApi(PromqlStorage storage, std::function<qint64()> now)
    : m_evaluator(storage)
    , m_storage(std::move(storage))
    , m_now(now ? std::move(now) : [] { return QDateTime::currentMSecsSinceEpoch(); })
{ }

QByteArray PromApi::formatValue(double value)
{
    if (std::isnan(value))
        return "NaN";
    if (std::isinf(value))
        return value > 0 ? "+Inf" : "-Inf";
    char buffer[400];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed);
    return QByteArray(buffer, result.ptr - buffer);
}

QByteArray PromApi::formatTimestamp(qint64 ms)
{
    QByteArray out;
    if (ms < 0) {
        out += '-';
        ms = -ms;
    }
    out += QByteArray::number(ms / 1000);
    if (const qint64 fraction = ms % 1000; fraction != 0)
        out += '.' + QByteArray::number(fraction).rightJustified(3, '0');
    return out;
}

std::optional<qint64> PromApi::parseTime(const QString &text)
{
    bool ok = false;
    const double seconds = text.toDouble(&ok);
    if (ok && std::isfinite(seconds)) {
        double whole = 0;
        const double fraction = std::modf(seconds, &whole);
        return qint64(whole) * 1000 + qint64(std::round(fraction * 1000));
    }
    static const QRegularExpression rfc3339(
        u"^(\\d{4}-\\d\\d-\\d\\d)[Tt](\\d\\d:\\d\\d:\\d\\d)(?:\\.(\\d{1,9}))?([Zz]|[+-]\\d\\d:\\d\\d)$"_qs);
    const QRegularExpressionMatch match = rfc3339.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    const QString zone = match.captured(4).toUpper();
    const QDateTime time = QDateTime::fromString(match.captured(1) + u'T' + match.captured(2) + zone, Qt::ISODate);
    if (!time.isValid())
        return std::nullopt;
    const qint64 ms = match.captured(3).leftJustified(3, u'0').left(3).toLongLong();
    return time.toMSecsSinceEpoch() + ms;
}

std::optional<qint64> PromApi::parseStep(const QString &text)
{
    bool ok = false;
    const double seconds = text.toDouble(&ok);
    if (ok) {
        if (!std::isfinite(seconds) || std::abs(seconds) > 9.2e9)
            return std::nullopt;
        return qint64(seconds * 1000); // Go truncates the nanoseconds to milliseconds
    }
    return PromqlParser::parseDuration(text);
}

PromApi::Response PromApi::answer(const QString &path, const HttpRequest &request) const
{
    if (request.method != "GET" && request.method != "POST") {
        Response response { 405, "Method Not Allowed", "text/plain; charset=utf-8" };
        return response;
    }
    Form form;
    parseForm(request.query.query(QUrl::FullyEncoded).toUtf8(), form);
    if (request.method == "POST" && request.header("content-type").startsWith("application/x-www-form-urlencoded")) {
        // Go's r.FormValue: body values come before those of the URL.
        Form body;
        parseForm(request.body, body);
        for (auto it = body.begin(); it != body.end(); ++it)
            form[it.key()] = it.value() + form.value(it.key());
    }
    if (path == u"/api/v1/query")
        return query(form);
    if (path == u"/api/v1/query_range")
        return queryRange(form);
    if (path == u"/api/v1/series")
        return series(form);
    if (path == u"/api/v1/labels")
        return labels(form, {});
    static const QRegularExpression labelValues(u"^/api/v1/label/([^/]+)/values$"_qs);
    if (const QRegularExpressionMatch match = labelValues.match(path); match.hasMatch())
        return labels(form, match.captured(1));
    if (path == u"/api/v1/status/buildinfo")
        return buildInfo();
    return Response { 404, "404 page not found\n", "text/plain; charset=utf-8" };
}

PromApi::Response PromApi::query(const Form &form) const
{
    qint64 time = m_now();
    if (const QString text = first(form, u"time"_qs); !text.isEmpty()) {
        const std::optional<qint64> parsed = parseTime(text);
        if (!parsed)
            return invalidParameter(u"time"_qs, u"cannot parse \"%1\" to a valid timestamp"_qs.arg(text));
        time = *parsed;
    }
    const QString text = first(form, u"query"_qs);
    const PromqlParser::Result parsed = PromqlParser::parse(text);
    if (parsed.error)
        return invalidParameter(u"query"_qs, parsed.error->toString(text));
    const Core::Result<Prom::QueryResult> result = m_evaluator.instant(*parsed.root, time);
    if (!result)
        return fromError(result.error());
    return success(resultJson(*result));
}

PromApi::Response PromApi::queryRange(const Form &form) const
{
    const QString startText = first(form, u"start"_qs);
    const std::optional<qint64> start = parseTime(startText);
    if (!start)
        return invalidParameter(u"start"_qs, u"cannot parse \"%1\" to a valid timestamp"_qs.arg(startText));
    const QString endText = first(form, u"end"_qs);
    const std::optional<qint64> end = parseTime(endText);
    if (!end)
        return invalidParameter(u"end"_qs, u"cannot parse \"%1\" to a valid timestamp"_qs.arg(endText));
    if (*end < *start)
        return invalidParameter(u"end"_qs, u"end timestamp must not be before start time"_qs);
    const QString stepText = first(form, u"step"_qs);
    const std::optional<qint64> step = parseStep(stepText);
    if (!step)
        return invalidParameter(u"step"_qs, u"cannot parse \"%1\" to a valid duration"_qs.arg(stepText));
    if (*step <= 0) {
        return invalidParameter(
            u"step"_qs, u"zero or negative query resolution step widths are not accepted. Try a positive integer"_qs);
    }
    if ((*end - *start) / *step > 11000) {
        return failure(u"bad_data"_qs,
                       u"exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query "
                       "resolution (?step=XX)"_qs);
    }
    const QString text = first(form, u"query"_qs);
    const PromqlParser::Result parsed = PromqlParser::parse(text);
    if (parsed.error)
        return invalidParameter(u"query"_qs, parsed.error->toString(text));
    if (parsed.root->type != PromqlType::Scalar && parsed.root->type != PromqlType::Vector) {
        return invalidParameter(
            u"query"_qs,
            u"invalid expression type \"%1\" for range query, must be Scalar or instant Vector"_qs.arg(
                parsed.root->type == PromqlType::Matrix ? u"range vector"_qs : u"string"_qs));
    }
    const Core::Result<Prom::QueryResult> result = m_evaluator.range(*parsed.root, *start, *end, *step);
    if (!result)
        return fromError(result.error());
    return success(resultJson(*result));
}

PromApi::Response PromApi::series(const Form &form) const
{
    const QStringList matchers = form.value(u"match[]"_qs);
    if (matchers.isEmpty())
        return failure(u"bad_data"_qs, u"no match[] parameter provided"_qs);
    for (const QString &name : { u"start"_qs, u"end"_qs }) {
        if (const QString text = first(form, name); !text.isEmpty() && !parseTime(text))
            return invalidParameter(name, u"cannot parse \"%1\" to a valid timestamp"_qs.arg(text));
    }
    QList<Prom::Labels> all;
    QSet<QString> seen;
    const auto selected = matched(matchers);
    if (const auto *error = std::get_if<Response>(&selected))
        return *error;
    for (const QList<Prom::Labels> &found : std::get<QList<QList<Prom::Labels>>>(selected)) {
        for (const Prom::Labels &labels : found) {
            QString key;
            for (auto it = labels.cbegin(); it != labels.cend(); ++it)
                key += it.key() + QChar(1) + it.value() + QChar(2);
            if (!seen.contains(key)) {
                seen.insert(key);
                all.append(labels);
            }
        }
    }
    std::sort(all.begin(), all.end(), PromqlEvaluator::labelsLess);
    QByteArray data = "[";
    for (qsizetype i = 0; i < all.size(); ++i) {
        if (i > 0)
            data += ',';
        appendLabels(data, all[i]);
    }
    return success(data + ']');
}

PromApi::Response PromApi::labels(const Form &form, const QString &valuesOf) const
{
    static const QRegularExpression labelName(u"^[a-zA-Z_][a-zA-Z0-9_]*$"_qs);
    if (!valuesOf.isNull() && !labelName.match(valuesOf).hasMatch())
        return failure(u"bad_data"_qs, u"invalid label name: \"%1\""_qs.arg(valuesOf));
    const QStringList matchers = form.value(u"match[]"_qs);
    QStringList sorted;
    if (matchers.isEmpty()) {
        // Every series: one pass, kept, since the series never change.
        if (!m_allLabels) {
            QHash<QString, QSet<QString>> values;
            for (const SimFamily &family : m_storage.families()) {
                for (const SimSeries &series : family.series) {
                    for (auto it = series.labels.cbegin(); it != series.labels.cend(); ++it)
                        values[it.key()].insert(it.value());
                }
            }
            m_allLabels.emplace();
            for (auto it = values.cbegin(); it != values.cend(); ++it) {
                QStringList list(it.value().cbegin(), it.value().cend());
                list.removeAll(QString());
                std::sort(list.begin(), list.end());
                m_allLabels->insert(it.key(), list);
            }
        }
        if (valuesOf.isNull()) {
            sorted = m_allLabels->keys();
            std::sort(sorted.begin(), sorted.end());
        } else {
            sorted = m_allLabels->value(valuesOf);
        }
    } else {
        QSet<QString> names;
        const auto selected = matched(matchers);
        if (const auto *error = std::get_if<Response>(&selected))
            return *error;
        for (const QList<Prom::Labels> &found : std::get<QList<QList<Prom::Labels>>>(selected)) {
            for (const Prom::Labels &labels : found) {
                for (auto it = labels.cbegin(); it != labels.cend(); ++it) {
                    if (valuesOf.isNull())
                        names.insert(it.key());
                    else if (it.key() == valuesOf)
                        names.insert(it.value());
                }
            }
        }
        names.remove(QString());
        sorted = QStringList(names.cbegin(), names.cend());
        std::sort(sorted.begin(), sorted.end());
    }
    QByteArray data = "[";
    for (qsizetype i = 0; i < sorted.size(); ++i) {
        if (i > 0)
            data += ',';
        appendJsonString(data, sorted[i]);
    }
    return success(data + ']');
}

std::variant<QList<QList<Prom::Labels>>, PromApi::Response> PromApi::matched(const QStringList &matchers) const
{
    QList<QList<Prom::Labels>> all;
    for (const QString &matcher : matchers) {
        const PromqlParser::Result parsed = PromqlParser::parse(matcher);
        if (parsed.error)
            return invalidParameter(u"match[]"_qs, parsed.error->toString(matcher));
        if (parsed.root->kind != PromqlNode::Kind::Selector) {
            return invalidParameter(u"match[]"_qs,
                                    u"1:1: parse error: unexpected expression, expected a series selector"_qs);
        }
        Core::Result<QList<Prom::Labels>> found = m_evaluator.series(*parsed.root);
        if (!found)
            return fromError(found.error());
        all.append(std::move(found).value());
    }
    return all;
}

PromApi::Response PromApi::buildInfo() const
{
    return success(QByteArray("{\"version\":\"") + version
                   + "\",\"revision\":\"specula-sim\",\"branch\":\"HEAD\",\"buildUser\":\"specula\","
                     "\"buildDate\":\"20230201-00:00:00\",\"goVersion\":\"go1.19.5\"}");
}

} // namespace Specula::Sim
