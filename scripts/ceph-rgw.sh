#!/usr/bin/env bash
# Brings up a throwaway one-node Ceph RADOS Gateway on 127.0.0.1, so that the tagged integration tests can check
# what only a real server enforces: MFA Delete, Object Lock retention and the 1000-key limit of DeleteObjects.
# Facts behind every setting: shared TESTING.md, section 2 (Ceph 16.2 on Debian 12, no systemd).
#
#   scripts/ceph-rgw.sh install         install the Debian packages (apt-get update only when some are missing)
#   scripts/ceph-rgw.sh start  [DIR]    fresh cluster in DIR (default /tmp/bucketsweep-ceph); writes DIR/env
#   scripts/ceph-rgw.sh stop   [DIR]    stops exactly the processes recorded in DIR/pids
#   scripts/ceph-rgw.sh status [DIR]    exit 0 only when all three daemons run and the gateway answers
#
# Everything (config, mon store, logs in DIR/log, sockets) stays under DIR; the OSD keeps its data in memory.
# Every daemon binds to 127.0.0.1 only.
set -euo pipefail

readonly PACKAGES=(radosgw ceph-mon ceph-osd oathtool uuid-runtime curl)
readonly DEFAULT_DIR=/tmp/bucketsweep-ceph
# A file that marks DIR as created by this script: start only ever wipes a directory that carries it.
readonly MARKER=.bucketsweep-ceph-cluster
readonly RGW_NAME=client.rgw.bucketsweep
readonly USER_ID=bucketsweep-test
readonly ACCESS_KEY=bucketsweep-test
readonly SECRET_KEY=bucketsweep-test-secret
# Several serials with the same seed: a serial accepts each 30 s step's code only once (and at most 5 checks per
# step), so a test that needs several MFA requests within one step moves on to the next serial.
readonly MFA_SERIALS=(bucketsweep-mfa-1 bucketsweep-mfa-2 bucketsweep-mfa-3 bucketsweep-mfa-4)
readonly READY_TIMEOUT_S=60
readonly STOP_TIMEOUT_S=15

die() {
  echo "ceph-rgw.sh: $*" >&2
  exit 1
}

usage() {
  sed -n 's/^#   //p' "$0" >&2
  exit 2
}

missing_packages() {
  local pkg
  for pkg in "${PACKAGES[@]}"; do
    # shellcheck disable=SC2016  # ${Status} is dpkg-query's field, not a shell variable
    dpkg-query -W -f='${Status}\n' "$pkg" 2>/dev/null | grep -q '^install ok installed$' || echo "$pkg"
  done
}

cmd_install() {
  local missing
  missing=$(missing_packages)
  if [ -z "$missing" ]; then
    echo "ceph-rgw.sh: packages already installed"
    return
  fi
  [ "$(id -u)" -eq 0 ] || die "install needs root (apt-get)"
  # The package lists may be absent or stale on a fresh machine; refresh them only when something is missing,
  # so that a machine that has everything does not touch the network.
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${PACKAGES[@]}"
}

# A TCP port on which nothing listens or connects right now, read from /proc so that neither ss nor python is
# needed. Chosen below 32768, out of Linux's ephemeral range, so that an outgoing connection does not take it
# between now and the daemon's bind. Arguments: ports to avoid as well (chosen but not yet bound).
free_port() {
  local used=" $* " addr port _
  while read -r _ addr _; do
    used+="$((16#${addr##*:})) "
  done < <(tail -q -n +2 /proc/net/tcp /proc/net/tcp6 2>/dev/null)
  for _ in $(seq 1 200); do
    port=$((20000 + RANDOM % 12000))
    case "$used" in
      *" $port "*) ;;
      *) echo "$port"; return ;;
    esac
  done
  die "no free port found"
}

# The command line of a live process, or nothing.
cmdline_of() {
  tr '\0' ' ' 2>/dev/null <"/proc/$1/cmdline" || true  # stderr first: a vanished PID is no error
}

