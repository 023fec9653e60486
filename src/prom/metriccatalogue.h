// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "prom/dialect.h"
#include "prom/metrickey.h"
#include "prom/promtypes.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <chrono>
#include <optional>

namespace Specula::Prom {

enum class Metric {
    // Per GPU / MIG instance, and per holder on time-shared GPUs (one series each).
    GpuUtil, // %: DCGM_FI_DEV_GPU_UTIL, MIG instances DCGM_FI_PROF_GR_ENGINE_ACTIVE × 100
    GpuMemUsed, // MiB
    GpuMemFree, // MiB
    GpuTemp, // °C
    GpuPower, // W
    GpuSmClock, // MHz
    GpuMemCopyUtil, // %
    GpuTensorActive, // %: DCGM_FI_PROF_PIPE_TENSOR_ACTIVE × 100
    GpuXidErrors, // the last XID error code, 0 = none
    GpuEnergy, // J since the driver loaded (dcgm's mJ counter / 1000)
    // Per pod (network: per pod and interface).
    PodCpu, // cores
    PodMemory, // bytes (working set)
    PodNetRx, // B/s
    PodNetTx, // B/s
    PodPower, // W (Kepler)
    PodEnergy, // J (Kepler counters)
    PodGpuRequests, // count, per extended resource (nvidia_com_gpu, nvidia_com_mig_*)
    // Per node.
    NodePower, // W (Kepler)
    NodeEnergy, // J (Kepler)
    // Per VF, with the holding pod when sriov_kubepoddevice names one.
    VfRx, // B/s
    VfTx, // B/s
};

// Narrows a query; empty members mean no restriction.
struct Scope
{
    QString ns, pod; // one pod
    QStringList nodes; // nodes (only where the dialect has a usable node label)
    QStringList uuids; // GPUs by UUID (dcgm only)
    // VF metrics: VFs by PCI address, and the exporters by host (Prometheus' instance without its
    // port: a node's IP, or its name where relabelling put it there). PCI addresses repeat
    // across nodes and the exporter has no node label, so a VF needs both.
    QStringList vfAddresses {};
    QStringList hosts {};
};

// Which PromQL to send for each thing Specula shows, in the dialect this Prometheus speaks. Every
// expression stays inside the PromQL subset the simulator implements (selectors, rate/irate/
// increase/*_over_time, label_replace, sum/avg/max/min/count by/without, arithmetic with
// on/ignoring/group_left, comparison filters, and/or/unless).
class MetricCatalogue
{
public:
    explicit MetricCatalogue(Dialect dialect = {});

    const Dialect &dialect() const { return m_dialect; }

    // The window of rate() over counters; 5 min unless set. Range queries should use at least
    // their step.
    void setRateWindow(std::chrono::seconds window);
    std::chrono::seconds rateWindow() const { return m_rateWindow; }

    bool supports(Metric metric) const;
    // nullopt: this cluster has no source for the metric.
    std::optional<QString> expr(Metric metric, const Scope &scope = {}) const;
    // What a series of expr(metric)'s result is about.
    MetricKey keyOf(Metric metric, const Labels &labels) const;
    // The labels keyOf() reads of a GPU metric's series (empty for the others).
    QStringList keyLabels(Metric metric) const;
    // `expr` (one of a GPU metric's) with every label but keyLabels() aggregated away, keeping
    // the largest value where series differ only in the others. A GPU series carries a dozen
    // labels; the readings and the heatmap place it by these alone, so a 40,000-GPU answer is
    // smaller to send, read and hold. Other metrics' expressions are returned as they are.
    QString keyed(Metric metric, const QString &expr) const;

    static QList<Metric> all();
    // "gpu_util", … stable: the command line (--metric) and CSV headers use them.
    static QString name(Metric metric);
    static std::optional<Metric> fromName(const QString &name);
    // "%", "MiB", "°C", "W", "MHz", "J", "cores", "bytes", "B/s", "count", "xid"
    static QString unit(Metric metric);
    // DCGM blank sentinels (INT64 9223372036854775792–795, FP64 ≈ 1.4e14): no data.
    static bool isBlank(double value);
    // Values at or above this are DCGM blanks; the expressions filter them with `< blankThreshold`.
    static constexpr double blankThreshold = 1e14;

    // A PromQL string literal (quoted, escaped) and an anchored regex matching exactly `values`.
    static QString quoted(const QString &text);
    static QString alternation(const QStringList &values);

private:
    std::optional<QString> gpuExpr(Metric metric, const Scope &scope) const;
    std::optional<QString> podExpr(Metric metric, const Scope &scope) const;
    std::optional<QString> nodeExpr(Metric metric, const Scope &scope) const;
    std::optional<QString> vfExpr(Metric metric, const Scope &scope) const;
    QString dcgmSelector(const QString &family, const Scope &scope, const QString &extra = {}) const;
    QString window() const;

    Dialect m_dialect;
    std::chrono::seconds m_rateWindow { 300 };
};

} // namespace Specula::Prom
