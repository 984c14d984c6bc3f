#!/usr/bin/env bash
# Download formats benchmark: the SQL console's CSV, JSON and Arrow downloads over HTTP on the real dashboard, for the
# whole indicator mart and a 10-million-row query, under the console's caps and with them lifted: time to first and
# last byte, bytes, rows, and the peak memory of the dashboard and of the SQL worker. Prints figures; asserts nothing.
#   bash tests/Analytics.Snapshots.Benchmarks/formats.sh [snapshot file or folder] [repeats, default 3]
# Without a snapshot it uses data/demo/snapshots (bash scripts/run.sh builds it once).
set -euo pipefail
cd "$(dirname "$0")/../.."
snapshot=$(realpath "${1:-data/demo/snapshots}")
repeats=${2:-3}
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
dotnet tests/Analytics.Snapshots.Benchmarks/bin/Release/net10.0/Analytics.Snapshots.Benchmarks.dll --formats --snapshot "$snapshot" --repeats "$repeats" \
  --dashboard "$PWD/dashboard/Analytics.Dashboard/bin/Release/net10.0/Analytics.Dashboard.dll" --content-root "$PWD/dashboard/Analytics.Dashboard"
