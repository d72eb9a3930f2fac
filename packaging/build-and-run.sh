#!/usr/bin/env bash
# The README's main command: installs the Debian packages, builds RSD Studio and runs it on the
# bundled sample photo with the embedded default model. With a display it opens the GUI; with no
# display (or --headless) it upscales the sample with the CLI and prints the output path.
# Usage: packaging/build-and-run.sh [--headless] [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
headless=0
if [ "${1:-}" = "--headless" ]; then headless=1; shift; fi
build_dir=${1:-build}

./packaging/install-deps.sh
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build_dir" -j "$(nproc)" --target rsd-studio rsd-upscale

sample=resources/samples/coffee.png
if [ $headless -eq 0 ] && { [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; }; then
  exec "$build_dir/app/studio/rsd-studio" "$sample"
fi
out_dir=${RSD_OUTPUT_DIR:-out}
mkdir -p "$out_dir"
"$build_dir/app/upscale/rsd-upscale" --model student -o "$out_dir" --overwrite --print-outputs "$sample"
