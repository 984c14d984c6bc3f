#!/usr/bin/env bash
# Starts the dashboard. With no snapshot given it serves the embedded demo: when data/demo/snapshots holds no snapshot
# yet it builds one first (analytics demo: generate → pull → load; then analytics build), with progress on the console.
# Your own snapshot is one setting away:
#   bash scripts/dashboard.sh --Analytics:Snapshot=/path/to/warehouse.duckdb      (one file)
#   bash scripts/dashboard.sh --Analytics:Snapshots=/path/to/snapshots            (a folder; follows current.json)
# It binds to http://127.0.0.1:5080 (--Urls=http://127.0.0.1:8080 to change) and switches to a newer snapshot in the
# folder by itself. Extra arguments go to the dashboard.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
bash scripts/setup-machine.sh

dotnet build dashboard/Analytics.Dashboard -c Release --nologo -v quiet

own=false
for a in "$@"; do case "$a" in --Analytics:Snapshot=*|--Analytics:Snapshots=*) own=true ;; esac; done

args=("$@")
if [ "$own" = false ]; then
  snapshots="$root/data/demo/snapshots"
  # A snapshot is published once current.json names it (the rule every reader follows; see docs/sql-console.md).
  if [ ! -f "$snapshots/current.json" ]; then
    echo "No demo snapshot in $snapshots yet: building the demo (generate → load → build)…"
    dotnet build etl/Analytics.Cli -c Release --nologo -v quiet
    # analytics demo generates the extracts, pulls and loads them, and ends by building and publishing a snapshot.
    etl/Analytics.Cli/bin/Release/net10.0/analytics demo --data "$root/data/demo"
  fi
  args=("--Analytics:Snapshots=$snapshots" "${args[@]}")
fi

if [ "$own" = false ]; then
  # The demo's accounts: one per role, created once (passwords printed then and kept in demo-accounts.txt); a real
  # deployment starts with none (the dashboard says how to make the first admin).
  demo="$root/data/demo"
  if [ ! -f "$demo/demo-accounts.txt" ]; then
    dotnet build etl/Analytics.Cli -c Release --nologo -v quiet
    etl/Analytics.Cli/bin/Release/net10.0/analytics users --db "$demo/accounts.db" demo --out "$demo/demo-accounts.txt"
  fi
  args=("--Analytics:Accounts:Database=$demo/accounts.db" "--Analytics:Accounts:DemoAccountsFile=$demo/demo-accounts.txt"
        "--Analytics:Accounts:AccessLog=$demo/logs/access-audit.jsonl" "--Analytics:SqlConsole:AuditLog=$demo/logs/sql-audit.jsonl" "${args[@]}")

  # The demo's mail (docs/delivery.md): a private Postfix on loopback delivers every message into data/demo/mail/maildir/new,
  # and the demo's leader (viewer) and district official subscribe once to their briefs and alerts after each publish.
  # Publishing a second snapshot with changed statuses (README: "See the briefs and alerts arrive") sends them.
  mail="$demo/mail"
  port="${ANALYTICS_DEMO_SMTP_PORT:-2525}"
  if [ "$(id -u)" -eq 0 ] && bash scripts/smtp-server.sh start "$mail" "$port" >/dev/null; then
    trap 'bash "$root/scripts/smtp-server.sh" stop "$mail" >/dev/null 2>&1 || true' EXIT
    echo "Demo mail: briefs and alerts are delivered to $mail/maildir/new (a private Postfix on 127.0.0.1:$port)."
    args=("--Analytics:Delivery:Smtp:Host=127.0.0.1" "--Analytics:Delivery:Smtp:Port=$port" "--Analytics:Delivery:Smtp:Security=none"
          "--Analytics:Delivery:Smtp:From=中小企业创新监测（演示） <briefs@demo.analytics.local>" "${args[@]}")
  else
    echo "Demo mail is off: the private Postfix needs root. Deliveries wait until an SMTP server is set (--Analytics:Delivery:Smtp:Host=…)."
  fi
  if [ ! -f "$demo/demo-subscriptions.txt" ]; then
    dotnet build etl/Analytics.Cli -c Release --nologo -v quiet
    cli=(etl/Analytics.Cli/bin/Release/net10.0/analytics subscriptions --db "$demo/delivery.db" --accounts "$demo/accounts.db")
    "${cli[@]}" add viewer --brief plan --plan CQ2013 --on-publish --alerts --email viewer@demo.analytics.local --snapshot "$snapshots"
    "${cli[@]}" add district --brief district --plan CQ2013 --district 500120 --on-publish --alerts --email district@demo.analytics.local --snapshot "$snapshots"
    "${cli[@]}" list > "$demo/demo-subscriptions.txt"
  fi
fi

# Content root = the project folder (wwwroot, appsettings.json); relative paths in arguments are resolved from the repo root above.
# Not exec: the demo's mail server is stopped when the dashboard ends.
cd dashboard/Analytics.Dashboard
dotnet bin/Release/net10.0/Analytics.Dashboard.dll "${args[@]}"
