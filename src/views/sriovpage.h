// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/clustersnapshot.h"
#include "model/vfallocation.h"
#include "prom/metriccatalogue.h"
#include "prom/seriesstore.h"

#include <QWidget>
#include <chrono>
#include <optional>

class QAction;
class QButtonGroup;
class QLabel;
class QTabWidget;
class QToolButton;

namespace Specula::Model {
class NodeNamespaceFilter;
class PfTableModel;
class VfTableModel;
} // namespace Specula::Model

namespace Specula::Prom {
class PromClient;
} // namespace Specula::Prom

namespace Specula::Views {

class TablePage;
class VfAllocationChart;
class VfTrafficPanel;

// SR-IOV: the VF allocation graph (per node or per pool) above the tables of physical and
// virtual functions, and beside the tables the traffic of the current row (VfTrafficPanel): the
// VF's receive and transmit rates, or those of the PF's VFs. Clicking a bar filters both tables
// to that node (or pool); the tables keep their rows, selection and scroll across live updates.
// Everything shown exports as CSV, and the graph, the tables and the traffic charts as PNG, from
// the Export button or a context menu.
class SriovPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SriovPage)

public:
    // What the page can export.
    enum class ExportTarget { GraphPng, GraphCsv, PfCsv, PfPng, VfCsv, VfPng, TrafficPng, TrafficCsv };

    explicit SriovPage(QWidget *parent = nullptr);
    ~SriovPage() override;

    // The graph's bars and the tables' rows are worked out off the GUI thread; updated() says
    // when they are on screen. Of snapshots set in quick succession only the last is shown.
    // `reset` is for a switch to another cluster: the selection and the node filter go.
    void setSnapshot(const Model::ClusterSnapshot &snapshot, bool reset = false);
    // The window's namespace filter: PFs with a VF held in this namespace, VFs held in it. The
    // graph counts the whole cluster. Empty shows everything.
    void setNamespaceFilter(const QString &ns);

    // Where the traffic series come from, as for the pods page: a null client means no
    // Prometheus (the panel says so); a deleted client fails the query cleanly.
    void setPrometheus(Prom::PromClient *client, const Prom::MetricCatalogue &catalogue);
    // The last `span` up to the moment of each query (default: 1 hour)…
    void setTimeRange(std::chrono::seconds span);
    // …or exactly this axis.
    void setTimeAxis(const Prom::TimeAxis &axis);
    // Asks again for the current row's traffic (for a refresh interval or a button).
    void reload();

    Model::VfGrouping grouping() const { return m_grouping; }
    void setGrouping(Model::VfGrouping grouping);
    // The node (per node) or pool (per pool) the tables are filtered to; empty for none.
    QString selectedBar() const;
    void setSelectedBar(const QString &name);

    // Writes `target` to `path`; the error's text when it fails.
    std::optional<QString> exportTo(ExportTarget target, const QString &path) const;
    QString graphCsv() const;

    VfAllocationChart *chart() const { return m_chart; }
    TablePage *pfTable() const { return m_pfPage; }
    TablePage *vfTable() const { return m_vfPage; }
    QTabWidget *tabs() const { return m_tabs; }
    VfTrafficPanel *traffic() const { return m_traffic; }
    QAction *exportAction(ExportTarget target) const;

Q_SIGNALS:
    // A VF row was activated (double click or Enter): the window shows its traffic.
    void vfActivated(const QString &node, const QString &pciAddress);
    // A bar was selected or the selection cleared (empty); the tables are filtered to it.
    void selectedBarChanged(const QString &name);
    // The graph and the tables show the last snapshot set.
    void updated();

private:
    struct Content; // the rows and bars of a snapshot, worked out off the GUI thread

    void showContent(Content content, quint64 generation);
    void applySelection(const QString &name);
    void updateChart();
    // The traffic panel follows the current row of the table on show.
    void updateTrafficTarget();
    void askAndExport(ExportTarget target);

    Model::ClusterSnapshot m_snapshot;
    Model::VfGrouping m_grouping = Model::VfGrouping::Node;
    quint64 m_generation = 0; // what older snapshots show, arriving late, is dropped
    bool m_resetPending = false; // a switch to another cluster that the tables have yet to show
    Model::PfTableModel *m_pfModel;
    Model::VfTableModel *m_vfModel;
    Model::NodeNamespaceFilter *m_pfFilter;
    Model::NodeNamespaceFilter *m_vfFilter;
    VfAllocationChart *m_chart;
    TablePage *m_pfPage;
    TablePage *m_vfPage;
    QTabWidget *m_tabs;
    VfTrafficPanel *m_traffic;
    QButtonGroup *m_groupingButtons;
    QLabel *m_selectionLabel;
    QToolButton *m_clearSelection;
    QList<QAction *> m_exportActions; // by ExportTarget
};

} // namespace Specula::Views
