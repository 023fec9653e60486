// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/podseriesquery.h"

namespace Specula::Cli {

// One store per metric with its series renamed for a CSV header: the metric's name and unit,
// then what tells its series apart ("gpu_util (%) GPU-8f3c… MIG 3 main", "pod_net_rx (B/s) net1", "vf_rx (B/s)
// 0000:3b:02.1").
QList<Prom::SeriesStore> podCsvColumns(const QList<Model::PodSeries> &series, const Prom::MetricCatalogue &catalogue);

} // namespace Specula::Cli
