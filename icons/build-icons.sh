#!/usr/bin/env bash
# Regenerates the BucketSweep application icons from icons/bucketsweep.svg.
# Needs Debian tools only: rsvg-convert (librsvg2-bin), convert (imagemagick),
# png2icns (icnsutils). Output files are committed, so the build needs none of them.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
src="$here/bucketsweep.svg"

missing=()
command -v rsvg-convert >/dev/null 2>&1 || missing+=(librsvg2-bin)
command -v convert      >/dev/null 2>&1 || missing+=(imagemagick)
command -v png2icns     >/dev/null 2>&1 || missing+=(icnsutils)
if [ "${#missing[@]}" -gt 0 ]; then
    echo "build-icons.sh: missing tools; install them with:" >&2
    echo "  apt-get install -y ${missing[*]}" >&2
    exit 1
fi
[ -f "$src" ] || { echo "build-icons.sh: $src not found" >&2; exit 1; }

mkdir -p "$here/png" "$here/windows" "$here/macos" "$here/linux"

for size in 16 24 32 48 64 128 256 512 1024; do
    rsvg-convert --width "$size" --height "$size" --format png \
        --output "$here/png/bucketsweep-$size.png" "$src"
done

# Windows .ico: 16..256, each frame rendered from the SVG at its own size.
ico_frames=()
for size in 16 24 32 48 64 128 256; do
    ico_frames+=("$here/png/bucketsweep-$size.png")
done
convert "${ico_frames[@]}" "$here/windows/bucketsweep.ico"

# macOS .icns: png2icns supports 16, 32, 48, 128, 256, 512 and 1024.
png2icns "$here/macos/bucketsweep.icns" \
    "$here/png/bucketsweep-16.png" "$here/png/bucketsweep-32.png" \
    "$here/png/bucketsweep-48.png" "$here/png/bucketsweep-128.png" \
    "$here/png/bucketsweep-256.png" "$here/png/bucketsweep-512.png" \
    "$here/png/bucketsweep-1024.png" >/dev/null

# Linux: jpackage --icon takes a PNG.
cp "$here/png/bucketsweep-256.png" "$here/linux/bucketsweep.png"

echo "Icons written under $here"
