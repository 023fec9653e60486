// SPDX-License-Identifier: GPL-3.0-or-later
// SeriesStore: the shared time axis, placing query results on it (gaps, chunks, off-grid samples
// as errors), lookup and order by labels, copy-on-write, and the size of a 40,000-series store.

#include "../sharedtexts.h"
#include "prom/seriesstore.h"

#include <QElapsedTimer>
#include <QTest>
#include <cmath>

using namespace Specula;
using Prom::Labels;
using Prom::TimeAxis;

namespace {

constexpr qint64 t0 = 1795456800; // 2026-11-23T18:00:00Z

Labels gpuLabels(int gpu, const QString &name = u"DCGM_FI_DEV_GPU_UTIL"_qs)
{
    return { { u"__name__"_qs, name }, { u"gpu"_qs, QString::number(gpu) }, { u"UUID"_qs, u"GPU-%1"_qs.arg(gpu) } };
}

// A series with a sample at each given axis index, valued index * 10 + gpu.
Prom::Series series(int gpu, const TimeAxis &axis, const QList<int> &indexes)
{
    Prom::Series result { gpuLabels(gpu), {} };
    for (const int index : indexes)
        result.samples.append(Prom::Sample { double(axis.timeAt(index)), double(index * 10 + gpu) });
    return result;
}

Prom::QueryResult matrix(const QList<Prom::Series> &series)
{
    Prom::QueryResult result;
    result.type = Prom::ResultType::Matrix;
    result.series = series;
    return result;
}

} // namespace

class TestSeriesStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void axisIndex_data();
    void axisIndex();
    void axisCovering_data();
    void axisCovering();
    void mergeWithGaps_data();
    void mergeWithGaps();
    void mergeChunks();
    void offGrid_data();
    void offGrid();
    void chunkOffGrid();
    void scalarIsAnError();
    void lookupAndOrder();
    void copyOnWrite();
    void mergeStores();
    void carriedToALaterAxis();
    void carriedWithRoomForWhatJoins();
    void compactStore();
    void labelsSharedWithAKnownStore();
    void staleAndWarnings();
    void compactName_data();
    void compactName();
    void largeStore();
};

void TestSeriesStore::axisIndex_data()
{
    QTest::addColumn<qint64>("time");
    QTest::addColumn<int>("index");

    QTest::newRow("first") << t0 << 0;
    QTest::newRow("second") << t0 + 30 << 1;
    QTest::newRow("last") << t0 + 9 * 30 << 9;
    QTest::newRow("one step past the end") << t0 + 10 * 30 << -1;
    QTest::newRow("between points") << t0 + 45 << -1;
    QTest::newRow("before the start") << t0 - 30 << -1;
}

void TestSeriesStore::axisIndex()
{
    QFETCH(qint64, time);
    QFETCH(int, index);
    const TimeAxis axis { t0, 30, 10 };
    QCOMPARE(axis.indexOf(time), index);
    if (index >= 0)
        QCOMPARE(axis.timeAt(index), time);
}

void TestSeriesStore::axisCovering_data()
{
    QTest::addColumn<qint64>("from");
    QTest::addColumn<qint64>("to");
    QTest::addColumn<qint64>("step");
    QTest::addColumn<qint64>("start");
    QTest::addColumn<int>("count");

    QTest::newRow("aligned") << t0 << t0 + 3600 << qint64(30) << t0 << 121;
    QTest::newRow("start floored to the step") << t0 + 17 << t0 + 3600 << qint64(30) << t0 << 121;
    QTest::newRow("end floored to the step") << t0 << t0 + 3629 << qint64(30) << t0 << 121;
    QTest::newRow("one point") << t0 + 5 << t0 + 10 << qint64(60) << t0 << 1;
    QTest::newRow("minute step on an odd hour") << t0 + 3600 + 59 << t0 + 7200 << qint64(60) << t0 + 3600 << 61;
}

