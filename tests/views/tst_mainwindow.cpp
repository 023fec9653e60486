// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/appcontroller.h"
#include "app/mainwindow.h"
#include "model/clustersession.h"
#include "model/nodetablemodel.h"
#include "sim/scenario.h"
#include "sim/simserver.h"
#include "views/errorbanner.h"
#include "views/tablepage.h"

#include <QComboBox>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Specula;

namespace {

// The row of `node` in the page's (sorted, filtered) view.
int rowOf(Views::TablePage *page, const QString &node)
{
    const auto matches = page->proxy()->match(page->proxy()->index(0, Model::NodeTableModel::NameColumn),
                                              Qt::DisplayRole, node, 1, Qt::MatchExactly);
    return matches.isEmpty() ? -1 : matches.constFirst().row();
}

QString cell(Views::TablePage *page, const QString &node, const QString &header)
{
    auto *proxy = page->proxy();
    for (int column = 0; column < proxy->columnCount(); ++column) {
        if (proxy->headerData(column, Qt::Horizontal, Model::NodeTableModel::ResourceNameRole).toString() == header
            || proxy->headerData(column, Qt::Horizontal).toString() == header)
            return proxy->index(rowOf(page, node), column).data().toString();
    }
    return u"<no column>"_qs;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        auto scenario = Sim::loadScenario(u"builtin:demo"_qs);
        QVERIFY(scenario.ok());
        Sim::ServerOptions options;
        options.tickMs = -1; // the test moves the scenario on itself
        m_server = std::make_unique<Sim::SimServer>(std::move(scenario).value(), options);
        QVERIFY(m_server->start().ok());

        // Two files merged through KUBECONFIG: a certificate context and a token context.
        const QString certificate = m_dir.filePath(u"cert.yaml"_qs);
        const QString token = m_dir.filePath(u"token.yaml"_qs);
        QVERIFY(m_server->writeKubeconfig(certificate, Sim::SimServer::KubeconfigAuth::ClientCertificate));
        QFile tokenFile(token);
        QVERIFY(tokenFile.open(QIODevice::WriteOnly));
        tokenFile.write(
            m_server->kubeconfig(Sim::SimServer::KubeconfigAuth::Token).replace("specula-sim", "sim-token"));
        tokenFile.close();
        qputenv("KUBECONFIG", (certificate + QDir::listSeparator() + token).toLocal8Bit());

        m_window = std::make_unique<App::MainWindow>();
        m_controller = std::make_unique<App::AppController>(m_window.get());
        m_window->show();
        QSignalSpy loaded(m_controller.get(), &App::AppController::loaded);
        m_controller->start({});
        QVERIFY(loaded.wait(20000));
    }

    void cleanup()
    {
        m_controller.reset();
        m_window.reset();
        m_server.reset();
    }

    void nodesPageShowsEveryExtendedResource()
    {
        auto *page = m_window->page(App::MainWindow::NodesPage);
        QCOMPARE(page->proxy()->rowCount(), 9);
        QCOMPARE(cell(page, u"gpu-h100-0"_qs, u"nvidia.com/gpu"_qs), u"6 / 8"_qs);
        QCOMPARE(cell(page, u"gpu-a100-mig-mixed-0"_qs, u"nvidia.com/mig-1g.10gb"_qs), u"1 / 7"_qs);
        QCOMPARE(cell(page, u"gpu-a100-mig-mixed-0"_qs, u"nvidia.com/mig-2g.20gb"_qs), u"0 / 0"_qs);
        QCOMPARE(cell(page, u"gpu-l4-shared-0"_qs, u"nvidia.com/gpu.shared"_qs), u"1 / 4"_qs);
        QCOMPARE(cell(page, u"gpu-h100-1"_qs, u"Status"_qs), u"NotReady"_qs);
        QCOMPARE(cell(page, u"cpu-worker-0"_qs, u"nvidia.com/gpu"_qs), QString());

        QCOMPARE(m_window->contextPicker()->count(), 2);
        QCOMPARE(m_window->contextPicker()->currentText(), u"specula-sim"_qs);
        QCOMPARE(m_window->connectionText(), u"Live"_qs);

        // The filter narrows the rows to what matches.
        page->setFilterText(u"mig"_qs);
        QCOMPARE(page->proxy()->rowCount(), 2);
    }

    void podsPageShowsPendingReasons()
    {
        auto *page = m_window->page(App::MainWindow::PodsPage);
        const auto matches = page->proxy()->match(page->proxy()->index(0, 1), Qt::DisplayRole, u"train-llm-70b-0"_qs, 1,
                                                  Qt::MatchExactly);
        QCOMPARE(matches.size(), 1);
        const QString reason = matches[0].siblingAtColumn(5).data().toString();
        QVERIFY2(reason.contains(u"Insufficient nvidia.com/gpu"_qs), qPrintable(reason));
    }

    void liveUpdatesKeepTheSelection()
    {
        auto *page = m_window->page(App::MainWindow::PodsPage);
        auto *source = page->proxy()->sourceModel();
        QSignalSpy resets(source, &QAbstractItemModel::modelReset);
        const int before = page->proxy()->rowCount();
        page->view()->selectRow(0);
        const QString selected = page->view()->selectionModel()->selectedRows(1).value(0).data().toString();
        QVERIFY(!selected.isEmpty());

        // Pods start, finish and appear; the window hears it through its watches.
        QSignalSpy snapshots(m_controller->session(), &Model::ClusterSession::snapshotReady);
        m_server->advance(6);
        QVERIFY(snapshots.wait(10000));
        QTRY_VERIFY_WITH_TIMEOUT(page->proxy()->rowCount() != before || snapshots.size() > 1, 10000);
        QCOMPARE(resets.size(), 0);
        QCOMPARE(page->view()->selectionModel()->selectedRows(1).value(0).data().toString(), selected);
    }

    void errorsShowInTheBannerAndTheDataStays()
    {
        auto *page = m_window->page(App::MainWindow::NodesPage);
        QVERIFY(!m_window->errorBanner()->isVisible());
        m_server->stop();
        QTRY_VERIFY_WITH_TIMEOUT(m_window->errorBanner()->isVisible(), 20000);
        QVERIFY2(m_window->errorBanner()->message().contains(u"127.0.0.1"_qs),
                 qPrintable(m_window->errorBanner()->message()));
        QCOMPARE(page->proxy()->rowCount(), 9);
        QCOMPARE(cell(page, u"gpu-h100-0"_qs, u"nvidia.com/gpu"_qs), u"6 / 8"_qs);
        QVERIFY(m_window->connectionText() != u"Live"_qs);
    }

    void switchingContextReconnects()
    {
        auto *source = m_window->page(App::MainWindow::NodesPage)->proxy()->sourceModel();
        QSignalSpy resets(source, &QAbstractItemModel::modelReset);
        QSignalSpy loaded(m_controller.get(), &App::AppController::loaded);
        auto *picker = m_window->contextPicker();
        picker->setCurrentIndex(1);
        Q_EMIT picker->activated(1);
        QVERIFY(loaded.wait(20000));
        QCOMPARE(m_controller->session()->context().contextName, u"sim-token"_qs);
        QCOMPARE(resets.size(), 1); // a switch of cluster is the one time the table resets
        QCOMPARE(source->rowCount(), 9);
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Sim::SimServer> m_server;
    std::unique_ptr<App::MainWindow> m_window;
    std::unique_ptr<App::AppController> m_controller;
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
