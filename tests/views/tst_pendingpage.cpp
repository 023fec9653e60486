// SPDX-License-Identifier: GPL-3.0-or-later
#include "../model/testsnapshots.h"
#include "cli/clusterloader.h"
#include "model/pendingtablemodel.h"
#include "views/exportactions.h"
#include "views/pendingpage.h"
#include "views/tablepage.h"

#include <QAction>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QThreadPool>

using namespace Specula;
using Column = Model::PendingTableModel::Column;

class TestPendingPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_page = std::make_unique<Views::PendingPage>();
        m_page->resize(1100, 700);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
        QVERIFY(show([this] { m_page->setSnapshot(TestSnapshots::withPending()); }));
    }

    void cleanup() { m_page.reset(); }

    void showsPendingPodsLongestWaitingFirst()
    {
        auto *proxy = m_page->table()->proxy();
        QCOMPARE(proxy->rowCount(), 3);
        const QStringList expected[] = {
            { u"telco"_qs, u"cnf-1"_qs, u"2 d 7 h"_qs, u"openshift.io/intel_sriov_netdevice: 4"_qs, u"none"_qs,
              u"openshift.io/intel_sriov_netdevice: 4 wanted, at most 3 free (sriov-0)"_qs, u"Unschedulable"_qs,
              u"0/3 nodes are available: 3 Insufficient openshift.io/intel_sriov_netdevice."_qs },
            { u"ml"_qs, u"slice"_qs, u"3 h 12 min"_qs, u"nvidia.com/mig-1g.10gb: 1"_qs, u"gpu-a, gpu-b"_qs, QString(),
              u"Unschedulable"_qs, u"0/3 nodes are available: 3 Insufficient nvidia.com/mig-1g.10gb."_qs },
            { u"ml"_qs, u"big"_qs, u"1 min"_qs, u"nvidia.com/mig-7g.80gb: 1"_qs, u"none"_qs,
              u"no node has nvidia.com/mig-7g.80gb"_qs, u"Unschedulable"_qs,
              u"0/3 nodes are available: 3 Insufficient nvidia.com/mig-7g.80gb."_qs },
        };
        for (int row = 0; row < 3; ++row) {
            QStringList cells;
            for (int column = 0; column < Column::ColumnCount; ++column)
                cells.append(proxy->index(row, column).data().toString());
            QCOMPARE(cells, expected[row]);
        }
        QCOMPARE(m_page->findChild<QLabel *>(u"pendingScope"_qs)->text(),
                 u"3 pending pods waiting for GPUs or VFs (all namespaces)."_qs);
        QVERIFY(m_page->details()->toPlainText().contains(u"Select a pod"_qs));
    }

    void detailsShowTheFullMessageAndTheFit()
    {
        QSignalSpy selected(m_page.get(), &Views::PendingPage::podSelected);
        QVERIFY(m_page->selectPod(u"telco/cnf-1"_qs));
        QCOMPARE(selected.size(), 1);
        QCOMPARE(selected.first().first().toString(), u"telco/cnf-1"_qs);
        QString text = m_page->details()->toPlainText();
        QVERIFY2(text.contains(u"Waiting\n2 d 7 h (since 2026-12-02T04:26:40Z)"_qs), qPrintable(text));
        QVERIFY2(
            text.contains(u"Scheduler\n0/3 nodes are available: 3 Insufficient openshift.io/intel_sriov_netdevice."_qs),
            qPrintable(text));
        QVERIFY2(text.contains(u"Fits on no node now"_qs), qPrintable(text));
        QVERIFY2(text.contains(u"openshift.io/intel_sriov_netdevice: 4 wanted, at most 3 free (sriov-0)"_qs),
                 qPrintable(text));
        QVERIFY2(text.contains(u"CPU, memory, taints and affinity are not"_qs), qPrintable(text));

        QVERIFY(m_page->selectPod(u"ml/slice"_qs));
        text = m_page->details()->toPlainText();
        QVERIFY2(text.contains(u"Would fit on 2 nodes now"_qs), qPrintable(text));
        QVERIFY2(text.contains(u"gpu-a (nvidia.com/mig-1g.10gb: 1 free)"_qs), qPrintable(text));
        QVERIFY2(text.contains(u"gpu-b (nvidia.com/mig-1g.10gb: 6 free)"_qs), qPrintable(text));
        QVERIFY(!m_page->selectPod(u"ml/fpga"_qs)); // wants no GPU or VF
    }

    void selectionSurvivesAnUpdateOfAnotherRow()
    {
        QVERIFY(m_page->selectPod(u"ml/big"_qs));
        QSignalSpy selected(m_page.get(), &Views::PendingPage::podSelected);
        QSignalSpy resets(m_page->model(), &QAbstractItemModel::modelReset);
        auto s = TestSnapshots::withPending();
        s.pods.removeIf([](const Model::PodSummary &p) { return p.name == u"slice"_qs; });
        s.collectedAt = s.collectedAt.addSecs(60);
        QVERIFY(show([&] { m_page->setSnapshot(s); }));

        QCOMPARE(resets.size(), 0);
        QCOMPARE(m_page->table()->proxy()->rowCount(), 2);
        const QModelIndex current = m_page->table()->view()->currentIndex();
        QCOMPARE(current.data(Model::PendingTableModel::KeyRole).toString(), u"ml/big"_qs);
        QCOMPARE(m_page->table()->view()->selectionModel()->selectedRows().size(), 1);
        QCOMPARE(m_page->table()->view()->selectionModel()->selectedRows().first().row(), current.row());
        QCOMPARE(selected.size(), 0);
        // The details follow the live data: the wait moved on.
        QVERIFY(m_page->details()->toPlainText().contains(u"Waiting\n2 min"_qs));
    }

    void namespaceFilterNarrowsTheRows()
    {
        QVERIFY(show([this] { m_page->setNamespaceFilter(u"telco"_qs); }));
        QCOMPARE(m_page->table()->proxy()->rowCount(), 1);
        QCOMPARE(m_page->table()->proxy()->index(0, Column::NameColumn).data().toString(), u"cnf-1"_qs);
        QCOMPARE(m_page->findChild<QLabel *>(u"pendingScope"_qs)->text(),
                 u"1 pending pod waiting for GPUs or VFs (namespace telco)."_qs);
        QVERIFY(show([this] { m_page->setNamespaceFilter(u"nobody"_qs); }));
        QCOMPARE(m_page->findChild<QLabel *>(u"pendingScope"_qs)->text(),
                 u"No pending pod wants GPUs or VFs (namespace nobody)."_qs);
        QVERIFY(show([this] { m_page->setNamespaceFilter({}); }));
        QCOMPARE(m_page->table()->proxy()->rowCount(), 3);
    }

    void exportsCsvAndPng()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto *actions = m_page->exportActions();
        // Both are on the table's context menu.
        QCOMPARE(m_page->table()->view()->contextMenuPolicy(), Qt::ActionsContextMenu);
        QVERIFY(m_page->table()->view()->actions().contains(actions->csvAction()));
        QVERIFY(m_page->table()->view()->actions().contains(actions->pngAction()));

        m_page->table()->setFilterText(u"ml"_qs);
        const QString csv = dir.filePath(u"pending.csv"_qs);
        QVERIFY2(!actions->exportCsv(csv), "export failed");
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().split('\n');
        QCOMPARE(lines.size(), 4); // header, two rows, the empty end
        QCOMPARE(lines.at(0),
                 QByteArray("Namespace,Pod,Waiting,Requests,Would fit on,Why not,Reason,Scheduler message\r"));
        QCOMPARE(lines.at(1),
                 QByteArray("ml,slice,3 h 12 min,nvidia.com/mig-1g.10gb: 1,\"gpu-a, gpu-b\",,Unschedulable,"
                            "0/3 nodes are available: 3 Insufficient nvidia.com/mig-1g.10gb.\r"));

        const QString png = dir.filePath(u"pending.png"_qs);
        QVERIFY2(!actions->exportPng(png), "export failed");
        const QImage image(png);
        QCOMPARE(image.size(), m_page->size() * m_page->devicePixelRatio());
        QCOMPARE(image.pixelColor(2, image.height() - 2),
                 Views::ExportActions::grab(m_page.get()).pixelColor(2, image.height() - 2));
    }

    // The demo cluster, listed through the real client from the in-process simulator.
    void demoClusterPendingPods()
    {
        Cli::ConnectionOptions connection;
        connection.demo = true;
        Model::PrometheusSettings prometheus;
        prometheus.mode = Model::PrometheusSettings::Mode::None;
        Cli::ClusterLoader loader(connection, prometheus);
        QSignalSpy loaded(&loader, &Cli::ClusterLoader::loaded);
        QSignalSpy failed(&loader, &Cli::ClusterLoader::failed);
        loader.start();
        QVERIFY(loaded.wait(30000));
        QCOMPARE(failed.size(), 0);
        QVERIFY(show([&] { m_page->setSnapshot(loader.snapshot()); }));

        const auto *model = m_page->model();
        const auto cellOf = [model](const QString &key, Column column) {
            return model->index(model->rowOfKey(key), column).data().toString();
        };
        QVERIFY(model->rowOfKey(u"ml-team/train-llm-70b-0"_qs) >= 0);
        QCOMPARE(cellOf(u"ml-team/train-llm-70b-0"_qs, Column::RequestsColumn), u"nvidia.com/gpu: 8"_qs);
        QCOMPARE(cellOf(u"inference/mig-job-large-6hx9p"_qs, Column::FitsColumn), u"none"_qs);
        QCOMPARE(cellOf(u"inference/mig-job-large-6hx9p"_qs, Column::WhyColumn),
                 u"nvidia.com/mig-3g.40gb: 2 wanted, at most 1 free (gpu-a100-mig-mixed-0)"_qs);
        QCOMPARE(cellOf(u"telco/cnf-dpdk-scaleout-0"_qs, Column::WhyColumn),
                 u"openshift.io/intel_sriov_dpdk: 3 wanted, at most 2 free (sriov-worker-0)"_qs);
        QVERIFY(cellOf(u"telco/cnf-dpdk-scaleout-0"_qs, Column::MessageColumn)
                    .contains(u"Insufficient openshift.io/intel_sriov_dpdk"_qs));
        // The demo's pods were created minutes before the snapshot.
        QCOMPARE(cellOf(u"inference/mig-job-large-6hx9p"_qs, Column::WaitingColumn), u"5 min"_qs);
    }

    // Rows of an older snapshot that arrive after a newer one was given are never shown.
    void onlyTheLatestSnapshotIsShown()
    {
        auto older = TestSnapshots::withPending();
        older.pods.removeIf([](const Model::PodSummary &p) { return p.name == u"slice"_qs; });
        QSignalSpy updated(m_page.get(), &Views::PendingPage::updated);
        m_page->setSnapshot(older);
        m_page->setSnapshot(TestSnapshots::withPending());
        QVERIFY(updated.wait());
        QCOMPARE(m_page->table()->proxy()->rowCount(), 3);
        // Both computations done and their results delivered: still only the newer one shown.
        QThreadPool::globalInstance()->waitForDone();
        QCoreApplication::processEvents();
        QCOMPARE(updated.size(), 1);
        QCOMPARE(m_page->table()->proxy()->rowCount(), 3);
    }

private:
    // Runs `change` and waits until the page shows its result (the rows follow off the GUI thread).
    template<class Change> bool show(Change change)
    {
        QSignalSpy updated(m_page.get(), &Views::PendingPage::updated);
        change();
        return updated.wait(10000);
    }

    std::unique_ptr<Views::PendingPage> m_page;
};

QTEST_MAIN(TestPendingPage)
#include "tst_pendingpage.moc"