void TestSeriesStore::axisCovering()
{
    QFETCH(qint64, from);
    QFETCH(qint64, to);
    QFETCH(qint64, step);
    QFETCH(qint64, start);
    QFETCH(int, count);
    const TimeAxis axis = TimeAxis::covering(QDateTime::fromSecsSinceEpoch(from, Qt::UTC),
                                             QDateTime::fromSecsSinceEpoch(to, Qt::UTC), std::chrono::seconds(step));
    QCOMPARE(axis.start, start);
    QCOMPARE(axis.step, step);
    QCOMPARE(axis.count, count);
    QVERIFY(axis.last() <= to);
    QVERIFY(axis.last() + step > to);
}

void TestSeriesStore::mergeWithGaps_data()
{
    QTest::addColumn<QList<int>>("indexes");

    QTest::newRow("every point") << QList<int> { 0, 1, 2, 3, 4, 5, 6, 7 };
    QTest::newRow("gap in the middle") << QList<int> { 0, 1, 5, 6, 7 };
    QTest::newRow("late start") << QList<int> { 3, 4, 5, 6, 7 };
    QTest::newRow("early end") << QList<int> { 0, 1, 2 };
    QTest::newRow("scattered") << QList<int> { 1, 4, 6 };
    QTest::newRow("no points") << QList<int> {};
}

void TestSeriesStore::mergeWithGaps()
{
    QFETCH(QList<int>, indexes);
    const TimeAxis axis { t0, 30, 8 };
    Prom::SeriesStore store(axis);
    const auto placed = store.merge(matrix({ series(0, axis, indexes), series(1, axis, { 0, 7 }) }));
    QVERIFY2(placed.ok(), placed.ok() ? "" : qPrintable(placed.error().toString()));
    QCOMPARE(*placed, indexes.size() + 2);
    QCOMPARE(store.seriesCount(), 2);
    const int id = store.find(gpuLabels(0));
    QVERIFY(id >= 0);
    const std::span<const double> values = store.values(id);
    QCOMPARE(int(values.size()), axis.count);
    for (int i = 0; i < axis.count; ++i) {
        if (indexes.contains(i))
            QCOMPARE(values[i], double(i * 10));
        else
            QVERIFY2(std::isnan(values[i]), qPrintable(u"index %1 holds %2"_qs.arg(i).arg(values[i])));
    }
}

void TestSeriesStore::mergeChunks()
{
    // Two requests over the two halves of the axis fill one row; a vector result fills one point.
    const TimeAxis axis { t0, 60, 10 };
    const TimeAxis first = axis.slice(0, 6);
    const TimeAxis second = axis.slice(6, 4);
    QCOMPARE(second.start, t0 + 360);
    Prom::SeriesStore store(axis);
    QVERIFY(store.merge(matrix({ series(2, first, { 0, 1, 2, 3, 4, 5 }) }), first).ok());
    QVERIFY(store.merge(matrix({ series(2, second, { 0, 1, 2, 3 }) }), second).ok());
    Prom::QueryResult vector;
    vector.type = Prom::ResultType::Vector;
    vector.series = { Prom::Series { gpuLabels(3), { Prom::Sample { double(axis.timeAt(4)), 0.25 } } } };
    QVERIFY(store.merge(vector).ok());

    const std::span<const double> row = store.values(store.find(gpuLabels(2)));
    for (int i = 0; i < 6; ++i)
        QCOMPARE(row[i], double(i * 10 + 2));
    for (int i = 6; i < 10; ++i)
        QCOMPARE(row[i], double((i - 6) * 10 + 2));
    QCOMPARE(store.value(store.find(gpuLabels(3)), 4), 0.25);
    QVERIFY(std::isnan(store.value(store.find(gpuLabels(3)), 3)));
}

void TestSeriesStore::offGrid_data()
{
    QTest::addColumn<double>("timestamp");
    QTest::addColumn<QString>("shown");

    QTest::newRow("between points") << double(t0 + 45) << u"2026-11-23T18:00:45Z"_qs;
    QTest::newRow("a millisecond late") << double(t0 + 30) + 0.001 << u"2026-11-23T18:00:30.001Z"_qs;
    QTest::newRow("before the start") << double(t0 - 30) << u"2026-11-23T17:59:30Z"_qs;
    QTest::newRow("after the end") << double(t0 + 300) << u"2026-11-23T18:05:00Z"_qs;
}

