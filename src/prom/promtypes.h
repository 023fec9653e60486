// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonValue>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <functional>

namespace Specula::Prom {

// One point. Prometheus sends values as strings so that NaN and ±Inf survive JSON; they arrive
// here as the matching doubles.
struct Sample
{
    double timestamp = 0; // Unix seconds, with milliseconds as the fraction
    double value = 0;
};

// Ordered, so that equal label sets compare and print the same way whatever the server's order.
using Labels = QMap<QString, QString>;

struct Series
{
    Labels labels; // includes __name__ unless a function dropped it
    QList<Sample> samples; // instant vector: exactly one; matrix: ascending time
};

// Takes each series of a query's answer as it is read. An answer of tens of thousands of series
// is held whole only by a caller that keeps every one; a caller that reduces them one by one
// needs none of them at once.
using SeriesVisitor = std::function<void(Series &&series)>;

enum class ResultType { Vector, Matrix, Scalar, String };

// The data of /api/v1/query and /api/v1/query_range.
struct QueryResult
{
    ResultType type = ResultType::Vector;
    QList<Series> series; // vector and matrix
    Sample scalar; // scalar results; for string results the timestamp
    QString text; // string results
};

// /api/v1/status/buildinfo.
struct BuildInfo
{
    QString version;
    QString revision;
    QString branch;
    QString buildUser;
    QString buildDate;
    QString goVersion;
};

// The common envelope of every answer, as sent; `data` is kept even for errors, which may carry it.
struct Envelope
{
    QString status; // "success" or "error"
    QJsonValue data;
    QString errorType;
    QString error;
    QStringList warnings;
    QStringList infos;
};

// What a finished PromClient job hands out: the part that matches the request, plus what the
// server said alongside (warnings such as "PromQL info: metric might not be a counter").
struct PromResponse
{
    QueryResult query; // query, queryRange
    QList<Labels> series; // series
    QStringList names; // labels, labelValues
    BuildInfo buildInfo; // buildInfo
    QStringList warnings;
    QStringList infos;
};

} // namespace Specula::Prom

Q_DECLARE_METATYPE(Specula::Prom::PromResponse)
