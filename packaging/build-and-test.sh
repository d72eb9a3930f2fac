#!/usr/bin/env bash
# The README's test command: installs the Debian packages, configures, builds and runs every test.
# Prints the time of each phase. Usage: packaging/build-and-test.sh [BUILD_DIR]
# Ends with a short fuzzing run of every file parser (fuzz/README.md) in BUILD_DIR-fuzz, built with
# clang: RSD_FUZZ_SECONDS per target (default 20; 0 skips it, as does a missing clang++).
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${1:-build}
jobs=$(nproc)

phase() { printf '\n== %s (%s)\n' "$1" "$(date -u +%H:%M:%S)"; }
timed() {  # timed NAME CMD...: runs CMD and records how long it took
  local name=$1; shift
  local t0=$SECONDS
  "$@"
  timings+=("$(printf '%-10s %5ds' "$name" $((SECONDS - t0)))")
}
timings=()
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-/tmp/runtime-$(id -u)}
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"

phase "dependencies"
timed deps ./packaging/install-deps.sh
phase "configure"
timed configure cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release
phase "build"
timed build cmake --build "$build_dir" -j "$jobs"
phase "test"
export QT_QPA_PLATFORM=offscreen
timed test ctest --test-dir "$build_dir" --output-on-failure -j "$jobs" --timeout 900
phase "fuzz"
fuzz_seconds=${RSD_FUZZ_SECONDS:-20}
if [ "$fuzz_seconds" -gt 0 ] && command -v clang++ >/dev/null; then
  timed fuzz env RSD_FUZZ_BUILD_DIR="$build_dir-fuzz" RSD_FUZZ_JOBS="$jobs" ./fuzz/run-fuzzers.sh "$fuzz_seconds"
else
  echo "fuzz: skipped (RSD_FUZZ_SECONDS=$fuzz_seconds, clang++ $(command -v clang++ || echo missing))"
fi

phase "timings"
printf '%s\n' "${timings[@]}"
