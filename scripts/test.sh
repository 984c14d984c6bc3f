#!/usr/bin/env bash
# The README's test command: installs what the tests need on a fresh machine, builds, runs every test project.
# The build itself restores npm packages (the DuckDB engine) through build/DuckDbNative.targets.
set -euo pipefail
cd "$(dirname "$0")/.."

need() { command -v "$1" >/dev/null 2>&1 || { echo "error: '$1' is required ($2)" >&2; exit 2; }; }
need dotnet "the .NET 10 SDK"
need node "Node.js 20 with npm: plotly.js and the tests' independent DuckDB client come from npm"
need npm "npm: plotly.js and the tests' independent DuckDB client come from npm"

bash scripts/setup-machine.sh

log=$(mktemp)
demo=$(mktemp -d)
trap 'rm -rf "$log" "$demo"' EXIT
set +e
dotnet test Analytics.sln -c Release --nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# End to end on real output of the pipeline: generate the demo, load it, build a snapshot, then run every
# policy-review notebook on it with PDF briefs (the unit tests use small fixtures).
echo "End to end: demo extracts → lake → snapshot → the three review notebooks (in $demo)"
if bash notebooks/review-demo.sh "$demo" 500120 > "$demo.e2e.log" 2>&1; then
  echo "Passed!  - Failed:     0, Passed:     1, Skipped:     0, Total:     1 - end-to-end demo and notebooks" | tee -a "$log"
else
  tail -40 "$demo.e2e.log"
  echo "Failed!  - Failed:     1, Passed:     0, Skipped:     0, Total:     1 - end-to-end demo and notebooks" | tee -a "$log"
  status=1
fi
rm -f "$demo.e2e.log"
set -e

# One closing line for CI: totals over every test project.
awk '/(Passed|Failed)! +- Failed:/ {
       for (i = 1; i <= NF; i++) { gsub(",", "", $(i+1)); if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
     } END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit "$status"
