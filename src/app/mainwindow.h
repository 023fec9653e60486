// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/clustersnapshot.h"

#include <QMainWindow>
#include <QSet>

class QComboBox;
class QLabel;
class QListWidget;
class QStackedWidget;

namespace Specula::Core {
class FreedMemory;
} // namespace Specula::Core

namespace Specula::Model {
class AllocationTableModel;
class NodeTableModel;
class TopologyModel;
class ViewState;
} // namespace Specula::Model

namespace Specula::Prom {
class MetricCatalogue;
class PromClient;
} // namespace Specula::Prom

namespace Specula::Views {
class ErrorBanner;
class TablePage;
class HeatmapPage;
class OverviewPage;
class PendingPage;
class PodsPage;
class SriovPage;
class TopologyPage;
class ViewStateBar;
} // namespace Specula::Views

namespace Specula::App {

// Composes the pages, the navigation, the context picker, the error banner and the status bar.
// It holds no cluster logic: AppController feeds it.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    enum class Health { Connecting, Live, Degraded, Failed };
    enum Page { OverviewPage, NodesPage, TopologyPage, HeatmapPage, SriovPage, PodsPage, PendingPage, AllocationPage };

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    void setContexts(const QStringList &names, const QString &current);
    // The saved profiles in the switcher; `current` empty: none is in use.
    void setProfiles(const QStringList &names, const QString &current);
    // `reset` clears the tables first (a switch to another cluster); otherwise rows update in place.
    // Pages other than the one shown are given the snapshot when they are next shown.
    void showSnapshot(const Model::ClusterSnapshot &snapshot, bool reset);
    void showConnection(Health health, const QString &text, const QString &server);
    void showError(const QString &message);
    void clearError();

    void showPage(Page page);
    // The Pods page with this pod's charts ("namespace/name").
    void showPodCharts(const QString &pod);
    // The table pages (Nodes, Allocation); null for the others.
    Views::TablePage *page(Page page) const;
    Views::TopologyPage *topologyPage() const { return m_topologyPage; }
    Views::SriovPage *sriovPage() const { return m_sriovPage; }
    Views::PodsPage *podsPage() const { return m_podsPage; }
    Views::OverviewPage *overviewPage() const { return m_overviewPage; }
    Views::HeatmapPage *heatmapPage() const { return m_heatmapPage; }
    Views::PendingPage *pendingPage() const { return m_pendingPage; }
    // The cluster's Prometheus for the pages that chart metrics; null when there is none (yet).
    void setPrometheus(Prom::PromClient *client, const Prom::MetricCatalogue &catalogue);
    Views::ErrorBanner *errorBanner() const { return m_banner; }
    QComboBox *contextPicker() const { return m_contexts; }
    QComboBox *profilePicker() const { return m_profiles; }
    // The time range, refresh interval and namespace filter every page follows.
    Model::ViewState *viewState() const { return m_viewState; }
    Views::ViewStateBar *viewStateBar() const { return m_viewStateBar; }
    QString connectionText() const;

Q_SIGNALS:
    void contextRequested(const QString &name);
    void profileRequested(const QString &name);
    void manageProfilesRequested();
    void reconnectRequested();
    // The Nodes page shows the last snapshot given to showSnapshot() (its rows are worked out
    // off the GUI thread).
    void nodesUpdated();

private:
    void createActions();
    void showWarnings(const QStringList &warnings);
    // The Nodes page's rows off the GUI thread; of snapshots shown in quick succession only the
    // last reaches the table.
    void showNodes(const Model::ClusterSnapshot &snapshot, bool reset);
    bool keepsUpToDate(Page page) const;
    void giveSnapshot(Page page, const Model::ClusterSnapshot &snapshot, bool reset);
    // Gives a page shown the latest snapshot, if it has an older one.
    void catchUp(int page);
    void followViewState();
    void linkPages();

    Model::ViewState *m_viewState;
    Model::ClusterSnapshot m_latestSnapshot;
    bool m_hasSnapshot = false;
    QSet<int> m_pagesBehind; // pages that have not been given m_latestSnapshot
    QString m_podToSelect; // showPodCharts() waiting for the Pods page's rows
    Views::ViewStateBar *m_viewStateBar = nullptr;
    Model::NodeTableModel *m_nodeModel;
    quint64 m_nodesGeneration = 0; // rows of older snapshots, arriving late, are dropped
    bool m_nodesResetPending = false; // a switch to another cluster the Nodes page has yet to show
    Views::PodsPage *m_podsPage;
    Model::AllocationTableModel *m_allocationModel;
    Views::TopologyPage *m_topologyPage;
    Views::SriovPage *m_sriovPage;
    Views::OverviewPage *m_overviewPage;
    Views::HeatmapPage *m_heatmapPage;
    Views::PendingPage *m_pendingPage;
    QListWidget *m_navigation;
    QStackedWidget *m_pages;
    Views::ErrorBanner *m_banner;
    QComboBox *m_contexts;
    QComboBox *m_profiles;
    QLabel *m_health;
    QLabel *m_server;
    QLabel *m_counts;
    QLabel *m_warnings; // what the snapshot could not read; hidden when all was read
    Core::FreedMemory *m_freedMemory; // gives back what a replaced snapshot's data leaves free
};

} // namespace Specula::App
