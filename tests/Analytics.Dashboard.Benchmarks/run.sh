#!/usr/bin/env bash
# Benchmark: wrk for 30 s at 32 connections against the series endpoint (filters varying per request) and against the
# trivial /api/ping of the same app (the ceiling). Prints rps, p50, p99 and the ratio, then the overview's first
# render in Chromium. Goals: series p99 < 20 ms, at least a quarter of the ceiling's rps, first render < 1 s.
#   bash tests/Analytics.Dashboard.Benchmarks/run.sh [snapshot.duckdb] [seconds]
# Without a snapshot it uses the current one of data/demo/snapshots.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
here=tests/Analytics.Dashboard.Benchmarks
# The demo's current snapshot: the file its current.json names (the rule every reader follows).
current="$root/data/demo/snapshots/current.json"
snapshot=${1:-$( [ -f "$current" ] && echo "$root/data/demo/snapshots/$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["snapshot"])' "$current")" || true)}
seconds=${2:-30}
[ -n "$snapshot" ] && [ -f "$snapshot" ] || { echo "error: no snapshot: pass a .duckdb file (or run bash scripts/dashboard.sh once to build the demo)" >&2; exit 2; }
snapshot=$(realpath "$snapshot")

if ! command -v wrk >/dev/null 2>&1; then
  echo "Installing wrk (Debian package)…"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq wrk >/dev/null
fi

dotnet build dashboard/Analytics.Dashboard -c Release --nologo -v quiet
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
url="http://127.0.0.1:$port"
(cd dashboard/Analytics.Dashboard && exec dotnet bin/Release/net10.0/Analytics.Dashboard.dll --Analytics:Snapshot="$snapshot" --Urls="$url" \
   --Logging:LogLevel:Default=Warning >/tmp/dashboard-bench.log 2>&1) &
app=$!
trap 'kill $app 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -fs "$url/api/ping" >/dev/null 2>&1 && break; sleep 0.2; done

# Paths for the series endpoint: every indicator × (city + each district) × (all + each industry group), from the API itself.
paths=$(python3 - "$url" <<'PY'
import json, sys, urllib.request
url = sys.argv[1]
get = lambda p: json.load(urllib.request.urlopen(url + p))
out = []
for i in get("/api/indicators"):
    ds = ["ALL"] + [d["code"] for d in get("/api/districts?plan=" + i["plan"])]
    gs = ["ALL"] + [g["code"] for g in get("/api/industries?plan=" + i["plan"])]
    for d in ds:
        for g in gs:
            out.append(f"/api/indicators/{i['id']}/series?district={d}&industry={g}")
print("\n".join(out))
PY
)
printf '%s\n' "$paths" > /tmp/dashboard-bench-paths.txt
echo "series paths: $(wc -l < /tmp/dashboard-bench-paths.txt)"
for p in $(head -200 /tmp/dashboard-bench-paths.txt); do curl -fs "$url$p" >/dev/null; done   # warm-up

run() { wrk -t2 -c32 -d"${seconds}s" --latency -s "$here/$1" "$url$2" 2>&1; }
series=$(PATHS_FILE=/tmp/dashboard-bench-paths.txt run series.lua /)
ping=$(run ping.lua /api/ping)
parse() { awk -v name="$1" '/Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} END {printf "%-8s rps %10.0f   p50 %8s   p99 %8s\n", name, rps, p50, p99; print rps > "/tmp/dashboard-bench-" name}'; }
echo "$series" | parse series
echo "$ping" | parse ping
awk 'BEGIN { getline s < "/tmp/dashboard-bench-series"; getline p < "/tmp/dashboard-bench-ping"; printf "ratio series/ping: %.2f (goal >= 0.25)\n", s / p }'
echo "$series" | grep -E "Non-2xx|Socket errors" || true

# The overview's first render in Chromium (goal < 1 s).
dotnet run -c Release --project "$here/FirstRender" -- "$url"
