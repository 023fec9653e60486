// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sim/metricset.h"

namespace Specula::Sim {

// The pod-level families a kube-prometheus stack scrapes next to the GPU exporters: the kubelet's
// cAdvisor endpoint (usage per container and network traffic per pod interface) and
// kube-state-metrics (pod placement and requests, node info), with the target labels the
// kube-prometheus ServiceMonitors add.
class PodMetrics
{
public:
    static void addCadvisorFamilies(MetricSet &set, const MetricContext &context);
    static void addKubeStateFamilies(MetricSet &set, const MetricContext &context);

    // kube-state-metrics' names for a resource: "nvidia.com/gpu" → ("nvidia_com_gpu", "integer"),
    // "cpu" → ("cpu", "core"), "memory" → ("memory", "byte").
    static std::pair<QString, QString> ksmResource(const QString &resource);
    // The interfaces a pod's traffic shows on: eth0 and those of its network-status annotation.
    static QStringList interfaces(const PodDesc &pod);
};

} // namespace Specula::Sim
