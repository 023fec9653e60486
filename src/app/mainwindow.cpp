// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/mainwindow.h"

#include "core/freedmemory.h"
#include "core/offthread.h"
#include "model/allocationtablemodel.h"
#include "model/clustersnapshot.h"
#include "model/nodetablemodel.h"
#include "model/resourcetext.h"
#include "model/topologymodel.h"
#include "model/viewstate.h"
#include "views/errorbanner.h"
#include "views/heatmappage.h"
#include "views/overviewpage.h"
#include "views/pendingpage.h"
#include "views/podspage.h"
#include "views/sriovpage.h"
#include "views/tablepage.h"
#include "views/topologypage.h"
#include "views/viewstatebar.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QSet>
#include <QSignalBlocker>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace Specula::App {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_viewState(new Model::ViewState(this))
    , m_nodeModel(new Model::NodeTableModel(this))
    , m_podsPage(new Views::PodsPage(this))
    , m_allocationModel(new Model::AllocationTableModel(this))
    , m_topologyPage(new Views::TopologyPage(new Model::TopologyModel(this), this))
    , m_sriovPage(new Views::SriovPage(this))
    , m_overviewPage(new Views::OverviewPage(this))
    , m_heatmapPage(new Views::HeatmapPage(this))
    , m_pendingPage(new Views::PendingPage(this))
    , m_navigation(new QListWidget(this))
    , m_pages(new QStackedWidget(this))
    , m_banner(new Views::ErrorBanner(this))
    , m_contexts(new QComboBox(this))
    , m_profiles(new QComboBox(this))
    , m_health(new QLabel(this))
    , m_server(new QLabel(this))
    , m_counts(new QLabel(this))
    , m_warnings(new QLabel(this))
    , m_freedMemory(new Core::FreedMemory(this))
{
    setWindowTitle(tr("Specula"));
    resize(1280, 800);

    // One entry per Page, in its order; Ctrl+1 … Ctrl+8 follow it.
    const struct
    {
        QWidget *page;
        QString label, tip;
    } entries[] = {
        { m_overviewPage, tr("Overview"),
          tr("GPUs and VFs allocated and busy, idle GPUs held by pods, pending pods and power, each linking to "
             "its page") },
        { new Views::TablePage(m_nodeModel, Model::NodeTableModel::SortRole,
                               tr("Filter nodes by name, status or resource"), m_pages),
          tr("Nodes"), tr("Every node with its GPUs, SR-IOV NICs and extended resources as requested / allocatable") },
        { m_topologyPage, tr("Topology"),
          tr("Nodes → GPUs and MIG devices → pods, and nodes → PFs → VFs → pods, with details") },
        { m_heatmapPage, tr("GPU heatmap"),
          tr("Every GPU and MIG slice over time: utilization, memory, temperature, power or tensor activity") },
        { m_sriovPage, tr("SR-IOV"),
          tr("VFs allocated, free and not created per node or pool, with PF and VF tables") },
        { m_podsPage, tr("Pods"),
          tr("Pods that hold specialized resources, and the selected pod's CPU, memory, GPU, power and network "
             "charts") },
        { m_pendingPage, tr("Pending"),
          tr("Pods waiting for GPUs or VFs: the scheduler's reason, how long, and where they would fit now") },
        { new Views::TablePage(m_allocationModel, Model::AllocationTableModel::SortRole,
                               tr("Filter by node, resource or kind"), m_pages),
          tr("Allocation"), tr("Requested, allocatable and free GPUs, MIG devices and VFs per node") },
    };
    int widest = 0;
    for (const auto &[page, label, tip] : entries) {
        m_pages->addWidget(page);
        auto *item = new QListWidgetItem(label, m_navigation);
        item->setToolTip(tr("%1 (Ctrl+%2)").arg(tip).arg(m_navigation->count()));
        item->setSizeHint(QSize(0, m_navigation->fontMetrics().height() * 2));
        widest = std::max(widest, m_navigation->fontMetrics().horizontalAdvance(label));
    }
    m_navigation->setFixedWidth(widest + 8 * m_navigation->fontMetrics().averageCharWidth());
    m_navigation->setCurrentRow(0);
    connect(m_navigation, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    connect(m_pages, &QStackedWidget::currentChanged, this, &MainWindow::catchUp);
    connect(m_podsPage, &Views::PodsPage::updated, this, [this] {
        if (const QString pod = std::exchange(m_podToSelect, {}); !pod.isEmpty() && m_podsPage->selectPod(pod))
            showPage(PodsPage);
    });

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(6, 6, 6, 6);
    rightLayout->addWidget(m_banner);
    rightLayout->addWidget(m_pages, 1);
    auto *central = new QWidget(this);
    auto *centralLayout = new QHBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    centralLayout->addWidget(m_navigation);
    centralLayout->addWidget(right, 1);
    setCentralWidget(central);

    createActions();
    linkPages();
    // A new heatmap frees the last one's rows and the parsed answers it was built from.
    connect(m_heatmapPage, &Views::HeatmapPage::contentReady, m_freedMemory, &Core::FreedMemory::releaseSoon);

    m_server->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addWidget(m_health);
    statusBar()->addWidget(m_server, 1);
    statusBar()->addPermanentWidget(m_warnings);
    statusBar()->addPermanentWidget(m_counts);
    m_warnings->setObjectName(QStringLiteral("warnings"));
    m_warnings->hide();
    showConnection(Health::Connecting, tr("Not connected"), {});
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    auto *toolbar = addToolBar(tr("Cluster"));
    toolbar->setObjectName(QStringLiteral("clusterToolBar"));
    toolbar->setMovable(false);
    auto *label = new QLabel(tr("Context:"), toolbar);
    label->setBuddy(m_contexts);
    toolbar->addWidget(label);
    m_contexts->setToolTip(tr("The kubeconfig context to show (Ctrl+K)"));
    m_contexts->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_contexts->setMinimumContentsLength(16);
    toolbar->addWidget(m_contexts);
    connect(m_contexts, &QComboBox::activated, this,
            [this](int index) { Q_EMIT contextRequested(m_contexts->itemText(index)); });

    auto *profileLabel = new QLabel(tr("Profile:"), toolbar);
    profileLabel->setBuddy(m_profiles);
    profileLabel->setContentsMargins(8, 0, 2, 0);
    toolbar->addWidget(profileLabel);
    m_profiles->setObjectName(QStringLiteral("profilePicker"));
    m_profiles->setToolTip(tr("Switch to a saved cluster profile"));
    m_profiles->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_profiles->setMinimumContentsLength(12);
    toolbar->addWidget(m_profiles);
    connect(m_profiles, &QComboBox::activated, this, [this](int index) {
        const QString name = m_profiles->itemData(index).toString();
        if (!name.isEmpty())
            Q_EMIT profileRequested(name);
    });
    auto *manage = toolbar->addAction(tr("Profiles…"));
    manage->setObjectName(QStringLiteral("manageProfiles"));
    manage->setToolTip(tr("Add, edit and remove cluster profiles"));
    connect(manage, &QAction::triggered, this, &MainWindow::manageProfilesRequested);

    auto *focusContexts = new QAction(this);
    focusContexts->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    connect(focusContexts, &QAction::triggered, m_contexts, [this] {
        m_contexts->setFocus();
        m_contexts->showPopup();
    });
    addAction(focusContexts);

    auto *reconnect = toolbar->addAction(style()->standardIcon(QStyle::SP_DriveNetIcon), tr("Reconnect"));
    reconnect->setShortcut(QKeySequence::Refresh);
    reconnect->setToolTip(tr("Connect again and reload everything (F5)"));
    connect(reconnect, &QAction::triggered, this, &MainWindow::reconnectRequested);

    auto *viewBar = addToolBar(tr("View"));
    viewBar->setObjectName(QStringLiteral("viewToolBar"));
    viewBar->setMovable(false);
    m_viewStateBar = new Views::ViewStateBar(m_viewState, viewBar);
    followViewState();

    for (int i = 0; i < m_navigation->count(); ++i) {
        auto *go = new QAction(this);
        go->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        connect(go, &QAction::triggered, this, [this, i] { m_navigation->setCurrentRow(i); });
        addAction(go);
    }
    auto *quit = new QAction(tr("Quit"), this);
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, qApp, &QApplication::quit);
    addAction(quit);
}

