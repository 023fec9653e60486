// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/appcontroller.h"
#include "app/mainwindow.h"
#include "model/allocationtablemodel.h"
#include "model/clustersession.h"
#include "model/nodetablemodel.h"
#include "model/topologymodel.h"
#include "model/viewstate.h"
#include "profiles/profilestore.h"
#include "sim/scenario.h"
#include "sim/simserver.h"
#include "views/charts/podchartsgrid.h"
#include "views/charts/timeserieschart.h"
#include "views/detailspanel.h"
#include "views/errorbanner.h"
#include "views/heatmappage.h"
#include "views/overviewpage.h"
#include "views/pendingpage.h"
#include "views/podspage.h"
#include "views/sriovpage.h"
#include "views/tablepage.h"
#include "views/topologypage.h"

#include <QComboBox>
#include <QCommandLinkButton>
#include <QFile>
#include <QItemSelectionModel>
#include <QLabel>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>
#include <QTimer>
#include <QTreeView>

using namespace Specula;

namespace {

constexpr int kDemoNodes = 10; // resources/sim/scenarios/demo.yaml

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

        // Each test its own profiles file, so that each starts as a first run.
        m_profilesFile = m_dir.filePath(QString::fromLatin1(QTest::currentTestFunction()) + u".ini"_qs);
        qputenv("SPECULA_PROFILES_FILE", m_profilesFile.toLocal8Bit());

        m_window = std::make_unique<App::MainWindow>();
        m_controller = std::make_unique<App::AppController>(m_window.get());
        m_window->show();
        QSignalSpy loaded(m_controller.get(), &App::AppController::loaded);
        QSignalSpy nodesShown(m_window.get(), &App::MainWindow::nodesUpdated);
        QSignalSpy podsShown(m_window->podsPage(), &Views::PodsPage::updated);
        // The cluster's own pages first; the tests of metrics connect to Prometheus themselves.
        m_controller->start({}, Model::PrometheusSettings::parse(u"none"_qs).value());
        QVERIFY(loaded.wait(20000));
        // The tables' rows are worked out off the GUI thread, after the snapshot.
        QTRY_VERIFY_WITH_TIMEOUT(!nodesShown.isEmpty() && !podsShown.isEmpty(), 20000);
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
        QCOMPARE(page->proxy()->rowCount(), kDemoNodes);
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

    void nodesPageShowsOnlyTheLatestSnapshot()
    {
        m_window->showPage(App::MainWindow::NodesPage);
        auto *page = m_window->page(App::MainWindow::NodesPage);
        // Whatever the table shows at any moment: the older snapshot's node must never be in it.
        bool olderShown = false;
        auto check = [&] { olderShown = olderShown || rowOf(page, u"zz-older"_qs) >= 0; };
        connect(page->proxy(), &QAbstractItemModel::dataChanged, this, check);
        connect(page->proxy(), &QAbstractItemModel::rowsInserted, this, check);
        connect(page->proxy(), &QAbstractItemModel::modelReset, this, check);
        connect(page->proxy(), &QAbstractItemModel::layoutChanged, this, check);

        Model::ClusterSnapshot older = m_controller->session()->snapshot();
        Model::NodeSummary extra = older.nodes.constLast();
        extra.name = u"zz-older"_qs; // sorts last, as the nodes are
        older.nodes.append(extra);
        Model::ClusterSnapshot newer = m_controller->session()->snapshot();
        newer.nodes.removeIf([](const Model::NodeSummary &node) { return node.name != u"gpu-h100-0"_qs; });
        QSignalSpy updated(m_window.get(), &App::MainWindow::nodesUpdated);
        m_window->showSnapshot(older, false);
        m_window->showSnapshot(newer, false);
        QVERIFY(updated.wait());
        QCOMPARE(page->proxy()->rowCount(), 1);
        QCOMPARE(cell(page, u"gpu-h100-0"_qs, u"nvidia.com/gpu"_qs), u"6 / 8"_qs);
        // Both computations done and their results delivered: still only the newer one shown.
        QThreadPool::globalInstance()->waitForDone();
        for (int round = 0; round < 3; ++round)
            QCoreApplication::processEvents();
        QCOMPARE(updated.size(), 1);
        QVERIFY(!olderShown);
        QCOMPARE(page->proxy()->rowCount(), 1);
    }

