#!/usr/bin/env bash
# A private SMTP server for tests and for trying delivery by hand: a Postfix instance whose configuration, queue, pid,
# logs and delivered mail all live under DIR, listening on 127.0.0.1:PORT only, accepting mail for any address at any
# domain and delivering every message into one maildir, DIR/maildir/new/.
#
#   scripts/smtp-server.sh start DIR PORT   starts it (installs Postfix first if missing); fine when already running
#   scripts/smtp-server.sh stop DIR         stops it and waits until none of its processes is left (bounded)
#   scripts/smtp-server.sh clean DIR        stops it and deletes DIR (only a folder this script set up)
#   scripts/smtp-server.sh status DIR       exit 0 and "running on 127.0.0.1:PORT" when it runs, exit 3 otherwise
#   scripts/smtp-server.sh install          only installs the package (without starting any system service)
#
# Why Postfix and not OpenSMTPD (both are Debian packages): OpenSMTPD's queue (/var/spool/smtpd) and control socket
# (/run/smtpd.sock) are fixed when it is compiled, so two instances cannot run side by side and its queue cannot live
# under DIR. Every path Postfix uses is a main.cf setting, so a master started with `-c DIR/etc` is a complete private
# instance next to any other one (several test processes can each run their own). It is quick: a start or a stop takes
# well under a second, and a message is in the maildir a fraction of a second after it was accepted (the queue manager
# is woken as soon as it is queued; the virtual(8) agent writes it).
#
# Postfix's master process must run as root (it drops to the `postfix` user for its daemons), so start and stop need
# root. Mail in the maildir belongs to the `postfix` user, files mode 0600: root reads it.
# The package's own system instance is never started: policy-rc.d denies it during the install, the package is set
# to "No configuration" (no /etc/postfix/main.cf, so that instance cannot start) and its service is disabled.
set -euo pipefail

die() { echo "smtp-server: $*" >&2; exit 1; }

install_postfix() {
  command -v postfix >/dev/null 2>&1 && [ -x /usr/lib/postfix/sbin/master ] && return 0
  [ "$(id -u)" -eq 0 ] || die "Postfix is not installed and installing it needs root (apt-get install postfix)"
  echo "smtp-server: installing postfix (Debian package)…" >&2
  # Keep the package from starting a system-wide mail server on port 25: maintainer scripts ask policy-rc.d first.
  local policy=/usr/sbin/policy-rc.d ours=""
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' > "$policy" && chmod 755 "$policy" && ours=1
  fi
  export DEBIAN_FRONTEND=noninteractive
  echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
  local status=0
  { apt-get install -y -qq --no-install-recommends postfix >/dev/null 2>&1 ||
    { apt-get update -qq && apt-get install -y -qq --no-install-recommends postfix >/dev/null; }; } || status=$?
  [ -n "$ours" ] && rm -f "$policy"
  [ "$status" -eq 0 ] || die "apt-get install postfix failed (exit $status)"
  # Not enabled at boot either (systemctl disable works without a running systemd; update-rc.d where none is).
  { systemctl disable postfix.service || update-rc.d postfix disable; } >/dev/null 2>&1 || true
}

# Whether a process runs: a zombie does not (where PID 1 does not reap orphans, as in some containers, the master and
# its daemons stay zombies after they end).
alive() { [ -r "/proc/$1/stat" ] && [ "$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f1)" != Z ]; }

