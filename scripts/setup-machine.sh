#!/usr/bin/env bash
# Installs the machine-level packages the product needs when they are missing (Debian): Chromium and a CJK font for
# the browser tests, chart images and PDF reports (Chinese renders as empty boxes without the font); poppler-utils
# for the tests that read those PDFs.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || missing+=(fonts-noto-cjk)
# pdftotext: the browser tests read the text of the dashboard's PDFs with it.
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null 2>&1; then
    echo "error: needs ${missing[*]} (Debian packages); run as root or install them first" >&2
    exit 2
  fi
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  echo "Installing ${missing[*]} (Debian packages)…"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# npm packages (the DuckDB engine, plotly.js): the build restores them too; doing it once here avoids parallel builds racing.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm install --no-audit --no-fund
fi