    // Live updates reach the page shown; the others catch up when they are shown, and a switch to
    // another cluster reaches every page at once.
    void hiddenPagesCatchUpWhenShown()
    {
        auto *nodes = m_window->page(App::MainWindow::NodesPage);
        auto *allocation = m_window->page(App::MainWindow::AllocationPage);
        QCOMPARE(nodes->proxy()->rowCount(), kDemoNodes);
        Model::ClusterSnapshot one = m_controller->session()->snapshot();
        one.nodes.removeIf([](const Model::NodeSummary &node) { return node.name != u"gpu-h100-0"_qs; });

        QSignalSpy nodesShown(m_window.get(), &App::MainWindow::nodesUpdated);
        m_window->showSnapshot(one, false);
        QThreadPool::globalInstance()->waitForDone();
        QCoreApplication::processEvents();
        QCOMPARE(nodesShown.size(), 0);
        QCOMPARE(nodes->proxy()->rowCount(), kDemoNodes);
        QVERIFY(rowOf(allocation, u"gpu-a100-mig-mixed-0"_qs) >= 0);

        m_window->showPage(App::MainWindow::NodesPage);
        QVERIFY(nodesShown.wait());
        QCOMPARE(nodes->proxy()->rowCount(), 1);
        QCOMPARE(cell(nodes, u"gpu-h100-0"_qs, u"nvidia.com/gpu"_qs), u"6 / 8"_qs);
        m_window->showPage(App::MainWindow::AllocationPage);
        QTRY_COMPARE(rowOf(allocation, u"gpu-a100-mig-mixed-0"_qs), -1);

        // Shown again with nothing new: nothing to do.
        m_window->showPage(App::MainWindow::NodesPage);
        QThreadPool::globalInstance()->waitForDone();
        QCoreApplication::processEvents();
        QCOMPARE(nodesShown.size(), 1);

        m_window->showPage(App::MainWindow::OverviewPage);
        m_window->showSnapshot(m_controller->session()->snapshot(), true);
        QVERIFY(nodesShown.wait());
        QCOMPARE(nodes->proxy()->rowCount(), kDemoNodes);
    }

    // A GPU's holder opens the Pods page at that pod, even one the hidden page has yet to list.
    void podChartsOpenAtAPodTheHiddenPageHasNotListed()
    {
        auto *pages = m_window->findChild<QStackedWidget *>();
        Model::ClusterSnapshot newer = m_controller->session()->snapshot();
        Model::PodSummary pod = newer.pods.constFirst();
        pod.name = u"zz-just-started"_qs;
        newer.pods.append(pod);
        const QString key = pod.key();
        m_window->showSnapshot(newer, false);
        QThreadPool::globalInstance()->waitForDone();
        QCoreApplication::processEvents();
        QVERIFY(!m_window->podsPage()->selectPod(key));

        m_window->showPodCharts(key);
        QTRY_COMPARE(pages->currentWidget(), m_window->podsPage());
        const QModelIndexList selected = m_window->podsPage()->view()->selectionModel()->selectedRows(1);
        QCOMPARE(selected.value(0).data().toString(), u"zz-just-started"_qs);
    }

    void nodesPageSummarizesGpusAndSriov_data()
    {
        QTest::addColumn<QString>("node");
        QTest::addColumn<QString>("gpus");
        QTest::addColumn<QString>("sriov");
        QTest::addRow("whole GPUs") << u"gpu-h100-0"_qs << u"8 × NVIDIA-H100-80GB-HBM3"_qs << QString();
        QTest::addRow("MIG mixed") << u"gpu-a100-mig-mixed-0"_qs << u"MIG mixed: 7×1g.10gb, 2×3g.40gb"_qs << QString();
        QTest::addRow("MIG single") << u"gpu-a100-mig-single-0"_qs << u"MIG single: 14×1g.5gb"_qs << QString();
        QTest::addRow("time-slicing") << u"gpu-t4-timeslice-0"_qs << u"2 × Tesla-T4 · time-slicing ×4"_qs << QString();
        QTest::addRow("SR-IOV") << u"sriov-worker-0"_qs << QString() << u"4 PFs · 3/12 VFs in use"_qs;
        QTest::addRow("neither") << u"cpu-worker-0"_qs << QString() << QString();
    }

