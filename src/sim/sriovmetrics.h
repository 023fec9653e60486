// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sim/metricset.h"

namespace Specula::Sim {

// sriov-network-metrics-exporter (NOTES.md §6): per-VF counters for every VF of the scenario's
// SriovNetworkNodeStates, and sriov_kubepoddevice for the VFs that pods hold according to their
// network-status device-info, the join the snapshot makes.
class SriovMetrics
{
public:
    static void addFamilies(MetricSet &set, const MetricContext &context);
    static QStringList stats(); // rx_bytes, tx_bytes, …
};

} // namespace Specula::Sim
