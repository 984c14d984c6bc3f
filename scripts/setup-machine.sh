#!/usr/bin/env bash
# Installs the machine-level packages the product needs when they are missing (Debian): nothing yet beyond the SDK and
# Node. Later stages add Chromium and a CJK font here (browser tests and PDF reports).
set -euo pipefail
cd "$(dirname "$0")/.."
# npm packages: the build restores them too; doing it here once avoids parallel builds racing to do it.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm install --no-audit --no-fund
fi
