#!/usr/bin/env bash
# SQL console benchmark: the console's round trip in-process against the worker pool, and /api/ping on the real
# dashboard while 4 hostile console queries run at once. Prints figures; asserts nothing.
#   bash tests/Analytics.Snapshots.Benchmarks/run.sh [snapshot file or folder] [seconds of hostile load]
# Without a snapshot it uses data/demo/snapshots (bash scripts/run.sh builds it once).
set -euo pipefail
cd "$(dirname "$0")/../.."
snapshot=$(realpath "${1:-data/demo/snapshots}")
seconds=${2:-20}
dotnet build dashboard/Analytics.Dashboard -c Release --nologo -v quiet
dotnet build tests/Analytics.Snapshots.Benchmarks -c Release --nologo -v quiet
dotnet build etl/Analytics.Cli -c Release --nologo -v quiet
# An analyst with an API token in a throw-away accounts database (the console is for analysts).
accounts=$(mktemp -d)
trap 'rm -rf "$accounts"' EXIT
cli=etl/Analytics.Cli/bin/Release/net10.0/analytics
$cli users --db "$accounts/accounts.db" add bench --role analyst >/dev/null
export ANALYTICS_BENCH_TOKEN=$($cli users --db "$accounts/accounts.db" token bench --label benchmark --days 1 | tail -1)
export ANALYTICS_BENCH_ACCOUNTS="$accounts"
dotnet tests/Analytics.Snapshots.Benchmarks/bin/Release/net10.0/Analytics.Snapshots.Benchmarks.dll --snapshot "$snapshot" --seconds "$seconds" \
  --dashboard "$PWD/dashboard/Analytics.Dashboard/bin/Release/net10.0/Analytics.Dashboard.dll" --content-root "$PWD/dashboard/Analytics.Dashboard"
