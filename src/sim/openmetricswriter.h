// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"
#include "sim/metricset.h"

#include <QIODevice>
#include <QRegularExpression>
#include <QString>
#include <optional>

namespace Specula::Sim {

// Writes the history of a MetricSet in OpenMetrics text, the input of
// `promtool tsdb create-blocks-from openmetrics`: every series with the labels Prometheus stores
// (job and instance included), so a Prometheus backfilled from it holds what the simulator's own
// API serves. Families keep their exporters' types; promtool 2.42 keeps counter names as they are,
// with or without _total. Output goes out series by series in small chunks, so the large
// scenario never needs the whole file in memory.
class OpenMetricsWriter
{
public:
    // families: only the families whose whole name matches (empty pattern: all).
    explicit OpenMetricsWriter(MetricSet metrics, const QString &families = QString());

    // Whether the family pattern is a valid regular expression (its error otherwise).
    QString patternError() const;

    // Samples at the multiples of step within [from, to] (aligned to the epoch like scrapes), oldest
    // first per series. Returns the number of samples written.
    Core::Result<qint64> write(QIODevice *out, qint64 from, qint64 to, qint64 step) const;
    // The same into a file, replaced only when everything was written.
    Core::Result<qint64> writeFile(const QString &path, qint64 from, qint64 to, qint64 step) const;

    // Integers as integers, everything else with 6 decimals, as dcgm-exporter prints them.
    static QByteArray formatValue(double value);
    // The shortest text that reads back as the same double ("NaN", "+Inf" and "-Inf" included).
    static QByteArray formatExact(double value);

private:
    MetricSet m_metrics;
    QRegularExpression m_families;
};

} // namespace Specula::Sim
