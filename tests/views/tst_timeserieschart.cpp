// SPDX-License-Identifier: GPL-3.0-or-later
// The chart widget rendered offscreen: what it draws (decimated, with gaps), what it says under
// the pointer, what the legend and zoom do, and what it exports.
#include "prom/seriescsv.h"
#include "views/charts/timeserieschart.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QLegendMarker>
#include <QLineSeries>
#include <QTest>
#include <QValueAxis>
#include <QWheelEvent>
#include <cmath>

using namespace Specula;
using Views::TimeSeriesChart;

namespace {

constexpr qint64 kStart = 1'764'000'000;
constexpr qint64 kStep = 15;
constexpr int kCount = 100'000;
constexpr int kGapFrom = 40'000;
constexpr int kGapTo = 50'000; // exclusive
constexpr int kKnown = 1234;

QDateTime timeAt(int index)
{
    return QDateTime::fromSecsSinceEpoch(kStart + kStep * index, Qt::UTC);
}

// Two GPUs over 100,000 steps: GPU 0 with a hole, GPU 1 with 42.5 at kKnown.
Prom::SeriesStore twoGpus()
{
    Prom::SeriesStore store({ kStart, kStep, kCount });
    const int gpu0 = store.insert({ { u"gpu"_qs, u"0"_qs } });
    const int gpu1 = store.insert({ { u"gpu"_qs, u"1"_qs } });
    auto a = store.mutableValues(gpu0);
    auto b = store.mutableValues(gpu1);
    for (int i = 0; i < kCount; ++i) {
        a[size_t(i)] = (i >= kGapFrom && i < kGapTo) ? std::nan("") : 50 + 40 * std::sin(i / 300.0);
        b[size_t(i)] = 20 + (i % 17);
    }
    b[kKnown] = 42.5;
    return store;
}

QString gpuName(const Prom::Labels &labels)
{
    return u"GPU "_qs + labels.value(u"gpu"_qs);
}

qsizetype pointsOf(TimeSeriesChart &chart, int line)
{
    qsizetype n = 0;
    for (QLineSeries *segment : chart.lineSegments(line))
        n += segment->count();
    return n;
}

} // namespace

