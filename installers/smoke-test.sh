#!/usr/bin/env bash
# Installer smoke test (Debian/Ubuntu): builds the .deb, installs it, starts the INSTALLED app under Xvfb on the
# demo sandbox until its bucket list shows (--demo --exit-when-ready), removes the package again, and prints the
# package size, the installed size and the start-up times. Exits non-zero if a start did not report READY.
#
# Usage: installers/smoke-test.sh [--runs N] [--no-build] [--keep]
#   --runs N     starts to time, with the class-data sharing archive and then without it (default 3)
#   --no-build   test the newest installers/target/*.deb as it is
#   --keep       leave the package installed
# Needs root (or sudo) for apt-get; installs xvfb, xauth and libgtk-3-0 when they are missing.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
cd "$root"

package=bucketsweep
launcher=/opt/bucketsweep/bin/BucketSweep
archive=/opt/bucketsweep/lib/app/bucketsweep.jsa
timeout_s=60
runs=3
build=1
keep=0
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --no-build) build=0; shift ;;
    --keep) keep=1; shift ;;
    *) echo "usage: $0 [--runs N] [--no-build] [--keep]" >&2; exit 2 ;;
  esac
done

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'smoke-test.sh: %s\n' "$*" >&2; exit 1; }

# Options from the caller's environment would change what is timed.
unset _JAVA_OPTIONS JAVA_TOOL_OPTIONS JDK_JAVA_OPTIONS
command -v dpkg > /dev/null || die "this smoke test needs a Debian or Ubuntu system"
if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi

missing=""
for p in xvfb xauth libgtk-3-0; do
  dpkg-query -W -f='${Status}' "$p" 2> /dev/null | grep -q 'install ok installed' || missing="$missing $p"
done
if [ -n "$missing" ]; then
  log "installing$missing"
  # shellcheck disable=SC2086 # package names, one a word
  $sudo apt-get install -y --no-install-recommends $missing > /dev/null
fi

if [ "$build" = 1 ]; then
  installers/build.sh deb
fi
# shellcheck disable=SC2012 # jpackage's file names have no spaces
deb=$(ls -t installers/target/*.deb 2> /dev/null | head -n 1)
[ -n "$deb" ] || die "no installers/target/*.deb"

if dpkg-query -W -f='${Status}' "$package" 2> /dev/null | grep -q 'install ok installed'; then
  log "removing the $package that was already installed"
  $sudo apt-get purge -y "$package" > /dev/null
fi

work=$(mktemp -d)
installed=0
cleanup() {
  if [ "$installed" = 1 ] && [ "$keep" = 0 ]; then
    log "apt-get purge -y $package"
    $sudo apt-get purge -y "$package" > /dev/null || echo "smoke-test.sh: could not remove $package" >&2
    [ ! -e /opt/bucketsweep ] || echo "smoke-test.sh: /opt/bucketsweep is still there after removal" >&2
  fi
  rm -rf "$work"
}
trap cleanup EXIT

log "apt-get install -y ./$deb"
install_start=$(date +%s%N)
$sudo apt-get install -y "./$deb" > "$work/apt.log" 2>&1 || { cat "$work/apt.log" >&2; die "installing $deb failed"; }
install_ms=$(( ($(date +%s%N) - install_start) / 1000000 ))
installed=1

actual_launcher=$(dpkg -L "$package" | grep '/bin/BucketSweep$' | head -n 1)
[ "$actual_launcher" = "$launcher" ] || die "the package's launcher is '$actual_launcher', not $launcher"
[ -f "$archive" ] || echo "smoke-test.sh: warning: the post-install script made no $archive" >&2

# One start of the installed launcher. Prints: window-ms ready-ms app-ready-ms (launch to the main window shown,
# launch to the READY line, and the app's own READY figure). Times start just before exec, so the JVM start is in.
# The window time comes from the app log line "Main window shown", stamped with the wall clock in ms.
start_once() {
  local name=$1
  local home=$work/home-$name
  rm -rf "$home"
  mkdir -p "$home"
  local t0 ready_at="" line
  t0=$(date +%s%N)
  while IFS= read -r line; do
    printf '%s\n' "$line" >> "$work/$name.out"
    case "$line" in
      READY\ *) ready_at=$(date +%s%N); printf '%s\n' "$line" > "$work/$name.ready" ;;
    esac
  done < <(BUCKETSWEEP_HOME="$home" timeout "$timeout_s" "$launcher" --demo --exit-when-ready 2>&1; \
           echo "EXIT $?")
  if [ -z "$ready_at" ]; then
    echo "smoke-test.sh: start '$name' reported no READY within ${timeout_s}s; its output:" >&2
    cat "$work/$name.out" >&2
    return 1
  fi
  local shown
  shown=$(sed -n 's/^\([0-9-]* [0-9:.]*\) .*Main window shown.*/\1/p' "$home/data/logs/bucketsweep.log" | head -n 1)
  local window_ms=NA
  if [ -n "$shown" ]; then
    window_ms=$(( $(date -d "$shown" +%s%3N) - t0 / 1000000 ))
  fi
  local app_ms
  app_ms=$(sed -n 's/^READY \([0-9]*\) ms.*/\1/p' "$work/$name.ready")
  echo "$window_ms $(( (ready_at - t0) / 1000000 )) $app_ms"
}