void TestSeriesStore::offGrid()
{
    QFETCH(double, timestamp);
    QFETCH(QString, shown);
    const TimeAxis axis { t0, 30, 10 };
    Prom::SeriesStore store(axis);
    Prom::Series bad = series(5, axis, { 0 });
    bad.samples.append(Prom::Sample { timestamp, 1 });
    const auto placed = store.merge(matrix({ bad }));
    QVERIFY(!placed.ok());
    const QString message = placed.error().message;
    QVERIFY2(message.contains(shown), qPrintable(message));
    QVERIFY2(message.contains(u"DCGM_FI_DEV_GPU_UTIL{UUID=\"GPU-5\",gpu=\"5\"}"_qs), qPrintable(message));
    QVERIFY2(message.contains(u"2026-11-23T18:00:00Z"_qs), qPrintable(message));
    QCOMPARE(placed.error().kind, Core::Error::Kind::Parse);
    // Never moved to a neighbour: only the good sample is there.
    const std::span<const double> row = store.values(store.find(gpuLabels(5)));
    QCOMPARE(std::count_if(row.begin(), row.end(), [](double v) { return !std::isnan(v); }), 1);
}

void TestSeriesStore::chunkOffGrid()
{
    Prom::SeriesStore store(TimeAxis { t0, 30, 10 });
    const TimeAxis shifted { t0 + 15, 30, 2 };
    const auto placed = store.merge(matrix({ series(0, shifted, { 0 }) }), shifted);
    QVERIFY(!placed.ok());
    QVERIFY2(placed.error().message.contains(u"not on the store's grid"_qs), qPrintable(placed.error().message));
    const TimeAxis otherStep { t0, 60, 2 };
    QVERIFY(!store.merge(matrix({}), otherStep).ok());
    QCOMPARE(store.seriesCount(), 0);
}

void TestSeriesStore::scalarIsAnError()
{
    Prom::SeriesStore store(TimeAxis { t0, 30, 10 });
    Prom::QueryResult scalar;
    scalar.type = Prom::ResultType::Scalar;
    QVERIFY(!store.merge(scalar).ok());
}

void TestSeriesStore::lookupAndOrder()
{
    const TimeAxis axis { t0, 30, 4 };
    Prom::SeriesStore store(axis);
    QVERIFY(store.merge(matrix({ series(7, axis, { 0 }), series(3, axis, { 1 }), series(12, axis, { 2 }) })).ok());
    const int id7 = store.find(gpuLabels(7));
    const int id3 = store.find(gpuLabels(3));
    const int id12 = store.find(gpuLabels(12));
    QCOMPARE(id7, 0); // ids are rows in arrival order
    QCOMPARE(id3, 1);
    QCOMPARE(store.find(gpuLabels(4)), -1);
    QCOMPARE(store.find(gpuLabels(7, u"other"_qs)), -1);

    // A second merge adds series and keeps the ids of the ones already there.
    QVERIFY(store.merge(matrix({ series(1, axis, { 3 }), series(3, axis, { 3 }) })).ok());
    QCOMPARE(store.find(gpuLabels(7)), id7);
    QCOMPARE(store.find(gpuLabels(3)), id3);
    QCOMPARE(store.seriesCount(), 4);
    QCOMPARE(store.value(id3, 1), 13.0);
    QCOMPARE(store.value(id3, 3), 33.0);
    QCOMPARE(store.insert(gpuLabels(12)), id12);
    const int id0 = store.insert(gpuLabels(0));
    QCOMPARE(id0, 4);
    QVERIFY(std::isnan(store.value(id0, 0)));

    // Label order compares name/value pairs in key order: UUID "GPU-0" < "GPU-1" < "GPU-12" < "GPU-3" < "GPU-7".
    QList<QString> uuids;
    for (const int id : store.idsInLabelOrder())
        uuids << store.labels(id).value(u"UUID"_qs);
    QCOMPARE(uuids, (QList<QString> { u"GPU-0"_qs, u"GPU-1"_qs, u"GPU-12"_qs, u"GPU-3"_qs, u"GPU-7"_qs }));
}

