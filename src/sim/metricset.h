// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "prom/promtypes.h"
#include "sim/metricsconfig.h"
#include "sim/scenario.h"

#include <QByteArray>
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
    QByteArray exposition(const QString &exporter, qint64 t) const;

private:
    MetricsConfig m_config;
    QList<SimFamily> m_families;
    QHash<QString, qsizetype> m_index;
};

} // namespace Specula::Sim