// The pages read the shared view state; a custom range is one fixed axis for every chart.
void MainWindow::followViewState()
{
    connect(m_viewState, &Model::ViewState::namespaceFilterChanged, m_topologyPage,
            &Views::TopologyPage::setNamespaceFilter);
    connect(m_viewState, &Model::ViewState::namespaceFilterChanged, m_sriovPage, &Views::SriovPage::setNamespaceFilter);
    connect(m_viewState, &Model::ViewState::namespaceFilterChanged, m_podsPage, &Views::PodsPage::setNamespaceFilter);
    connect(m_viewState, &Model::ViewState::namespaceFilterChanged, m_overviewPage,
            &Views::OverviewPage::setNamespaceFilter);
    connect(m_viewState, &Model::ViewState::namespaceFilterChanged, m_heatmapPage,
            &Views::HeatmapPage::setNamespaceFilter);
    connect(m_viewState, &Model::ViewState::namespaceFilterChanged, m_pendingPage,
            &Views::PendingPage::setNamespaceFilter);
    connect(m_viewState, &Model::ViewState::refreshRequested, m_podsPage, &Views::PodsPage::reload);
    connect(m_viewState, &Model::ViewState::refreshRequested, m_sriovPage, &Views::SriovPage::reload);
    connect(m_viewState, &Model::ViewState::rangeChanged, this, [this] {
        // Charts two to a row: each is about half the page wide.
        const auto follow = [this](auto *page) {
            if (m_viewState->isCustom())
                page->setTimeAxis(m_viewState->axisFor(page->width() / 2, QDateTime::currentDateTimeUtc()));
            else
                page->setTimeRange(m_viewState->span());
        };
        follow(m_podsPage);
        follow(m_sriovPage);
    });
}

