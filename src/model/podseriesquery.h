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

namespace Specula::Model {

// One metric's series for one pod over a range.
struct PodSeries
{
    Prom::Metric metric = Prom::Metric::PodCpu;
    Prom::SeriesStore store;
};

// Everything the catalogue can say about one pod over a time range: its GPUs' utilization,
// memory, temperature, power and tensor activity, its CPU, memory, network per interface, power
// and energy, and the traffic of the SR-IOV VFs it holds (which cAdvisor does not see when the VF
// is bound to vfio-pci or driven by DPDK). Or any list of metrics for any scope (the SR-IOV page
// asks for the VFs' traffic). One range query per metric, all in flight at once (each split as
// RangeQuery sees fit). Emits exactly one of finished() or failed().
class PodSeriesQuery final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PodSeriesQuery)

public:
    PodSeriesQuery(Prom::PromClient *client, Prom::MetricCatalogue catalogue, Prom::Scope scope,
                   QList<Prom::Metric> metrics, Prom::TimeAxis axis, QObject *parent = nullptr);
    ~PodSeriesQuery() override;

    void start();
    static QList<Prom::Metric> podMetrics();
    // One pod's scope. Where the snapshot puts the pod on a node, its VFs' traffic is read from
    // that node's exporter only: the exporter's series name no pod, and otherwise every VF of the
    // cluster would be rated before the join picks the pod's (on a large cluster, more samples
    // than Prometheus loads for one query).
    static Prom::Scope podScope(const ClusterSnapshot &snapshot, const QString &ns, const QString &pod);

Q_SIGNALS:
    // In the order asked for (podMetrics() for a pod); metrics the cluster has no source for are
    // left out.
    void finished(const QList<Specula::Model::PodSeries> &series);
    void failed(const Specula::Core::Error &error);

private:
    void finishIfDone();

    QPointer<Prom::PromClient> m_client;
    Prom::MetricCatalogue m_catalogue;
    Prom::Scope m_scope;
    QList<Prom::Metric> m_metrics;
    Prom::TimeAxis m_axis;
    QList<QPointer<Prom::RangeQuery>> m_queries;
    QList<PodSeries> m_results;
    QList<bool> m_received;
    bool m_done = false;
};

} // namespace Specula::Model
