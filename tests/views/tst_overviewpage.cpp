// SPDX-License-Identifier: GPL-3.0-or-later
#include "../model/testsnapshots.h"
#include "model/idlegputablemodel.h"
#include "views/exportactions.h"
#include "views/overviewpage.h"
#include "views/tablepage.h"

#include <QCommandLinkButton>
#include <QFile>
#include <QLabel>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Specula;
using Target = Views::OverviewPage::Target;
using IdleColumn = Model::IdleGpuTableModel::Column;

namespace {

// withReadings plus pods waiting for a MIG slice, a VF and an FPGA.
Model::ClusterSnapshot cluster()
{
    auto s = TestSnapshots::withReadings();
    const auto pending = TestSnapshots::withPending();
    for (const auto &pod : pending.pods) {
        if (pod.pending)
            s.pods.append(pod);
    }
    std::sort(s.pods.begin(), s.pods.end(), [](const auto &a, const auto &b) { return a.key() < b.key(); });
    return s;
}

} // namespace

class TestOverviewPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_page = std::make_unique<Views::OverviewPage>();
        m_page->resize(1200, 700);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
        QVERIFY(show([&] { m_page->setSnapshot(cluster()); }));
    }

    void cleanup() { m_page.reset(); }

    void showsEachFigure_data()
    {
        QTest::addColumn<QString>("figure");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("description");
        QTest::addRow("GPUs") << u"gpusFigure"_qs << u"GPUs: 1 of 4 allocated"_qs
                              << u"1 busy (≥ 10 % utilization) of 2 with readings"_qs;
        QTest::addRow("MIG") << u"migFigure"_qs << u"MIG slices: 2 of 11 allocated"_qs << u"9 free"_qs;
        QTest::addRow("idle") << u"idleFigure"_qs << u"Allocated but idle: 2 GPUs"_qs
                              << u"held by a pod, utilization under 5 % (latest reading, no range data)"_qs;
        QTest::addRow("VFs") << u"vfsFigure"_qs << u"VFs: 1 of 4 allocated"_qs
                             << u"60 not created (totalVfs − numVfs)"_qs;
        QTest::addRow("pending") << u"pendingFigure"_qs << u"Waiting for devices: 3 pods"_qs
                                 << u"for GPUs: 2 · for VFs: 1"_qs;
        QTest::addRow("pods") << u"podsFigure"_qs << u"4 pods hold devices"_qs << u"all namespaces"_qs;
        QTest::addRow("power") << u"powerFigure"_qs << u"GPU power: 401 W"_qs << u"sum of the latest readings"_qs;
    }

    void showsEachFigure()
    {
        QFETCH(QString, figure);
        QFETCH(QString, text);
        QFETCH(QString, description);
        auto *button = m_page->findChild<QCommandLinkButton *>(figure);
        QVERIFY(button);
        QCOMPARE(button->text(), text);
        QCOMPARE(button->description(), description);
    }

    void unknownFiguresReadAsDash()
    {
        QVERIFY(show([&] { m_page->setSnapshot(TestSnapshots::topology()); }));
        QCOMPARE(m_page->findChild<QCommandLinkButton *>(u"powerFigure"_qs)->text(), u"GPU power: —"_qs);
        QCOMPARE(m_page->findChild<QCommandLinkButton *>(u"gpusFigure"_qs)->description(),
                 u"busy: — (no utilization readings)"_qs);
        auto s = TestSnapshots::topology();
        s.nodes.removeIf([](const Model::NodeSummary &n) { return n.gpu.has_value(); });
        QVERIFY(show([&] { m_page->setSnapshot(s); }));
        QCOMPARE(m_page->findChild<QCommandLinkButton *>(u"gpusFigure"_qs)->text(), u"GPUs: 0 of — allocated"_qs);
    }

    void figuresAreLinks_data()
    {
        QTest::addColumn<QString>("figure");
        QTest::addColumn<Target>("target");
        QTest::addRow("GPUs") << u"gpusFigure"_qs << Target::Heatmap;
        QTest::addRow("MIG") << u"migFigure"_qs << Target::Topology;
        QTest::addRow("idle") << u"idleFigure"_qs << Target::Heatmap;
        QTest::addRow("VFs") << u"vfsFigure"_qs << Target::Sriov;
        QTest::addRow("pending") << u"pendingFigure"_qs << Target::Pending;
        QTest::addRow("pods") << u"podsFigure"_qs << Target::Pods;
        QTest::addRow("power") << u"powerFigure"_qs << Target::Heatmap;
    }

    void figuresAreLinks()
    {
        QFETCH(QString, figure);
        QFETCH(Target, target);
        QSignalSpy requested(m_page.get(), &Views::OverviewPage::pageRequested);
        auto *button = m_page->findChild<QCommandLinkButton *>(figure);
        QTest::mouseClick(button, Qt::LeftButton, {}, button->rect().center());
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.first().first().value<Target>(), target);
        // Keyboard users reach it too.
        button->setFocus();
        QTest::keyClick(button, Qt::Key_Space);
        QCOMPARE(requested.size(), 2);
    }

    void idleTableFromLatestThenFromRangeMeans()
    {
        auto *proxy = m_page->idleTable()->proxy();
        QCOMPARE(proxy->rowCount(), 2);
        QVERIFY(m_page->findChild<QLabel *>(u"idleHeading"_qs)->text().contains(u"latest reading, no range data"_qs));

        QVERIFY(show([&] {
            m_page->setMeanUtilization({ { u"GPU-1111"_qs, 30.0 }, { u"MIG-aaaa"_qs, 4.5 } }, u"last 1 h"_qs);
        }));
        QCOMPARE(m_page->findChild<QCommandLinkButton *>(u"idleFigure"_qs)->description(),
                 u"held by a pod, utilization under 5 % (mean over last 1 h)"_qs);
        QCOMPARE(proxy->rowCount(), 1);
        QStringList cells;
        for (int column = 0; column < IdleColumn::ColumnCount; ++column)
            cells.append(proxy->index(0, column).data().toString());
        QCOMPARE(cells,
                 (QStringList { u"train-0"_qs, u"ml"_qs, u"gpu-a"_qs, u"MIG 1g.10gb · MIG-aaaa"_qs, u"4.5 %"_qs }));
    }

    void idleSelectionSurvivesAnUpdateOfAnotherRow()
    {
        QVERIFY(show([&] {
            m_page->setMeanUtilization({ { u"GPU-1111"_qs, 1.0 }, { u"MIG-aaaa"_qs, 2.0 } }, u"last 1 h"_qs);
        }));
        auto *view = m_page->idleTable()->view();
        auto *proxy = m_page->idleTable()->proxy();
        const auto matches = proxy->match(proxy->index(0, IdleColumn::PodColumn), Qt::DisplayRole, u"train-0"_qs);
        QCOMPARE(matches.size(), 1);
        view->setCurrentIndex(matches.first());
        QSignalSpy resets(m_page->idleModel(), &QAbstractItemModel::modelReset);

        QVERIFY(show([&] {
            m_page->setMeanUtilization({ { u"GPU-1111"_qs, 3.0 }, { u"MIG-aaaa"_qs, 2.0 } }, u"last 1 h"_qs);
        }));
        QCOMPARE(resets.size(), 0);
        QCOMPARE(view->currentIndex().siblingAtColumn(IdleColumn::PodColumn).data().toString(), u"train-0"_qs);
        QCOMPARE(view->selectionModel()->selectedRows().size(), 1);
        const auto infer = proxy->match(proxy->index(0, IdleColumn::PodColumn), Qt::DisplayRole, u"infer-0"_qs);
        QCOMPARE(infer.first().siblingAtColumn(IdleColumn::UtilColumn).data().toString(), u"3.0 %"_qs);
    }

    // Rows whose utilization changes, with unchanged rows between them, are reported as one run
    // across the utilization column.
    void idleRowsThatChangeAreOneRun()
    {
        Model::IdleGpuTableModel model;
        QList<Model::IdleGpu> idle;
        for (int i = 0; i < 5; ++i)
            idle.append({ u"ml"_qs, u"pod-%1"_qs.arg(i), u"gpu-a"_qs, u"GPU-%1"_qs.arg(i), u"GPU %1"_qs.arg(i), 1.0 });
        model.setIdle(idle);
        for (int i : { 0, 2, 4 })
            idle[i].utilPercent = 2.0;
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setIdle(idle);
        QCOMPARE(changed.size(), 1);
        const auto topLeft = changed.first().at(0).value<QModelIndex>();
        const auto bottomRight = changed.first().at(1).value<QModelIndex>();
        QCOMPARE(std::pair(topLeft.row(), bottomRight.row()), std::pair(0, 4));
        QCOMPARE(std::pair(topLeft.column(), bottomRight.column()),
                 std::pair(int(IdleColumn::UtilColumn), int(IdleColumn::UtilColumn)));
        QCOMPARE(model.index(2, IdleColumn::UtilColumn).data().toString(), u"2.0 %"_qs);
    }

    // Past a few hundred rows coming and going, the table changes its layout once, and what a
    // view holds (persistent indexes) follows its rows by key.
    void manyIdleChangesAreOneLayoutChange()
    {
        Model::IdleGpuTableModel model;
        const auto gpus = [](int from, int to) {
            QList<Model::IdleGpu> idle;
            for (int i = from; i < to; ++i)
                idle.append({ u"ml"_qs, u"pod-%1"_qs.arg(i, 4, 10, QLatin1Char('0')), u"gpu-a"_qs, u"GPU-%1"_qs.arg(i),
                              u"GPU %1"_qs.arg(i), 1.0 });
            return idle;
        };
        model.setIdle(gpus(0, 600));
        const QPersistentModelIndex kept(model.index(450, IdleColumn::NodeColumn));
        const QPersistentModelIndex gone(model.index(10, IdleColumn::PodColumn));
        QSignalSpy layouts(&model, &QAbstractItemModel::layoutChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        model.setIdle(gpus(300, 900));
        QCOMPARE(layouts.size(), 1);
        QCOMPARE(inserted.size(), 0);
        QCOMPARE(resets.size(), 0);
        QCOMPARE(model.rowCount(), 600);
        QVERIFY(!gone.isValid());
        QCOMPARE(kept.row(), 150);
        QCOMPARE(kept.column(), int(IdleColumn::NodeColumn));
        QCOMPARE(model.index(kept.row(), IdleColumn::PodColumn).data().toString(), u"pod-0450"_qs);
    }

    void namespaceFilterNarrowsPodFigures()
    {
        QVERIFY(show([&] { m_page->setNamespaceFilter(u"telco"_qs); }));
        QCOMPARE(m_page->idleTable()->proxy()->rowCount(), 0);
        QCOMPARE(m_page->findChild<QCommandLinkButton *>(u"pendingFigure"_qs)->text(),
                 u"Waiting for devices: 1 pod"_qs);
        QCOMPARE(m_page->findChild<QCommandLinkButton *>(u"podsFigure"_qs)->description(), u"namespace telco"_qs);
        QCOMPARE(m_page->findChild<QCommandLinkButton *>(u"gpusFigure"_qs)->text(), u"GPUs: 1 of 4 allocated"_qs);
    }

    void readableInADarkPalette()
    {
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(30, 30, 30));
        dark.setColor(QPalette::WindowText, QColor(235, 235, 235));
        dark.setColor(QPalette::Button, QColor(45, 45, 45));
        dark.setColor(QPalette::ButtonText, QColor(235, 235, 235));
        dark.setColor(QPalette::Base, QColor(20, 20, 20));
        dark.setColor(QPalette::Text, QColor(235, 235, 235));
        m_page->setPalette(dark);
        const QImage image = m_page->findChild<QCommandLinkButton *>(u"gpusFigure"_qs)->grab().toImage();
        int light = 0;
        int darkPixels = 0;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                const int lightness = image.pixelColor(x, y).lightness();
                light += lightness > 180 ? 1 : 0;
                darkPixels += lightness < 80 ? 1 : 0;
            }
        }
        // Light text on a dark ground: the figure follows the palette.
        QVERIFY2(light > 50, qPrintable(QString::number(light)));
        QVERIFY2(darkPixels > image.width() * image.height() / 2, qPrintable(QString::number(darkPixels)));
    }

    void exportsTheIdleTable()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"idle.csv"_qs);
        QVERIFY2(!m_page->exportActions()->exportCsv(path), "export failed");
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(),
                 QByteArray("Pod,Namespace,Node,GPU,Utilization\r\n"
                            "train-0,ml,gpu-a,MIG 1g.10gb · MIG-aaaa,1.0 %\r\n"
                            "infer-0,ml,gpu-a,GPU 1 · GPU-1111,2.0 %\r\n"));
        const QString png = dir.filePath(u"overview.png"_qs);
        QVERIFY2(!m_page->exportActions()->exportPng(png), "export failed");
        QCOMPARE(QImage(png).size(), m_page->size() * m_page->devicePixelRatio());
    }

private:
    // Runs `change` and waits until the page shows its result (the figures follow off the GUI thread).
    template<class Change> bool show(Change change)
    {
        QSignalSpy updated(m_page.get(), &Views::OverviewPage::updated);
        change();
        return updated.wait(10000);
    }

    std::unique_ptr<Views::OverviewPage> m_page;
};

QTEST_MAIN(TestOverviewPage)
#include "tst_overviewpage.moc"