    void nodesPageSummarizesGpusAndSriov()
    {
        QFETCH(QString, node);
        QFETCH(QString, gpus);
        QFETCH(QString, sriov);
        auto *page = m_window->page(App::MainWindow::NodesPage);
        QCOMPARE(cell(page, node, u"GPUs"_qs), gpus);
        QCOMPARE(cell(page, node, u"SR-IOV"_qs), sriov);
    }

    void shortcutsOpenEveryPage()
    {
        auto *pages = m_window->findChild<QStackedWidget *>();
        QVERIFY(pages);
        m_window->activateWindow();
        const std::pair<Qt::Key, QWidget *> expected[] = {
            { Qt::Key_5, m_window->sriovPage() },
            { Qt::Key_3, m_window->topologyPage() },
            { Qt::Key_8, m_window->page(App::MainWindow::AllocationPage) },
            { Qt::Key_6, m_window->podsPage() },
            { Qt::Key_4, m_window->heatmapPage() },
            { Qt::Key_7, m_window->pendingPage() },
            { Qt::Key_2, m_window->page(App::MainWindow::NodesPage) },
            { Qt::Key_1, m_window->overviewPage() },
        };
        for (const auto &[key, page] : expected) {
            QVERIFY(page);
            QTest::keyClick(m_window.get(), key, Qt::ControlModifier);
            QCOMPARE(pages->currentWidget(), page);
        }
        QVERIFY(!m_window->page(App::MainWindow::TopologyPage));
    }

    void topologyPageShowsDevicesAndWhoHoldsThem()
    {
        m_window->showPage(App::MainWindow::TopologyPage);
        auto *page = m_window->topologyPage();
        auto *proxy = page->proxy();
        const QModelIndex cluster = proxy->index(0, 0);
        QCOMPARE(cluster.data().toString(), u"specula-sim"_qs);
        QCOMPARE(proxy->rowCount(cluster), kDemoNodes);
        QTRY_VERIFY(page->view()->isExpanded(cluster));

        const auto *model = qobject_cast<Model::TopologyModel *>(proxy->sourceModel());
        QVERIFY(model);
        // No source names the MIG devices here: one item per resource, with its pods.
        const QModelIndex mig = model->indexOfKey(u"cluster|node:gpu-a100-mig-mixed-0|res:nvidia.com/mig-1g.10gb"_qs);
        QCOMPARE(mig.data().toString(), u"nvidia.com/mig-1g.10gb 1/7"_qs);
        QCOMPARE(model->index(0, 0, mig).data().toString(), u"ml-team/notebook-alice"_qs);

        // The VF a CNF pod attached through Multus, and the pod in the details.
        const QString vf = u"cluster|node:sriov-worker-0|pf:0000:3b:00.0|vf:0000:3b:02.0"_qs;
        QVERIFY(page->selectKey(vf));
        QCOMPARE(page->view()->currentIndex().data().toString(), u"VF 0"_qs);
        const QString details = page->details()->toPlainText();
        QVERIFY2(details.contains(u"telco/cnf-dpdk-0"_qs) && details.contains(u"net1"_qs), qPrintable(details));

        // Live updates keep the selection and the model never resets.
        QSignalSpy resets(model, &QAbstractItemModel::modelReset);
        QSignalSpy snapshots(m_controller->session(), &Model::ClusterSession::snapshotReady);
        m_server->advance(6);
        QVERIFY(snapshots.wait(10000));
        QCOMPARE(resets.size(), 0);
        QCOMPARE(page->view()->currentIndex().data(Model::TopologyModel::KeyRole).toString(), vf);
        QVERIFY(page->details()->toPlainText().contains(u"telco/cnf-dpdk-0"_qs));
    }