// The overview's figures open the page that explains them.
void MainWindow::linkPages()
{
    connect(m_overviewPage, &Views::OverviewPage::pageRequested, this, [this](Views::OverviewPage::Target target) {
        switch (target) {
        case Views::OverviewPage::Target::Heatmap:
            return showPage(HeatmapPage);
        case Views::OverviewPage::Target::Topology:
            return showPage(TopologyPage);
        case Views::OverviewPage::Target::Sriov:
            return showPage(SriovPage);
        case Views::OverviewPage::Target::Pods:
            return showPage(PodsPage);
        case Views::OverviewPage::Target::Pending:
            return showPage(PendingPage);
        }
    });
}

void MainWindow::setPrometheus(Prom::PromClient *client, const Prom::MetricCatalogue &catalogue)
{
    m_podsPage->setPrometheus(client, catalogue);
    m_sriovPage->setPrometheus(client, catalogue);
}

void MainWindow::setContexts(const QStringList &names, const QString &current)
{
    const QSignalBlocker blocker(m_contexts);
    m_contexts->clear();
    m_contexts->addItems(names);
    m_contexts->setCurrentText(current);
    m_contexts->setEnabled(names.size() > 1);
}

void MainWindow::setProfiles(const QStringList &names, const QString &current)
{
    const QSignalBlocker blocker(m_profiles);
    m_profiles->clear();
    m_profiles->addItem(current.isEmpty() ? tr("(none)") : QString(), QString());
    for (const QString &name : names)
        m_profiles->addItem(name, name);
    const int index = m_profiles->findData(current);
    m_profiles->setCurrentIndex(std::max(index, 0));
    // The placeholder only stands for "no profile"; once one is in use it is not offered.
    if (!current.isEmpty() && index >= 0)
        m_profiles->removeItem(0);
    m_profiles->setEnabled(!names.isEmpty());
}

void MainWindow::showSnapshot(const Model::ClusterSnapshot &snapshot, bool reset)
{
    // A switch to another cluster, and the first snapshot, go to every page; live updates to the
    // pages that keepsUpToDate() names, and the others catch up when they are shown. On a large
    // cluster each page rebuilds tens of megabytes per update, for nobody to see.
    const bool everyPage = reset || !m_hasSnapshot;
    m_hasSnapshot = true;
    m_latestSnapshot = snapshot;
    for (int page = 0; page < m_pages->count(); ++page) {
        if (everyPage || keepsUpToDate(Page(page))) {
            m_pagesBehind.remove(page);
            giveSnapshot(Page(page), snapshot, reset);
        } else {
            m_pagesBehind.insert(page);
        }
    }
    int pending = 0;
    QSet<QString> namespaces;
    for (const auto &pod : snapshot.pods) {
        pending += pod.pending ? 1 : 0;
        namespaces.insert(pod.namespaceName);
    }
    QStringList sortedNamespaces(namespaces.begin(), namespaces.end());
    sortedNamespaces.sort();
    m_viewStateBar->setNamespaces(sortedNamespaces);
    m_counts->setText(
        tr("%1 nodes · %2 pods · %3 pending").arg(snapshot.nodes.size()).arg(snapshot.podCount).arg(pending));
    showWarnings(snapshot.warnings);
    m_freedMemory->releaseSoon();
}

