// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "prom/metriccatalogue.h"

#include <QList>
#include <QRgb>
#include <QString>
#include <optional>

namespace Specula::Model {

// How a heatmap turns one metric's values into colours: a fixed range per metric (utilization
// and tensor activity 0–100 %, memory used 0–100 % of the GPU's memory, temperature 20–90 °C,
// power 0 W to the data's peak rounded up), cut into levels that a raster stores as one byte
// per cell. Level 0 is "no data"; values outside the range take the nearest end.
class HeatmapScale
{
public:
    static constexpr int kLevels = 255; // levels 1..255 hold values

    HeatmapScale() = default;
    HeatmapScale(double minimum, double maximum, QString unit);

    // The scale for a heatmap metric; `peak` is the largest value shown (power only).
    static HeatmapScale forMetric(Prom::Metric metric, double peak = 0);
    // The metrics a heatmap can show, in the order the window offers them.
    static QList<Prom::Metric> metrics();
    // "Utilization", "Memory used", "Temperature", "Power", "Tensor activity".
    static QString title(Prom::Metric metric);
    // The --metric names: util, memory, temperature, power, tensor.
    static QString shortName(Prom::Metric metric);
    static std::optional<Prom::Metric> fromShortName(const QString &name);

    double minimum() const { return m_minimum; }
    double maximum() const { return m_maximum; }
    const QString &unit() const { return m_unit; }

    // 0 for NaN, else 1..kLevels.
    uchar level(double value) const;
    // The colour of a value as the heatmap paints it (its level's colour); `noData` for NaN.
    QRgb color(double value, QRgb noData) const;
    // The value at the middle of a level (what a legend marks at that colour).
    double valueAt(double fraction) const { return m_minimum + fraction * (m_maximum - m_minimum); }

    // A perceptually ordered ramp from dark blue through teal and green to yellow, fraction 0..1.
    static QRgb rampColor(double fraction);
    static QRgb levelColor(uchar level, QRgb noData);
    // 256 entries for an indexed image: entry 0 is `noData`, entry n the colour of level n.
    static QList<QRgb> colorTable(QRgb noData);

    // Value text with the unit: "87.5 %", "61 °C", "312 W".
    QString format(double value) const;

    friend bool operator==(const HeatmapScale &, const HeatmapScale &) = default;

private:
    double m_minimum = 0;
    double m_maximum = 100;
    QString m_unit = QStringLiteral("%");
};

} // namespace Specula::Model