# True when PID is alive and is one of ours: every daemon was started with "-c DIR/ceph.conf", which guards
# against a PID that has been reused by an unrelated process since.
is_ours() {
  local pid=$1 conf=$2
  case "$(cmdline_of "$pid")" in
    *" -c $conf "*) return 0 ;;
    *) return 1 ;;
  esac
}

# Starts a daemon in the foreground mode of Ceph (-f: no fork, so $! is the daemon itself) in the background,
# stdin closed, output appended to DIR/log/NAME.out, and records "NAME PID" in DIR/pids.
launch() {
  local dir=$1 name=$2
  shift 2
  "$@" </dev/null >>"$dir/log/$name.out" 2>&1 &
  echo "$name $!" >>"$dir/pids"
}

write_conf() {
  local dir=$1 fsid=$2 mon_port=$3 rgw_port=$4
  # Unquoted heredoc: $dir and the ports are expanded here, \$name/\$id/\$cluster are Ceph's own metavariables.
  cat >"$dir/ceph.conf" <<EOF
[global]
fsid = $fsid
mon_host = [v2:127.0.0.1:$mon_port]
# One v2-only messenger on the loopback address: nothing is reachable from outside the machine.
public_addr = 127.0.0.1
cluster_addr = 127.0.0.1
ms_bind_msgr1 = false
ms_bind_ipv6 = false
# No cephx: a throwaway cluster on 127.0.0.1 needs no keys. With auth none radosgw fails with error -13 unless
# the messenger modes allow "secure" too.
auth_cluster_required = none
auth_service_required = none
auth_client_required = none
ms_mon_client_mode = crc secure
ms_client_mode = crc secure
ms_mon_service_mode = crc secure
ms_service_mode = crc secure
ms_cluster_mode = crc secure
ms_mon_cluster_mode = crc secure
# One OSD: pools of size 1, few placement groups, CRUSH may place replicas on the same host.
osd_pool_default_size = 1
osd_pool_default_min_size = 1
mon_allow_pool_size_one = true
osd_pool_default_pg_num = 8
mon_max_pg_per_osd = 1000
osd_crush_chooseleaf_type = 0
# The monitor commits changes every 0.1 s instead of every 1 s: radosgw's pool creation at first start goes
# from about 15 s to about 3 s.
paxos_propose_interval = 0.1
# Keep every file under DIR (the defaults are under /var/lib/ceph, /var/log/ceph and /var/run/ceph).
run_dir = $dir/run
admin_socket = $dir/run/\$cluster-\$name.asok
log_file = $dir/log/\$name.log
mon_cluster_log_file = $dir/log/cluster.log
crash_dir = $dir/crash
mon_data = $dir/mon/\$cluster-\$id
osd_data = $dir/osd/\$cluster-\$id
rgw_data = $dir/rgw/\$cluster-\$id

[osd]
# Data in memory: nothing to clean up on disk, and fast. 2 GiB is far more than the tests store.
osd_objectstore = memstore
memstore_device_bytes = 2147483648
# RGW object names in versioned buckets are long; the default limit makes long keys fail.
osd_max_object_name_len = 460

[$RGW_NAME]
rgw_frontends = beast endpoint=127.0.0.1:$rgw_port
EOF
}

# Runs a ceph CLI command against this cluster, bounded in time.
ceph_cmd() {
  local conf=$1
  shift
  timeout 20 ceph -c "$conf" --connect-timeout 10 "$@"
}

