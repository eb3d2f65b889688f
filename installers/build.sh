#!/usr/bin/env bash
# Builds the BucketSweep installers for the OS this runs on, into installers/target/:
#   Linux: .deb and .rpm     macOS: .dmg     Windows (run it from Git Bash): .msi
#
# Usage: installers/build.sh [TYPE...]      TYPE is deb, rpm, dmg or msi; default: every type of this OS.
# Needs a JDK 17+ with jmods/ (JAVA_HOME, else the JDK of `java` on PATH); rpm needs rpmbuild (package rpm),
# msi needs WiX 3. Works from any directory. See installers/README.md.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
cd "$root"
# Paths below are relative to the repository root: they then mean the same to Git Bash and to the Windows
# executables (jlink.exe, jpackage.exe) it starts, and to jpackage reading its @files.
target=installers/target
jar=app/target/bucketsweep.jar
# Where jpackage's deb and rpm install the app: /opt/<--linux-package-name>.
linux_app_dir=/opt/bucketsweep

log() { printf '==> %s\n' "$*" >&2; }
warn() { printf 'build.sh: warning: %s\n' "$*" >&2; }
die() { printf 'build.sh: %s\n' "$*" >&2; exit 1; }

case "$(uname -s)" in
  Linux) os=linux; all_types="deb rpm" ;;
  Darwin) os=mac; all_types="dmg" ;;
  MINGW* | MSYS* | CYGWIN*) os=windows; all_types="msi" ;;
  *) die "no installer for $(uname -s)" ;;
esac
types=${*:-$all_types}
for type in $types; do
  case " $all_types " in
    *" $type "*) ;;
    *) die "cannot build '$type' on $os (only: $all_types)" ;;
  esac
done

# --- the JDK -------------------------------------------------------------------------------------------------
if [ -n "${JAVA_HOME:-}" ]; then
  jdk=$JAVA_HOME
else
  command -v java >/dev/null || die "no JAVA_HOME and no java on PATH"
  jdk=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.home = //p' | tr -d '\r')
fi
if [ "$os" = windows ]; then jdk=$(cygpath -u "$jdk"); fi
[ -x "$jdk/bin/jpackage" ] || die "$jdk has no bin/jpackage: use a full JDK 17 or newer"
[ -d "$jdk/jmods" ] || die "$jdk has no jmods/, which jlink needs (Temurin 17 and Debian's openjdk-17-jdk have them)"
jdk_version=$("$jdk/bin/jlink" --version | tr -d '\r')
jdk_major=${jdk_version%%.*}
[ "$jdk_major" -ge 17 ] || die "JDK $jdk_version is too old: the app is Java 17 bytecode"
# JDK 21 renamed the compression levels: --compress=2 (zip) became zip-6, and 2 is deprecated there.
if [ "$jdk_major" -ge 21 ]; then compress=zip-6; else compress=2; fi
log "JDK $jdk_version at $jdk"

