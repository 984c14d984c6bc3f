#!/usr/bin/env bash
# Runs every policy-review notebook on the demo snapshot, with PDF briefs: the end-to-end check that the notebooks
# work on what the real pipeline builds (the unit tests run them on a small fixture snapshot).
#   notebooks/review-demo.sh [data folder, default data/demo] [district for the brief, default 500120]
# Generates and builds the demo first when the data folder has no published snapshot. Output: <data>/notebooks/.
set -euo pipefail
cd "$(dirname "$0")/.."
data="${1:-data/demo}"
district="${2:-500120}"
dotnet build etl/Analytics.Cli -c Release --nologo -v quiet
analytics=etl/Analytics.Cli/bin/Release/net10.0/analytics
if [ ! -f "$data/snapshots/current.json" ]; then
  "$analytics" demo --data "$data"
fi
for notebook in notebooks/cq2013-review.ipynb notebooks/yy2020-review.ipynb; do
  "$analytics" notebook run "$notebook" --snapshot "$data/snapshots" --out "$data/notebooks" --pdf
done
"$analytics" notebook run notebooks/district-brief.ipynb --param "district=$district" --snapshot "$data/snapshots" --out "$data/notebooks" --pdf
