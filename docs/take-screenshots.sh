#!/usr/bin/env bash
# Takes the README's screenshots from the real app under Xvfb, on the demo sandbox.
# Needs: apt-get install -y xvfb xauth libgtk-3-0 imagemagick xdotool openbox
# (openbox: without a window manager the JavaFX window gets no mouse clicks or keys under Xvfb.)
# The clicks are screen coordinates for a 1400x860 window at 0,0 on a 1440x900 screen.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
jar="$top/app/target/bucketsweep.jar"
[ -f "$jar" ] || { echo "Build first: ./mvnw -q package -DskipTests" >&2; exit 1; }
if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1440x900x24" "$0" "$@"
fi
home=$(mktemp -d)
openbox >/dev/null 2>&1 &
wm=$!
BUCKETSWEEP_HOME="$home" java -jar "$jar" --demo >"$home/app.log" 2>&1 &
app=$!
trap 'kill $app $wm 2>/dev/null; rm -rf "$home"' EXIT

click() { xdotool mousemove "$1" "$2" click 1; sleep "${3:-1.5}"; }
shot() { import -window root -crop 1400x880+0+0 +repage "$top/docs/$1"; }
# The id of the first window named like $1, once it is there (up to 20 s: listings take a while on a busy machine).
await_window() {
  for _ in $(seq 1 40); do xdotool search --name "$1" 2>/dev/null | head -1 | grep . && return; sleep 0.5; done
  echo "No window named '$1'" >&2; return 1
}

# Wait for the window and the demo buckets.
for _ in $(seq 1 60); do xdotool search --name 'BucketSweep — Demo' >/dev/null 2>&1 && break; sleep 0.5; done
sleep 2
win=$(xdotool search --name BucketSweep | head -1)
xdotool windowactivate "$win"; xdotool windowsize "$win" 1400 860; xdotool windowmove "$win" 0 0; sleep 2

click 100 105 3                                           # the bucket demo-versioned, listed
xdotool key ctrl+u; sleep 5                               # Where's the space?: the Space tab fills
shot screenshot-space.png
# The lifecycle dialog: the noncurrent versions under backups/ handed to S3 as a rule instead of deleted.
xdotool mousemove 300 250 click --repeat 2 --delay 80 1   # open the folder backups/
sleep 3
shot screenshot-upload-rows.png                           # its objects, then its incomplete upload as a row
click 500 41 1                                            # Delete… on the folder: noncurrent, keep the newest 1
dialog=$(await_window 'Delete from'); sleep 2
eval "$(xdotool getwindowgeometry --shell "$dialog")"     # X, Y, WIDTH, HEIGHT of the dialog
click $((X + 120)) $((Y + HEIGHT - 52)) 1                 # Create a lifecycle rule instead…, bottom left
lifecycle=$(await_window 'Lifecycle rules of'); sleep 3
# Under Xvfb the dialog keeps a default width: give it the width it asks for.
xdotool windowsize "$lifecycle" 1000 790; xdotool windowmove "$lifecycle" 200 20; sleep 2
shot screenshot-lifecycle.png
xdotool key Escape; sleep 1                               # close it: nothing was applied
click 416 85 2                                            # the breadcrumb: back to the bucket's top
click 360 122 1                                           # Name starts with…
xdotool type --delay 60 reports; sleep 0.5; xdotool key Return; sleep 3
xdotool mousemove 300 195 click --repeat 2 --delay 80 1   # open the folder reports/, now the only row
sleep 2
click 1171 85 2                                           # Show versions
click 400 250 0.5                                         # 2024.csv: an older version
xdotool keydown ctrl; click 400 362 0.3; click 400 418 0.3; xdotool keyup ctrl   # 2025.csv older version, draft.txt
click 500 41 2                                            # Delete…
shot screenshot-delete-dialog.png
dialog=$(xdotool search --name 'Delete from' | head -1)
eval "$(xdotool getwindowgeometry --shell "$dialog")"     # X, Y, WIDTH, HEIGHT of the dialog
click $((X + WIDTH / 2)) $((Y + HEIGHT - 158)) 0.5        # the bucket name field, above Advanced and the buttons
xdotool key --delay 40 d e m o minus v e r s i o n e d    # type the bucket name
sleep 0.5
eval "$(xdotool getwindowgeometry --shell "$dialog")"     # X, Y, WIDTH, HEIGHT of the dialog
sleep 0.5
eval "$(xdotool getwindowgeometry --shell "$dialog")"     # it may have grown with the confirmation field
xdotool key Tab Tab Tab; sleep 0.3; xdotool key space; sleep 4   # Advanced, Cancel, Delete (now enabled): press it
click 800 480 1                                           # an empty spot (Xvfb repaints the toolbar after it)
shot screenshot-main.png
click 353 528 1                                           # the Jobs tab
shot screenshot-jobs.png
click 800 300 0.5                                         # the browser, so that Alt+Left goes to it
xdotool key alt+Left; sleep 2                             # back to the top of demo-versioned
click 536 528 3                                           # the Incomplete uploads tab
click 300 632 0.5                                         # backups/db-next.dump
shot screenshot-uploads.png
xdotool mousemove 80 160 click 3; sleep 1                 # right-click demo-scratch
click 150 175 4                                           # Empty and delete bucket…
shot screenshot-empty-bucket.png
xdotool key Escape; sleep 1
echo "Screenshots written to $top/docs"
