#!/usr/bin/env bash
# Installs every Debian package that RSD Studio's build, tests and packaging need.
# Idempotent: packages already present are left alone. Runs as root or through sudo.
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache pkg-config git
  # lld links the many LibTorch executables ten times faster than GNU ld (cmake/BuildSpeed.cmake)
  lld
  # engine; OpenBLAS replaces the reference BLAS through Debian's alternatives, which makes
  # LibTorch's matmul/linear ~15x faster here (measured: 0.9 -> 14.5 GFLOP/s, 2 threads)
  libtorch-dev libopenblas0-pthread
  # imaging / metadata
  libopencv-dev libexiv2-dev libjpeg-dev libpng-dev libtiff-dev libimage-exiftool-perl
  # photos from cameras and phones: HEIF/HEIC and AVIF (libheif, with its x265/aom encoders),
  # camera RAW (LibRaw), colour conversion (Little CMS) and a standard CMYK profile (libgs-common)
  libheif-dev libraw-dev liblcms2-dev libgs-common
  # GUI
  qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-image-formats-plugins
  qt6-svg-dev libxkbcommon-dev
  # libraries we prefer to hand-written code
  nlohmann-json3-dev libcli11-dev libgtest-dev libgmock-dev libssl-dev
  # GUI tests and packaging checks
  xvfb xauth dpkg-dev fakeroot file desktop-file-utils appstream
  # fuzzing (fuzz/run-fuzzers.sh): clang with libFuzzer and the sanitizer runtimes; llvm-14 for
  # llvm-symbolizer, so crash reports name functions and lines
  clang libclang-rt-14-dev llvm-14
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages already installed"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "install-deps: installing ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
