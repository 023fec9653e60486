// SPDX-License-Identifier: GPL-3.0-or-later
#include "../model/testsnapshots.h"
#include "export/tablecsv.h"
#include "model/topologymappainter.h"
#include "model/topologymodel.h"
#include "model/vfallocationpainter.h"
#include "views/detailspanel.h"
#include "views/topologymappanel.h"
#include "views/topologymapview.h"
#include "views/topologypage.h"

#include <QComboBox>
#include <QFile>
#include <QImage>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Specula;
using Segment = Model::VfAllocationPainter::Segment;

namespace {

const QString kMigAaaa = u"cluster|node:gpu-a|gpu:GPU-0000|mig:MIG-aaaa"_qs;
const QString kVf0 = u"cluster|node:sriov-0|pf:0000:3b:00.0|vf:0000:3b:02.0"_qs;

} // namespace

class TestTopologyMapView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_model = std::make_unique<Model::TopologyModel>();
        m_page = std::make_unique<Views::TopologyPage>(m_model.get());
        m_page->resize(1400, 800);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
        showSnapshot(TestSnapshots::withReadings());
        view()->setZoom(1);
    }

    void cleanup()
    {
        m_page.reset();
        m_model.reset();
    }

    void showsEveryNodeFitted()
    {
        QCOMPARE(view()->map().nodes().size(), 3);
        QCOMPARE(panel()->statusText(), u"3 nodes"_qs);
        view()->fitAll();
        // The whole map is in view.
        const QRect shown = view()->mapFromScene(view()->map().bounds()).boundingRect();
        QVERIFY(view()->viewport()->rect().contains(shown));
    }

    void cellsAreColouredByAllocation()
    {
        const QImage image = view()->viewport()->grab().toImage();
        const QPalette palette = view()->palette();
        QCOMPARE(pixelAt(image, u"gpu-a"_qs, u"GPU-1111"_qs),
                 Model::VfAllocationPainter::colour(Segment::Allocated, palette));
        QCOMPARE(pixelAt(image, u"sriov-0"_qs, u"0000:3b:02.1"_qs),
                 Model::VfAllocationPainter::colour(Segment::Free, palette));
        QCOMPARE(pixelAt(image, u"sriov-0"_qs, u"0000:3b:02.0"_qs),
                 Model::VfAllocationPainter::colour(Segment::Allocated, palette));
    }

    void farAwayEachNodeIsOneColour()
    {
        view()->setZoom(0.1);
        const QImage image = view()->viewport()->grab().toImage();
        for (const auto &node : view()->map().nodes()) {
            const QPoint at = view()->mapFromScene(node.rect.center());
            QCOMPARE(QColor(image.pixel(at)), view()->painter().nodeColour(node));
        }
        // The nodes differ: gpu-a a third held, sriov-0 a quarter.
        QVERIFY(view()->painter().nodeColour(view()->map().nodes()[0])
                != view()->painter().nodeColour(view()->map().nodes()[2]));
    }

    void metricColouringFollowsTheChoice()
    {
        QSignalSpy shown(panel(), &Views::TopologyMapPanel::mapShown);
        auto *box = panel()->coloringBox();
        box->setCurrentIndex(box->findText(u"Utilization"_qs));
        Q_EMIT box->activated(box->currentIndex());
        QVERIFY(shown.wait());
        QCOMPARE(panel()->coloring(), Model::MapColoring::Utilization);
        const QImage image = view()->viewport()->grab().toImage();
        const auto &scale = view()->map().scale();
        QCOMPARE(pixelAt(image, u"gpu-a"_qs, u"GPU-1111"_qs), QColor::fromRgb(scale.color(2.0, 0)));
        QCOMPARE(pixelAt(image, u"gpu-a"_qs, u"MIG-aaaa"_qs), QColor::fromRgb(scale.color(1.0, 0)));
        // VFs keep their allocation colours.
        QCOMPARE(pixelAt(image, u"sriov-0"_qs, u"0000:3b:02.1"_qs),
                 Model::VfAllocationPainter::colour(Segment::Free, view()->palette()));
    }

    void aClickOnTheMapSelectsInTheTree()
    {
        const QPoint at = pointOf(u"gpu-a"_qs, u"MIG-aaaa"_qs);
        QTest::mouseClick(view()->viewport(), Qt::LeftButton, {}, at);
        QCOMPARE(view()->selectedKey(), kMigAaaa);
        QCOMPARE(m_page->view()->currentIndex().data(Model::TopologyModel::KeyRole).toString(), kMigAaaa);
        QVERIFY(m_page->details()->toPlainText().contains(u"MIG-aaaa"_qs));
        // The outline goes round the selected slice.
        QCOMPARE(view()->selectedCellOf(0), 1);
        QCOMPARE(view()->selectedCellOf(1), -1);
    }

    void theTreesSelectionShowsOnTheMap()
    {
        QVERIFY(m_page->selectKey(kVf0));
        QCOMPARE(view()->selectedKey(), kVf0);
        QCOMPARE(view()->selectedCellOf(2), 0);
        // A pod under a device selects the device.
        QVERIFY(m_page->selectKey(kVf0 + u"|pod:telco/cnf-0"_qs));
        QCOMPARE(view()->selectedCellOf(2), 0);
        const QImage image = view()->viewport()->grab().toImage();
        const auto &node = view()->map().nodes()[2];
        const QPointF outline = node.rect.topLeft() + node.cells[0].rect.topLeft() + QPointF(-1, 10);
        QCOMPARE(QColor(image.pixel(view()->mapFromScene(outline))), view()->palette().color(QPalette::Text));
    }

    void theFilterFieldSearchesTheMapToo()
    {
        QSignalSpy shown(panel(), &Views::TopologyMapPanel::mapShown);
        m_page->setFilterText(u"infer-0"_qs);
        QVERIFY(shown.wait());
        QCOMPARE(view()->map().nodes().size(), 1);
        QCOMPARE(view()->map().nodes()[0].name, u"gpu-a"_qs);
        QCOMPARE(panel()->statusText(), u"1 of 3 nodes"_qs);
    }

    void namespaceFilterAndLabelSelector()
    {
        QSignalSpy shown(panel(), &Views::TopologyMapPanel::mapShown);
        m_page->setNamespaceFilter(u"telco"_qs);
        QVERIFY(shown.wait());
        QCOMPARE(view()->map().nodes().size(), 1);
        m_page->setNamespaceFilter({});
        QVERIFY(shown.wait());
        QCOMPARE(view()->map().nodes().size(), 3);

        const auto error = panel()->setSelector(u"gpu in (a"_qs);
        QVERIFY(error);
        QVERIFY2(panel()->statusText().startsWith(u"Label selector not used: "_qs), qPrintable(panel()->statusText()));
        QCOMPARE(view()->map().nodes().size(), 3);
        QVERIFY(!panel()->setSelector(u"!nvidia.com/gpu.product"_qs));
        QVERIFY(shown.wait());
        QCOMPARE(view()->map().nodes().size(), 3); // no node of the test cluster has the label
        QCOMPARE(panel()->statusText(), u"3 nodes"_qs);
    }

    void hoverTellsWhatIsThere()
    {
        const QString text = view()->toolTipAt(pointOf(u"gpu-a"_qs, u"GPU-1111"_qs));
        QVERIFY2(text.contains(u"GPU 1 · GPU-1111"_qs) && text.contains(u"held by ml/infer-0"_qs), qPrintable(text));
        QVERIFY(view()->toolTipAt(QPoint(-100, -100)).isEmpty());
    }

    void keysZoom()
    {
        view()->setFocus();
        const double before = view()->zoom();
        QTest::keyClick(view(), Qt::Key_Plus);
        QCOMPARE(view()->zoom(), before * 1.5);
        QTest::keyClick(view(), Qt::Key_Minus);
        QCOMPARE(view()->zoom(), before);
        view()->setZoom(100);
        QCOMPARE(view()->zoom(), Views::TopologyMapView::kMaxScale);
    }

    void exportsTheMapAndItsDevices()
    {
        QTemporaryDir dir;
        const QString csvPath = dir.filePath(u"topology.csv"_qs);
        QVERIFY(!panel()->exportTo(Views::TopologyMapPanel::ExportTarget::MapCsv, csvPath));
        QFile csv(csvPath);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QCOMPARE(csv.readAll(), Export::TableCsv::toCsv(*view()->map().cellTable()));

        const QString pngPath = dir.filePath(u"topology.png"_qs);
        QVERIFY(!panel()->exportTo(Views::TopologyMapPanel::ExportTarget::MapPng, pngPath));
        const QImage image(pngPath);
        QVERIFY(!image.isNull());
        // Three nodes are drawn at twice their size below the legend: GPU 1 is held.
        const Model::TopologyMapPainter &painter = view()->painter();
        const auto &node = view()->map().nodes()[0];
        const QPointF cell = node.rect.topLeft() + node.cells[3].rect.center();
        const QPoint at = (QPointF(8, painter.legendHeight()) + cell * 2).toPoint();
        QCOMPARE(QColor(image.pixel(at)), Model::VfAllocationPainter::colour(Segment::Allocated, view()->palette()));
        QVERIFY(!panel()
                     ->exportTo(Views::TopologyMapPanel::ExportTarget::MapCsv, dir.filePath(u"no/such/dir.csv"_qs))
                     ->isEmpty());
    }

private:
    Views::TopologyMapPanel *panel() const { return m_page->map(); }
    Views::TopologyMapView *view() const { return m_page->map()->view(); }

    void showSnapshot(const Model::ClusterSnapshot &snapshot)
    {
        QSignalSpy shown(panel(), &Views::TopologyMapPanel::mapShown);
        m_page->showSnapshot(snapshot, true);
        QVERIFY(shown.wait());
    }

    QPoint pointOf(const QString &nodeName, const QString &cellId) const
    {
        for (const auto &node : view()->map().nodes()) {
            if (node.name != nodeName)
                continue;
            for (const auto &cell : node.cells) {
                if (cell.id == cellId)
                    return view()->mapFromScene(node.rect.topLeft() + cell.rect.center());
            }
        }
        return {};
    }

    QColor pixelAt(const QImage &image, const QString &nodeName, const QString &cellId) const
    {
        // Away from the label text in the cell's middle.
        return QColor(image.pixel(pointOf(nodeName, cellId) + QPoint(0, 0)));
    }

    std::unique_ptr<Model::TopologyModel> m_model;
    std::unique_ptr<Views::TopologyPage> m_page;
};

QTEST_MAIN(TestTopologyMapView)
#include "tst_topologymapview.moc"