void TestSeriesStore::copyOnWrite()
{
    const TimeAxis axis { t0, 30, 4 };
    Prom::SeriesStore original(axis);
    QVERIFY(original.merge(matrix({ series(0, axis, { 0, 1 }) })).ok());
    Prom::SeriesStore copy = original;
    QCOMPARE(copy.values(0).data(), original.values(0).data()); // shared until written
    QVERIFY(copy.merge(matrix({ series(0, axis, { 2 }), series(1, axis, { 3 }) })).ok());
    copy.mutableValues(0)[0] = -1;
    QCOMPARE(original.seriesCount(), 1);
    QVERIFY(std::isnan(original.value(0, 2)));
    QCOMPARE(original.value(0, 0), 0.0);
    QCOMPARE(copy.value(0, 0), -1.0);
    QCOMPARE(copy.value(0, 2), 20.0);
}

void TestSeriesStore::mergeStores()
{
    const TimeAxis axis { t0, 30, 10 };
    Prom::SeriesStore whole(axis);
    QVERIFY(whole.merge(matrix({ series(0, axis, { 0, 1 }) })).ok());
    Prom::SeriesStore part(axis.slice(5, 5));
    QVERIFY(part.merge(matrix({ series(0, part.axis(), { 0, 4 }), series(1, part.axis(), { 2 }) })).ok());
    part.addWarnings({ u"PromQL info: w"_qs });
    const auto placed = whole.merge(part);
    QVERIFY(placed.ok());
    QCOMPARE(*placed, 3);
    QCOMPARE(whole.value(0, 0), 0.0);
    QCOMPARE(whole.value(0, 5), 0.0);
    QCOMPARE(whole.value(0, 9), 40.0);
    QCOMPARE(whole.value(whole.find(gpuLabels(1)), 7), 21.0);
    QCOMPARE(whole.warnings(), QStringList { u"PromQL info: w"_qs });
    QVERIFY(!part.merge(whole).ok()); // the whole axis does not fit in the part's
}

// What a refresh keeps of the last answer: the points the new axis shares with it, labels shared.
void TestSeriesStore::carriedToALaterAxis()
{
    const TimeAxis axis { t0, 30, 10 };
    Prom::SeriesStore store(axis);
    // GPU 0 has points throughout, GPU 1 only before the new axis, GPU 2 only in the last point.
    QVERIFY(
        store.merge(matrix({ series(0, axis, { 0, 3, 4, 9 }), series(1, axis, { 0, 1, 2 }), series(2, axis, { 9 }) }))
            .ok());

    const TimeAxis later { axis.timeAt(3), 30, 10 }; // axis' points 3..9, then 7 new ones
    const Prom::SeriesStore carried = store.carriedTo(later);
    QCOMPARE(carried.axis(), later);
    QCOMPARE(carried.seriesCount(), 2);
    QCOMPARE(carried.find(gpuLabels(1)), -1);
    const int gpu0 = carried.find(gpuLabels(0));
    QVERIFY(gpu0 >= 0);
    QCOMPARE(carried.value(gpu0, 0), 30.0); // axis' point 3
    QCOMPARE(carried.value(gpu0, 1), 40.0);
    QVERIFY(std::isnan(carried.value(gpu0, 2)));
    QCOMPARE(carried.value(gpu0, 6), 90.0); // axis' last point
    for (int index = 7; index < later.count; ++index)
        QVERIFY(std::isnan(carried.value(gpu0, index)));
    QCOMPARE(carried.value(carried.find(gpuLabels(2)), 6), 92.0);
    QVERIFY(TestTexts::sharedLabels(carried.labels(gpu0), store.labels(store.find(gpuLabels(0)))));
    QCOMPARE(carried.idsInLabelOrder(), (QList<int> { gpu0, carried.find(gpuLabels(2)) }));

    // Another step, another grid or no overlap: nothing is carried.
    QVERIFY(store.carriedTo(TimeAxis { later.start, 60, 10 }).isEmpty());
    QVERIFY(store.carriedTo(TimeAxis { later.start + 15, 30, 10 }).isEmpty());
    QVERIFY(store.carriedTo(TimeAxis { axis.last() + 30, 30, 10 }).isEmpty());
    // An axis that starts earlier takes the points it shares all the same.
    const Prom::SeriesStore earlier = store.carriedTo(TimeAxis { axis.start - 60, 30, 4 });
    QCOMPARE(earlier.seriesCount(), 2);
    QCOMPARE(earlier.value(earlier.find(gpuLabels(0)), 2), 0.0);
    QCOMPARE(earlier.value(earlier.find(gpuLabels(1)), 3), 11.0);
}

