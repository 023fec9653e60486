// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/heatmapscale.h"

#include <QColor>
#include <algorithm>
#include <array>
#include <cmath>

namespace Specula::Model {
namespace {

using Prom::Metric;

struct Stop
{
    double at;
    int r, g, b;
};

// Five stops of the viridis map: ordered in lightness, readable by people with colour-vision
// deficiencies and in print.
constexpr std::array<Stop, 5> kStops { { { 0.00, 0x44, 0x01, 0x54 },
                                         { 0.25, 0x3b, 0x52, 0x8b },
                                         { 0.50, 0x21, 0x91, 0x8c },
                                         { 0.75, 0x5e, 0xc9, 0x62 },
                                         { 1.00, 0xfd, 0xe7, 0x25 } } };

// Power has no fixed top: the range ends at the peak, rounded up to a step a legend reads well.
constexpr double kPowerStepWatts = 50;

} // namespace

HeatmapScale::HeatmapScale(double minimum, double maximum, QString unit)
    : m_minimum(minimum)
    , m_maximum(maximum > minimum ? maximum : minimum + 1)
    , m_unit(std::move(unit))
{ }

HeatmapScale HeatmapScale::forMetric(Metric metric, double peak)
{
    switch (metric) {
    case Metric::GpuTemp:
        return { 20, 90, QStringLiteral("°C") };
    case Metric::GpuPower: {
        const double top
            = std::isfinite(peak) && peak > 0 ? std::ceil(peak / kPowerStepWatts) * kPowerStepWatts : kPowerStepWatts;
        return { 0, top, QStringLiteral("W") };
    }
    default: // utilization, memory used of total, tensor activity
        return { 0, 100, QStringLiteral("%") };
    }
}

QList<Metric> HeatmapScale::metrics()
{
    return { Metric::GpuUtil, Metric::GpuMemUsed, Metric::GpuTemp, Metric::GpuPower, Metric::GpuTensorActive };
}

QString HeatmapScale::title(Metric metric)
{
    switch (metric) {
    case Metric::GpuMemUsed:
        return QStringLiteral("Memory used");
    case Metric::GpuTemp:
        return QStringLiteral("Temperature");
    case Metric::GpuPower:
        return QStringLiteral("Power");
    case Metric::GpuTensorActive:
        return QStringLiteral("Tensor activity");
    default:
        return QStringLiteral("Utilization");
    }
}

QString HeatmapScale::shortName(Metric metric)
{
    switch (metric) {
    case Metric::GpuMemUsed:
        return QStringLiteral("memory");
    case Metric::GpuTemp:
        return QStringLiteral("temperature");
    case Metric::GpuPower:
        return QStringLiteral("power");
    case Metric::GpuTensorActive:
        return QStringLiteral("tensor");
    default:
        return QStringLiteral("util");
    }
}

std::optional<Metric> HeatmapScale::fromShortName(const QString &name)
{
    for (const Metric metric : metrics()) {
        if (shortName(metric) == name)
            return metric;
    }
    return std::nullopt;
}

uchar HeatmapScale::level(double value) const
{
    if (std::isnan(value))
        return 0;
    const double fraction = std::clamp((value - m_minimum) / (m_maximum - m_minimum), 0.0, 1.0);
    return uchar(1 + std::lround(fraction * (kLevels - 1)));
}

QRgb HeatmapScale::rampColor(double fraction)
{
    const double f = std::clamp(fraction, 0.0, 1.0);
    size_t upper = 1;
    while (upper + 1 < kStops.size() && f > kStops[upper].at)
        ++upper;
    const Stop &a = kStops[upper - 1];
    const Stop &b = kStops[upper];
    const double t = (f - a.at) / (b.at - a.at);
    const auto mix = [t](int from, int to) { return int(std::lround(from + (to - from) * t)); };
    return qRgb(mix(a.r, b.r), mix(a.g, b.g), mix(a.b, b.b));
}

QRgb HeatmapScale::levelColor(uchar level, QRgb noData)
{
    return level == 0 ? noData : rampColor(double(level - 1) / (kLevels - 1));
}

QRgb HeatmapScale::color(double value, QRgb noData) const
{
    return levelColor(level(value), noData);
}

QList<QRgb> HeatmapScale::colorTable(QRgb noData)
{
    QList<QRgb> table(kLevels + 1);
    for (int level = 0; level <= kLevels; ++level)
        table[level] = levelColor(uchar(level), noData);
    return table;
}

QString HeatmapScale::format(double value) const
{
    if (std::isnan(value))
        return QStringLiteral("no data");
    const int decimals = std::fabs(value) < 10 && value != std::trunc(value) ? 2 : 1;
    const QString text = QString::number(value, 'f', value == std::trunc(value) ? 0 : decimals);
    return text + QLatin1Char(' ') + m_unit;
}

} // namespace Specula::Model
