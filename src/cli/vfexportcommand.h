// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace Specula::Cli {

// `specula export vf [CONNECTION] [--by node|pool] -o FILE.png|FILE.csv`: the VF allocation of
// the cluster (allocated, free, not created) per node or per pool, as the SR-IOV page's graph
// (PNG, drawn offscreen) or its numbers (CSV). Runs the event loop; returns the process exit code
// (0, 1 when the cluster fails or the file cannot be written, 2 for bad input). Pictures need a
// QGuiApplication, which `specula export` runs on the offscreen platform.
int runVfExportCommand(const QStringList &arguments);

} // namespace Specula::Cli
