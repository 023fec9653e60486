// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sim/promqlevaluator.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>
#include <functional>
#include <optional>
#include <variant>

namespace Specula::Sim {

struct HttpRequest;

// The Prometheus HTTP API of the simulated cluster, answered from its MetricSet: /api/v1/query,
// query_range, series, labels, label/NAME/values and status/buildinfo, GET or form POST, in
// Prometheus 2.42's JSON shapes and error answers (bad_data → 400, execution → 422).
class PromApi
{
public:
    struct Response
    {
        int status = 200;
        QByteArray body;
        QByteArray contentType = "application/json";
    };

    // now: the wall clock in ms since the epoch, replaceable for tests.
    explicit PromApi(PromqlStorage storage, std::function<qint64()> now = {});

    // path: "/api/v1/query" etc., the part after the proxy or /prometheus prefix.
    Response answer(const QString &path, const HttpRequest &request) const;

    // Go's strconv.FormatFloat(v, 'f', -1, 64), with Prometheus' NaN, +Inf, -Inf.
    static QByteArray formatValue(double value);
    // Prometheus' JSON timestamp: seconds, then "." and three digits when there are milliseconds.
    static QByteArray formatTimestamp(qint64 ms);
    // Unix seconds with fractions or RFC 3339, as the API accepts them; ms since the epoch.
    static std::optional<qint64> parseTime(const QString &text);
    // Seconds with fractions or a Prometheus duration ("15s", "1m"); ms.
    static std::optional<qint64> parseStep(const QString &text);
    static constexpr const char *version = "2.42.0-specula-sim";

private:
    using Form = QHash<QString, QStringList>;
    Response query(const Form &form) const;
    Response queryRange(const Form &form) const;
    Response series(const Form &form) const;
    Response labels(const Form &form, const QString &valuesOf) const;
    Response buildInfo() const;
    // The label sets of the series each match[] selector selects, in selector order, or the
    // error answer for the first selector that is not one.
    std::variant<QList<QList<Prom::Labels>>, Response> matched(const QStringList &matchers) const;

    PromqlEvaluator m_evaluator;
    PromqlStorage m_storage;
    std::function<qint64()> m_now;
    mutable std::optional<QHash<QString, QStringList>> m_allLabels; // label name → sorted values
};

} // namespace Specula::Sim
