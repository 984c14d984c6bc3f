#!/usr/bin/env bash
# Restarts the dashboard replicas one after another (a new release, a changed setting), never more than one down:
# each is stopped gracefully (SIGTERM: requests in flight finish), started, and must answer /health/ready before the
# next one goes. nginx sends the requests meanwhile to the others.
#   sudo bash deploy/rolling-restart.sh [port …]      (default 5081 5082 5083)
set -euo pipefail
ports=("$@")
[ $# -eq 0 ] && ports=(5081 5082 5083)
for port in "${ports[@]}"; do
  echo "restarting analytics-dashboard@$port…"
  systemctl restart "analytics-dashboard@$port"        # ExecStartPost waits for /health/ready
  curl -fsS "http://127.0.0.1:$port/health/ready"; echo
done