    void allocationPageShowsFreeDevices()
    {
        auto *page = m_window->page(App::MainWindow::AllocationPage);
        QVERIFY(page);
        auto *proxy = page->proxy();
        auto row = [proxy](const QString &node, const QString &resource) {
            for (int r = 0; r < proxy->rowCount(); ++r) {
                if (proxy->index(r, Model::AllocationTableModel::NodeColumn).data().toString() == node
                    && proxy->index(r, Model::AllocationTableModel::ResourceColumn).data().toString() == resource) {
                    QStringList cells;
                    for (int c = Model::AllocationTableModel::KindColumn; c < proxy->columnCount(); ++c)
                        cells.append(proxy->index(r, c).data().toString());
                    return cells;
                }
            }
            return QStringList();
        };
        QCOMPARE(row(u"gpu-h100-0"_qs, u"nvidia.com/gpu"_qs),
                 (QStringList { u"GPU"_qs, u"6"_qs, u"8"_qs, u"2"_qs, u"8"_qs }));
        QCOMPARE(row(u"gpu-a100-mig-mixed-0"_qs, u"nvidia.com/mig-2g.20gb"_qs),
                 (QStringList { u"MIG"_qs, u"0"_qs, u"0"_qs, u"0"_qs, u"0"_qs }));
        QCOMPARE(row(u"sriov-worker-0"_qs, u"openshift.io/intel_sriov_netdevice"_qs).value(0), u"SR-IOV"_qs);
        // Only specialized resources: the CPU node has none.
        page->setFilterText(u"cpu-worker-0"_qs);
        QCOMPARE(proxy->rowCount(), 0);
    }

    void podsPageShowsPendingReasons()
    {
        auto *page = m_window->podsPage();
        const auto matches = page->proxy()->match(page->proxy()->index(0, 1), Qt::DisplayRole, u"train-llm-70b-0"_qs, 1,
                                                  Qt::MatchExactly);
        QCOMPARE(matches.size(), 1);
        const QString reason = matches[0].siblingAtColumn(5).data().toString();
        QVERIFY2(reason.contains(u"Insufficient nvidia.com/gpu"_qs), qPrintable(reason));
    }