# The master's pid, if it is alive.
master_pid() {
  local file="$1/queue/pid/master.pid" pid
  [ -f "$file" ] || return 1
  pid=$(tr -dc 0-9 < "$file")
  [ -n "$pid" ] && alive "$pid" && echo "$pid"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Writes stdin to FILE only when it differs (a restart leaves the files as they were), dated 10 s back: Postfix's
# master waits until its main.cf is a few seconds old, in case an editor is still writing it (1.5 s per start).
put() {
  cat > "$1.new"
  if cmp -s "$1.new" "$1"; then rm -f "$1.new"; else mv -f "$1.new" "$1"; touch -d "-10 seconds" "$1"; fi
}

write_config() {
  local dir="$1" port="$2" uid gid
  uid=$(id -u postfix) gid=$(id -g postfix)
  mkdir -p "$dir/etc" "$dir/queue" "$dir/data" "$dir/log" "$dir/maildir/new" "$dir/maildir/cur" "$dir/maildir/tmp"
  # The daemons run as `postfix`: they must reach DIR, write the queue, data and log, and deliver into the maildir.
  chmod 755 "$dir"
  chown postfix:postfix "$dir/data" "$dir/log"
  chown -R postfix:postfix "$dir/maildir"
  # The queue, as Postfix's post-install makes it (/etc/postfix/postfix-files).
  install -d -o root -m 755 "$dir/queue/pid"
  local sub
  for sub in active bounce corrupt defer deferred flush hold incoming private saved trace; do
    install -d -o postfix -g postfix -m 700 "$dir/queue/$sub"
  done
  install -d -o postfix -g postdrop -m 730 "$dir/queue/maildrop"
  install -d -o postfix -g postdrop -m 710 "$dir/queue/public"
  # Any domain, any address: one maildir (a trailing slash means maildir, relative to virtual_mailbox_base).
  echo '/./ any' | put "$dir/etc/domains"
  echo '/./ maildir/' | put "$dir/etc/mailboxes"
  put "$dir/etc/main.cf" <<EOF
# Written by scripts/smtp-server.sh: a private test instance, loopback only, every message to $dir/maildir.
compatibility_level = 3.6
config_directory = $dir/etc
queue_directory = $dir/queue
data_directory = $dir/data
maillog_file = $dir/log/postfix.log
maillog_file_prefixes = $dir/log
myhostname = smtp.analytics.test
mydestination =
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
smtpd_relay_restrictions = permit_mynetworks, reject
smtpd_recipient_restrictions =
smtpd_peername_lookup = no
smtpd_banner = \$myhostname ESMTP private test server
message_size_limit = 52428800
virtual_mailbox_domains = regexp:$dir/etc/domains
virtual_mailbox_maps = regexp:$dir/etc/mailboxes
virtual_mailbox_base = $dir
virtual_mailbox_limit = 0
virtual_minimum_uid = 1
virtual_uid_maps = static:$uid
virtual_gid_maps = static:$gid
alias_maps =
alias_database =
local_recipient_maps =
# Nothing leaves this machine, and no DNS: there is none offline.
default_transport = error:this test server delivers to its own maildir only
relay_transport = error:this test server delivers to its own maildir only
smtp_dns_support_level = disabled
biff = no
# Deliver at once; retry quickly if a delivery was deferred.
queue_run_delay = 1s
minimal_backoff_time = 1s
maximal_backoff_time = 5s
EOF
  # master.cf: only what this instance needs; nothing chrooted (the chroot would need copies of system files).
  put "$dir/etc/master.cf" <<EOF
127.0.0.1:$port inet n  -  n  -  -  smtpd
pickup     unix  n  -  n  60  1  pickup
cleanup    unix  n  -  n  -   0  cleanup
qmgr       unix  n  -  n  300 1  qmgr
rewrite    unix  -  -  n  -   -  trivial-rewrite
bounce     unix  -  -  n  -   0  bounce
defer      unix  -  -  n  -   0  bounce
trace      unix  -  -  n  -   0  bounce
verify     unix  -  -  n  -   1  verify
flush      unix  n  -  n  1000? 0 flush
proxymap   unix  -  -  n  -   -  proxymap
anvil      unix  -  -  n  -   1  anvil
scache     unix  -  -  n  -   1  scache
showq      unix  n  -  n  -   -  showq
error      unix  -  -  n  -   -  error
retry      unix  -  -  n  -   -  error
discard    unix  -  -  n  -   -  discard
virtual    unix  -  n  n  -   -  virtual
postlog    unix-dgram n - n -  1  postlogd
EOF
}

start() {
  local dir="$1" port="$2" pid i
  [[ "$port" =~ ^[0-9]+$ ]] || die "PORT must be a number, not '$port'"
  install_postfix
  [ "$(id -u)" -eq 0 ] || die "starting Postfix needs root (its master process runs as root)"
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  if pid=$(master_pid "$dir"); then
    port_open "$port" || die "an instance runs in $dir (pid $pid) but 127.0.0.1:$port does not accept connections"
    echo "smtp-server: already running on 127.0.0.1:$port (pid $pid, $dir)"
    return 0
  fi
  port_open "$port" && die "127.0.0.1:$port is already taken by another program"
  write_config "$dir" "$port"
  runuser -u postfix -- test -w "$dir/maildir/new" ||
    die "the postfix user cannot write $dir/maildir/new: every folder above $dir must be open to others (o+x)"
  # The master directly, not `postfix start`: that one also runs post-install and its checks, dozens of postconf
  # runs that take seconds on a busy machine; write_config has made the queue as post-install would.
  local command=("$(postconf -c "$dir/etc" -h daemon_directory)/master" -c "$dir/etc" -w)
  if ! "${command[@]}" >"$dir/log/start.log" 2>&1; then
    cat "$dir/log/start.log" >&2
    die "'${command[*]}' failed (log: $dir/log/start.log, $dir/log/postfix.log)"
  fi
  for i in $(seq 1 200); do # 20 s
    port_open "$port" && { echo "smtp-server: running on 127.0.0.1:$port ($dir)"; return 0; }
    sleep 0.1
  done
  tail -20 "$dir/log/postfix.log" >&2 2>/dev/null || true
  stop "$dir" >/dev/null 2>&1 || true
  die "Postfix started but 127.0.0.1:$port did not accept connections within 20 s (log: $dir/log/postfix.log)"
}

stop() {
  local dir="$1" pid i daemons left
  [ -d "$dir" ] || { echo "smtp-server: nothing to stop in $dir"; return 0; }
  dir=$(cd "$dir" && pwd)
  pid=$(master_pid "$dir") || { echo "smtp-server: not running ($dir)"; return 0; }
  daemons=$(pgrep -P "$pid" | tr '\n' ' ' || true)
  # SIGTERM is what `postfix stop` sends (without its one-second polls): the master ends its daemons and exits.
  kill -TERM "$pid" 2>/dev/null || true
  for i in $(seq 1 100); do # 10 s
    alive "$pid" || break
    sleep 0.1
  done
  if alive "$pid"; then
    echo "smtp-server: master $pid did not end within 10 s; killing it" >&2
    kill -KILL "$pid" 2>/dev/null || true
  fi
  # Its daemons (its children when it was asked to stop) end with it; kill any that is still there after 5 s.
  for i in $(seq 1 50); do # 5 s
    left=""
    for p in $daemons; do alive "$p" && left="$left $p"; done
    [ -z "$left" ] && break
    sleep 0.1
  done
  [ -n "$left" ] && kill -KILL $left 2>/dev/null || true
  rm -f "$dir/queue/pid/master.pid"
  echo "smtp-server: stopped ($dir)"
}

clean() {
  local dir="$1"
  [ -d "$dir" ] || return 0
  rmdir "$dir" 2>/dev/null && return 0 # a start that failed before it wrote anything
  grep -qs "Written by scripts/smtp-server.sh" "$dir/etc/main.cf" || die "not deleting $dir: no server of this script's was set up there"
  stop "$dir"
  rm -rf "$dir"
}

status() {
  local dir="$1" pid port
  [ -d "$dir" ] && dir=$(cd "$dir" && pwd)
  if pid=$(master_pid "$dir"); then
    port=$(awk '/ inet /{ sub(/.*:/, "", $1); print $1 }' "$dir/etc/master.cf")
    echo "running on 127.0.0.1:$port (pid $pid, $dir)"
    return 0
  fi
  echo "not running ($dir)"
  return 3
}

case "${1:-}" in
  start) [ $# -eq 3 ] || die "usage: $0 start DIR PORT"; start "$2" "$3" ;;
  stop) [ $# -eq 2 ] || die "usage: $0 stop DIR"; stop "$2" ;;
  clean) [ $# -eq 2 ] || die "usage: $0 clean DIR"; clean "$2" ;;
  status) [ $# -eq 2 ] || die "usage: $0 status DIR"; status "$2" ;;
  install) install_postfix ;;
  *) die "usage: $0 start DIR PORT | stop DIR | clean DIR | status DIR | install" ;;
esac
