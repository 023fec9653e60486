// SPDX-License-Identifier: GPL-3.0-or-later
#include "../model/sriovsnapshots.h"
#include "model/pftablemodel.h"
#include "model/vfallocationpainter.h"
#include "model/vftablemodel.h"
#include "views/sriovpage.h"
#include "views/tablepage.h"
#include "views/vfallocationchart.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QImage>
#include <QItemSelectionModel>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

using namespace Specula;
using Segment = Model::VfAllocationPainter::Segment;
using Views::SriovPage;

namespace {

QStringList rowTexts(const QAbstractItemModel *model, int row)
{
    QStringList texts;
    for (int column = 0; column < model->columnCount(); ++column)
        texts.append(model->index(row, column).data().toString());
    return texts;
}

// The row of `model` whose column `column` reads `text`; -1 when none does.
int rowWith(const QAbstractItemModel *model, int column, const QString &text)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, column).data().toString() == text)
            return row;
    }
    return -1;
}

// The x in the middle of a bar's segment: counts on one scale, the largest total (node-b's 16) fills the bar.
int segmentMiddle(const QRect &bar, int before, int count, int maxTotal)
{
    return bar.left() + int((before + count / 2.0) * bar.width() / maxTotal);
}

} // namespace

class TestSriovPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_page = std::make_unique<SriovPage>();
        m_page->resize(1100, 800);
        m_pfTester = std::make_unique<QAbstractItemModelTester>(m_page->pfTable()->proxy());
        m_vfTester = std::make_unique<QAbstractItemModelTester>(m_page->vfTable()->proxy());
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
        QVERIFY(show(TestSnapshots::sriov(), true));
    }

    void cleanup()
    {
        m_pfTester.reset();
        m_vfTester.reset();
        m_page.reset();
    }

    void barSegmentsHaveTheirColours()
    {
        auto *chart = m_page->chart();
        QCOMPARE(chart->rows().size(), 3);
        const QImage image = chart->viewport()->grab().toImage();
        const qreal dpr = image.devicePixelRatio();
        const QPalette palette = chart->palette();
        // node-a: 3 allocated, 3 free, 4 not created (10 of the widest 16).
        const QRect bar = chart->barRect(0);
        const int y = bar.center().y();
        auto pixel = [&](int x) { return image.pixelColor(QPoint(x, y) * dpr); };
        QCOMPARE(pixel(segmentMiddle(bar, 0, 3, 16)), Model::VfAllocationPainter::colour(Segment::Allocated, palette));
        QCOMPARE(pixel(segmentMiddle(bar, 3, 3, 16)), Model::VfAllocationPainter::colour(Segment::Free, palette));
        QCOMPARE(pixel(segmentMiddle(bar, 6, 4, 16)), Model::VfAllocationPainter::colour(Segment::NotCreated, palette));
        // Past its total the bar is empty.
        QCOMPARE(pixel(segmentMiddle(bar, 10, 6, 16)), palette.color(QPalette::Base));
        // node-b: nothing created, the whole bar is "not created".
        const QRect barB = chart->barRect(1);
        QCOMPARE(image.pixelColor(QPoint(barB.left() + 2, barB.center().y()) * dpr),
                 Model::VfAllocationPainter::colour(Segment::NotCreated, palette));
        QCOMPARE(image.pixelColor(QPoint(barB.right() - 2, barB.center().y()) * dpr),
                 Model::VfAllocationPainter::colour(Segment::NotCreated, palette));
        // The three colours differ from each other and from the background.
        QSet<QRgb> colours { palette.color(QPalette::Base).rgb() };
        for (auto s : { Segment::Allocated, Segment::Free, Segment::NotCreated })
            colours.insert(Model::VfAllocationPainter::colour(s, palette).rgb());
        QCOMPARE(colours.size(), 4);
    }

    void darkPaletteGetsItsOwnColours()
    {
        QPalette dark;
        dark.setColor(QPalette::Base, QColor(0x20, 0x20, 0x20));
        dark.setColor(QPalette::Window, QColor(0x30, 0x30, 0x30));
        dark.setColor(QPalette::Text, Qt::white);
        auto *chart = m_page->chart();
        chart->setPalette(dark);
        const QImage image = chart->viewport()->grab().toImage();
        const QRect bar = chart->barRect(0);
        const QColor allocated = Model::VfAllocationPainter::colour(Segment::Allocated, dark);
        QVERIFY(allocated != Model::VfAllocationPainter::colour(Segment::Allocated, QPalette(Qt::white)));
        QVERIFY(allocated.lightness() > 128); // light on dark
        QCOMPARE(image.pixelColor(QPoint(segmentMiddle(bar, 0, 3, 16), bar.center().y()) * image.devicePixelRatio()),
                 allocated);
    }

    void tooltipHasTheExactCounts()
    {
        auto *chart = m_page->chart();
        const QRect bar = chart->barRect(0);
        const QString allocated = chart->toolTipAt(QPoint(segmentMiddle(bar, 0, 3, 16), bar.center().y()));
        QVERIFY2(allocated.startsWith(u"Allocated: 3\n"_qs), qPrintable(allocated));
        QVERIFY2(allocated.contains(u"node-a: 3 allocated, 3 free, 4 not created of 10 VFs"_qs), qPrintable(allocated));
        QVERIFY2(allocated.contains(u"1 PF(s) did not report"_qs), qPrintable(allocated));
        const QRect barD = chart->barRect(2);
        const QString notCreated = chart->toolTipAt(QPoint(segmentMiddle(barD, 3, 5, 16), barD.center().y()));
        QVERIFY2(notCreated.startsWith(u"Not created: 5\n"_qs), qPrintable(notCreated));
        QVERIFY2(notCreated.contains(u"node-d: 1 allocated, 2 free, 5 not created of 8 VFs"_qs),
                 qPrintable(notCreated));
        QVERIFY(!notCreated.contains(u"did not report"_qs));
        QVERIFY(chart->toolTipAt(QPoint(10, 2)).isEmpty()); // the legend
    }

    void tablesShowThePfsAndVfs()
    {
        const auto *pfs = m_page->pfTable()->proxy();
        // eno1 is not SR-IOV capable and is not listed.
        QCOMPARE(pfs->rowCount(), 4);
        QCOMPARE(
            rowTexts(pfs, rowWith(pfs, 1, u"ens1f0"_qs)),
            (QStringList { u"node-a"_qs, u"ens1f0"_qs, u"0000:3b:00.0"_qs, u"8086:158b"_qs, u"i40e"_qs, u"25 Gb/s"_qs,
                           u"9000"_qs, u"4/8"_qs, u"openshift.io/intel_sriov_netdevice"_qs, u"1"_qs }));
        QCOMPARE(rowTexts(pfs, rowWith(pfs, 1, u"ens1f1"_qs)).mid(7), (QStringList { u"2/?"_qs, QString(), u"2"_qs }));
        QCOMPARE(pfs->index(rowWith(pfs, 1, u"ens2f0"_qs), 5).data().toString(), u"link down"_qs);

        const auto *vfs = m_page->vfTable()->proxy();
        QCOMPARE(vfs->rowCount(), 8);
        QCOMPARE(rowTexts(vfs, rowWith(vfs, 3, u"0000:3b:0a.1"_qs)),
                 (QStringList { u"node-a"_qs, u"ens1f1"_qs, u"1"_qs, u"0000:3b:0a.1"_qs, u"iavf"_qs, u"100"_qs,
                                u"a6:1b:5c:88:0e:01"_qs, QString(), u"media/encoder-0"_qs, u"net2"_qs,
                                u"telco/sriov-intel-net"_qs }));
        QCOMPARE(rowTexts(vfs, rowWith(vfs, 3, u"0000:af:00.3"_qs)).mid(7),
                 (QStringList { u"openshift.io/mlnx_sriov_rdma"_qs, QString(), QString(), QString() }));
    }

    void tablesSortByNumberOrText()
    {
        auto *view = m_page->vfTable()->view();
        const auto *vfs = m_page->vfTable()->proxy();
        view->sortByColumn(Model::VfTableModel::VfIdColumn, Qt::DescendingOrder);
        QCOMPARE(vfs->index(0, Model::VfTableModel::PciAddressColumn).data().toString(), u"0000:3b:02.3"_qs);
        QCOMPARE(vfs->index(7, Model::VfTableModel::VfIdColumn).data().toString(), u"0"_qs);
        view->sortByColumn(Model::VfTableModel::PodColumn, Qt::AscendingOrder);
        QStringList pods;
        for (int row = 0; row < vfs->rowCount(); ++row)
            pods.append(vfs->index(row, Model::VfTableModel::PodColumn).data().toString());
        QCOMPARE(pods,
                 (QStringList { QString(), QString(), QString(), QString(), u"media/encoder-0"_qs, u"ml/train-0"_qs,
                                u"telco/cnf-0"_qs, u"telco/cnf-1"_qs }));
        // A live update keeps the order: a pod that takes a free VF moves it among the held ones.
        Model::ClusterSnapshot next = TestSnapshots::sriov();
        next.nodes[0].sriov->pfs[1].vfs[1].pod = TestSnapshots::holder(u"telco"_qs, u"cnf-2"_qs);
        QVERIFY(show(next));
        QCOMPARE(vfs->index(7, Model::VfTableModel::PodColumn).data().toString(), u"telco/cnf-2"_qs);
        QCOMPARE(vfs->index(7, Model::VfTableModel::PciAddressColumn).data().toString(), u"0000:3b:02.1"_qs);

        auto *pfView = m_page->pfTable()->view();
        const auto *pfs = m_page->pfTable()->proxy();
        pfView->sortByColumn(Model::PfTableModel::AllocatedColumn, Qt::DescendingOrder);
        QCOMPARE(pfs->index(0, Model::PfTableModel::NameColumn).data().toString(), u"ens1f0"_qs); // 2 now
        QCOMPARE(pfs->index(3, Model::PfTableModel::NameColumn).data().toString(), u"ens2f0"_qs); // 0
    }

    void clickingABarFiltersTheTablesToItsNode()
    {
        auto *chart = m_page->chart();
        const auto *pfs = m_page->pfTable()->proxy();
        const auto *vfs = m_page->vfTable()->proxy();
        QSignalSpy selected(m_page.get(), &SriovPage::selectedBarChanged);
        QTest::mouseClick(chart->viewport(), Qt::LeftButton, {}, chart->barRect(1).center());
        QCOMPARE(m_page->selectedBar(), u"node-b"_qs);
        QCOMPARE(selected.takeLast().at(0).toString(), u"node-b"_qs);
        QCOMPARE(pfs->rowCount(), 1);
        QCOMPARE(pfs->index(0, 1).data().toString(), u"ens2f0"_qs);
        QCOMPARE(vfs->rowCount(), 0);

        QTest::mouseClick(chart->viewport(), Qt::LeftButton, {}, chart->rowRect(0).center());
        QCOMPARE(m_page->selectedBar(), u"node-a"_qs);
        QCOMPARE(pfs->rowCount(), 2);
        QCOMPARE(vfs->rowCount(), 6);
        for (int row = 0; row < vfs->rowCount(); ++row)
            QCOMPARE(vfs->index(row, 0).data().toString(), u"node-a"_qs);
        // The selected bar is highlighted.
        const QImage image = chart->viewport()->grab().toImage();
        const QPoint label(chart->rowRect(0).left() + 2, chart->rowRect(0).center().y());
        QVERIFY(image.pixelColor(label * image.devicePixelRatio()) != chart->palette().color(QPalette::Base));

        // A second click on the same bar shows everything again.
        QTest::mouseClick(chart->viewport(), Qt::LeftButton, {}, chart->rowRect(0).center());
        QVERIFY(m_page->selectedBar().isEmpty());
        QCOMPARE(pfs->rowCount(), 4);
        QCOMPARE(vfs->rowCount(), 8);
    }

    void perPoolBarsFilterToThePool()
    {
        m_page->setGrouping(Model::VfGrouping::Pool);
        auto *chart = m_page->chart();
        QCOMPARE(chart->rows().size(), 3);
        QCOMPARE(chart->rows().at(0).name, u"(no pool)"_qs);
        QTest::mouseClick(chart->viewport(), Qt::LeftButton, {}, chart->rowRect(0).center());
        const auto *pfs = m_page->pfTable()->proxy();
        const auto *vfs = m_page->vfTable()->proxy();
        QCOMPARE(pfs->rowCount(), 1);
        QCOMPARE(pfs->index(0, 1).data().toString(), u"ens1f1"_qs);
        QCOMPARE(vfs->rowCount(), 2);
        QTest::mouseClick(chart->viewport(), Qt::LeftButton, {}, chart->rowRect(1).center());
        QCOMPARE(m_page->selectedBar(), u"openshift.io/intel_sriov_netdevice"_qs);
        QCOMPARE(pfs->rowCount(), 2); // node-a's ens1f0 and node-b's ens2f0
        QCOMPARE(vfs->rowCount(), 4);
    }

    void namespaceFilterKeepsWhatTheNamespaceHolds()
    {
        m_page->setNamespaceFilter(u"telco"_qs);
        const auto *pfs = m_page->pfTable()->proxy();
        const auto *vfs = m_page->vfTable()->proxy();
        QCOMPARE(vfs->rowCount(), 2);
        QCOMPARE(QSet<QString>({ vfs->index(0, 8).data().toString(), vfs->index(1, 8).data().toString() }),
                 QSet<QString>({ u"telco/cnf-0"_qs, u"telco/cnf-1"_qs }));
        QCOMPARE(pfs->rowCount(), 2);
        m_page->pfTable()->setFilterText(u"ens1f1"_qs);
        QCOMPARE(pfs->rowCount(), 1);
        m_page->setNamespaceFilter(QString());
        m_page->pfTable()->setFilterText(QString());
        QCOMPARE(vfs->rowCount(), 8);
        QCOMPARE(pfs->rowCount(), 4);
    }

    void selectionSurvivesALiveUpdate()
    {
        auto *view = m_page->vfTable()->view();
        auto *vfs = m_page->vfTable()->proxy();
        const int row = rowWith(vfs, 3, u"0000:af:00.3"_qs);
        view->selectionModel()->setCurrentIndex(vfs->index(row, 0),
                                                QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QSignalSpy resets(vfs, &QAbstractItemModel::modelReset);
        QSignalSpy removed(vfs, &QAbstractItemModel::rowsRemoved);

        // A pod takes one of node-a's free VFs, and node-a's PF without a pool goes away (rows
        // before the selection disappear).
        Model::ClusterSnapshot next = TestSnapshots::sriov();
        auto &pfsA = next.nodes[0].sriov->pfs;
        pfsA[1].vfs[1].pod = TestSnapshots::holder(u"telco"_qs, u"cnf-2"_qs);
        pfsA.removeLast();
        QVERIFY(show(next));

        QCOMPARE(resets.count(), 0);
        QVERIFY(removed.count() > 0);
        QCOMPARE(vfs->rowCount(), 6);
        const QModelIndexList selected = view->selectionModel()->selectedRows();
        QCOMPARE(selected.size(), 1);
        QCOMPARE(selected.first().sibling(selected.first().row(), 3).data().toString(), u"0000:af:00.3"_qs);
        QCOMPARE(vfs->index(rowWith(vfs, 3, u"0000:3b:02.1"_qs), 8).data().toString(), u"telco/cnf-2"_qs);
        // The graph follows: node-a now holds 2 and has 2 free, with no unknown total.
        QCOMPARE(m_page->chart()->rows().at(0).counts, (Model::VfCounts { 2, 2, 4, 0 }));
    }

    void onlyTheLatestSnapshotIsShown()
    {
        const auto *vfs = m_page->vfTable()->proxy();
        // Whatever the VF table shows at any moment: the older snapshot's holder must never be.
        bool olderShown = false;
        auto check = [&] { olderShown = olderShown || rowWith(vfs, 8, u"telco/older"_qs) >= 0; };
        connect(vfs, &QAbstractItemModel::dataChanged, this, check);
        connect(vfs, &QAbstractItemModel::rowsInserted, this, check);
        connect(vfs, &QAbstractItemModel::modelReset, this, check);
        connect(vfs, &QAbstractItemModel::layoutChanged, this, check);

        Model::ClusterSnapshot older = TestSnapshots::sriov();
        older.nodes[0].sriov->pfs[1].vfs[1].pod = TestSnapshots::holder(u"telco"_qs, u"older"_qs);
        Model::ClusterSnapshot newer = TestSnapshots::sriov();
        newer.nodes[0].sriov->pfs[1].vfs[1].pod = TestSnapshots::holder(u"telco"_qs, u"newer"_qs);
        newer.nodes.removeLast(); // node-d and its VFs go
        QSignalSpy updated(m_page.get(), &SriovPage::updated);
        m_page->setSnapshot(older);
        m_page->setSnapshot(newer);
        QVERIFY(updated.wait());
        QCOMPARE(vfs->index(rowWith(vfs, 3, u"0000:3b:02.1"_qs), 8).data().toString(), u"telco/newer"_qs);
        QCOMPARE(vfs->rowCount(), 6);
        QCOMPARE(m_page->chart()->rows().size(), 2);
        // Both computations done and their results delivered: still only the newer one shown.
        QThreadPool::globalInstance()->waitForDone();
        for (int round = 0; round < 3; ++round)
            QCoreApplication::processEvents();
        QCOMPARE(updated.size(), 1);
        QVERIFY(!olderShown);
        QCOMPARE(vfs->rowCount(), 6);
        QCOMPARE(m_page->chart()->rows().size(), 2);
    }

    void aClusterSwitchResetsEvenWhenSuperseded()
    {
        m_page->setSelectedBar(u"node-a"_qs);
        QCOMPARE(m_page->vfTable()->proxy()->rowCount(), 6);
        QSignalSpy resets(m_page->vfTable()->proxy(), &QAbstractItemModel::modelReset);
        QSignalSpy updated(m_page.get(), &SriovPage::updated);
        Model::ClusterSnapshot other = TestSnapshots::sriov();
        other.nodes.removeFirst(); // node-a is not in the other cluster
        m_page->setSnapshot(other, true);
        m_page->setSnapshot(other);
        QVERIFY(updated.wait());
        // The selection went with the switch, and the tables were reset once for the new cluster.
        QVERIFY(m_page->selectedBar().isEmpty());
        QCOMPARE(resets.size(), 1);
        QCOMPARE(m_page->vfTable()->proxy()->rowCount(), 2);
        QCOMPARE(rowWith(m_page->vfTable()->proxy(), 0, u"node-a"_qs), -1);
    }

    void activatingAVfNamesIt()
    {
        QSignalSpy activated(m_page.get(), &SriovPage::vfActivated);
        m_page->tabs()->setCurrentWidget(m_page->vfTable());
        auto *view = m_page->vfTable()->view();
        auto *vfs = m_page->vfTable()->proxy();
        view->setFocus();
        view->setCurrentIndex(vfs->index(rowWith(vfs, 3, u"0000:af:00.2"_qs), 0));
        QTest::keyClick(view, Qt::Key_Return);
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.at(0).at(0).toString(), u"node-d"_qs);
        QCOMPARE(activated.at(0).at(1).toString(), u"0000:af:00.2"_qs);
    }

    void exportsWriteWhatIsShown()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto read = [](const QString &path) {
            QFile file(path);
            return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
        };
        QVERIFY(!m_page->exportTo(SriovPage::ExportTarget::GraphCsv, dir.filePath(u"graph.csv"_qs)));
        QCOMPARE(read(dir.filePath(u"graph.csv"_qs)),
                 u"Node,Allocated,Free,Not created,Total,PFs without totalVfs\r\n"
                 "node-a,3,3,4,10,1\r\nnode-b,0,0,16,16,0\r\n"
                 "node-d,1,2,5,8,0\r\n"_qs);

        m_page->setSelectedBar(u"node-d"_qs);
        QVERIFY(!m_page->exportTo(SriovPage::ExportTarget::VfCsv, dir.filePath(u"vfs.csv"_qs)));
        QCOMPARE(read(dir.filePath(u"vfs.csv"_qs)),
                 u"Node,PF,VF,PCI address,Driver,VLAN,MAC,Pool,Holding pod,Pod interface,Network\r\n"
                 "node-d,ens3f0,0,0000:af:00.2,iavf,100,a6:1b:5c:88:0e:00,openshift.io/mlnx_sriov_rdma,ml/train-0,net1,"
                 "telco/sriov-intel-net\r\n"
                 "node-d,ens3f0,1,0000:af:00.3,iavf,100,a6:1b:5c:88:0e:01,openshift.io/mlnx_sriov_rdma,,,\r\n"_qs);
        QVERIFY(!m_page->exportTo(SriovPage::ExportTarget::PfCsv, dir.filePath(u"pfs.csv"_qs)));
        QCOMPARE(read(dir.filePath(u"pfs.csv"_qs)).split(u"\r\n"_qs).at(1),
                 u"node-d,ens3f0,0000:af:00.0,8086:158b,i40e,25 Gb/s,9000,3/8,openshift.io/mlnx_sriov_rdma,1"_qs);

        QVERIFY(!m_page->exportTo(SriovPage::ExportTarget::GraphPng, dir.filePath(u"graph.png"_qs)));
        const QImage graph(dir.filePath(u"graph.png"_qs));
        QCOMPARE(graph.width(), qRound(m_page->chart()->viewport()->width() * m_page->devicePixelRatioF()));
        // Every bar is in the picture, in the page's colours: node-d's allocated segment.
        const int rowHeight = m_page->chart()->rowRect(1).top() - m_page->chart()->rowRect(0).top();
        const QRect barD = m_page->chart()->barRect(2).translated(0, m_page->chart()->verticalScrollBar()->value());
        QCOMPARE(graph.pixelColor(QPoint(segmentMiddle(barD, 0, 1, 16), barD.center().y())),
                 Model::VfAllocationPainter::colour(Segment::Allocated, m_page->chart()->palette()));
        QVERIFY(graph.height() >= 3 * rowHeight);

        QVERIFY(!m_page->exportTo(SriovPage::ExportTarget::PfPng, dir.filePath(u"pfs.png"_qs)));
        QCOMPARE(QImage(dir.filePath(u"pfs.png"_qs)).width(), m_page->pfTable()->view()->width());
        const auto error = m_page->exportTo(SriovPage::ExportTarget::VfCsv, dir.filePath(u"missing/dir/vfs.csv"_qs));
        QVERIFY(error);
        QVERIFY2(error->contains(u"missing/dir/vfs.csv"_qs), qPrintable(*error));
    }

    void thousandsOfBarsScroll()
    {
        QList<Model::VfAllocationRow> rows;
        for (int i = 0; i < 5000; ++i)
            rows.append({ u"node-%1"_qs.arg(i, 4, 10, QLatin1Char('0')), { i % 7, 8 - i % 7, 8, 0 } });
        auto *chart = m_page->chart();
        chart->setRows(rows);
        auto *scroll = chart->verticalScrollBar();
        QVERIFY(scroll->maximum() > 0);
        scroll->setValue(scroll->maximum());
        const QPoint bottom(chart->viewport()->width() / 2, chart->viewport()->height() - 2);
        QCOMPARE(chart->rowAt(bottom), 4999);
        QVERIFY2(chart->toolTipAt(bottom).contains(u"node-4999: 1 allocated, 7 free, 8 not created of 16 VFs"_qs),
                 qPrintable(chart->toolTipAt(bottom)));
        // The exported picture keeps every bar, thinner.
        const QImage image = chart->image(1.0);
        QVERIFY(image.height() <= 16000 + chart->rowRect(0).height() * 2);
        QVERIFY(image.height() >= 5000 * 3);
    }

private:
    // Sets `snapshot` and waits until the page shows it (the rows follow off the GUI thread).
    bool show(const Model::ClusterSnapshot &snapshot, bool reset = false)
    {
        QSignalSpy updated(m_page.get(), &SriovPage::updated);
        m_page->setSnapshot(snapshot, reset);
        return updated.wait(10000);
    }

    std::unique_ptr<SriovPage> m_page;
    std::unique_ptr<QAbstractItemModelTester> m_pfTester;
    std::unique_ptr<QAbstractItemModelTester> m_vfTester;
};

QTEST_MAIN(TestSriovPage)
#include "tst_sriovpage.moc"
