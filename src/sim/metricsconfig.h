// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QString>
#include <optional>

namespace Specula::Sim {

// How the simulated dcgm-exporter labels its series: one switch per variant that real clusters
// show (../shared/fixtures/NOTES.md §1).
struct DcgmDialect
{
    enum class NodeLabel {
        Hostname, // `Hostname` = the node (4.0+ with NODE_NAME)
        LowerHostname, // `hostname` (main after PR #655)
        Node, // a relabelled `node`
        None, // no node label: only the UUID / PCI bus id tell the node
    };
    enum class PodLabels {
        Pod, // pod, namespace, container
        ExportedPod, // exported_pod, … because Prometheus scraped without honor_labels; `pod` etc.
                     // then name the exporter's own pod
        PodName, // pod_name, pod_namespace, container_name (-o/--use-old-namespace)
    };
    NodeLabel nodeLabel = NodeLabel::Hostname;
    bool hostnameIsPod = false; // before 4.0: Hostname is the exporter pod's name
    PodLabels podLabels = PodLabels::Pod;
    bool lowerCaseUuid = false; // `uuid` instead of `UUID` (comes with PodName in real exporters)
    bool blankSentinels = false; // unsupported fields exported as DCGM blank values, not left out
    bool emptyPodLabels = false; // GPUs nobody holds carry pod="",namespace="",container=""
    friend bool operator==(const DcgmDialect &, const DcgmDialect &) = default;
};

enum class KeplerGeneration {
    None,
    Legacy, // ≤ 0.9: kepler_container_joules_total and friends, counters only
    Zoned, // 0.10 – 0.11.3: kepler_{node,pod,container}_cpu_* with `zone`, no GPU families
    ZonedGpu, // 0.11.4+: plus kepler_{node,pod,container}_gpu_*
};

// Where a scenario's Prometheus answers through the API server's service proxy.
struct PrometheusService
{
    QString ns = QStringLiteral("monitoring");
    QString name = QStringLiteral("prometheus-k8s");
    int port = 9090;
    bool https = false;
    friend bool operator==(const PrometheusService &, const PrometheusService &) = default;
};

// The metrics side of a scenario (YAML `metrics:` block, or specula-sim --metrics-dialect).
struct MetricsConfig
{
    DcgmDialect dcgm;
    KeplerGeneration kepler = KeplerGeneration::ZonedGpu;
    bool cadvisor = true;
    bool kubeStateMetrics = true;
    bool sriovExporter = true;
    // None: the service proxy answers 503 "no endpoints available", as for a cluster without one.
    std::optional<PrometheusService> prometheus = PrometheusService {};
    int scrapeIntervalSeconds = 30; // samples exist at multiples of this, in Unix seconds
    // Every GPU node gets a dcgm-exporter DaemonSet pod (gpu-operator) with a pod IP, which the dcgm
    // series name as instance. Off: instance is the exporters' Service (dcgm-exporter#277).
    bool dcgmExporterPods = true;
    friend bool operator==(const MetricsConfig &, const MetricsConfig &) = default;
};

} // namespace Specula::Sim