secs() { awk -v ms="$1" 'BEGIN { if (ms == "NA") print "NA"; else printf "%.2f", ms / 1000 }'; }
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }

# All starts share one X server, so its start-up is not counted. The first start fills the disk cache and is
# not timed. "Without" sets _JAVA_OPTIONS=-Xshare:off, which the JVM reads after the launcher's own options.
cat > "$work/starts.sh" <<'EOF'
set -euo pipefail
source "$1"
start_once warmup > /dev/null
for i in $(seq 1 "$runs"); do
  echo "with $(start_once "with-$i")"
done
for i in $(seq 1 "$runs"); do
  echo "without $(_JAVA_OPTIONS=-Xshare:off start_once "without-$i")"
done
EOF
{
  declare -p work launcher timeout_s runs
  declare -f start_once
} > "$work/functions.sh"
log "starting $launcher --demo --exit-when-ready: 1 warm-up, then $runs with and $runs without the CDS archive"
xvfb-run -a bash "$work/starts.sh" "$work/functions.sh" > "$work/times.txt" \
  || { cat "$work/times.txt" >&2; die "the installed app did not report READY"; }

# Evidence that the archive is used: the JVM's own CDS log for one more start.
cds_note="not checked"
if [ -f "$archive" ]; then
  JAVA_TOOL_OPTIONS="-Xlog:cds=info,class+path=info:file=$work/cds.log" \
    xvfb-run -a bash -c "source '$work/functions.sh'; start_once cds" > /dev/null 2>&1 || true
  if grep -q "Opened archive $archive" "$work/cds.log" 2> /dev/null && ! grep -qi mismatch "$work/cds.log"; then
    cds_note="mapped ($(du -m "$archive" | cut -f1) MB, made by the post-install script)"
  else
    cds_note="NOT used (see -Xlog:cds output below)"
    grep -i "archive\|mismatch" "$work/cds.log" >&2 || true
  fi
else
  cds_note="missing"
fi

deb_mb=$(awk -v b="$(wc -c < "$deb")" 'BEGIN { printf "%.1f", b / 1048576 }')
declared_kb=$(dpkg-query -W -f='${Installed-Size}' "$package")
on_disk_mb=$(du -sm /opt/bucketsweep | cut -f1)

echo
echo "BucketSweep installer smoke test: PASSED ($(uname -r), $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg))"
printf '  package file:        %s MB  (%s)\n' "$deb_mb" "$deb"
printf '  installed size:      %s MB declared (Installed-Size), %s MB on disk with the CDS archive\n' \
  "$(awk -v k="$declared_kb" 'BEGIN { printf "%.1f", k / 1024 }')" "$on_disk_mb"
printf '  apt-get install:     %s s (includes dumping the CDS archive)\n' "$(secs "$install_ms")"
printf '  CDS archive:         %s\n' "$cds_note"
printf '  %-22s %-22s %-22s %s\n' "start" "launch to window (s)" "launch to READY (s)" "app's READY (ms)"
while read -r kind window ready app; do
  printf '  %-22s %-22s %-22s %s\n' "$kind" "$(secs "$window")" "$(secs "$ready")" "$app"
done < "$work/times.txt"
for kind in with without; do
  printf '  median %-15s %-22s %-22s %s\n' "$kind" \
    "$(secs "$(awk -v k="$kind" '$1 == k { print $2 }' "$work/times.txt" | median)")" \
    "$(secs "$(awk -v k="$kind" '$1 == k { print $3 }' "$work/times.txt" | median)")" \
    "$(awk -v k="$kind" '$1 == k { print $4 }' "$work/times.txt" | median)"
done
