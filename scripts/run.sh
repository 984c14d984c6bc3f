#!/usr/bin/env bash
# The README's run command: the dashboard on the embedded demo data. On first run it builds the demo — generate the
# extracts (Chongqing 2012-2016, Yueyang 2018-2023), pull them into data/demo/landing, load the validated Parquet lake
# data/demo/lake, build and publish a warehouse snapshot in data/demo/snapshots — then serves the dashboard at the
# printed local URL (http://127.0.0.1:5080). Arguments go to scripts/dashboard.sh (e.g. --Analytics:Snapshot=…).
set -euo pipefail
cd "$(dirname "$0")/.."
exec bash scripts/dashboard.sh "$@"
