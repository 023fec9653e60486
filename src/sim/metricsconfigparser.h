// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"
#include "sim/metricsconfig.h"

#include <QString>
#include <optional>

namespace Specula::Sim {

// The words of the YAML `metrics:` block and of --metrics-dialect, shared by both.
std::optional<DcgmDialect::NodeLabel> dcgmNodeLabelFromName(const QString &name); // Hostname|hostname|node|none
std::optional<DcgmDialect::PodLabels> dcgmPodLabelsFromName(const QString &name); // pod|exported_pod|pod_name
// "none", a Kepler version ("0.7.12", "0.9", "0.10", "v0.11.4") or a generation name
// ("legacy", "zoned", "zoned-gpu").
std::optional<KeplerGeneration> keplerGenerationFromName(const QString &name);
QString keplerGenerationName(KeplerGeneration generation); // none, 0.9, 0.10, 0.11.4
// "none" or "[https://]namespace/service[:port]".
std::optional<std::optional<PrometheusService>> prometheusFromSpec(const QString &spec);

// A one-line dialect over base, items separated by commas, e.g.
// "dcgm-node=hostname,dcgm-pod=exported_pod,dcgm-uuid=uuid,hostname-is-pod,blank-sentinels,
// empty-pod-labels,kepler=0.9,cadvisor=false,kube-state-metrics=false,sriov-exporter=false,
// prometheus=none,scrape-interval=15s". Flags take an optional =true/=false. An unknown item or
// value gives one error naming it and what would be accepted.
Core::Result<MetricsConfig> parseMetricsDialect(const QString &spec, MetricsConfig base);

} // namespace Specula::Sim