# --- version and description from the root POM -------------------------------------------------------------------
pom_version=$(awk -F'[<>]' '/<artifactId>bucketsweep-parent</ { p = 1 } p && /<version>/ { print $3; exit }' pom.xml)
description=$(awk -F'[<>]' '/<description>/ { print $3; exit }' pom.xml)
app_version=${pom_version%-SNAPSHOT}
[[ $app_version =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] \
  || die "POM version '$pom_version' does not give the N.N.N that jpackage needs"

# --- the application jar ------------------------------------------------------------------------------------------
if [ ! -f "$jar" ]; then
  log "building $jar"
  ./mvnw -q package -DskipTests
fi
[ -f "$jar" ] || die "$jar is missing after the Maven build"
mkdir -p "$target"

# --- JDK modules: what jdeps sees in the jar, plus what it cannot see ---------------------------------------------
modules_file=$target/modules.txt
extra_modules=installers/jpackage/extra-modules.txt
if [ ! -s "$modules_file" ] || [ "$jar" -nt "$modules_file" ] || [ "$extra_modules" -nt "$modules_file" ]; then
  log "jdeps: modules the jar needs (takes a minute)"
  seen=$("$jdk/bin/jdeps" --ignore-missing-deps --multi-release 17 --print-module-deps "$jar" | tr -d '\r')
  [ -n "$seen" ] || die "jdeps printed no modules"
  extra=$(sed -e 's/#.*//' "$extra_modules" | tr -s ' \t\r' '\n' | grep -v '^$' || true)
  printf '%s\n' "$seen" "$extra" | tr ',' '\n' | grep -v '^$' | sort -u | paste -sd, - > "$modules_file"
fi
modules=$(tr -d '\r\n' < "$modules_file")
log "modules: $modules"

# --- the trimmed Java runtime -------------------------------------------------------------------------------------
runtime=$target/runtime
# The installed app's JVM options, baked into the runtime: they apply to every start, the window's and the command
# line's (installers/README.md). The JVM applies Java thread priorities on Linux only with ThreadPriorityPolicy=1,
# and warns about that option on every start when it comes from the command line or jpackage's --java-options, but
# not from the runtime image. With that policy the JVM also asks for nice -4 and -5 for its own threads (JIT
# compilers, GC, VM thread, reference handler), which only root gets: the JavaPriorityN_To_OSPriority options map
# Java priorities 6 to 10 to nice 0, so that no thread runs above the window's, whoever starts the app.
priority_options="-XX:ThreadPriorityPolicy=1"
for p in 6 7 8 9 10; do priority_options="$priority_options -XX:JavaPriority${p}_To_OSPriority=0"; done
runtime_options="-XX:MaxTenuringThreshold=0 $priority_options"
runtime_stamp="$jdk_version $jdk $modules $compress $runtime_options"
if [ ! -f "$target/runtime.stamp" ] || [ "$(cat "$target/runtime.stamp")" != "$runtime_stamp" ] \
    || [ ! -f "$runtime/release" ]; then
  log "jlink: $runtime"
  rm -rf "$runtime" "$target/runtime.stamp"
  "$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
    --compress="$compress" --add-options="$runtime_options" --output "$runtime"
  if [ "$os" != linux ]; then
    # JDK 18+ has jlink --generate-cds-archive; on 17 the default class-data sharing archive of the JDK's own
    # classes is made like this. It does not depend on where the app is installed (Linux does better, below).
    "$runtime/bin/java" -Xshare:dump > /dev/null
  fi
  printf '%s\n' "$runtime_stamp" > "$target/runtime.stamp"
fi

# --- jpackage --input: the jar, and on Linux JavaFX's native libraries beside it ---------------------------------
input=$target/input
rm -rf "$input"
mkdir -p "$input"
cp -p "$jar" "$input/bucketsweep.jar"
if [ "$os" = linux ]; then
  # JavaFX loads them from the jar's folder when they are there, instead of extracting them from the jar into
  # ~/.openjfx/cache on every user's first start. (macOS would allow the same, untested there; on Windows JavaFX
  # looks in ../bin, which jpackage's layout does not have.)
  natives=$("$jdk/bin/jar" tf "$input/bucketsweep.jar" | grep -E '^[^/]+\.so$' || true)
  [ -n "$natives" ] || die "no JavaFX native libraries at the root of $jar"
  # shellcheck disable=SC2086 # one name per word, none with spaces
  (cd "$input" && "$jdk/bin/jar" xf bucketsweep.jar $natives)
fi

# --- class-data sharing on Linux: the class list from one run of the app --------------------------------------
# JDK 17 maps a CDS archive only for the class path (jar path and timestamp) it was dumped with, and
# -XX:SharedArchiveFile naming a missing or stale archive turns sharing off altogether. An archive made here with
# -XX:ArchiveClassesAtExit names installers/target/..., not /opt/bucketsweep/..., so the installed app would
# ignore it (and print a warning at every start). Instead this run records the classes the app loads, the
# package ships that list, and its post-install script dumps the archive against the installed jar
# (java -Xshare:dump, no display needed); the pre-removal script deletes it again.
classlist_note="(none: the package's post-install script uses the JDK's default class list)"
if [ "$os" = linux ]; then
  display_wrapper=""
  if command -v xvfb-run > /dev/null; then
    display_wrapper="xvfb-run -a"
  elif [ -z "${DISPLAY:-}" ]; then
    warn "no xvfb-run and no DISPLAY: no class list from a run of the app (install package xvfb for one)"
    display_wrapper=none
  fi
  if [ "$display_wrapper" != none ]; then
    log "one run of the app (--demo --exit-when-ready) to record the classes it loads"
    training_home=$(mktemp -d)
    # shellcheck disable=SC2086 # "xvfb-run -a" is two words on purpose
    if BUCKETSWEEP_HOME="$training_home" timeout 180 $display_wrapper "$runtime/bin/java" \
        -XX:DumpLoadedClassList="$input/bucketsweep.classlist" -cp "$input/bucketsweep.jar" \
        org.bucketsweep.app.Launcher --demo --exit-when-ready > "$target/training.log" 2>&1 \
        && grep -q '^READY ' "$target/training.log"; then
      classlist_note="$(wc -l < "$input/bucketsweep.classlist" | tr -d ' ') classes ($(grep -m 1 '^READY ' "$target/training.log"))"
    else
      warn "the recording run failed (see $target/training.log): falling back to the JDK's default class list"
      rm -f "$input/bucketsweep.classlist"
    fi
    rm -rf "$training_home"
  fi
fi

# --- Linux package scripts: jpackage's own templates, with two changes -------------------------------------------
# 1. The post-install script dumps the CDS archive and the pre-removal script deletes it (see above).
# 2. Menu registration may fail without failing the package: xdg-desktop-menu exits 3 where the system has no
#    /usr/share/desktop-directories (containers, WSL, minimal installs). jpackage's scripts run it under set -e,
#    so dpkg then leaves the package half-configured, and one that cannot be removed either.
# Starting from the running jpackage's own templates keeps the rest of them as that jpackage expects.
resources=$target/resources
rm -rf "$resources"
mkdir -p "$resources"
if [ "$os" = linux ]; then
  if [ -f "$input/bucketsweep.classlist" ]; then
    classlist_option="-XX:SharedClassListFile=\"\$app/bucketsweep.classlist\" "
  else
    classlist_option=""
  fi
  # Shell text for the package scripts (POSIX sh; no % because rpm would read it as a macro).
  # shellcheck disable=SC2089,SC2090
  CDS_DUMP="# BucketSweep: the class-data sharing archive for the installed jar (installers/build.sh).
app=$linux_app_dir/lib/app
rm -f \"\$app/bucketsweep.jsa\"
$linux_app_dir/lib/runtime/bin/java -Xshare:dump ${classlist_option}-XX:SharedArchiveFile=\"\$app/bucketsweep.jsa\" -cp \"\$app/bucketsweep.jar\" > /dev/null 2>&1 || rm -f \"\$app/bucketsweep.jsa\""
  CDS_REMOVE_DEB="rm -f $linux_app_dir/lib/app/bucketsweep.jsa"
  # On an upgrade rpm runs the old package's %preun after the new one's %post: delete only on the last erase.
  # shellcheck disable=SC2089,SC2090
  CDS_REMOVE_RPM="if [ \"\$1\" = 0 ]; then rm -f $linux_app_dir/lib/app/bucketsweep.jsa; fi"
  # shellcheck disable=SC2090
  export CDS_DUMP CDS_REMOVE_DEB CDS_REMOVE_RPM

  templates=$(mktemp -d)
  "$jdk/bin/jimage" extract --dir "$templates" \
    --include 'glob:/jdk.jpackage/jdk/jpackage/internal/resources/template.*' "$jdk/lib/modules"
  tdir=$templates/jdk.jpackage/jdk/jpackage/internal/resources
  # $1 template, $2 its name in the resource dir, $3 the variable with the removal lines, $4 placeholders expected
  patch_template() {
    [ -f "$tdir/$1" ] || die "this jpackage has no $1 template"
    REMOVE=$3 awk -v expected="$4" '
      function tolerant(placeholder) {
        print "if ! ( :"
        print placeholder
        print "); then echo \"BucketSweep: xdg-desktop-menu failed; the app works without a menu entry\" >&2; fi"
        found++
      }
      $0 == "DESKTOP_COMMANDS_INSTALL" { tolerant($0); print ENVIRON["CDS_DUMP"]; next }
      $0 == "DESKTOP_COMMANDS_UNINSTALL" { tolerant($0); print ENVIRON[ENVIRON["REMOVE"]]; next }
      { print }
      END { if (found != expected) exit 3 }' "$tdir/$1" > "$resources/$2" \
      || die "jpackage's $1 template changed: expected $4 DESKTOP_COMMANDS_(UN)INSTALL line(s) to extend"
  }
  patch_template template.postinst postinst CDS_REMOVE_DEB 1
  patch_template template.prerm prerm CDS_REMOVE_DEB 1
  patch_template template.spec bucketsweep.spec CDS_REMOVE_RPM 2
  rm -rf "$templates"
fi

# --- jpackage ------------------------------------------------------------------------------------------------------
version_option="--app-version $app_version"
package_version=$app_version
if [ "$os" = mac ] && [ "${app_version%%.*}" = 0 ]; then
  # macOS rejects a bundle version whose first number is 0; without --app-version jpackage writes 1.0. The .dmg
  # gets the real version in its name below.
  version_option=""
  package_version=1.0
fi
generated=$target/jpackage-generated.txt
{
  [ -z "$version_option" ] || printf '%s\n' "$version_option"
  printf -- '--description "%s"\n' "$description"
  [ "$os" != linux ] || printf -- '--resource-dir %s\n' "$resources"
  [ "${VERBOSE:-0}" = 0 ] || printf -- '--verbose\n'
} > "$generated"
app_options=(@installers/jpackage/common.txt @installers/jpackage/app.txt "@$generated"
  --input "$input" --runtime-image "$runtime")

if [ "$os" = linux ]; then
  # Linux: the app image first, then the packages from it, with installers/linux/launcher.sh as bin/BucketSweep
  # instead of jpackage's native launcher, which asks rpm and dpkg which package owns it (twice) before it starts
  # Java: half a second of every start on Debian (docs/benchmarks.md). The script reads the same BucketSweep.cfg.
  image=$target/image
  rm -rf "$image"
  log "jpackage --type app-image"
  "$jdk/bin/jpackage" "${app_options[@]}" @installers/jpackage/linux-image.txt --type app-image --dest "$image"
  cp installers/linux/launcher.sh "$image/BucketSweep/bin/BucketSweep"
  chmod 755 "$image/BucketSweep/bin/BucketSweep"
  rm -f "$image/BucketSweep/lib/libapplauncher.so"
  package_options=(@installers/jpackage/common.txt "@$generated" --app-image "$image/BucketSweep")
else
  package_options=("${app_options[@]}")
fi

for type in $types; do
  if [ "$type" = rpm ] && ! command -v rpmbuild > /dev/null; then
    die "the rpm needs rpmbuild: apt-get install -y rpm (or build only the deb: installers/build.sh deb)"
  fi
  rm -f "$target"/*."$type"
  log "jpackage --type $type"
  "$jdk/bin/jpackage" "${package_options[@]}" "@installers/jpackage/$os.txt" --type "$type" --dest "$target"
  if [ "$type" = dmg ] && [ "$package_version" != "$app_version" ]; then
    for file in "$target"/*.dmg; do mv "$file" "$target/BucketSweep-$app_version.dmg"; done
  fi
done

# --- summary -------------------------------------------------------------------------------------------------------
log "version $app_version; modules $modules"
if [ "$os" = linux ]; then log "class list: $classlist_note"; fi
for type in $types; do
  for file in "$target"/*."$type"; do
    [ -f "$file" ] || die "jpackage made no .$type"
    printf '%s\t%s MB\n' "$file" "$(awk -v b="$(wc -c < "$file")" 'BEGIN { printf "%.1f", b / 1048576 }')"
  done
done
