#!/bin/bash
# BucketSweep's start command in the Linux packages, in place of jpackage's native launcher (installers/build.sh
# puts it at bin/BucketSweep). That launcher asks the package manager which package owns it before it starts Java
# (rpm -qf, dpkg -S, dpkg -L; twice), which costs half a second on every start on a Debian system. This starts the
# same Java runtime with what jpackage wrote to lib/app/BucketSweep.cfg: its Java options, class path and main
# class, where $APPDIR, $BINDIR and $ROOTDIR mean what they mean to jpackage.
set -eu

launcher=$(readlink -f "$0")
BINDIR=$(dirname "$launcher")
ROOTDIR=$(dirname "$BINDIR")
APPDIR=$ROOTDIR/lib/app
cfg=$APPDIR/BucketSweep.cfg

expand() {
  local value=${1//\$APPDIR/$APPDIR}
  value=${value//\$BINDIR/$BINDIR}
  printf '%s' "${value//\$ROOTDIR/$ROOTDIR}"
}

options=("-Djpackage.app-path=$launcher")
classpath=""
mainclass=""
section=""
while IFS= read -r line || [ -n "$line" ]; do
  case "$line" in
    "["*"]") section=$line ;;
    app.classpath=*) classpath=${classpath:+$classpath:}$(expand "${line#app.classpath=}") ;;
    app.mainclass=*) mainclass=${line#app.mainclass=} ;;
    java-options=*)
      if [ "$section" = "[JavaOptions]" ]; then options+=("$(expand "${line#java-options=}")"); fi ;;
  esac
done < "$cfg"
if [ -z "$classpath" ] || [ -z "$mainclass" ]; then
  echo "BucketSweep: $cfg names no class path or main class; reinstall the package" >&2
  exit 1
fi

exec -a BucketSweep "$ROOTDIR/lib/runtime/bin/java" "${options[@]}" -cp "$classpath" "$mainclass" "$@"
