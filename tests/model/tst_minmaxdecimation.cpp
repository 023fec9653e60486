// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/minmaxdecimation.h"

#include <QTest>
#include <cmath>
#include <limits>
#include <vector>

using namespace Specula;
using Model::MinMaxDecimation;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The finite points of `points` as (x, y) pairs, and the number of breaks.
QList<QPointF> finite(const QList<QPointF> &points)
{
    QList<QPointF> out;
    for (const QPointF &p : points) {
        if (!MinMaxDecimation::isBreak(p))
            out.append(p);
    }
    return out;
}

qsizetype breaks(const QList<QPointF> &points)
{
    return std::count_if(points.cbegin(), points.cend(), [](const QPointF &p) { return MinMaxDecimation::isBreak(p); });
}

} // namespace

class TestMinMaxDecimation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fewPointsComeBackUnchanged()
    {
        const std::vector<double> ys { 3, 1, 4, 1, 5, 9, 2, 6 };
        const QList<QPointF> out = MinMaxDecimation::decimate(100, 10, ys, 100, 170, 4);
        QCOMPARE(out.size(), 8);
        for (int i = 0; i < 8; ++i)
            QCOMPARE(out.at(i), QPointF(100 + 10 * i, ys[size_t(i)]));
    }

    void keepsEachBucketsExtremesInOrder()
    {
        // Two buckets of 5 points each over x 0..9.
        const std::vector<double> ys { 5, 7, 1, 6, 5, /* */ 2, 0, 3, 8, 4 };
        const QList<QPointF> out = MinMaxDecimation::decimate(0, 1, ys, 0, 10, 2);
        // Bucket 1: max 7 at x=1, then min 1 at x=2. Bucket 2: min 0 at x=6, then max 8 at x=8.
        const QList<QPointF> expected { { 1, 7 }, { 2, 1 }, { 6, 0 }, { 8, 8 } };
        QCOMPARE(out, expected);
    }

    void aBucketWithOneValueKeepsOnePoint()
    {
        const std::vector<double> ys { 4, 4, 4, 4, 4, 4, 4, 4, 4, 4 };
        const QList<QPointF> out = MinMaxDecimation::decimate(0, 1, ys, 0, 10, 2);
        const QList<QPointF> expected { { 0, 4 }, { 5, 4 } };
        QCOMPARE(out, expected);
    }

    void gapsBecomeOneBreak()
    {
        const std::vector<double> ys { 1, 2, kNaN, kNaN, 5, 6 };
        const QList<QPointF> out = MinMaxDecimation::decimate(0, 1, ys, 0, 5, 10);
        QCOMPARE(out.size(), 5);
        QCOMPARE(out.at(0), QPointF(0, 1));
        QCOMPARE(out.at(1), QPointF(1, 2));
        QVERIFY(MinMaxDecimation::isBreak(out.at(2)));
        QCOMPARE(out.at(3), QPointF(4, 5));
        QCOMPARE(out.at(4), QPointF(5, 6));
    }

    void leadingAndTrailingGapsAddNoBreak()
    {
        const std::vector<double> ys { kNaN, kNaN, 1, 2, kNaN };
        const QList<QPointF> out = MinMaxDecimation::decimate(0, 1, ys, 0, 4, 10);
        const QList<QPointF> expected { { 2, 1 }, { 3, 2 } };
        QCOMPARE(out, expected);
    }

    void gapsSurviveDecimation()
    {
        // 10,000 points, a hole of 1,000 in the middle, 100 buckets (so 100 points per bucket).
        std::vector<double> ys(10000);
        for (size_t i = 0; i < ys.size(); ++i)
            ys[i] = (i >= 4000 && i < 5000) ? kNaN : std::sin(double(i) / 50);
        const QList<QPointF> out = MinMaxDecimation::decimate(0, 1, ys, 0, 9999, 100);
        QCOMPARE(breaks(out), 1);
        const auto at = std::find_if(out.cbegin(), out.cend(), [](const QPointF &p) { return std::isnan(p.y()); });
        QVERIFY(at != out.cbegin() && at + 1 != out.cend());
        QVERIFY((at - 1)->x() < 4000);
        QVERIFY((at + 1)->x() >= 5000);
        // A NaN between a bucket's extremes splits the bucket's two points.
        const std::vector<double> split { 1, 9, kNaN, 0, 5, 5, 5, 5 };
        const QList<QPointF> two = MinMaxDecimation::decimate(0, 1, split, 0, 8, 1);
        QCOMPARE(two.size(), 3);
        QCOMPARE(two.at(0), QPointF(1, 9));
        QVERIFY(MinMaxDecimation::isBreak(two.at(1)));
        QCOMPARE(two.at(2), QPointF(3, 0));
    }

    void aMillionPointsFitTheBudget()
    {
        std::vector<double> ys(1'000'000);
        double globalMin = 1e9;
        double globalMax = -1e9;
        for (size_t i = 0; i < ys.size(); ++i) {
            ys[i] = std::sin(double(i) / 777) * 100 + double(i % 13);
            globalMin = std::min(globalMin, ys[i]);
            globalMax = std::max(globalMax, ys[i]);
        }
        ys[123456] = 5000; // a spike must survive
        const int buckets = 1000;
        const QList<QPointF> out = MinMaxDecimation::decimate(0, 1, ys, 0, 999'999, buckets);
        QVERIFY2(out.size() <= 2 * buckets, qPrintable(QString::number(out.size())));
        QVERIFY(out.size() >= buckets);
        const QList<QPointF> points = finite(out);
        QCOMPARE(points.size(), out.size());
        QVERIFY(
            std::any_of(points.cbegin(), points.cend(), [](const QPointF &p) { return p == QPointF(123456, 5000); }));
        QVERIFY(std::any_of(points.cbegin(), points.cend(), [&](const QPointF &p) { return p.y() == globalMin; }));
        for (qsizetype i = 1; i < points.size(); ++i)
            QVERIFY(points.at(i).x() > points.at(i - 1).x());
    }

    void aRangeTakesItsNeighbours()
    {
        std::vector<double> ys(100);
        for (size_t i = 0; i < ys.size(); ++i)
            ys[i] = double(i);
        // x = 1000 + 10·i; the range [1205, 1395] holds i = 21..39, plus neighbours 20 and 40.
        const QList<QPointF> out = MinMaxDecimation::decimate(1000, 10, ys, 1205, 1395, 100);
        QCOMPARE(out.size(), 21);
        QCOMPARE(out.first(), QPointF(1200, 20));
        QCOMPARE(out.last(), QPointF(1400, 40));
        // Decimated, the neighbours still stand alone at the ends.
        const QList<QPointF> few = MinMaxDecimation::decimate(1000, 10, ys, 1205, 1395, 2);
        QCOMPARE(few.first(), QPointF(1200, 20));
        QCOMPARE(few.last(), QPointF(1400, 40));
        QVERIFY(few.size() <= 2 * 2 + 2);
        QVERIFY(MinMaxDecimation::decimate(1000, 10, ys, 5000, 6000, 10).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestMinMaxDecimation)
#include "tst_minmaxdecimation.moc"
