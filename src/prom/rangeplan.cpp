// SPDX-License-Identifier: GPL-3.0-or-later
#include "prom/rangeplan.h"

namespace Specula::Prom {

QList<RangeChunk> RangePlan::plan(const QStringList &exprs, const TimeAxis &axis, int maxPointsPerSeries)
{
    QList<RangeChunk> chunks;
    if (!axis.isValid() || exprs.isEmpty())
        return chunks;
    const int limit = qBound(1, maxPointsPerSeries, serverPointLimit);
    const int pieces = (axis.count + limit - 1) / limit;
    // Equal pieces (differing by at most one point) rather than full ones and a short tail: the
    // parallel requests then take about the same time.
    const int base = axis.count / pieces;
    const int extra = axis.count % pieces;
    const int total = int(exprs.size()) * pieces;
    chunks.reserve(total);
    for (int e = 0; e < exprs.size(); ++e) {
        int from = 0;
        for (int p = 0; p < pieces; ++p) {
            const int length = base + (p < extra ? 1 : 0);
            chunks.append(RangeChunk { e, exprs.at(e), axis.slice(from, length), int(chunks.size()), total });
            from += length;
        }
    }
    return chunks;
}

int RangePlan::spreadPoints(int pointCount, int exprCount, int parallel)
{
    const int perExpression = qMax(1, parallel / qMax(1, exprCount));
    const int points = (qMax(1, pointCount) + perExpression - 1) / perExpression;
    return qBound(minPointsPerRequest, points, serverPointLimit);
}

QString RangePlan::describe(const TimeAxis &axis)
{
    const auto iso
        = [](qint64 seconds) { return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(Qt::ISODate); };
    return iso(axis.start) + QStringLiteral(" – ") + iso(axis.last());
}

} // namespace Specula::Prom
