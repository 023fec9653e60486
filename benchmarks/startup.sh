#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Cold start of the window before it connects (target ≤ 0.5 s to interactive, ≤ 80 MB resident):
# specula-bench-startup builds the real window and controller, waits until the window is exposed
# and its event queue drained, and prints the time since the process started and its resident
# memory. Runs RUNS times (after one warm-up run that fills the page cache) and prints the median
# and the worst of each.
#
#   benchmarks/startup.sh [BUILD_DIR] [RUNS] [PLATFORM]   (default build/release, 10, offscreen)
#
# PLATFORM xcb measures on a real X server (run under Xvfb: xvfb-run benchmarks/startup.sh … xcb).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build/release}
runs=${2:-10}
platform=${3:-offscreen}
tool=$build/benchmarks/specula-bench-startup
[ -x "$tool" ] || { echo "startup: $tool is missing (build first: cmake --preset release && cmake --build --preset release)" >&2; exit 2; }

# A first run with no saved profiles, as on a new machine; its settings stay out of the user's.
config=$(mktemp -d)
trap 'rm -rf "$config"' EXIT
export XDG_CONFIG_HOME=$config QT_QPA_PLATFORM=$platform
"$tool" >/dev/null
for _ in $(seq "$runs"); do "$tool"; done | python3 -c '
import sys, statistics
values = {}
for line in sys.stdin:
    key, value = line.split()
    values.setdefault(key, []).append(float(value))
ms, rss = values["interactive_ms"], values["rss_mib"]
print(f"cold start to an interactive window ({len(ms)} runs): median {statistics.median(ms):.0f} ms, worst {max(ms):.0f} ms (target 500 ms)")
print(f"resident memory at that moment: median {statistics.median(rss):.1f} MiB, worst {max(rss):.1f} MiB (target 80 MB)")
'
