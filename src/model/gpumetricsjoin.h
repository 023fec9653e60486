// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/clustersnapshot.h"
#include "prom/metriccatalogue.h"

#include <QList>

namespace Specula::Model {

// The latest values of the device metrics' series that share one set of labels, as the
// catalogue reads them: one reading per GPU (or holder of a shared GPU) rather than one per metric
// keeps 40,000 GPUs' readings at some 15 MB.
struct MetricReading
{
    Prom::MetricKey key;
    GpuReadings values;
};

// Where `readings` keeps `metric`; null for a metric that is not a device reading.
std::optional<double> *readingFor(GpuReadings &readings, Prom::Metric metric);

// Puts `value` in `metric`'s place, keeping the higher of two values (the series of a shared GPU,
// one per holder) and leaving out dcgm-exporter's blank sentinels.
void keepHighest(GpuReadings &readings, Prom::Metric metric, double value);
// The same for every value of `more`.
void keepHighest(GpuReadings &readings, const GpuReadings &more);

// Where joinGpuMetricsIntoNodes() placed each reading, and what of the snapshot besides its nodes
// the placing asked: what else can change where the readings go.
struct GpuMetricsPlacement
{
    QStringList nodes; // each reading's node (empty where none), in the readings' order
    QStringList podsAsked; // keys of the holder pods looked up for a node, found or not
    bool addressesAsked = false; // whether a reading was looked for among the node addresses
};

// Puts the GPUs and MIG instances that dcgm-exporter reports on the snapshot's nodes: each device
// with its identity, the pods using it and its latest readings. A series finds its node by its
// node label, else by a UUID already placed (DRA, or another series), else by its holder pod,
// else by Prometheus' `instance` address (an exporter pod's IP or a node's). Series that find
// none are counted in one warning. The pods are left as they are, so a caller that keeps only the
// devices does not copy the pod list; a caller holding the readings' series can find their
// devices with isDeviceOf().
GpuMetricsPlacement joinGpuMetricsIntoNodes(ClusterSnapshot &snapshot, const QList<MetricReading> &readings);

// joinGpuMetricsIntoNodes(), and the pods learn the UUIDs they hold.
void joinGpuMetrics(ClusterSnapshot &snapshot, const QList<MetricReading> &readings);

// Whether a series with `key` is about `device`: a MIG instance by its GPU and instance id, a
// whole GPU by its UUID.
bool isDeviceOf(const GpuDevice &device, const Prom::MetricKey &key);

// The address part of Prometheus' `instance` label ("10.0.3.7:9400" → "10.0.3.7", "[fd00::7]:9400"
// → "fd00::7"): a node's or pod's IP, or a name where relabelling put one.
QString hostOfInstance(const QString &instance);

} // namespace Specula::Model
