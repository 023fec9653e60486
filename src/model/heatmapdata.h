// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/clustersnapshot.h"
#include "model/heatmapscale.h"
#include "prom/metriccatalogue.h"
#include "prom/seriesstore.h"

#include <QList>
#include <QMetaType>
#include <QSharedPointer>
#include <optional>
#include <span>
#include <vector>

namespace Specula::Model {

// One GPU or MIG slice of a heatmap.
struct HeatmapRow
{
    QString node;
    QString uuid; // dcgm names a MIG slice by its GPU's UUID; DRA by the slice's own
    std::optional<int> index;
    QString model;
    QString migProfile; // empty for a whole GPU
    std::optional<int> migInstance;
    QList<PodRef> pods;
    double mean = 0; // of the points in range; NaN when there are none
    double latest = 0; // the newest point; NaN when there are none
    bool idleWhileAllocated = false;

    // Node, UUID and MIG instance: what stays the same from one refresh to the next.
    QString key() const;
    // "GPU 0", "GPU 0 · 1g.10gb #3".
    QString deviceLabel() const;
    // "ns/a, ns/b"; empty when nobody holds it.
    QString podsText() const;
};

// The numbers behind a heatmap: one row per GPU and MIG slice of a snapshot (each node's GPUs by
// index, each followed by its MIG slices), one column per step of a metric's range. Series find
// their devices as the snapshot's join finds them (joinGpuMetrics); a time-shared GPU has one
// series per holder with the same reading, so a cell takes the largest. The rows shown are a
// view of all of them: filtered by namespace and sorted. Copies are cheap (the rows are shared).
class HeatmapData
{
public:
    enum class Sort { Node, MeanDescending, IdleFirst };

    // Held GPUs whose mean utilization stays below this are "idle while allocated".
    static constexpr double kIdleThresholdPercent = 5;

    HeatmapData();

    // `store` holds `metric`'s series over the range (for GpuMemUsed: used % of total, as
    // HeatmapSeriesQuery asks for it), read with `catalogue`'s dialect. Heavy for large clusters:
    // call it off the GUI thread.
    static HeatmapData build(const ClusterSnapshot &snapshot, Prom::Metric metric,
                             const Prom::CompactSeriesStore &store, const Prom::MetricCatalogue &catalogue);

    // Whether build() would make the same rows of `snapshot` from the same series: the same nodes
    // with the same GPU devices and holders; where they placed a series that names no known node,
    // the same pods on the same nodes and the same node addresses; and for a metric other than
    // utilization, the same latest utilization (for "idle while allocated"). Live updates of a
    // large cluster, refreshed readings included, mostly change none of these.
    bool sameRowsFrom(const ClusterSnapshot &snapshot) const;

    Prom::Metric metric() const;
    const Prom::TimeAxis &axis() const;
    const HeatmapScale &scale() const;

    // Recomputes the rows shown. An empty namespace shows every row; otherwise the rows held by
    // a pod of that namespace.
    void setView(Sort sort, const QString &namespaceFilter);
    Sort sort() const { return m_sort; }
    const QString &namespaceFilter() const { return m_namespace; }

    // The rows shown, in view order.
    int rowCount() const { return int(m_order.size()); }
    const HeatmapRow &row(int shown) const;
    std::span<const float> values(int shown) const;
    float value(int shown, int step) const { return values(shown)[step]; }
    // The shown row with this key, or -1.
    int find(const QString &key) const;
    // Whether `other` shows the same devices in the same order.
    bool sameRows(const HeatmapData &other) const;

    // Every row, whatever the view.
    int allRowCount() const;
    // Whether any row has a point: Prometheus has answered, rather than the rows coming from the
    // snapshot's GPUs alone.
    bool hasReadings() const;

private:
    struct Shared;
    QSharedPointer<const Shared> d;
    std::vector<int> m_order;
    Sort m_sort = Sort::Node;
    QString m_namespace;
};

} // namespace Specula::Model

Q_DECLARE_METATYPE(Specula::Model::HeatmapData)