// A refresh carries the last answer forward and merges the newest points in: the carried store
// makes room for the series that only the newest points have, so that the merge moves nothing.
void TestSeriesStore::carriedWithRoomForWhatJoins()
{
    const TimeAxis axis { t0, 30, 10 };
    Prom::SeriesStore store(axis);
    // GPU 1 has no point on the later axis, so it is not carried.
    QVERIFY(store.merge(matrix({ series(0, axis, { 5, 9 }), series(1, axis, { 0 }), series(2, axis, { 9 }) })).ok());
    const TimeAxis later { axis.timeAt(3), 30, 10 };
    const TimeAxis newest { later.timeAt(7), 30, 3 };
    Prom::SeriesStore joining(newest);
    QVERIFY(
        joining.merge(matrix({ series(0, newest, { 0 }), series(1, newest, { 1 }), series(3, newest, { 2 }) })).ok());

    Prom::SeriesStore carried = store.carriedTo(later, joining);
    QCOMPARE(carried.seriesCount(), 2);
    // Room for GPUs 0 and 2, carried, and for GPUs 1 and 3, which join.
    QCOMPARE(carried.valueBytes(), qsizetype(4 * later.count * sizeof(double)));
    const double *block = carried.values(0).data();
    QCOMPARE(carried.merge(joining).value(), 3);
    QCOMPARE(carried.seriesCount(), 4);
    QCOMPARE(carried.values(0).data(), block);
    QCOMPARE(carried.value(carried.find(gpuLabels(0)), 2), 50.0); // axis' point 5
    QCOMPARE(carried.value(carried.find(gpuLabels(0)), 7), 0.0); // the newest point 0
    QCOMPARE(carried.value(carried.find(gpuLabels(3)), 9), 23.0);
}

// Single precision: a double store's series copied in, carried to a later range, at four bytes
// a point.
void TestSeriesStore::compactStore()
{
    const TimeAxis axis { t0, 30, 10 };
    Prom::SeriesStore answer(axis);
    QVERIFY(answer.merge(matrix({ series(0, axis, { 0, 1, 9 }), series(1, axis, { 5 }) })).ok());
    answer.mutableValues(0)[1] = 45.3;
    answer.addWarnings({ u"PromQL info: w"_qs });

    Prom::CompactSeriesStore compact(axis);
    const auto placed = compact.merge(answer);
    QVERIFY(placed.ok());
    QCOMPARE(*placed, 4);
    QCOMPARE(compact.seriesCount(), 2);
    QCOMPARE(compact.valueBytes(), qsizetype(2 * axis.count * sizeof(float)));
    QCOMPARE(compact.value(0, 0), 0.0f);
    QCOMPARE(compact.value(0, 1), 45.3f);
    QVERIFY(std::isnan(compact.value(0, 2)));
    QCOMPARE(compact.value(compact.find(gpuLabels(1)), 5), 51.0f);
    QVERIFY(TestTexts::sharedLabels(compact.labels(0), answer.labels(0)));
    QCOMPARE(compact.warnings(), answer.warnings());

    const TimeAxis later { axis.timeAt(5), 30, 10 };
    const Prom::CompactSeriesStore carried = compact.carriedTo(later);
    QCOMPARE(carried.seriesCount(), 2);
    QCOMPARE(carried.value(carried.find(gpuLabels(0)), 4), 90.0f);
    QCOMPARE(carried.value(carried.find(gpuLabels(1)), 0), 51.0f);
    QVERIFY(std::isnan(carried.value(carried.find(gpuLabels(0)), 5)));
}