    void liveUpdatesKeepTheSelection()
    {
        m_window->showPage(App::MainWindow::PodsPage);
        auto *page = m_window->podsPage();
        auto *source = page->proxy()->sourceModel();
        QSignalSpy resets(source, &QAbstractItemModel::modelReset);
        const int before = page->proxy()->rowCount();
        page->view()->selectRow(0);
        const QString selected = page->view()->selectionModel()->selectedRows(1).value(0).data().toString();
        QVERIFY(!selected.isEmpty());

        // Pods start, finish and appear; the window hears it through its watches.
        QSignalSpy snapshots(m_controller->session(), &Model::ClusterSession::snapshotReady);
        QSignalSpy shown(page, &Views::PodsPage::updated);
        m_server->advance(6);
        QVERIFY(snapshots.wait(10000));
        QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty() && (page->proxy()->rowCount() != before || snapshots.size() > 1),
                                 10000);
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
        QCOMPARE(page->proxy()->rowCount(), kDemoNodes);
        QCOMPARE(cell(page, u"gpu-h100-0"_qs, u"nvidia.com/gpu"_qs), u"6 / 8"_qs);
        QVERIFY(m_window->connectionText() != u"Live"_qs);
    }

    void warningsShowInTheStatusBar()
    {
        auto *label = m_window->findChild<QLabel *>(u"warnings"_qs);
        QVERIFY(label);
        QVERIFY(!label->isVisible()); // the demo reads cleanly
        Model::ClusterSnapshot snapshot;
        snapshot.context = u"specula-sim"_qs;
        snapshot.warnings = { u"Pod telco/cnf: annotation k8s.v1.cni.cncf.io/network-status: invalid JSON"_qs,
                              u"sriovnetworknodepolicies is forbidden for <user>"_qs };
        m_window->showSnapshot(snapshot, false);
        QVERIFY(label->isVisible());
        QVERIFY2(label->text().endsWith(u"2 warnings"_qs), qPrintable(label->text()));
        QVERIFY(label->toolTip().contains(u"telco/cnf"_qs));
        QVERIFY(label->toolTip().contains(u"&lt;user&gt;"_qs));
        snapshot.warnings.clear();
        m_window->showSnapshot(snapshot, false);
        QVERIFY(!label->isVisible());
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
        // A switch of cluster is the one time the table resets.
        QTRY_COMPARE_WITH_TIMEOUT(resets.size(), 1, 20000);
        QCOMPARE(source->rowCount(), kDemoNodes);
    }

    void gpuReadingsComeFromThePrometheusInTheCluster()
    {
        // Found through the API server's service proxy, as on a real cluster; the first run's
        // profile (the current context, Prometheus found automatically) opens by itself.
        m_controller = std::make_unique<App::AppController>(m_window.get());
        QSignalSpy loaded(m_controller.get(), &App::AppController::loaded);
        m_controller->start({});
        QVERIFY(loaded.wait(20000));
        QCOMPARE(m_window->profilePicker()->currentText(), u"specula-sim"_qs);
        Model::ClusterSession *session = m_controller->session();
        QTRY_VERIFY_WITH_TIMEOUT(session->snapshot().prometheus.state == Model::PrometheusStatus::State::Ok, 20000);

        // dcgm-exporter names the MIG instances that the node's resources only count, and says
        // what each is doing; the topology shows them with their holders.
        auto migsWithPods = [session] {
            QList<Model::GpuDevice> migs;
            if (const Model::NodeSummary *node = session->snapshot().node(u"gpu-a100-mig-mixed-0"_qs);
                node && node->gpu) {
                for (const Model::GpuDevice &device : node->gpu->devices) {
                    if (!device.migProfile.isEmpty() && !device.pods.isEmpty())
                        migs.append(device);
                }
            }
            return migs;
        };
        QTRY_VERIFY_WITH_TIMEOUT(!migsWithPods().isEmpty(), 20000);
        const Model::GpuDevice mig = migsWithPods().constFirst();
        QVERIFY(mig.readings.utilPercent.has_value());
        QVERIFY(mig.readings.memUsedMiB.has_value());
        m_window->showPage(App::MainWindow::TopologyPage);
        const auto *model = qobject_cast<Model::TopologyModel *>(m_window->topologyPage()->proxy()->sourceModel());
        const QString key = u"cluster|node:gpu-a100-mig-mixed-0|gpu:%1|mig:%2"_qs.arg(mig.parentUuid, mig.uuid);
        QTRY_VERIFY_WITH_TIMEOUT(model->indexOfKey(key).isValid(), 10000);
        QStringList holders;
        for (int row = 0; row < model->rowCount(model->indexOfKey(key)); ++row)
            holders.append(model->index(row, 0, model->indexOfKey(key)).data().toString());
        QVERIFY2(holders.contains(mig.pods.constFirst().key()), qPrintable(holders.join(u", ")));

        // The heatmap fills from the same Prometheus over the window's range, and the overview's
        // idle GPUs follow its means rather than the latest readings.
        auto *heatmap = m_window->heatmapPage();
        QTRY_VERIFY_WITH_TIMEOUT(heatmap->data() && heatmap->data()->rowCount() > 0, 30000);
        QCOMPARE(heatmap->data()->metric(), Prom::Metric::GpuUtil);
        QVERIFY(heatmap->data()->find(heatmap->data()->row(0).key()) == 0);
        auto *idle = m_window->overviewPage()->findChild<QCommandLinkButton *>(u"idleFigure"_qs);
        QTRY_VERIFY_WITH_TIMEOUT(idle->description().contains(u"mean over last 1 h"_qs), 10000);

        // The Pods page charts the holder through the same Prometheus, over the window's range.
        auto *pods = m_window->podsPage();
        QSignalSpy charted(pods, &Views::PodsPage::chartsLoaded);
        QVERIFY(pods->selectPod(mig.pods.constFirst().key()));
        QVERIFY(charted.wait(20000));
        const Views::TimeSeriesChart *utilization = pods->charts()->chart(u"GPU utilization"_qs);
        QVERIFY(utilization);
        QCOMPARE(utilization->lineCount(), 1);
        QVERIFY2(utilization->lineNames().constFirst().contains(u"MIG"_qs),
                 qPrintable(utilization->lineNames().join(u", ")));
    }

    void refreshesLetTheHeatmapQueryFinish()
    {
        m_controller = std::make_unique<App::AppController>(m_window.get());
        QSignalSpy loaded(m_controller.get(), &App::AppController::loaded);
        m_controller->start({});
        QVERIFY(loaded.wait(20000));
        // A refresh at every turn of the event loop, as when each of 40,000 GPUs' answers takes
        // longer than the refresh interval: were a refresh to restart the heatmap's query, no
        // answer would ever arrive.
        QTimer refresher;
        refresher.setInterval(0);
        connect(&refresher, &QTimer::timeout, m_window->viewState(), &Model::ViewState::requestRefresh);
        refresher.start();
        auto *heatmap = m_window->heatmapPage();
        QTRY_VERIFY_WITH_TIMEOUT(heatmap->data() && heatmap->data()->hasReadings(), 30000);
    }

    void closingWithQueriesInFlightIsClean()
    {
        m_controller = std::make_unique<App::AppController>(m_window.get());
        QSignalSpy loaded(m_controller.get(), &App::AppController::loaded);
        m_controller->start({});
        QVERIFY(loaded.wait(20000));
        Model::ClusterSession *session = m_controller->session();
        QTRY_VERIFY_WITH_TIMEOUT(session->snapshot().prometheus.state == Model::PrometheusStatus::State::Ok, 20000);
        QString holder;
        for (const Model::PodSummary &pod : session->snapshot().pods) {
            if (!pod.node.isEmpty() && !pod.gpus.isEmpty()) {
                holder = pod.key();
                break;
            }
        }
        QVERIFY(!holder.isEmpty());

        // Selecting a pod sends its chart queries. The in-process simulator cannot have answered
        // them after one turn of the event loop, so the session goes with replies on the wire.
        QSignalSpy charted(m_window->podsPage(), &Views::PodsPage::chartsLoaded);
        QVERIFY(m_window->podsPage()->selectPod(holder));
        QCoreApplication::processEvents();
        m_controller.reset();
        QCOMPARE(charted.count(), 0);
        m_window->close();
    }

    void theFirstRunSavesAProfilePerContext()
    {
        Profiles::ProfileStore store(m_profilesFile);
        QVERIFY(store.load().isEmpty());
        QCOMPARE(store.profiles().size(), 2);
        QVERIFY(store.find(u"specula-sim"_qs));
        QVERIFY(store.find(u"sim-token"_qs));
        QCOMPARE(store.lastUsed(), u"specula-sim"_qs);
        auto *picker = m_window->profilePicker();
        QCOMPARE(picker->count(), 2);
        QCOMPARE(picker->currentText(), u"specula-sim"_qs);

        // Switching profile connects to its context and remembers the choice.
        QSignalSpy loaded(m_controller.get(), &App::AppController::loaded);
        const int other = picker->findText(u"sim-token"_qs);
        picker->setCurrentIndex(other);
        Q_EMIT picker->activated(other);
        QVERIFY(loaded.wait(20000));
        QCOMPARE(m_controller->session()->context().contextName, u"sim-token"_qs);
        QCOMPARE(m_window->contextPicker()->currentText(), u"sim-token"_qs);
        store.load();
        QCOMPARE(store.lastUsed(), u"sim-token"_qs);
    }

    void aCorruptProfilesFileIsReportedAndTheWindowStillOpens()
    {
        // A file of its own: QSettings would answer from its cache for the one written in init().
        m_profilesFile = m_dir.filePath(u"corrupt.ini"_qs);
        qputenv("SPECULA_PROFILES_FILE", m_profilesFile.toLocal8Bit());
        QFile file(m_profilesFile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("\x01\x02 not a settings file [[[\n");
        file.close();
        App::MainWindow window;
        App::AppController controller(&window);
        window.show();
        QVERIFY2(window.errorBanner()->message().contains(m_profilesFile), qPrintable(window.errorBanner()->message()));
        QVERIFY(!window.profilePicker()->isEnabled());
    }

private:
    QString m_profilesFile;
    QTemporaryDir m_dir;
    std::unique_ptr<Sim::SimServer> m_server;
    std::unique_ptr<App::MainWindow> m_window;
    std::unique_ptr<App::AppController> m_controller;
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