# On a failed start (set -e or die): show where to look, and stop whatever this start already launched.
START_DONE=0
on_start_exit() {
  local dir=$1
  [ "$START_DONE" -eq 0 ] || return 0
  echo "ceph-rgw.sh: start failed; last lines of the logs in $dir/log:" >&2
  local f
  for f in "$dir"/log/*; do
    [ -s "$f" ] || continue
    echo "--- $f" >&2
    tail -n 15 "$f" >&2
  done
  cmd_stop "$dir" >&2 || true
}

cmd_start() {
  local dir=${1:-$DEFAULT_DIR}
  local bin
  for bin in ceph ceph-mon ceph-osd monmaptool radosgw radosgw-admin uuidgen curl oathtool; do
    command -v "$bin" >/dev/null || die "$bin not found: run '$0 install' first"
  done
  case "$dir" in
    /*) ;;
    *) dir="$(pwd)/$dir" ;;
  esac

  # A fresh cluster every time: OTP state (codes already used) and old buckets must not leak between runs.
  # Wipe only a directory this script made, after stopping what runs from it.
  if [ -e "$dir" ]; then
    if [ -f "$dir/$MARKER" ]; then
      cmd_stop "$dir" >/dev/null
      rm -rf "$dir"
    elif [ -n "$(ls -A "$dir")" ]; then
      die "$dir exists, is not empty and was not made by this script: not wiping it"
    fi
  fi
  mkdir -p "$dir"/{log,run,mon,osd,rgw,crash}
  touch "$dir/$MARKER" "$dir/pids"
  local conf="$dir/ceph.conf" setup_log="$dir/log/setup.log"
  # shellcheck disable=SC2064  # expanded now on purpose: $dir is local to this function
  trap "on_start_exit $(printf %q "$dir")" EXIT

  local fsid mon_port rgw_port
  fsid=$(uuidgen)
  mon_port=$(free_port)
  rgw_port=$(free_port "$mon_port")
  write_conf "$dir" "$fsid" "$mon_port" "$rgw_port"

  # Monitor: a one-entry monmap with a v2 address, an empty store, then the daemon.
  monmaptool --create --fsid "$fsid" --addv a "[v2:127.0.0.1:$mon_port]" "$dir/monmap" >>"$setup_log" 2>&1
  ceph-mon -c "$conf" --mkfs -i a --monmap "$dir/monmap" >>"$setup_log" 2>&1
  launch "$dir" mon.a ceph-mon -c "$conf" -i a -f

  # OSD: "osd new" answers once the monitor has formed its quorum (a second or so); it gives the OSD's id.
  local osd_uuid osd_id="" deadline=$((SECONDS + READY_TIMEOUT_S))
  osd_uuid=$(uuidgen)
  until osd_id=$(ceph_cmd "$conf" osd new "$osd_uuid" 2>>"$setup_log"); do
    [ "$SECONDS" -lt "$deadline" ] || die "monitor not answering after ${READY_TIMEOUT_S}s"
    sleep 0.3
  done
  mkdir -p "$dir/osd/ceph-$osd_id"
  ceph-osd -c "$conf" -i "$osd_id" --mkfs --osd-uuid "$osd_uuid" >>"$setup_log" 2>&1
  launch "$dir" "osd.$osd_id" ceph-osd -c "$conf" -i "$osd_id" -f

  # Gateway: at its first start it creates its pools, which needs the OSD up; it listens once that is done.
  mkdir -p "$dir/rgw/ceph-${RGW_NAME#client.}"
  launch "$dir" "$RGW_NAME" radosgw -c "$conf" -n "$RGW_NAME" -f

  local endpoint="http://127.0.0.1:$rgw_port" code=""
  until code=$(curl -s -o /dev/null -m 2 -w '%{http_code}' "$endpoint/") && { [ "$code" = 200 ] || [ "$code" = 403 ]; }; do
    [ "$SECONDS" -lt "$deadline" ] || die "radosgw not answering on $endpoint after ${READY_TIMEOUT_S}s (last HTTP code ${code:-none})"
    local name pid
    while read -r name pid; do
      is_ours "$pid" "$conf" || die "$name (pid $pid) exited during start"
    done <"$dir/pids"
    sleep 0.3
  done

  # The test user with fixed keys (the cluster is throwaway and bound to 127.0.0.1), and its MFA devices.
  # A new random seed per cluster unless one is given in the environment.
  local seed=${BUCKETSWEEP_CEPH_MFA_SEED_HEX:-}
  [ -n "$seed" ] || seed=$(od -An -tx1 -N20 /dev/urandom | tr -d ' \n')
  timeout 30 radosgw-admin -c "$conf" user create --uid "$USER_ID" --display-name "BucketSweep tests" \
    --access-key "$ACCESS_KEY" --secret-key "$SECRET_KEY" >>"$setup_log" 2>&1
  local serial
  for serial in "${MFA_SERIALS[@]}"; do
    timeout 30 radosgw-admin -c "$conf" mfa create --uid "$USER_ID" --totp-serial "$serial" \
      --totp-seed "$seed" --totp-seed-type hex --totp-seconds 30 --totp-window 2 >>"$setup_log" 2>&1
  done

  local serials
  serials=$(IFS=,; echo "${MFA_SERIALS[*]}")
  cat >"$dir/env" <<EOF
BUCKETSWEEP_CEPH_ENDPOINT=$endpoint
BUCKETSWEEP_CEPH_ACCESS_KEY=$ACCESS_KEY
BUCKETSWEEP_CEPH_SECRET_KEY=$SECRET_KEY
BUCKETSWEEP_CEPH_MFA_SEED_HEX=$seed
BUCKETSWEEP_CEPH_MFA_SERIALS=$serials
EOF
  START_DONE=1
  trap - EXIT
  echo "# Ceph RGW ready in ${SECONDS}s; logs in $dir/log; stop with: $0 stop $dir"
  cat "$dir/env"
}

# Sends TERM to one of our daemons, waits a bounded time for it to go, then KILL.
stop_one() {
  local name=$1 pid=$2 conf=$3 deadline=$((SECONDS + STOP_TIMEOUT_S))
  is_ours "$pid" "$conf" || return 0
  echo "stopping $name (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || return 0
  while is_ours "$pid" "$conf"; do
    if [ "$SECONDS" -ge "$deadline" ]; then
      echo "ceph-rgw.sh: $name still running after ${STOP_TIMEOUT_S}s, killing pid $pid" >&2
      kill -KILL "$pid" 2>/dev/null || true
      return 0
    fi
    sleep 0.1
  done
}

cmd_stop() {
  local dir=${1:-$DEFAULT_DIR}
  local conf="$dir/ceph.conf" names=() pids=() name pid i
  if [ ! -s "$dir/pids" ]; then
    echo "ceph-rgw.sh: nothing recorded in $dir/pids"
    return 0
  fi
  while read -r name pid; do
    names+=("$name")
    pids+=("$pid")
  done <"$dir/pids"
  # Only the recorded PIDs (is_ours checks each is still our daemon), one at a time in reverse start order:
  # gateway, OSD, monitor. An OSD stopped together with its monitor waits 5 s for the monitor to hear of it.
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    stop_one "${names[i]}" "${pids[i]}" "$conf"
  done
  : >"$dir/pids"
  echo "stopped"
}

cmd_status() {
  local dir=${1:-$DEFAULT_DIR}
  local conf="$dir/ceph.conf" ok=0 name pid
  if [ ! -s "$dir/pids" ]; then
    echo "not running (nothing recorded in $dir/pids)"
    return 1
  fi
  while read -r name pid; do
    if is_ours "$pid" "$conf"; then
      echo "$name: running (pid $pid, RSS $(awk '/^VmRSS/ {print $2, $3}' "/proc/$pid/status"))"
    else
      echo "$name: not running (pid $pid)"
      ok=1
    fi
  done <"$dir/pids"
  if [ -f "$dir/env" ]; then
    local endpoint code
    endpoint=$(sed -n 's/^BUCKETSWEEP_CEPH_ENDPOINT=//p' "$dir/env")
    code=$(curl -s -o /dev/null -m 2 -w '%{http_code}' "$endpoint/" || true)
    echo "gateway $endpoint: HTTP $code"
    case "$code" in 200 | 403) ;; *) ok=1 ;; esac
  else
    echo "gateway: not ready ($dir/env missing)"
    ok=1
  fi
  return "$ok"
}

main() {
  [ $# -ge 1 ] || usage
  local cmd=$1
  shift
  case "$cmd" in
    install) cmd_install ;;
    start) cmd_start "$@" ;;
    stop) cmd_stop "$@" ;;
    status) cmd_status "$@" ;;
    *) usage ;;
  esac
}

main "$@"