// An answer read again shares the labels of the last one rather than keeping its own texts.
void TestSeriesStore::labelsSharedWithAKnownStore()
{
    const TimeAxis axis { t0, 30, 10 };
    Prom::CompactSeriesStore known(axis);
    QVERIFY(known.merge(matrix({ series(0, axis, { 0, 1 }), series(1, axis, { 2 }) })).ok());

    const TimeAxis tail = axis.slice(8, 2);
    Prom::CompactSeriesStore again(tail);
    again.shareLabelsWith(known);
    // The answer's labels are texts of its own, as a parser makes them.
    QVERIFY(again.merge(matrix({ series(1, tail, { 0 }), series(0, tail, { 1 }), series(2, tail, { 0, 1 }) })).ok());
    QCOMPARE(again.seriesCount(), 3);
    for (const int gpu : { 0, 1 }) {
        const int id = again.find(gpuLabels(gpu));
        QVERIFY(id >= 0);
        QVERIFY2(TestTexts::sharedLabels(again.labels(id), known.labels(known.find(gpuLabels(gpu)))),
                 qPrintable(QString::number(gpu)));
    }
    // A series the known store lacks keeps its own labels.
    QCOMPARE(again.labels(again.find(gpuLabels(2))), gpuLabels(2));
    QCOMPARE(again.value(again.find(gpuLabels(1)), 0), 1.0f);
    QCOMPARE(again.value(again.find(gpuLabels(2)), 1), 12.0f);
    QCOMPARE(again.idsInLabelOrder(),
             (QList<int> { again.find(gpuLabels(0)), again.find(gpuLabels(1)), again.find(gpuLabels(2)) }));

    // Carried forward and merged, as a refresh does: the known series keep their labels.
    Prom::CompactSeriesStore refreshed = known.carriedTo(axis);
    QVERIFY(refreshed.merge(again).ok());
    QCOMPARE(refreshed.seriesCount(), 3);
    QCOMPARE(refreshed.value(refreshed.find(gpuLabels(0)), 9), 10.0f);
    QCOMPARE(refreshed.value(refreshed.find(gpuLabels(0)), 0), 0.0f);
    QVERIFY(TestTexts::sharedLabels(refreshed.labels(refreshed.find(gpuLabels(1))), known.labels(1)));
}

void TestSeriesStore::staleAndWarnings()
{
    Prom::SeriesStore store(TimeAxis { t0, 30, 4 });
    QVERIFY(!store.isStale());
    const QDateTime when = QDateTime::fromSecsSinceEpoch(t0, Qt::UTC);
    store.setFetchedAt(when);
    Prom::SeriesStore kept = store;
    store.markStale(Core::Error { Core::Error::Kind::Network, u"Connection refused"_qs, {}, 0, {} });
    QVERIFY(store.isStale());
    QCOMPARE(store.error().message, u"Connection refused"_qs);
    QCOMPARE(store.fetchedAt(), when);
    QVERIFY(!kept.isStale());
    store.addWarnings({ u"a"_qs, u"b"_qs });
    store.addWarnings({ u"b"_qs });
    QCOMPARE(store.warnings(), (QStringList { u"a"_qs, u"b"_qs }));
}

void TestSeriesStore::compactName_data()
{
    QTest::addColumn<Labels>("labels");
    QTest::addColumn<QString>("name");

    QTest::newRow("name and labels") << gpuLabels(1) << u"DCGM_FI_DEV_GPU_UTIL{UUID=\"GPU-1\",gpu=\"1\"}"_qs;
    QTest::newRow("name only") << Labels { { u"__name__"_qs, u"up"_qs } } << u"up"_qs;
    QTest::newRow("no name") << Labels { { u"pod"_qs, u"a"_qs } } << u"{pod=\"a\"}"_qs;
    QTest::newRow("nothing") << Labels {} << u"{}"_qs;
    QTest::newRow("escapes") << Labels { { u"v"_qs, u"a\"b\\c\nd"_qs } } << u"{v=\"a\\\"b\\\\c\\nd\"}"_qs;
}

void TestSeriesStore::compactName()
{
    QFETCH(Labels, labels);
    QFETCH(QString, name);
    QCOMPARE(Prom::SeriesStore::compactName(labels), name);
}