// The page shown. A hidden heatmap still takes Prometheus' answers: the Overview's idle GPUs
// read its means, which follow the series (by GPU UUID), not the snapshot.
bool MainWindow::keepsUpToDate(Page page) const
{
    return page == m_pages->currentIndex();
}

void MainWindow::giveSnapshot(Page page, const Model::ClusterSnapshot &snapshot, bool reset)
{
    switch (page) {
    case OverviewPage:
        return m_overviewPage->setSnapshot(snapshot);
    case NodesPage:
        return showNodes(snapshot, reset);
    case TopologyPage:
        return m_topologyPage->showSnapshot(snapshot, reset);
    case HeatmapPage:
        return m_heatmapPage->setSnapshot(snapshot);
    case SriovPage:
        return m_sriovPage->setSnapshot(snapshot, reset);
    case PodsPage:
        return m_podsPage->setSnapshot(snapshot, reset);
    case PendingPage:
        return m_pendingPage->setSnapshot(snapshot);
    case AllocationPage:
        return m_allocationModel->setSnapshot(snapshot, reset);
    }
}

void MainWindow::catchUp(int page)
{
    if (m_pagesBehind.remove(page))
        giveSnapshot(Page(page), m_latestSnapshot, false);
}

void MainWindow::showNodes(const Model::ClusterSnapshot &snapshot, bool reset)
{
    m_nodesResetPending = m_nodesResetPending || reset;
    const quint64 generation = ++m_nodesGeneration;
    Core::buildOffThread(
        this, [snapshot] { return Model::NodeTableModel::rowsOf(snapshot); },
        [this, generation](Model::NodeTableModel::Rows rows) {
            if (generation != m_nodesGeneration)
                return;
            m_nodeModel->setRows(std::move(rows), std::exchange(m_nodesResetPending, false));
            Q_EMIT nodesUpdated();
        });
}

// Data Specula could not read (a malformed annotation, a kind the user may not list) leaves a
// gap in the picture: say so where it is always visible, with every warning in the tooltip.
void MainWindow::showWarnings(const QStringList &warnings)
{
    m_warnings->setVisible(!warnings.isEmpty());
    if (warnings.isEmpty())
        return;
    m_warnings->setText(
        QStringLiteral("<span style=\"color:#ef6c00\">⚠</span> ")
        + Model::ResourceText::plural(tr("%n warning(s)", nullptr, int(warnings.size())), int(warnings.size())));
    QString tip;
    for (const QString &warning : warnings)
        tip += QStringLiteral("<li>") + warning.toHtmlEscaped() + QStringLiteral("</li>");
    m_warnings->setToolTip(QStringLiteral("<ul style=\"margin:0\">") + tip + QStringLiteral("</ul>"));
}

void MainWindow::showConnection(Health health, const QString &text, const QString &server)
{
    static const char *const colours[] = { "#9e9e9e", "#2e7d32", "#ef6c00", "#c62828" };
    m_health->setText(QStringLiteral("<span style=\"color:%1\">●</span> %2")
                          .arg(QLatin1String(colours[int(health)]), text.toHtmlEscaped()));
    m_health->setToolTip(text);
    m_server->setText(server);
}

QString MainWindow::connectionText() const
{
    return m_health->toolTip();
}

void MainWindow::showError(const QString &message)
{
    m_banner->showError(message);
}

void MainWindow::clearError()
{
    m_banner->hide();
}

void MainWindow::showPage(Page page)
{
    m_navigation->setCurrentRow(int(page));
}

void MainWindow::showPodCharts(const QString &pod)
{
    // A page behind the latest snapshot may not list the pod yet: it is selected once the rows
    // of the latest are in.
    if (m_pagesBehind.contains(PodsPage) || !m_podToSelect.isEmpty()) {
        m_podToSelect = pod;
        catchUp(PodsPage);
        return;
    }
    if (m_podsPage->selectPod(pod))
        showPage(PodsPage);
}

Views::TablePage *MainWindow::page(Page page) const
{
    return qobject_cast<Views::TablePage *>(m_pages->widget(int(page)));
}

} // namespace Specula::App
