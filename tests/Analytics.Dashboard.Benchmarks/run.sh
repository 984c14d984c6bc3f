#!/usr/bin/env bash
# Benchmark: wrk for 30 s at 32 connections against the series endpoint (filters varying per request), the
# overview page (tiles and the status grid) and the indicator pages (every indicator, city and each district), each with authentication on (a viewer's API token on every request: token check, role policies,
# disclosure) and off (the same process with Analytics:Accounts:AnonymousViewer, so a request without a token reads as
# a viewer), and the trivial /api/ping (the ceiling). Prints rps, p50, p99 and the ratios, then the overview's first
# render in Chromium. Goals: series and pages p99 < 20 ms, at least a quarter of the ceiling's rps, authentication on ≥ 0.8 of
# off's rps, first render < 1 s.
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
dotnet build etl/Analytics.Cli -c Release --nologo -v quiet
# A viewer with an API token in a throw-away accounts database.
accounts=$(mktemp -d)
cli=etl/Analytics.Cli/bin/Release/net10.0/analytics
$cli users --db "$accounts/accounts.db" add bench --role viewer >/dev/null
token=$($cli users --db "$accounts/accounts.db" token bench --label benchmark --days 1 | tail -1)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
url="http://127.0.0.1:$port"
(cd dashboard/Analytics.Dashboard && exec dotnet bin/Release/net10.0/Analytics.Dashboard.dll --Analytics:Snapshot="$snapshot" --Urls="$url" \
   --Analytics:Accounts:Database="$accounts/accounts.db" --Analytics:Accounts:AccessLog="$accounts/access.jsonl" \
   --Analytics:Accounts:AnonymousViewer=true --Logging:LogLevel:Default=Warning >/tmp/dashboard-bench.log 2>&1) &
app=$!
trap 'kill $app 2>/dev/null || true; rm -rf "$accounts"' EXIT
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
# Overviews: each plan, each of its years, by district and by industry group, in Chinese.
python3 - "$url" > /tmp/dashboard-bench-overview.txt <<'PY'
import json, sys, urllib.request
url = sys.argv[1]
for p in json.load(urllib.request.urlopen(url + "/api/plans")):
    for y in range(p["startYear"], p["targetYear"] + 1):
        for by in ("district", "industry"):
            print(f"/?plan={p['plan']}&year={y}&by={by}&lang=zh")
PY
echo "overview pages: $(wc -l < /tmp/dashboard-bench-overview.txt)"
# Pages are asked for as Chromium asks (compressed); the API as scripts do (plain).
browser="gzip, deflate, br, zstd"
# Indicator pages: every top-level indicator for the city and for each district, in the default year.
python3 - "$url" > /tmp/dashboard-bench-indicator.txt <<'PY'
import json, sys, urllib.request
url = sys.argv[1]
get = lambda p: json.load(urllib.request.urlopen(url + p))
for i in get("/api/indicators"):
    if i.get("parentId"):
        continue
    print(f"/indicator/{i['id']}?lang=zh")
    for d in get("/api/districts?plan=" + i["plan"]):
        print(f"/indicator/{i['id']}?district={d['code']}&lang=zh")
PY
echo "indicator pages: $(wc -l < /tmp/dashboard-bench-indicator.txt)"
parse() { awk -v name="$1" '/Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} END {printf "%-14s rps %10.0f   p50 %8s   p99 %8s\n", name, rps, p50, p99; print rps > "/tmp/dashboard-bench-" name}'; }
# Warm-up of every variant (JIT tiers, the token cache, the marts), so the order of the measured runs does not matter.
for t in "$token" ""; do
  TOKEN="$t" PATHS_FILE=/tmp/dashboard-bench-paths.txt wrk -t2 -c32 -d5s -s "$here/series.lua" "$url/" >/dev/null 2>&1
  ENCODING="$browser" TOKEN="$t" PATHS_FILE=/tmp/dashboard-bench-overview.txt wrk -t2 -c32 -d5s -s "$here/series.lua" "$url/" >/dev/null 2>&1
  ENCODING="$browser" TOKEN="$t" PATHS_FILE=/tmp/dashboard-bench-indicator.txt wrk -t2 -c32 -d5s -s "$here/series.lua" "$url/" >/dev/null 2>&1
done
for auth in on off; do
  t=""; [ "$auth" = on ] && t="$token"
  out=$(TOKEN="$t" PATHS_FILE=/tmp/dashboard-bench-paths.txt run series.lua /)
  echo "$out" | parse "series-$auth"; echo "$out" | grep -E "Non-2xx|Socket errors" || true
  out=$(ENCODING="$browser" TOKEN="$t" PATHS_FILE=/tmp/dashboard-bench-overview.txt run series.lua /)
  echo "$out" | parse "overview-$auth"; echo "$out" | grep -E "Non-2xx|Socket errors" || true
  out=$(ENCODING="$browser" TOKEN="$t" PATHS_FILE=/tmp/dashboard-bench-indicator.txt run series.lua /)
  echo "$out" | parse "indicator-$auth"; echo "$out" | grep -E "Non-2xx|Socket errors" || true
done
run ping.lua /api/ping | parse ping
ratio() { awk -v a="$1" -v b="$2" -v goal="$3" 'BEGIN { getline s < ("/tmp/dashboard-bench-" a); getline p < ("/tmp/dashboard-bench-" b); printf "ratio %s/%s: %.2f (goal >= %s)\n", a, b, s / p, goal }'; }
ratio series-on ping 0.25
ratio series-on series-off 0.8
ratio overview-on overview-off 0.8
ratio indicator-on indicator-off 0.8

# The first render in Chromium (goal < 1 s) and the bytes over the wire.
dotnet run -c Release --project "$here/FirstRender" -- "$url"
