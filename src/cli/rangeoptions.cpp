// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/rangeoptions.h"

#include "core/duration.h"
#include "prom/promstep.h"

#include <QCommandLineParser>

namespace Specula::Cli {

// Prometheus refuses a range query of more points per series.
constexpr qint64 kMaxPoints = 11000;

void RangeOptions::addTo(QCommandLineParser &parser)
{
    parser.addOption({ QStringLiteral("range"), QStringLiteral("How far back, e.g. 15m, 6h, 7d. Default: 1h."),
                       QStringLiteral("duration"), QStringLiteral("1h") });
    parser.addOption({ QStringLiteral("step"),
                       QStringLiteral("Seconds between points; default: chosen from the range (at least 15s)."),
                       QStringLiteral("duration") });
}

std::variant<Prom::TimeAxis, QString> RangeOptions::axis(const QCommandLineParser &parser, int plotWidthPixels)
{
    const auto range = Core::parseDurationSeconds(parser.value(QStringLiteral("range")));
    if (!range) {
        return QStringLiteral("--range '%1' is not a duration such as 15m, 6h or 7d")
            .arg(parser.value(QStringLiteral("range")));
    }
    const QDateTime end = QDateTime::currentDateTimeUtc();
    const QDateTime start = end.addSecs(-*range);
    std::chrono::seconds step = Prom::stepFor(start, end, plotWidthPixels);
    if (parser.isSet(QStringLiteral("step"))) {
        const auto given = Core::parseDurationSeconds(parser.value(QStringLiteral("step")));
        if (!given || *given <= 0 || *range / *given > kMaxPoints) {
            return QStringLiteral("--step '%1' is not a duration that gives at most 11,000 points over the range")
                .arg(parser.value(QStringLiteral("step")));
        }
        step = std::chrono::seconds(*given);
    }
    return Prom::TimeAxis::covering(start, end, step);
}

} // namespace Specula::Cli
