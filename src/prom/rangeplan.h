// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "prom/seriesstore.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Specula::Prom {

// One query_range request of a plan: expression `exprIndex` over `axis`, a slice of the whole
// axis. Chunks of one expression meet without overlap or gap: chunk k + 1 starts one step after
// chunk k's last point, and Prometheus evaluates exactly at start + i·step up to end.
struct RangeChunk
{
    int exprIndex = 0;
    QString expr;
    TimeAxis axis;
    int index = 0; // within the plan
    int count = 0; // chunks in the plan
};

// Splits a range query into requests: every expression (callers may shard one series set across
// several, e.g. one per node group) over the axis, cut into chunks of at most `maxPointsPerSeries`
// steps each, as equal as possible. Pure, so the split is tested without a server.
class RangePlan
{
public:
    // Prometheus refuses more than 11,000 points per series in one query_range.
    static constexpr int serverPointLimit = 11000;
    // Below this a range is not split: another request would cost more than it saves.
    static constexpr int minPointsPerRequest = 60;

    static QList<RangeChunk> plan(const QStringList &exprs, const TimeAxis &axis, int maxPointsPerSeries);
    // Points per request that spread `exprCount` expressions over `pointCount` steps across
    // `parallel` requests at once: Prometheus evaluates each request on one core, so one large
    // answer is slower than several smaller ones side by side (benchmarks/query-range.sh).
    static int spreadPoints(int pointCount, int exprCount, int parallel);
    // "2026-11-23T18:00:00Z – 2026-11-23T19:00:00Z", for messages.
    static QString describe(const TimeAxis &axis);
};

} // namespace Specula::Prom
