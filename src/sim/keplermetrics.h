// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sim/metricset.h"

namespace Specula::Sim {

// Kepler's energy families in the generation the scenario chooses (NOTES.md §5): the ≤ 0.9 counters
// by mode, the 0.10+ families by zone with watts as gauges, and from 0.11.4 on the GPU families.
// Power is a sum of closed-form waves, so every joules counter is the exact integral of its watts.
class KeplerMetrics
{
public:
    static void addFamilies(MetricSet &set, const MetricContext &context);

    // Counters count from here (Kepler's start on every node).
    static constexpr double kStartTime = 1700000000.0;
    // The CPU zones a node's RAPL shows; psys is missing on these servers, as on most.
    static QStringList zones();
};

} // namespace Specula::Sim
