// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "prom/promtypes.h"
#include "sim/metricsconfig.h"
#include "sim/scenario.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>
#include <memory>
#include <optional>

namespace Specula::Sim {

// One simulated series as Prometheus would store it after a scrape.
struct SimSeries
{
    Prom::Labels labels; // including "__name__", "job", "instance"
    // At a scrape time t (Unix seconds, multiple of scrapeInterval); nullopt = no sample.
    std::function<std::optional<double>(qint64 t)> value;
};

struct SimFamily
{
    QString name; // "DCGM_FI_DEV_GPU_UTIL", "kepler_pod_cpu_watts", ...
    QString type; // "gauge" | "counter" (as the exporter declares it in # TYPE)
    QString help;
    QString exporter; // "dcgm" | "kepler" | "cadvisor" | "kube-state-metrics" | "sriov"
    QList<SimSeries> series;
};

class GpuFleet;

// What the exporter builders share while a MetricSet is built. Value functions must not capture it:
// they outlive the scenario (they hold shared_ptrs and copies instead).
struct MetricContext
{
    const Scenario *scenario = nullptr;
    std::shared_ptr<const GpuFleet> fleet;
    MetricsConfig config;
    QHash<QString, const NodeDesc *> nodes;
    QHash<QString, QList<const PodDesc *>> runningPods; // bound and Running, by node
    QHash<QString, const PodDesc *> dcgmExporters; // the dcgm-exporter pod of each GPU node

    // The addresses the API server shows for a pod and a node (podrendering.cpp).
    static QString podIp(const PodDesc &pod);
    static QString hostIp(const QString &node);
    QString podUid(const PodDesc &pod) const;
    static QString containerId(const QString &podUid, const QString &container); // 64 hex digits
};

// How a family's stored series turn back into the lines its exporter prints: Prometheus added
// job, instance and target labels, renamed clashes to exported_* and dropped empty values.
using PageLabels = std::function<QList<std::pair<QString, QString>>(const Prom::Labels &stored)>;

// Every exporter family of a scenario in the label dialect its MetricsConfig chooses, with values
// as pure functions of time: the exporters' /metrics pages, the Prometheus API and the backfill
// history all read the same series.
class MetricSet
{
public:
    static MetricSet build(const Scenario &scenario); // honours scenario.metrics (MetricsConfig)

    const MetricsConfig &config() const { return m_config; }
    const QList<SimFamily> &families() const { return m_families; }
    const SimFamily *family(const QString &name) const; // nullptr if absent
    qint64 scrapeInterval() const { return m_config.scrapeIntervalSeconds; } // seconds
    static QStringList exporters(); // the five names above

    // The exporter's /metrics page at scrape time t, in the text exposition format 0.0.4 as the
    // real exporter prints it (HELP/TYPE per family, its own labels only: no job/instance, which
    // Prometheus adds). Empty for an exporter the scenario turned off.
    // With node set: only that node's series, the page its exporter pod serves.
    QByteArray exposition(const QString &exporter, qint64 t, const QString &node = QString()) const;

    // Builders append a family with the rule for its page and the node of each series.
    void addFamily(SimFamily family, PageLabels page, QStringList nodes);
    // The page of an exporter built on client_golang: the stored labels without job, instance and
    // the given target labels, exported_* back to their names, sorted by name as it prints them.
    static PageLabels clientGolangPage(const QStringList &targetLabels = {});
    // A sample value as client_golang prints it (Go's FormatFloat 'g', shortest).
    static QByteArray formatGoFloat(double value);
    // The job of the dcgm series: the GPU Operator names its Service (and so the job) so.
    static QString dcgmExporterJob() { return QStringLiteral("nvidia-dcgm-exporter"); }

private:
    MetricsConfig m_config;
    QList<SimFamily> m_families;
    QHash<QString, qsizetype> m_index;
    QList<PageLabels> m_pages; // per family
    QList<QStringList> m_nodes; // per family, per series
};

} // namespace Specula::Sim
