// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/clustersnapshot.h"
#include "model/overviewfigures.h"

#include <QHash>
#include <QWidget>

class QCommandLinkButton;
class QGridLayout;
class QLabel;

namespace Specula::Model {
class IdleGpuTableModel;
}

namespace Specula::Views {

class ExportActions;
class TablePage;

// The cluster at a glance: GPUs allocated and busy, MIG slices, GPUs held but idle, VFs,
// pending pods that want devices, and the GPUs' power. Each figure is a link to the page that
// shows it in detail; below them, the idle GPUs by pod. Unknown figures read "—".
class OverviewPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OverviewPage)

public:
    enum class Target { Heatmap, Topology, Sriov, Pods, Pending };
    Q_ENUM(Target)

    explicit OverviewPage(QWidget *parent = nullptr);
    ~OverviewPage() override;

    // The figures are worked out off the GUI thread; updated() says when they are on screen.
    // The same goes for the namespace filter and the mean utilization.
    void setSnapshot(const Model::ClusterSnapshot &snapshot);
    // Pod figures (pending, holders, idle GPUs) only for this namespace; empty: every namespace.
    void setNamespaceFilter(const QString &namespaceName);
    // Each device's mean utilization in percent over the chosen range, by UUID, and how the range
    // reads ("last 1 h"). Empty: the idle list falls back to the latest readings and says so.
    void setMeanUtilization(QHash<QString, double> meanUtilByUuid, const QString &rangeText);

    const Model::OverviewFigures &figures() const { return m_figures; }
    Model::IdleGpuTableModel *idleModel() const { return m_idleModel; }
    TablePage *idleTable() const { return m_idleTable; }
    ExportActions *exportActions() const { return m_export; }

Q_SIGNALS:
    // A figure was clicked: the window shows the page with its details.
    void pageRequested(Specula::Views::OverviewPage::Target target);
    // The figures and the idle table show the latest snapshot, filter and means.
    void updated();

private:
    QCommandLinkButton *addFigure(const QString &objectName, Target target, const QString &toolTip);
    void refresh();
    void showFigures(Model::OverviewFigures figures);

    Model::IdleGpuTableModel *m_idleModel;
    TablePage *m_idleTable;
    ExportActions *m_export;
    QGridLayout *m_grid;
    QCommandLinkButton *m_gpus;
    QCommandLinkButton *m_mig;
    QCommandLinkButton *m_idle;
    QCommandLinkButton *m_vfs;
    QCommandLinkButton *m_pending;
    QCommandLinkButton *m_pods;
    QCommandLinkButton *m_power;
    QLabel *m_idleHeading;
    Model::ClusterSnapshot m_snapshot;
    Model::OverviewFigures m_figures;
    QHash<QString, double> m_means;
    QString m_rangeText;
    QString m_namespace;
    quint64 m_generation = 0; // figures of older inputs that arrive late are dropped
    bool m_columnsFitted = false; // once, when the first rows arrive; then the user's widths stay
};

} // namespace Specula::Views
