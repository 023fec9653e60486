// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace Specula::Cli {

// `specula export pod NS/NAME [CONNECTION] [--prometheus …] --range 6h [--step 30s] -o FILE.csv|FILE.png`:
// the pod's time series as CSV, or its charts as PNG (which needs a QApplication; main() makes one
// on the offscreen platform); `specula export vf …` and `topology …` go on to their commands. Runs the event
// loop; returns the process exit code (0, 1 when the cluster or Prometheus fails or has no data
// for the pod, 2 for bad input).
int runExportCommand(const QStringList &arguments);

} // namespace Specula::Cli
