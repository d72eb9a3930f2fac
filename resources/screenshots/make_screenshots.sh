#!/usr/bin/env bash
# Regenerates the README screenshots with the app itself, offscreen, from crops of the bundled
# sample photo and the shipped lite models. Needs a built tree and ImageMagick (Debian package imagemagick) for
# the crops and the 8-bit palette PNGs.
#
#   resources/screenshots/make_screenshots.sh [BUILD_DIR]   (default: build)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
build="$(cd "${1:-$root/build}" && pwd)"
studio="$build/app/studio/rsd-studio"
out="$root/resources/screenshots"
[[ -x "$studio" ]] || { echo "no rsd-studio in $build (build first)" >&2; exit 1; }
# ImageMagick 6 (Debian's imagemagick package); its versioned name first, in case another
# `convert` comes earlier on PATH.
im="$(command -v convert-im6.q16 || command -v magick || command -v convert || true)"
[[ -n "$im" ]] || { echo "ImageMagick is needed (apt-get install imagemagick)" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export QT_QPA_PLATFORM=offscreen HOME="$work/home" XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config"
sample="$root/resources/samples/coffee.png"
"$im" "$sample" -crop 200x150+200+100 +repage "$work/espresso.png"
"$im" "$sample" -crop 160x120+380+200 +repage "$work/spoon.png"
"$im" "$sample" -crop 160x120+20+250 +repage -quality 92 "$work/table.jpg"

cd "$work"
"$studio" espresso.png spoon.png table.jpg --run-batch --compare-mode split --grab batch.png
# After the batch, so the result is loaded from the restored queue.
"$studio" espresso.png --compare-mode side --grab compare.png
"$studio" espresso.png --compare-mode split --preview-region 60,40,64,48 --with-teacher --grab region.png
"$studio" espresso.png --compare-mode side --preview-region 30,10,120,90 --show-invented-detail 80 --grab detail.png

for pair in batch:batch-queue compare:compare-view region:region-preview-teacher detail:region-preview-invented-detail; do
  "$im" "${pair%%:*}.png" -colors 256 PNG8:"$out/${pair##*:}.png"
done
ls -l "$out"/*.png
