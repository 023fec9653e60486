#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The window loading the `large` simulated cluster (5,000 nodes, 40,000 GPUs, 150,000 pods;
# targets: the GUI thread never busy more than 50 ms at a time, ≤ 600 MB resident).
# specula-bench-largeload starts specula-sim as its own process, opens the real window offscreen,
# waits until the cluster, its GPU readings, the heatmap and REFRESHES live refreshes are shown,
# and prints the load time, the GUI-thread stalls (each with the GUI thread's own CPU time in it,
# the event being delivered and the milestones reached), resident memory and each page's cost
# per snapshot.
#
#   benchmarks/large-load.sh [BUILD_DIR] [REFRESHES] [PAGE]    (default build/dev, 2, 1)
#
# PAGE is the page shown throughout (1–8, as Ctrl+1 … Ctrl+8): live updates rebuild only that one.
#
# Two shared cores run the simulator, the snapshot builds and the window: run it on a quiet machine.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build/dev}
refreshes=${2:-2}
page=${3:-1}
tool=$build/benchmarks/specula-bench-largeload
sim=$build/src/app/specula-sim
for file in "$tool" "$sim"; do
    [ -x "$file" ] || { echo "large-load: $file is missing (build first: cmake --build --preset dev --target specula-bench-largeload specula-sim)" >&2; exit 2; }
done
config=$(mktemp -d)
trap 'rm -rf "$config"' EXIT
export XDG_CONFIG_HOME=$config QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
"$tool" --sim "$sim" --refreshes "$refreshes" --page "$page" 2> >(grep -v -e propagateSizeHints -e XDG_RUNTIME_DIR >&2)
