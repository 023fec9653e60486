// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"
#include "sim/gpufleet.h"

#include <QIODevice>
#include <QString>
#include <optional>

namespace Specula::Sim {

// Writes the history of every dcgm family of a fleet in OpenMetrics text, the input of
// `promtool tsdb create-blocks-from openmetrics`. Output goes out series by series in small
// chunks, so the large scenario never needs the whole file in memory.
class OpenMetricsWriter
{
public:
    explicit OpenMetricsWriter(GpuFleet fleet);

    // Samples at to, to - step, … down to from (inclusive when on the grid), oldest first per
    // series. Returns the number of samples written.
    Core::Result<qint64> write(QIODevice *out, qint64 from, qint64 to, qint64 step) const;
    // The same into a file, replaced only when everything was written.
    Core::Result<qint64> writeFile(const QString &path, qint64 from, qint64 to, qint64 step) const;

    // "6h", "30s", "1h30m", "2d", "90" (seconds); nothing for anything else or zero.
    static std::optional<qint64> parseDuration(const QString &text);
    // Integers as integers, everything else with 6 decimals, as dcgm-exporter prints them.
    static QByteArray formatValue(double value);

private:
    GpuFleet m_fleet;
};

} // namespace Specula::Sim
