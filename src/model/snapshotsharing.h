// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/clustersnapshot.h"

namespace Specula::Model {

// Makes `fresh` share with `previous` every part that is equal in both: whole nodes, pods, GPU
// devices, PFs and the texts and lists inside them. Each watch event rebuilds the snapshot whole,
// while the pages may still hold the one before; sharing what did not change keeps one copy of
// a large cluster's unchanged parts instead of one per snapshot alive. `fresh` shows exactly what
// it did before (only equal values are exchanged).
void shareUnchanged(ClusterSnapshot &fresh, const ClusterSnapshot &previous);

} // namespace Specula::Model
