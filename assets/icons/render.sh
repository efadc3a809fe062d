#!/usr/bin/env bash
# Renders the PNG sizes of the application icon from eventscope.svg (a development step; the PNGs are
# committed). Needs rsvg-convert (Debian: librsvg2-bin); the .ico/.icns for Windows/macOS need
# icotool (icoutils) and png2icns (icnsutils).
set -euo pipefail
cd "$(dirname "$0")"
for size in 16 24 32 48 64 128 256 512; do
  rsvg-convert --width "$size" --height "$size" eventscope.svg --output "eventscope-$size.png"
done
icotool --create --output eventscope.ico eventscope-16.png eventscope-24.png eventscope-32.png \
  eventscope-48.png eventscope-64.png eventscope-128.png --raw=eventscope-256.png
png2icns eventscope.icns eventscope-16.png eventscope-32.png eventscope-48.png eventscope-128.png \
  eventscope-256.png eventscope-512.png >/dev/null
