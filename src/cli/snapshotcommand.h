// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace Specula::Cli {

// `specula snapshot [CONNECTION] [-o FILE]`: lists the cluster once and prints the JSON of
// DESIGN.md §4. Runs the event loop; returns the process exit code (0, 1 for an unreachable or
// failing cluster, 2 for bad input).
int runSnapshotCommand(const QStringList &arguments);

} // namespace Specula::Cli
