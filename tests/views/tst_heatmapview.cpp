// SPDX-License-Identifier: GPL-3.0-or-later
#include "../model/heatmapfixture.h"
#include "model/heatmapraster.h"
#include "views/heatmaplegend.h"
#include "views/heatmappage.h"
#include "views/heatmapview.h"

#include <QComboBox>
#include <QDateTime>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QThreadPool>

using namespace Specula;
using Model::HeatmapData;
using Views::HeatmapView;
namespace Fixture = HeatmapFixture;

namespace {

HeatmapData fixtureData()
{
    return HeatmapData::build(Fixture::snapshot(), Prom::Metric::GpuUtil, Fixture::utilization(), Fixture::catalogue());
}

HeatmapData largeData(int nodes, double (*value)(int row, int step))
{
    Model::ClusterSnapshot snapshot;
    Prom::CompactSeriesStore store;
    Fixture::large(nodes, 8, 24, value, snapshot, store);
    return HeatmapData::build(snapshot, Prom::Metric::GpuUtil, store, Fixture::catalogue());
}

QPoint centre(const QRectF &rect)
{
    return rect.center().toPoint();
}

} // namespace

class TestHeatmapView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_view = std::make_unique<HeatmapView>();
        m_view->resize(800, 400);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
        m_data = fixtureData();
        m_view->setContent(m_data, Model::HeatmapRaster::build(m_data));
    }

    void cleanup() { m_view.reset(); }

    QRgb noData() const { return m_view->palette().color(QPalette::Mid).rgb(); }

    QImage shot() const { return m_view->viewport()->grab().toImage(); }

    // Each cell is painted in its value's colour; cells without data in the "no data" colour.
    void cellColours()
    {
        const QImage image = shot();
        const Model::HeatmapScale &scale = m_data.scale();
        struct Cell
        {
            int row, step;
            double value;
        };
        for (const Cell &cell : { Cell { 0, 0, 10 }, Cell { 0, 2, 30 }, Cell { 1, 1, 5 }, Cell { 3, 2, 50 },
                                  Cell { 4, 0, 0 }, Cell { 2, 1, Fixture::kNaN }, Cell { 0, 3, Fixture::kNaN } }) {
            const QPoint at = centre(m_view->cellRect(cell.row, cell.step));
            QVERIFY(m_view->plotRect().contains(at));
            QCOMPARE(QColor(image.pixel(at)), QColor(scale.color(cell.value, noData())));
        }
        // Different values, different colours: the test would notice a flat paint.
        QVERIFY(image.pixel(centre(m_view->cellRect(0, 0))) != image.pixel(centre(m_view->cellRect(3, 2))));
    }

    void toolTip()
    {
        const QString text = m_view->toolTipAt(centre(m_view->cellRect(1, 1)));
        const QString time
            = QDateTime::fromSecsSinceEpoch(Fixture::kStart + Fixture::kStep).toString(u"yyyy-MM-dd HH:mm:ss"_qs);
        QCOMPARE(text,
                 u"gpu-a · GPU 1\nGPU-a1\nNVIDIA H100\nPods: dev/y, ml/x\nUtilization at %1: 5 %\n"
                 "Idle while allocated"_qs.arg(time));
        QVERIFY(m_view->toolTipAt(QPoint(2, 2)).isEmpty()); // the label column
        const QString slice = m_view->toolTipAt(centre(m_view->cellRect(3, 0)));
        QVERIFY2(slice.startsWith(u"gpu-b · GPU 0 · 1g.10gb #1\n"_qs), qPrintable(slice));
    }

    void clickReportsTheDevice()
    {
        QSignalSpy activated(m_view.get(), &HeatmapView::deviceActivated);
        QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, centre(m_view->cellRect(1, 2)));
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.first().first().toString(), u"GPU-a1"_qs);
        QCOMPARE(m_view->selectedKey(), u"gpu-a|GPU-a1|"_qs);
        QTest::keyClick(m_view.get(), Qt::Key_Down);
        QCOMPARE(m_view->selectedKey(), u"gpu-b|GPU-b0|"_qs);
        QTest::keyClick(m_view.get(), Qt::Key_Return);
        QCOMPARE(activated.size(), 2);
        QCOMPARE(activated.last().first().toString(), u"GPU-b0"_qs);
    }

    // The now grid: one tile per device in its newest value's colour, grouped by node.
    void nowGrid()
    {
        m_view->setMode(HeatmapView::Mode::NowGrid);
        const QImage image = shot();
        const Model::HeatmapScale &scale = m_data.scale();
        const QList<double> latest { 30, 4, Fixture::kNaN, 50, 0, Fixture::kNaN };
        for (int row = 0; row < latest.size(); ++row) {
            const QRect tile = m_view->tileRect(row);
            QVERIFY(m_view->plotRect().contains(tile));
            QCOMPARE(QColor(image.pixel(tile.topLeft() + QPoint(4, 4))), QColor(scale.color(latest[row], noData())));
        }
        // gpu-b's tiles start a new group below gpu-a's.
        QCOMPARE(m_view->tileRect(1).top(), m_view->tileRect(0).top());
        QVERIFY(m_view->tileRect(2).top() > m_view->tileRect(1).bottom());
        QVERIFY(m_view->toolTipAt(m_view->tileRect(3).center()).endsWith(u"Utilization now: 50 %"_qs));

        QSignalSpy activated(m_view.get(), &HeatmapView::deviceActivated);
        QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, m_view->tileRect(5).center());
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.first().first().toString(), u"GPU-b1"_qs);
    }

    // New values for the same rows: the selection and the scroll position stay, the colours change.
    void liveUpdateKeepsSelectionAndScroll()
    {
        const HeatmapData first = largeData(200, [](int, int) { return 10.0; });
        m_view->setContent(first, Model::HeatmapRaster::build(first));
        QVERIFY(m_view->verticalScrollBar()->maximum() > 5000);
        m_view->verticalScrollBar()->setValue(5000);
        const int row = int((5000 + 100) / m_view->rowHeight());
        QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, centre(m_view->cellRect(row, 3)));
        const QString selected = first.row(row).key();
        QCOMPARE(m_view->selectedKey(), selected);

        const HeatmapData second = largeData(200, [](int, int) { return 90.0; });
        m_view->setContent(second, Model::HeatmapRaster::build(second));
        QCOMPARE(m_view->verticalScrollBar()->value(), 5000);
        QCOMPARE(m_view->selectedKey(), selected);
        const QImage image = shot();
        QCOMPARE(QColor(image.pixel(centre(m_view->cellRect(row + 2, 5)))), QColor(second.scale().color(90, noData())));
    }

    // More rows than pixels: each pixel line shows the highest of the rows it covers.
    void rowsThinnerThanPixels()
    {
        const HeatmapData data = largeData(150, [](int row, int) { return row % 3 == 1 ? 90.0 : 10.0; });
        m_view->setContent(data, Model::HeatmapRaster::build(data));
        m_view->setRowHeight(m_view->fittingRowHeight());
        QVERIFY(m_view->rowHeight() < 0.5);
        QCOMPARE(m_view->verticalScrollBar()->maximum(), 0);
        const QImage image = shot();
        const QRect plot = m_view->plotRect();
        const QColor busy(data.scale().color(90, noData()));
        for (int y = plot.top() + 2; y < plot.top() + int(data.rowCount() * m_view->rowHeight()) - 2; y += 37)
            QCOMPARE(QColor(image.pixel(plot.center().x(), y)), busy);
        // Hovering tells the row whose value is shown.
        QVERIFY(m_view->toolTipAt(QPoint(plot.center().x(), plot.top() + 40)).contains(u": 90 %"_qs));
    }

    void legend()
    {
        Views::HeatmapLegend legend;
        legend.resize(legend.sizeHint());
        legend.setScale(Model::HeatmapScale::forMetric(Prom::Metric::GpuTemp), u"Temperature"_qs);
        const QImage image = legend.grab().toImage();
        const QRect bar = legend.barRect();
        QCOMPARE(QColor(image.pixel(bar.left(), bar.center().y())), QColor(Model::HeatmapScale::rampColor(0)));
        QCOMPARE(QColor(image.pixel(bar.right(), bar.center().y())), QColor(Model::HeatmapScale::rampColor(1)));
    }

    // The page joins and colours off the GUI thread; its filter and metric box act on the view.
    void page()
    {
        Views::HeatmapPage page;
        page.resize(1000, 500);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QSignalSpy ready(&page, &Views::HeatmapPage::contentReady);
        page.setSnapshot(Fixture::snapshot());
        page.setSeries(Prom::Metric::GpuUtil, Fixture::utilization(), Fixture::catalogue());
        QTRY_COMPARE(page.view()->data().rowCount(), 6);
        QCOMPARE(page.view()->data().value(1, 1), 5.0);
        QCOMPARE(page.statusText(), u"6 GPU(s) · 1 idle while allocated"_qs);

        // A live update that changes no row is not joined and drawn again; one that does is.
        QTRY_VERIFY(!ready.isEmpty());
        const auto settle = [] {
            QThreadPool::globalInstance()->waitForDone();
            QCoreApplication::processEvents();
        };
        settle();
        ready.clear();
        Model::ClusterSnapshot update = Fixture::snapshot();
        update.podCount += 3;
        page.setSnapshot(update);
        settle();
        QCOMPARE(ready.size(), 0);
        update.nodes[2].gpu->devices[1].pods = { { u"ml"_qs, u"infer"_qs, u"main"_qs } };
        page.setSnapshot(update);
        QTRY_COMPARE(ready.size(), 1);
        QCOMPARE(page.view()->data().row(page.view()->data().find(u"gpu-b|GPU-b1|"_qs)).podsText(), u"ml/infer"_qs);

        page.setNamespaceFilter(u"dev"_qs);
        QTRY_COMPARE(page.view()->data().rowCount(), 1);
        QCOMPARE(page.view()->data().row(0).uuid, u"GPU-a1"_qs);

        page.setNamespaceFilter({});
        // Another metric's late answer is not drawn on this metric's scale.
        page.setSeries(Prom::Metric::GpuTemp, Fixture::utilization(), Fixture::catalogue());
        QSignalSpy metric(&page, &Views::HeatmapPage::metricChanged);
        auto *box = page.findChild<QComboBox *>();
        QVERIFY(box);
        box->setCurrentIndex(box->findText(u"Temperature"_qs));
        Q_EMIT box->activated(box->currentIndex());
        QCOMPARE(metric.size(), 1);
        QCOMPARE(metric.first().first().value<Prom::Metric>(), Prom::Metric::GpuTemp);
        QTRY_COMPARE(page.legend()->scale().minimum(), 20.0);
        QCOMPARE(page.view()->data().metric(), Prom::Metric::GpuTemp);
        // Until the temperatures come: the snapshot's own GPUs, without the old metric's numbers.
        QCOMPARE(page.view()->data().rowCount(), 2);
        QCOMPARE(page.view()->data().axis().count, 0);

        const QImage image = page.renderImage();
        QCOMPARE(image.size(), page.view()->size() + QSize(0, page.legend()->height()));
    }

    // On screen, the last heatmap stays until the next is built. Hidden, the page lets go of it
    // first (the two would be held at once); the selection stays for when it is built again.
    void hiddenPageLetsGoOfTheLastHeatmap()
    {
        Views::HeatmapPage page;
        page.resize(1000, 500);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.setSnapshot(Fixture::snapshot());
        page.setSeries(Prom::Metric::GpuUtil, Fixture::utilization(), Fixture::catalogue());
        QTRY_COMPARE(page.view()->data().rowCount(), 6);
        const QString selected = u"gpu-a|GPU-a1|"_qs;
        page.view()->setSelectedKey(selected);

        QSignalSpy ready(&page, &Views::HeatmapPage::contentReady);
        page.setSeries(Prom::Metric::GpuUtil, Fixture::utilization(), Fixture::catalogue());
        QCOMPARE(page.view()->data().rowCount(), 6);
        QTRY_COMPARE(ready.size(), 1);

        page.hide();
        page.setSeries(Prom::Metric::GpuUtil, Fixture::utilization(), Fixture::catalogue());
        QCOMPARE(page.view()->data().rowCount(), 0);
        QTRY_COMPARE(ready.size(), 2);
        QCOMPARE(page.view()->data().rowCount(), 6);
        QCOMPARE(page.view()->selectedKey(), selected);
    }

private:
    std::unique_ptr<HeatmapView> m_view;
    HeatmapData m_data;
};

QTEST_MAIN(TestHeatmapView)
#include "tst_heatmapview.moc"
