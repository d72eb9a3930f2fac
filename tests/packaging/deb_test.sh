#!/usr/bin/env bash
# Builds the .deb with cpack, unpacks it into a scratch root with dpkg -x and runs the packaged
# binaries from there. Fails if any expected file is missing from the package.
set -euo pipefail
build_dir=$1
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

cd "$build_dir"
cpack -G DEB -B "$scratch/pkg" >"$scratch/cpack.log" 2>&1 || { cat "$scratch/cpack.log"; exit 1; }
deb=$(ls "$scratch"/pkg/*.deb)
echo "package: $(basename "$deb") ($(du -h "$deb" | cut -f1))"
dpkg-deb --info "$deb" | grep -E "Package|Version|Depends" || true
dpkg -x "$deb" "$scratch/root"

root="$scratch/root/usr"
for f in bin/rsd-studio bin/rsd-upscale bin/rsd-tool bin/rsd-train bin/rsd-bench \
         share/applications/rsd-studio.desktop \
         share/metainfo/io.github.rsdstudio.RsdStudio.metainfo.xml \
         share/icons/hicolor/scalable/apps/rsd-studio.svg \
         share/icons/hicolor/256x256/apps/rsd-studio.png \
         share/rsd-studio/samples/coffee.png; do
  [ -e "$root/$f" ] || { echo "missing from package: /usr/$f"; exit 1; }
done
ls "$root/share/rsd-studio/models/"*.json >/dev/null || { echo "no model cards in package"; exit 1; }

out=$("$root/bin/rsd-upscale" --version)
echo "$out"
case "$out" in rsd-upscale\ *) ;; *) echo "unexpected --version output"; exit 1 ;; esac
echo "deb test passed"
