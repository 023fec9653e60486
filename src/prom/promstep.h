// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <chrono>

namespace Specula::Prom {

// The query_range step for a plot `plotWidthPixels` wide: the largest round step (15s, 30s, 1m,
// 2m, 5m, 10m, 15m, 30m, 1h, 2h, 3h, 6h, 12h, 1d, 2d, 7d) that still gives at least one point
// per 2 px, never below 15s (a common scrape interval: finer steps repeat the same samples) and
// never so fine that a series passes Prometheus' 11,000-point limit.
std::chrono::seconds stepFor(const QDateTime &start, const QDateTime &end, int plotWidthPixels);

} // namespace Specula::Prom
