// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QPointF>
#include <span>

namespace Specula::Model {

// Min/max decimation of a series on a regular grid (x_i = x0 + i·dx), the way a plot needs it:
// the range [from, to] is cut into `buckets` equal columns (one per pixel), and each column keeps
// at most two points, its smallest and largest value, in the order they occur. A line through
// them covers exactly the pixels a line through every point would. NaN is "no point": wherever
// NaN lies between two kept points, the output holds one point with a NaN y, a break the plot
// draws as a gap. The nearest point on either side outside the range is kept so that lines run to
// the edges. When the range holds no more than 2 × buckets points they all come back unchanged.
class MinMaxDecimation
{
public:
    static QList<QPointF> decimate(double x0, double dx, std::span<const double> ys, double from, double to,
                                   int buckets);

    // Whether `point` is a break marker.
    static bool isBreak(const QPointF &point);
};

} // namespace Specula::Model
