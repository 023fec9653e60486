// SPDX-License-Identifier: GPL-3.0-or-later
#include "prom/promstep.h"

#include <array>

namespace Specula::Prom {

std::chrono::seconds stepFor(const QDateTime &start, const QDateTime &end, int plotWidthPixels)
{
    using namespace std::chrono_literals;
    static constexpr std::array<std::chrono::seconds, 16> steps { 15s,    30s,    60s,     120s,   300s,   600s,
                                                                  900s,   1800s,  3600s,   7200s,  10800s, 21600s,
                                                                  43200s, 86400s, 172800s, 604800s };
    constexpr qint64 maxPoints = 11000;
    const qint64 range = (start.isValid() && end.isValid()) ? qMax<qint64>(0, start.secsTo(end)) : 0;
    const qint64 points = qMax(1, plotWidthPixels / 2);
    const double wanted = double(range) / double(points);

    std::chrono::seconds step = steps.front();
    for (const std::chrono::seconds candidate : steps) {
        if (double(candidate.count()) <= wanted)
            step = candidate;
    }
    // Rounding down can only add points; go back up if that breaks the server's limit.
    for (const std::chrono::seconds candidate : steps) {
        if (candidate < step)
            continue;
        step = candidate;
        if (range / step.count() < maxPoints)
            break;
    }
    if (range / step.count() >= maxPoints)
        step = std::chrono::seconds(range / (maxPoints - 1) + 1);
    return step;
}

} // namespace Specula::Prom
