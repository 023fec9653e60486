// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "model/clustersnapshot.h"
#include "prom/metriccatalogue.h"
#include "prom/promclient.h"
#include "prom/rangequery.h"
#include "prom/seriesstore.h"

#include <QObject>
#include <QPointer>
#include <optional>

namespace Specula::Model {

// One heatmap metric of every GPU and MIG slice of the cluster over a range: one RangeQuery
// (split and run in parallel as it sees fit). Emits exactly one of finished() or failed(), unless
// cancelled; deletes itself after reporting.
class HeatmapSeriesQuery final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HeatmapSeriesQuery)

public:
    HeatmapSeriesQuery(Prom::PromClient *client, const Prom::MetricCatalogue &catalogue, Prom::Metric metric,
                       Prom::TimeAxis axis, QObject *parent = nullptr);
    ~HeatmapSeriesQuery() override;

    // The PromQL for a heatmap metric (HeatmapScale::metrics()); nullopt when the cluster has no
    // source for it. GpuMemUsed asks for the used share of each GPU's memory in %, used / (used +
    // free), so the colours compare GPUs of different sizes.
    static std::optional<QString> expr(const Prom::MetricCatalogue &catalogue, Prom::Metric metric);

    // How the range is asked for with `rows` GPUs: requests in flight, and points per request.
    // Every answer repeats each series' labels, and its text is held whole while it is read into a
    // store: four requests of 40,000 series side by side hold some 250 MB of text at the peak.
    // Larger clusters' requests go two or one at a time, and each stays under samplesPerRequest
    // (one request for the whole hour held some 350 MB, and Prometheus refuses a query past its
    // sample limit).
    struct RequestPlan
    {
        int concurrency = 0;
        int pointsPerRequest = 0;
    };
    static constexpr qsizetype samplesPerRequest = 2'500'000;
    static RequestPlan requestsFor(qsizetype rows, const Prom::TimeAxis &axis);

    // A refresh keeps what the last answer for the same metric and step shares with the new
    // range and asks only for the rest: the newer points, and again the last ones of that answer
    // (refetchSeconds' worth, at least one), which may have been computed before every scrape had
    // landed. On a cluster of 40,000 GPUs that is a few points per series instead of hundreds.
    static constexpr qint64 refetchSeconds = 120;
    void setPrevious(const Prom::CompactSeriesStore &previous) { m_previous = previous; }
    // The part of `axis` to ask for, given `previous` (an empty store: all of it).
    static Prom::TimeAxis askedFor(const Prom::TimeAxis &axis, const Prom::CompactSeriesStore &previous);

    Prom::Metric metric() const { return m_metric; }
    // The cluster the answer is for: its GPUs and MIG slices bound the requests in flight.
    void setExpectedRows(const ClusterSnapshot &snapshot) { m_expectedRows = expectedRows(snapshot); }
    // The GPUs and MIG slices of `snapshot`: those it names or, on a node whose GPUs Prometheus
    // has not named yet (the first heatmap of a session), those its resources count.
    static qsizetype expectedRows(const ClusterSnapshot &snapshot);
    void start();
    void cancel();

Q_SIGNALS:
    // In single precision: a heatmap's readings need no more, and 40,000 GPUs' hour takes half
    // the memory.
    void finished(Specula::Prom::Metric metric, const Specula::Prom::CompactSeriesStore &store);
    void failed(const Specula::Core::Error &error);

private:
    void finish(const Prom::CompactSeriesStore &asked);

    QPointer<Prom::PromClient> m_client;
    Prom::MetricCatalogue m_catalogue;
    Prom::Metric m_metric;
    Prom::TimeAxis m_axis;
    Prom::CompactSeriesStore m_previous;
    qsizetype m_expectedRows = 0;
    QPointer<Prom::RangeQuery> m_query;
};

} // namespace Specula::Model
