#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# query_range ingest of 40,000 GPU series × 240 points (DCGM_FI_DEV_GPU_UTIL at 30 s, realistic
# dcgm-exporter labels) from a real Prometheus on 127.0.0.1, backfilled with promtool: Specula's
# RangeQuery into a SeriesStore (one request, and split into parallel requests) next to
# `promtool query range` with the same query, with wall time, peak resident memory and ratios.
# The Specula tool also reports the longest time its main thread was busy (target ≤ 50 ms).
#
#   benchmarks/query-range.sh [BUILD_DIR] [RUNS] [SERIES]   (default build/release, 3 runs, 40000)
#
# Needs GNU time (/usr/bin/time, Debian package `time`), curl, python3, prometheus and promtool
# (Debian package `prometheus`). Uses about 3 GB of disk in a temporary directory.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build/release}
runs=${2:-3}
series=${3:-40000}
points=240
step=30
tool=$build/benchmarks/specula-bench-queryrange
for exe in "$tool" /usr/bin/time; do
    [ -x "$exe" ] || { echo "query-range: $exe is missing (build first: cmake --preset release && cmake --build --preset release)" >&2; exit 2; }
done
for exe in prometheus promtool curl python3; do
    command -v "$exe" >/dev/null || { echo "query-range: $exe is not on PATH" >&2; exit 2; }
done

work=$(mktemp -d)
prom_pid=""
cleanup() { [ -n "$prom_pid" ] && kill "$prom_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

# The last point a few minutes ago, on the step grid, so that the range is inside retention and
# both clients ask for exactly the written points.
end=$(( ($(date +%s) / step) * step - 300 ))
start=$(( end - (points - 1) * step ))

echo "writing $series series × $points points of OpenMetrics ..."
python3 - "$work/history.om" "$series" "$points" "$start" "$step" <<'PY'
import sys
path, series, points, start, step = sys.argv[1], *map(int, sys.argv[2:])
name = "DCGM_FI_DEV_GPU_UTIL"
with open(path, "w") as out:
    out.write(f"# HELP {name} GPU utilization (in %).\n# TYPE {name} gauge\n")
    for s in range(series):
        node, gpu = divmod(s, 8)
        labels = (f'{{Hostname="gpu-node-{node:04d}",UUID="GPU-{s:08x}-5d2c-4e8a-9f1b-{node:012x}",'
                  f'device="nvidia{gpu}",gpu="{gpu}",instance="10.{node // 250}.{node % 250}.{gpu + 10}:9400",'
                  f'job="dcgm-exporter",modelName="NVIDIA H100 80GB HBM3",pci_bus_id="00000000:{gpu * 16 + 24:02X}:00.0"}}')
        prefix = name + labels + " "
        out.write("".join(f"{prefix}{(s * 7 + i * 13) % 101} {start + i * step}\n" for i in range(points)))
    out.write("# EOF\n")
PY
echo "backfilling with promtool ..."
promtool tsdb create-blocks-from openmetrics "$work/history.om" "$work/data" >"$work/backfill.log" 2>&1 \
    || { cat "$work/backfill.log" >&2; exit 1; }
rm -f "$work/history.om"

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
printf 'global:\n  scrape_interval: 15s\nscrape_configs: []\n' >"$work/prometheus.yml"
# --query.max-samples: the default (50,000,000) already admits 9.6 million samples; raised so a
# larger SERIES does not fail with "query processing would load too many samples".
prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/data" \
    --storage.tsdb.retention.time=30d --query.max-samples=200000000 \
    --web.listen-address="127.0.0.1:$port" >"$work/prometheus.log" 2>&1 &
prom_pid=$!
url="http://127.0.0.1:$port"
for _ in $(seq 1 600); do
    curl -sf "$url/-/ready" >/dev/null 2>&1 && break
    kill -0 "$prom_pid" 2>/dev/null || { cat "$work/prometheus.log" >&2; exit 1; }
    sleep 0.1
done
curl -sf "$url/-/ready" >/dev/null || { echo "query-range: prometheus did not get ready" >&2; exit 1; }

expr=DCGM_FI_DEV_GPU_UTIL
promtool_cmd=(promtool query range --start "$start" --end "$end" --step "${step}s" "$url" "$expr")
query_cmd=("$tool" --url "$url" --expr "$expr" --start "$start" --end "$end" --step "$step")
single_cmd=("${query_cmd[@]}" --max-points 11000)
# RangeQuery's default: the 240 steps spread over 4 parallel requests of 60.
split_cmd=("${query_cmd[@]}")
# Both clients ask for gzip by default (Go's and Qt's HTTP clients); on loopback compressing costs
# Prometheus more than it saves, so the uncompressed split shows what a local endpoint can do.
identity_cmd=("${split_cmd[@]}" --identity)

# Runs a command RUNS times; prints "median_seconds median_peak_kib"; keeps the last output.
measure() {
    local out="$1"; shift
    for _ in $(seq 1 "$runs"); do
        /usr/bin/time -f '%e %M' -o "$work/time" "$@" >"$out"
        cat "$work/time"
    done | sort -n | awk '{ t[NR] = $1; m[NR] = $2 } END { mid = int((NR + 1) / 2); print t[mid], m[mid] }'
}

# One warm-up each, so that no side pays for a cold page cache or Prometheus' first load.
"${promtool_cmd[@]}" >/dev/null
"${single_cmd[@]}" >/dev/null

read -r promtool_s promtool_kib < <(measure /dev/null "${promtool_cmd[@]}")
read -r single_s single_kib < <(measure "$work/single.out" "${single_cmd[@]}")
read -r split_s split_kib < <(measure "$work/split.out" "${split_cmd[@]}")
read -r identity_s identity_kib < <(measure "$work/identity.out" "${identity_cmd[@]}")

echo "single request: $(head -1 "$work/single.out")"
echo "                $(sed -n 2p "$work/single.out")"
echo "split:          $(head -1 "$work/split.out")"
echo "                $(sed -n 2p "$work/split.out")"
echo "split, no gzip: $(head -1 "$work/identity.out")"
echo "                $(sed -n 2p "$work/identity.out")"
mib() { echo "$1 / 1024" | bc -l; }
printf '%-52s %10s %14s\n' "" "wall (s)" "peak RSS (MiB)"
printf '%-52s %10.2f %14.1f\n' "promtool query range" "$promtool_s" "$(mib "$promtool_kib")"
printf '%-52s %10.2f %14.1f\n' "Specula RangeQuery, one request" "$single_s" "$(mib "$single_kib")"
printf '%-52s %10.2f %14.1f\n' "Specula RangeQuery, default: 4 parallel requests" "$split_s" "$(mib "$split_kib")"
printf '%-52s %10.2f %14.1f\n' "Specula RangeQuery, split, uncompressed (--identity)" "$identity_s" "$(mib "$identity_kib")"
for row in "one request:$single_s:$single_kib" "default, split:$split_s:$split_kib" "split, uncompressed:$identity_s:$identity_kib"; do
    IFS=: read -r label s kib <<<"$row"
    printf 'Specula (%s) is %.2fx as fast as promtool, at %.2f of its peak memory (medians of %d runs)\n' \
        "$label" "$(echo "$promtool_s / $s" | bc -l)" "$(echo "$kib / $promtool_kib" | bc -l)" "$runs"
done
