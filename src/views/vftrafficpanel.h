// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/clustersnapshot.h"
#include "model/vftrafficplan.h"
#include "prom/metriccatalogue.h"
#include "prom/seriesstore.h"

#include <QPointer>
#include <QWidget>
#include <chrono>
#include <optional>

class QImage;
class QLabel;

namespace Specula::Model {
class PodSeriesQuery;
} // namespace Specula::Model

namespace Specula::Prom {
class PromClient;
} // namespace Specula::Prom

namespace Specula::Views {

class PodChartsGrid;
class TimeSeriesChart;

// What the SR-IOV page's VFs push: receive and transmit bytes/s over the time range, from the
// SR-IOV metrics exporter, for one VF or a PF's VFs (VfTrafficPlan). Like the pods page it does
// not own the connection: it asks the Prometheus client it is given whenever the target, the
// client or the range changes, and a newer question cancels the one in flight. Loading, errors,
// "no Prometheus" and "no data" are said in words above the charts.
class VfTrafficPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VfTrafficPanel)

public:
    explicit VfTrafficPanel(QWidget *parent = nullptr);
    ~VfTrafficPanel() override;

    // The snapshot places the exporter's series on nodes; a new one does not ask again.
    void setSnapshot(const Model::ClusterSnapshot &snapshot);
    // A null client means no Prometheus (the panel says so). A deleted client fails cleanly.
    void setPrometheus(Prom::PromClient *client, const Prom::MetricCatalogue &catalogue);
    // The last `span` up to the moment of each query (default: 1 hour)…
    void setTimeRange(std::chrono::seconds span);
    // …or exactly this axis.
    void setTimeAxis(const Prom::TimeAxis &axis);
    // What to chart; nothing says "select a VF or PF". Asks again only when it changed.
    void setTarget(const std::optional<Model::VfTrafficTarget> &target);
    const std::optional<Model::VfTrafficTarget> &target() const { return m_target; }
    // Asks again for the target's series (for a refresh interval or a button).
    void reload();

    QString titleText() const;
    // The line above the charts: "Loading…", why there is nothing, or how many VFs are shown.
    QString statusText() const;
    bool isLoading() const { return m_query != nullptr; }
    PodChartsGrid *charts() const { return m_charts; }
    TimeSeriesChart *receiveChart() const;
    TimeSeriesChart *transmitChart() const;
    // The lines charted, receive then transmit, a store per VF (VfTrafficPlan's labels); empty
    // when nothing is charted.
    QList<Prom::SeriesStore> shownStores() const;
    // shownStores() as CSV, a column per VF and direction; nullopt when nothing is charted.
    std::optional<QByteArray> csv() const;
    // The panel as on screen (title, status and charts), at its device pixel ratio.
    QImage image() const;

Q_SIGNALS:
    // The target's charts are on screen (none when Prometheus has no series for it).
    void trafficLoaded();
    void trafficFailed(const QString &message);

private:
    void startQuery();
    Prom::TimeAxis queryAxis() const;
    QString targetText() const;
    void showStatus(const QString &text, bool error = false);

    QLabel *m_title;
    QLabel *m_status;
    PodChartsGrid *m_charts;
    Model::ClusterSnapshot m_snapshot;
    QPointer<Prom::PromClient> m_client;
    Prom::MetricCatalogue m_catalogue;
    std::chrono::seconds m_span { 3600 };
    std::optional<Prom::TimeAxis> m_axis;
    std::optional<Model::VfTrafficTarget> m_target;
    QList<Model::PodChart> m_shown; // what the charts draw, for the CSV
    Model::PodSeriesQuery *m_query = nullptr;
};

} // namespace Specula::Views
