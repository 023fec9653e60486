// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/clustersnapshot.h"
#include "prom/metriccatalogue.h"
#include "prom/seriesstore.h"

#include <QPointer>
#include <QWidget>
#include <chrono>
#include <optional>

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace Specula::Model {
class PodSeriesQuery;
class PodTableModel;
} // namespace Specula::Model

namespace Specula::Prom {
class PromClient;
} // namespace Specula::Prom

namespace Specula::Views {

class PodChartsGrid;

// The pods that hold specialized resources (and pending pods) on the left, filterable by text
// and namespace; on the right the selected pod's charts over the time range: CPU, memory, GPU
// utilization and memory per GPU, power, energy and network per interface (VFs named). The page
// does not own the connection: it is given the Prometheus client and catalogue to query, and
// asks again whenever the selection, the client or the time range changes; a newer question
// cancels the one in flight. Loading, errors and "no data" are said in words above the charts.
class PodsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PodsPage)

public:
    explicit PodsPage(QWidget *parent = nullptr);
    ~PodsPage() override;

    // Updates the list in place (selection and scroll stay); `reset` for a cluster switch. The
    // rows are worked out off the GUI thread; updated() says when they are on screen. Of
    // snapshots set in quick succession only the last is shown.
    void setSnapshot(const Model::ClusterSnapshot &snapshot, bool reset = false);
    // Only pods of this namespace; empty for all.
    void setNamespaceFilter(const QString &ns);
    void setFilterText(const QString &text);
    // Where the series come from; a null client means no Prometheus (the page says so). The
    // client must outlive the page or be replaced (a deleted client fails the query cleanly).
    void setPrometheus(Prom::PromClient *client, const Prom::MetricCatalogue &catalogue);
    // The last `span` up to the moment of each query (default: 1 hour)…
    void setTimeRange(std::chrono::seconds span);
    // …or exactly this axis.
    void setTimeAxis(const Prom::TimeAxis &axis);
    // Selects "namespace/name" and loads its charts; false when the list (as filtered) lacks it.
    bool selectPod(const QString &key);
    QString selectedPod() const;
    // Asks again for the selected pod's series (for a refresh interval or a button).
    void reload();

    QTableView *view() const { return m_view; }
    QSortFilterProxyModel *proxy() const { return m_textProxy; }
    PodChartsGrid *charts() const { return m_charts; }
    // What the line above the charts says: the pod and range, "Loading…", or why there is nothing.
    QString statusText() const;

Q_SIGNALS:
    void podSelected(const QString &key);
    // The selected pod's charts are on screen (possibly none, when Prometheus has no series).
    void chartsLoaded(const QString &key);
    void chartsFailed(const QString &key, const QString &message);
    // The list shows the last snapshot set.
    void updated();

private:
    void selectionChanged();
    void startQuery();
    Prom::TimeAxis queryAxis() const;
    void showStatus(const QString &text, bool error = false);

    Model::PodTableModel *m_model;
    QSortFilterProxyModel *m_namespaceProxy;
    QSortFilterProxyModel *m_textProxy;
    QLineEdit *m_filter;
    QTableView *m_view;
    QLabel *m_title;
    QLabel *m_status;
    PodChartsGrid *m_charts;
    Model::ClusterSnapshot m_snapshot;
    quint64 m_generation = 0; // rows of older snapshots, arriving late, are dropped
    bool m_resetPending = false; // a switch to another cluster that the list has yet to show
    QPointer<Prom::PromClient> m_client;
    Prom::MetricCatalogue m_catalogue;
    std::chrono::seconds m_span { 3600 };
    std::optional<Prom::TimeAxis> m_axis;
    QString m_selected;
    Model::PodSeriesQuery *m_query = nullptr;
};

} // namespace Specula::Views