class TestTimeSeriesChart : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_chart = std::make_unique<TimeSeriesChart>();
        m_chart->resize(900, 500);
        m_chart->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_chart.get()));
        m_chart->setTitle(u"GPU utilization"_qs);
        m_chart->setUnit(u"%"_qs);
        m_chart->setSeries({ twoGpus() }, gpuName);
        QTRY_VERIFY(m_chart->chart()->plotArea().width() > 100);
    }

    void cleanup() { m_chart.reset(); }

    void linesAreNamedAndDecimated()
    {
        QCOMPARE(m_chart->lineCount(), 2);
        QCOMPARE(m_chart->lineNames(), (QStringList { u"GPU 0"_qs, u"GPU 1"_qs }));
        QCOMPARE(m_chart->chart()->title(), u"GPU utilization"_qs);
        QCOMPARE(m_chart->displayUnit(), u"%"_qs);
        auto *axis = qobject_cast<QValueAxis *>(m_chart->chart()->axes(Qt::Vertical).value(0));
        QVERIFY(axis);
        QCOMPARE(axis->titleText(), u"%"_qs);
        // The view is 900 px wide: 2 points a column plus a neighbour on each side.
        QCOMPARE(m_chart->bucketCount(), m_chart->findChild<QChartView *>()->viewport()->width());
        const int budget = 2 * m_chart->bucketCount() + 2;
        QVERIFY(budget < 2000);
        QTRY_VERIFY2(pointsOf(*m_chart, 0) <= budget && pointsOf(*m_chart, 1) <= budget,
                     qPrintable(u"%1 %2 %3"_qs.arg(pointsOf(*m_chart, 0)).arg(pointsOf(*m_chart, 1)).arg(budget)));
        for (int line = 0; line < 2; ++line) {
            const qsizetype points = pointsOf(*m_chart, line);
            QVERIFY2(points <= budget && points > budget / 4, qPrintable(QString::number(points)));
            for (QLineSeries *segment : m_chart->lineSegments(line))
                QCOMPARE(segment->name(), m_chart->lineNames().at(line));
        }
        // The 42.5 spike in GPU 1 is outside its other values (20..36), so it must be drawn.
        const QList<QPointF> gpu1 = m_chart->lineSegments(1).constFirst()->points();
        QVERIFY(std::any_of(gpu1.cbegin(), gpu1.cend(), [](const QPointF &p) {
            return p == QPointF(double(timeAt(kKnown).toMSecsSinceEpoch()), 42.5);
        }));
    }

    void aGapSplitsTheLine()
    {
        const QList<QLineSeries *> segments = m_chart->lineSegments(0);
        QCOMPARE(segments.size(), 2);
        QVERIFY(segments.at(0)->at(segments.at(0)->count() - 1).x() < timeAt(kGapFrom).toMSecsSinceEpoch());
        QVERIFY(segments.at(1)->at(0).x() >= timeAt(kGapTo).toMSecsSinceEpoch());
        // One legend entry for the line, not one per stretch.
        QVERIFY(m_chart->chart()->legend()->markers(segments.at(0)).constFirst()->isVisible());
        QVERIFY(!m_chart->chart()->legend()->markers(segments.at(1)).constFirst()->isVisible());
        QCOMPARE(m_chart->lineSegments(1).size(), 1);
        QVERIFY(!m_chart->valueAt(0, timeAt(kGapFrom + 5)));
    }

    void crosshairReadsTheValues()
    {
        QCOMPARE(m_chart->valueAt(1, timeAt(kKnown)), std::optional<double>(42.5));
        m_chart->showCrosshairAt(timeAt(kKnown));
        const QStringList lines = m_chart->crosshairText().split(u'\n');
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines.at(0), QLocale().toString(timeAt(kKnown).toLocalTime(), u"yyyy-MM-dd HH:mm:ss"_qs));
        const double gpu0 = 50 + 40 * std::sin(kKnown / 300.0);
        QCOMPARE(lines.at(1), u"GPU 0: "_qs + QLocale().toString(gpu0, 'g', 5) + u" %"_qs);
        QCOMPARE(lines.at(2), u"GPU 1: "_qs + QLocale().toString(42.5, 'g', 5) + u" %"_qs);
        // Inside the hole GPU 0 says so rather than inventing a number.
        QVERIFY(m_chart->readoutAt(timeAt(kGapFrom + 10)).contains(u"GPU 0: no data"_qs));
        m_chart->hideCrosshair();
        QVERIFY(m_chart->crosshairText().isEmpty());
    }

    void theMouseMovesTheCrosshair()
    {
        auto *view = m_chart->findChild<QChartView *>();
        QVERIFY(view);
        const QRectF plot = m_chart->chart()->plotArea();
        const QPoint at = view->mapFromScene(plot.center());
        QTest::mouseMove(view->viewport(), at);
        QTRY_VERIFY(!m_chart->crosshairText().isEmpty());
        QVERIFY(m_chart->crosshairText().contains(u"GPU 1: "_qs));
    }

    void legendClickTogglesALine()
    {
        QLegendMarker *marker = m_chart->chart()->legend()->markers(m_chart->lineSegments(1).constFirst()).constFirst();
        Q_EMIT marker->clicked();
        QVERIFY(!m_chart->isLineVisible(1));
        for (QLineSeries *segment : m_chart->lineSegments(1))
            QVERIFY(!segment->isVisible());
        QVERIFY(m_chart->lineSegments(0).constFirst()->isVisible());
        // Its entry stays, dimmed, so that it can be clicked again.
        QVERIFY(marker->isVisible());
        QVERIFY(marker->labelBrush().color().alphaF() < 0.5);
        QVERIFY(!m_chart->readoutAt(timeAt(kKnown)).contains(u"GPU 1"_qs));
        Q_EMIT marker->clicked();
        QVERIFY(m_chart->isLineVisible(1));
        QVERIFY(m_chart->lineSegments(1).constFirst()->isVisible());
        QVERIFY(m_chart->readoutAt(timeAt(kKnown)).contains(u"GPU 1: "_qs));
    }

    void zoomNarrowsTheAxisAndRedecimates()
    {
        auto *axis = qobject_cast<QDateTimeAxis *>(m_chart->chart()->axes(Qt::Horizontal).value(0));
        QVERIFY(axis);
        QCOMPARE(axis->min(), timeAt(0));
        QCOMPARE(axis->max(), timeAt(kCount - 1));
        // 1,000 steps around kKnown: fewer than the budget, so every point is drawn.
        m_chart->setVisibleRange(timeAt(kKnown - 500), timeAt(kKnown + 500));
        QCOMPARE(axis->min(), timeAt(kKnown - 500));
        QCOMPARE(axis->max(), timeAt(kKnown + 500));
        QTRY_COMPARE(pointsOf(*m_chart, 1), qsizetype(1003)); // the range and a neighbour each side
        const QList<QPointF> points = m_chart->lineSegments(1).constFirst()->points();
        QCOMPARE(points.first().x(), double(timeAt(kKnown - 501).toMSecsSinceEpoch()));
        QCOMPARE(points.at(501).y(), 42.5);

        // A wheel notch zooms in around the pointer.
        auto *view = m_chart->findChild<QChartView *>();
        const QPointF centre = view->mapFromScene(m_chart->chart()->plotArea().center());
        QWheelEvent wheel(centre, view->viewport()->mapToGlobal(centre), QPoint(), QPoint(0, 120), Qt::NoButton,
                          Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(view->viewport(), &wheel);
        const qint64 span = axis->min().secsTo(axis->max());
        QVERIFY2(std::abs(span - 1000 * kStep / 1.25) < kStep, qPrintable(QString::number(span)));

        // Double-click shows everything again.
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, centre.toPoint());
        QCOMPARE(axis->min(), timeAt(0));
        QCOMPARE(axis->max(), timeAt(kCount - 1));
    }

    void dragPans()
    {
        auto *view = m_chart->findChild<QChartView *>();
        auto *axis = qobject_cast<QDateTimeAxis *>(m_chart->chart()->axes(Qt::Horizontal).value(0));
        m_chart->setVisibleRange(timeAt(1000), timeAt(2000));
        const QRectF plot = m_chart->chart()->plotArea();
        const QPoint from = view->mapFromScene(plot.center());
        const QPoint to = from + QPoint(int(plot.width() / 2), 0);
        QMouseEvent press(QEvent::MouseButtonPress, from, view->viewport()->mapToGlobal(from), Qt::LeftButton,
                          Qt::LeftButton, Qt::NoModifier);
        QMouseEvent move(QEvent::MouseMove, to, view->viewport()->mapToGlobal(to), Qt::NoButton, Qt::LeftButton,
                         Qt::NoModifier);
        QMouseEvent release(QEvent::MouseButtonRelease, to, view->viewport()->mapToGlobal(to), Qt::LeftButton,
                            Qt::NoButton, Qt::NoModifier);
        QApplication::sendEvent(view->viewport(), &press);
        QApplication::sendEvent(view->viewport(), &move);
        QApplication::sendEvent(view->viewport(), &release);
        // Dragging right by half the plot shows what was half a span earlier.
        QVERIFY2(std::abs(axis->min().secsTo(timeAt(500))) <= 2 * kStep, qPrintable(axis->min().toString(Qt::ISODate)));
        QCOMPARE(axis->min().secsTo(axis->max()), 1000 * kStep);
    }

    void largeBytesGetAPrefix()
    {
        Prom::SeriesStore memory({ kStart, kStep, 4 });
        const int id = memory.insert({ { u"pod"_qs, u"a"_qs } });
        const double values[]
            = { 1.5 * 1024 * 1024 * 1024, 3.0 * 1024 * 1024 * 1024, std::nan(""), 2.0 * 1024 * 1024 * 1024 };
        std::copy(std::begin(values), std::end(values), memory.mutableValues(id).begin());
        m_chart->setUnit(u"bytes"_qs);
        m_chart->setSeries({ memory });
        QCOMPARE(m_chart->displayUnit(), u"GiB"_qs);
        QCOMPARE(m_chart->lineNames(), QStringList { u"{pod=\"a\"}"_qs });
        QCOMPARE(m_chart->lineSegments(0).size(), 2);
        QCOMPARE(m_chart->lineSegments(0).at(0)->at(1).y(), 3.0);
        QCOMPARE(m_chart->valueAt(0, timeAt(1)), std::optional<double>(values[1]));
        QVERIFY(m_chart->readoutAt(timeAt(1)).endsWith(u": 3 GiB"_qs));
    }

    void exportsNumbersAndPicture()
    {
        const QByteArray csv = m_chart->toCsv();
        const QList<QByteArray> rows = csv.split('\n');
        QCOMPARE(rows.first(), QByteArray("timestamp,GPU 0,GPU 1\r"));
        QCOMPARE(rows.size(), kCount + 2); // header, rows, the empty piece after the last CRLF
        const QByteArray known = rows.at(1 + kKnown);
        QVERIFY2(known.startsWith(QByteArray(Prom::SeriesCsv::timestamp(kStart + kStep * kKnown).toUtf8() + ',')),
                 known.constData());
        QVERIFY2(known.endsWith(",42.5\r"), known.constData());
        QVERIFY(rows.at(1 + kGapFrom).contains(",,")); // the hole is an empty cell

        const QImage image = m_chart->toImage();
        const qreal ratio = m_chart->devicePixelRatioF();
        QCOMPARE(image.size(), (m_chart->findChild<QChartView *>()->size() * ratio));
        // GPU 0's blue is drawn somewhere.
        int blue = 0;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                const QColor c = image.pixelColor(x, y);
                if (std::abs(c.red() - 0x4e) < 24 && std::abs(c.green() - 0x79) < 24 && std::abs(c.blue() - 0xa7) < 24)
                    ++blue;
            }
        }
        QVERIFY2(blue > 200, qPrintable(QString::number(blue)));
    }

private:
    std::unique_ptr<TimeSeriesChart> m_chart;
};

QTEST_MAIN(TestTimeSeriesChart)
#include "tst_timeserieschart.moc"
