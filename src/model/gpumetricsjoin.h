// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/clustersnapshot.h"
#include "prom/metriccatalogue.h"

#include <QList>

namespace Specula::Model {

// One value of one series of a catalogue query, as the catalogue reads its labels.
struct MetricReading
{
    Prom::Metric metric = Prom::Metric::GpuUtil;
    Prom::MetricKey key;
    double value = 0;
};

// Puts the GPUs and MIG instances that dcgm-exporter reports into the snapshot: each device on
// its node, with its identity, the pods using it and its latest readings; the pods learn the
// UUIDs they hold. A series finds its node by its node label, else by a UUID already placed (DRA,
// or another series), else by its holder pod, else by Prometheus' `instance` address (an
// exporter pod's IP or a node's). Series that find none are counted in one warning.
// Returns the node each reading was placed on (empty where none), in the readings' order, so that
// a caller holding the readings' series can find their devices with isDeviceOf().
QStringList joinGpuMetrics(ClusterSnapshot &snapshot, const QList<MetricReading> &readings);

// Whether a series with `key` is about `device`: a MIG instance by its GPU and instance id, a
// whole GPU by its UUID.
bool isDeviceOf(const GpuDevice &device, const Prom::MetricKey &key);

// The address part of Prometheus' `instance` label ("10.0.3.7:9400" → "10.0.3.7", "[fd00::7]:9400"
// → "fd00::7"): a node's or pod's IP, or a name where relabelling put one.
QString hostOfInstance(const QString &instance);

} // namespace Specula::Model
