#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Lists every node and pod of the `large` simulated cluster (5,000 nodes, 150,000 pods) with
# Specula (`specula snapshot`) and with `kubectl get nodes,pods -A -o json`, against the same
# specula-sim over HTTPS, and prints wall time and peak resident memory of each, with ratios.
#
#   benchmarks/list-large.sh [BUILD_DIR] [RUNS]     (default build/release, 3 runs; medians)
#
# Needs GNU time (/usr/bin/time, Debian package `time`) and kubectl.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build/release}
runs=${2:-3}
sim=$build/src/app/specula-sim
specula=$build/src/app/specula
for tool in "$sim" "$specula" /usr/bin/time; do
    [ -x "$tool" ] || { echo "list-large: $tool is missing (build first: cmake --preset release && cmake --build --preset release)" >&2; exit 2; }
done
command -v kubectl >/dev/null || { echo "list-large: kubectl is not on PATH" >&2; exit 2; }

work=$(mktemp -d)
sim_pid=""
cleanup() { [ -n "$sim_pid" ] && kill "$sim_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

# The scenario stands still (no ticks) so both clients list the same objects.
"$sim" --scenario builtin:large --tls --tick-ms 0 --kubeconfig-out "$work/kubeconfig" >"$work/sim.log" 2>&1 &
sim_pid=$!
for _ in $(seq 1 600); do
    grep -q ready "$work/sim.log" 2>/dev/null && break
    kill -0 "$sim_pid" 2>/dev/null || { cat "$work/sim.log" >&2; exit 1; }
    sleep 0.1
done
grep -q ready "$work/sim.log" || { echo "list-large: the simulator did not get ready" >&2; exit 1; }

# Runs a command RUNS times; prints "median_seconds median_peak_kib".
measure() {
    local out="$1"; shift
    for _ in $(seq 1 "$runs"); do
        /usr/bin/time -f '%e %M' -o "$work/time" "$@" >"$out"
        cat "$work/time"
    done | sort -n | awk '{ t[NR] = $1; m[NR] = $2 } END { mid = int((NR + 1) / 2); print t[mid], m[mid] }'
}

# One warm-up each, so neither pays for a cold page cache or the server's first render.
kubectl --kubeconfig "$work/kubeconfig" --cache-dir "$work/kube-cache" get nodes,pods -A -o json >/dev/null
"$specula" snapshot --kubeconfig "$work/kubeconfig" -o /dev/null

read -r kubectl_s kubectl_kib < <(measure /dev/null kubectl --kubeconfig "$work/kubeconfig" --cache-dir "$work/kube-cache" get nodes,pods -A -o json)
read -r specula_s specula_kib < <(measure /dev/null "$specula" snapshot --kubeconfig "$work/kubeconfig" -o "$work/snapshot.json")

python3 - "$work/snapshot.json" <<'PY' || true
import json, sys
d = json.load(open(sys.argv[1]))
print(f"listed: {len(d['nodes'])} nodes; snapshot pods (extended resources or pending): {len(d['pods'])}")
PY
printf '%-44s %10s %14s\n' "" "wall (s)" "peak RSS (MiB)"
printf '%-44s %10.2f %14.1f\n' "kubectl get nodes,pods -A -o json" "$kubectl_s" "$(echo "$kubectl_kib / 1024" | bc -l)"
printf '%-44s %10.2f %14.1f\n' "specula snapshot" "$specula_s" "$(echo "$specula_kib / 1024" | bc -l)"
printf 'Specula is %.2fx faster, at %.2f of kubectl'"'"'s peak memory (medians of %d runs)\n' \
    "$(echo "$kubectl_s / $specula_s" | bc -l)" "$(echo "$specula_kib / $kubectl_kib" | bc -l)" "$runs"