void TestSeriesStore::largeStore()
{
    // The heatmap's size: 40,000 series × 240 steps, built from results the way RangeQuery does.
    constexpr int seriesCount = 40000;
    const TimeAxis axis { t0, 30, 240 };
    Prom::QueryResult result;
    result.type = Prom::ResultType::Matrix;
    result.series.reserve(seriesCount);
    for (int gpu = 0; gpu < seriesCount; ++gpu) {
        Prom::Series one { gpuLabels(gpu), {} };
        one.labels.insert(u"Hostname"_qs, u"node-%1"_qs.arg(gpu / 8, 4, 10, QLatin1Char('0')));
        one.samples.reserve(axis.count);
        for (int i = 0; i < axis.count; ++i) {
            if ((i + gpu) % 97 != 0) // some gaps
                one.samples.append(Prom::Sample { double(axis.timeAt(i)), double((gpu + i) % 101) });
        }
        result.series.append(std::move(one));
    }
    Prom::SeriesStore store(axis);
    QElapsedTimer timer;
    timer.start();
    const auto placed = store.merge(result);
    const qint64 ms = timer.elapsed();
    QVERIFY(placed.ok());
    timer.restart();
    QVERIFY(store.merge(result).ok()); // again: the same series, nothing new to allocate
    qInfo("merged %lld points of %d series in %lld ms (into a new store), %lld ms (again)", qlonglong(*placed),
          seriesCount, ms, timer.elapsed());
    QCOMPARE(store.seriesCount(), seriesCount);
    const double bytesPerPoint = double(store.valueBytes()) / (double(seriesCount) * axis.count);
    QVERIFY2(bytesPerPoint >= 8.0 && bytesPerPoint < 8.5, qPrintable(QString::number(bytesPerPoint)));
    const int id = store.find(result.series.at(12345).labels);
    QCOMPARE(id, 12345);
    for (int i = 0; i < axis.count; ++i) {
        if ((i + 12345) % 97 == 0)
            QVERIFY(std::isnan(store.value(id, i)));
        else
            QCOMPARE(store.value(id, i), double((12345 + i) % 101));
    }
    QCOMPARE(store.idsInLabelOrder().size(), seriesCount);
    // Rows are adjacent in one block: a heatmap walks them with one pointer.
    QCOMPARE(store.values(1).data(), store.values(0).data() + axis.count);

    // A refresh: the store carried to a range four steps later, then the newer points merged in
    // with one series more. Neither block is larger than its points.
    const TimeAxis later { axis.start + 4 * axis.step, axis.step, axis.count };
    Prom::SeriesStore refreshed = store.carriedTo(later);
    QCOMPARE(refreshed.seriesCount(), seriesCount);
    const auto perPoint = [&later](const Prom::SeriesStore &block) {
        return double(block.valueBytes()) / (double(block.seriesCount()) * later.count);
    };
    QVERIFY2(perPoint(refreshed) < 8.5, qPrintable(QString::number(perPoint(refreshed))));
    Prom::QueryResult newerPoints;
    newerPoints.type = Prom::ResultType::Matrix;
    const qint64 newerStart = later.timeAt(later.count - 4);
    for (int gpu = 0; gpu <= seriesCount; ++gpu) {
        const Labels &labels = gpu < seriesCount ? result.series.at(gpu).labels : gpuLabels(gpu);
        newerPoints.series.append({ labels, { Prom::Sample { double(newerStart), double(gpu) } } });
    }
    Prom::SeriesStore newer(later.slice(later.count - 4, 4));
    QVERIFY(newer.merge(newerPoints).ok());
    QVERIFY(refreshed.merge(newer).ok());
    QCOMPARE(refreshed.seriesCount(), seriesCount + 1);
    QVERIFY2(perPoint(refreshed) < 8.5, qPrintable(QString::number(perPoint(refreshed))));
    QCOMPARE(refreshed.value(refreshed.find(result.series.at(12345).labels), later.count - 4), 12345.0);
}

QTEST_GUILESS_MAIN(TestSeriesStore)
#include "tst_seriesstore.moc"
