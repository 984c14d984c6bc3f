#!/usr/bin/env bash
# The README's run command: the main job on the embedded demo data.
# Generates the demo extracts (Chongqing 2012-2016, Yueyang 2018-2023), pulls them into data/demo/landing and loads
# them into the validated Parquet lake data/demo/lake, printing a summary. Extra arguments go to 'analytics demo'.
# (The warehouse build and the dashboard join this command as their issues land.)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-machine.sh
dotnet build etl/Analytics.Cli -c Release --nologo -v quiet
exec etl/Analytics.Cli/bin/Release/net10.0/analytics demo "$@"
