// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace Specula::Cli {

// `specula export topology [CONNECTION] [--prometheus …] [--color allocation|util|memory|temperature|power]
// [--namespace NS] [--selector LABELS] [--search TEXT] -o FILE.png|FILE.csv`: the topology map
// as the window draws it (PNG, offscreen), or every GPU, MIG slice, GPU resource and VF on it
// with its holders and value (CSV). Runs the event loop; returns the process exit code (0, 1 when
// the cluster fails or the file cannot be written, 2 for bad input).
int runTopologyExportCommand(const QStringList &arguments);

} // namespace Specula::Cli
