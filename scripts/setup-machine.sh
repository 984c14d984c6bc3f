#!/usr/bin/env bash
# Installs the machine-level packages the product needs when they are missing (Debian): Chromium and a CJK font for
# the browser tests, chart images and PDF reports (Chinese renders as empty boxes without the font); poppler-utils
# for the tests that read those PDFs; Postfix for the delivery tests' private SMTP server (scripts/smtp-server.sh);
# nginx and wrk for the replicas test (a private nginx on loopback in front of three dashboard processes, under load).
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
# (grep reads all of fc-list's output: with -q it would stop early, fc-list would die of SIGPIPE and pipefail would call the font missing)
fc-list 2>/dev/null | grep -i "Noto Sans CJK" >/dev/null || missing+=(fonts-noto-cjk)
# pdftotext: the browser tests read the text of the dashboard's PDFs with it.
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
# postfix: the delivery tests run a private instance on loopback (scripts/smtp-server.sh); the package's own service
# must not start, below.
[ -x /usr/lib/postfix/sbin/master ] || missing+=(postfix)
# nginx, wrk: the replicas test starts its own nginx (its own configuration, loopback port); the package's service must
# not start, below, as for postfix.
[ -x /usr/sbin/nginx ] || missing+=(nginx-light)
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null 2>&1; then
    echo "error: needs ${missing[*]} (Debian packages); run as root or install them first" >&2
    exit 2
  fi
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  echo "Installing ${missing[*]} (Debian packages)…"
  # Postfix: no system-wide mail server on port 25. "No configuration" leaves /etc/postfix/main.cf out, so the
  # package's instance cannot start; policy-rc.d (if none is there) denies the start during the install.
  policy=""
  if [[ " ${missing[*]} " == *" postfix "* ]]; then
    echo "postfix postfix/main_mailer_type select No configuration" | $SUDO debconf-set-selections
  fi
  if [[ " ${missing[*]} " == *" postfix "* || " ${missing[*]} " == *" nginx-light "* ]]; then
    if [ ! -e /usr/sbin/policy-rc.d ]; then
      printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null && $SUDO chmod 755 /usr/sbin/policy-rc.d
      policy=/usr/sbin/policy-rc.d
      trap '$SUDO rm -f "$policy"' EXIT
    fi
  fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
  if [ -n "$policy" ]; then $SUDO rm -f "$policy"; trap - EXIT; fi
  if [[ " ${missing[*]} " == *" postfix "* ]]; then
    # Not enabled at boot either (systemctl disable works without a running systemd; update-rc.d where none is).
    { $SUDO systemctl disable postfix.service || $SUDO update-rc.d postfix disable; } >/dev/null 2>&1 || true
  fi
  if [[ " ${missing[*]} " == *" nginx-light "* ]]; then
    { $SUDO systemctl disable nginx.service || $SUDO update-rc.d nginx disable; } >/dev/null 2>&1 || true
  fi
fi

# npm packages (the DuckDB engine, plotly.js): the build restores them too; doing it once here avoids parallel builds racing.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm install --no-audit --no-fund
fi
