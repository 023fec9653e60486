// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace Specula::Cli {

// `specula export heatmap [CONNECTION] [--prometheus …] --range 1h [--step 30s]
// [--metric util|memory|temperature|power|tensor] [--sort node|mean|idle] [--namespace NS]
// -o FILE.png|FILE.csv`: the GPU heatmap of the window, drawn offscreen as PNG, or its numbers
// as CSV. Needs a QApplication (the offscreen platform will do). Runs the event loop; returns
// the exit code (0, 1 when the cluster or Prometheus fails or has no data, 2 for bad input).
int runHeatmapExportCommand(const QStringList &arguments);

} // namespace Specula::Cli
