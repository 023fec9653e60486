// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/clustersnapshot.h"
#include "model/heatmapdata.h"
#include "prom/metriccatalogue.h"
#include "prom/seriesstore.h"

#include <QImage>
#include <QWidget>
#include <optional>

class QAction;
class QComboBox;
class QLabel;

namespace Specula::Views {

class HeatmapLegend;
class HeatmapView;

// The GPU heatmap page: a toolbar (metric, sort, the "now" grid, PNG and CSV export), the
// heatmap and its colour legend. The window gives it the snapshot and the chosen metric's series
// (it asks for them when metricChanged() says so, e.g. with HeatmapSeriesQuery); the page joins
// and colours them off the GUI thread, newest input winning.
class HeatmapPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HeatmapPage)

public:
    explicit HeatmapPage(QWidget *parent = nullptr);
    ~HeatmapPage() override;

    void setSnapshot(const Model::ClusterSnapshot &snapshot);
    // The series of `metric` over the range, as HeatmapSeriesQuery fetches them, read with the
    // cluster's catalogue. Series of another metric than the one shown are ignored (a late answer).
    void setSeries(Prom::Metric metric, const Prom::CompactSeriesStore &store, const Prom::MetricCatalogue &catalogue);
    // Only GPUs held by pods of this namespace; empty for all.
    void setNamespaceFilter(const QString &ns);

    Prom::Metric metric() const { return m_metric; }
    // Selects a metric of HeatmapScale::metrics() (as the combo box does) and emits metricChanged.
    void setMetric(Prom::Metric metric);
    void setSort(Model::HeatmapData::Sort sort);
    void setNowGrid(bool on);

    HeatmapView *view() const { return m_view; }
    HeatmapLegend *legend() const { return m_legend; }
    // "40,000 GPUs · 312 idle while allocated", and what went wrong with the data.
    QString statusText() const;
    // The rows as last built (after contentReady()), for figures other pages show.
    const std::optional<Model::HeatmapData> &data() const { return m_joined; }

    // The heatmap and its legend as on screen, at the screen's device pixel ratio.
    QImage renderImage() const;
    // Writes the picture (PNG) or the numbers (CSV); an error text on failure.
    std::optional<QString> saveImage(const QString &path) const;
    std::optional<QString> saveCsv(const QString &path) const;

Q_SIGNALS:
    void metricChanged(Specula::Prom::Metric metric);
    void deviceActivated(const QString &uuid);
    // The heatmap shows the latest input.
    void contentReady();

private:
    // What a rebuild starts from: the joined rows as they are (a new sort or filter), a new join
    // (new series or metric), or a new join only if the snapshot changed what the rows show.
    enum class Rebuild { View, Join, JoinIfRowsChanged };
    void rebuild(Rebuild what);
    void exportImageInteractively();
    void exportCsvInteractively();

    QComboBox *m_metricBox;
    QComboBox *m_sortBox;
    QAction *m_nowAction;
    QLabel *m_status;
    QWidget *m_chart;
    HeatmapView *m_view;
    HeatmapLegend *m_legend;

    Prom::Metric m_metric = Prom::Metric::GpuUtil;
    Model::ClusterSnapshot m_snapshot;
    Prom::CompactSeriesStore m_store;
    Prom::MetricCatalogue m_catalogue;
    QString m_namespace;
    Model::HeatmapData::Sort m_sort = Model::HeatmapData::Sort::Node;
    // The joined rows of the current input, reused when only the sort or filter changes.
    std::optional<Model::HeatmapData> m_joined;
    quint64 m_generation = 0; // of the last rebuild started
    quint64 m_doneGeneration = 0; // of the last rebuild whose result came back
};

} // namespace Specula::Views
