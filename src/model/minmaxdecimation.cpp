// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/minmaxdecimation.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace Specula::Model {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Collects output points, turning any NaN seen since the last kept point into one break.
class Writer
{
public:
    void gap() { m_gapPending = !m_points.isEmpty(); }
    void point(double x, double y)
    {
        if (m_gapPending)
            m_points.append(QPointF(x, kNaN));
        m_gapPending = false;
        m_points.append(QPointF(x, y));
    }
    QList<QPointF> take() { return std::move(m_points); }

private:
    QList<QPointF> m_points;
    bool m_gapPending = false;
};

} // namespace

bool MinMaxDecimation::isBreak(const QPointF &point)
{
    return std::isnan(point.y());
}

QList<QPointF> MinMaxDecimation::decimate(double x0, double dx, std::span<const double> ys, double from, double to,
                                          int buckets)
{
    const qsizetype n = qsizetype(ys.size());
    if (n == 0 || !(dx > 0) || !(to >= from) || buckets < 1)
        return {};
    // [first, last] of the indices to look at: the range plus one neighbour on each side.
    const double firstIn = std::ceil((from - x0) / dx);
    const double lastIn = std::floor((to - x0) / dx);
    const qsizetype first = qsizetype(std::clamp(firstIn - 1, 0.0, double(n - 1)));
    const qsizetype last = qsizetype(std::clamp(lastIn + 1, 0.0, double(n - 1)));
    if (firstIn - 1 > double(n - 1) || lastIn + 1 < 0)
        return {};

    Writer out;
    auto x = [x0, dx](qsizetype i) { return x0 + dx * double(i); };
    if (last - first + 1 <= 2 * qsizetype(buckets)) {
        for (qsizetype i = first; i <= last; ++i) {
            if (std::isnan(ys[i]))
                out.gap();
            else
                out.point(x(i), ys[i]);
        }
        return out.take();
    }

    const double width = (to - from) / buckets;
    auto bucketOf = [&](qsizetype i) {
        const double xi = x(i);
        if (xi < from)
            return -1; // the neighbour before the range stands alone
        if (xi > to)
            return buckets; // and the one after it
        return width > 0 ? std::min(int((xi - from) / width), buckets - 1) : 0;
    };
    auto anyGap = [&ys](qsizetype begin, qsizetype end) {
        return std::any_of(ys.begin() + begin, ys.begin() + end, [](double y) { return std::isnan(y); });
    };
    qsizetype i = first;
    while (i <= last) {
        const qsizetype begin = i;
        const int bucket = bucketOf(i);
        qsizetype minAt = -1;
        qsizetype maxAt = -1;
        for (; i <= last && bucketOf(i) == bucket; ++i) {
            const double y = ys[i];
            if (std::isnan(y))
                continue;
            if (minAt < 0)
                minAt = maxAt = i;
            if (y < ys[minAt])
                minAt = i;
            if (y > ys[maxAt])
                maxAt = i;
        }
        if (minAt < 0) {
            out.gap();
            continue;
        }
        const qsizetype a = std::min(minAt, maxAt);
        const qsizetype b = std::max(minAt, maxAt);
        if (anyGap(begin, a))
            out.gap();
        out.point(x(a), ys[a]);
        if (b != a) {
            if (anyGap(a + 1, b))
                out.gap();
            out.point(x(b), ys[b]);
        }
        if (anyGap(b + 1, i))
            out.gap();
    }
    return out.take();
}

} // namespace Specula::Model
