#!/usr/bin/env bash
# Builds the libFuzzer targets with clang in their own build folder and runs each for SECONDS on a
# copy of its seed corpus (fuzz/corpus/<target>, never modified), with its dictionary. Prints the
# executions per target; exits 1 if any target crashed, leaked, timed out or ran out of memory
# (the reproducer is kept under BUILD_DIR/fuzz/artifacts/<target>/), 2 if clang is missing.
#
# Usage: fuzz/run-fuzzers.sh [SECONDS]        (default 30 per target)
# Environment: RSD_FUZZ_BUILD_DIR (default build-fuzz), RSD_FUZZ_TARGETS (default: all seven),
#              RSD_FUZZ_JOBS (build jobs, default nproc), RSD_FUZZ_ARGS (extra libFuzzer flags).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
build_dir=${RSD_FUZZ_BUILD_DIR:-build-fuzz}
read -r -a targets <<<"${RSD_FUZZ_TARGETS:-safetensors pickle pth header_probe metadata heif raw}"
read -r -a extra_args <<<"${RSD_FUZZ_ARGS:-}"

if ! command -v clang++ >/dev/null; then
  echo "run-fuzzers: clang++ not found (Debian: apt-get install clang libclang-rt-14-dev)" >&2
  exit 2
fi

t0=$SECONDS
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DRSD_BUILD_FUZZERS=ON -DRSD_BUILD_UI=OFF -DRSD_BUILD_TESTS=OFF >/dev/null
cmake --build "$build_dir" --target rsd_fuzzers -j "${RSD_FUZZ_JOBS:-$(nproc)}"
echo "run-fuzzers: build took $((SECONDS - t0)) s"

dict_for() {
  case $1 in
    header_probe|metadata|heif|raw) echo fuzz/dict/image.dict ;;
    *) echo "fuzz/dict/$1.dict" ;;
  esac
}

# LibTorch keeps allocations across inputs (caches, interned types) and leaks on malformed zips
# (fuzz/lsan.supp), so libFuzzer's per-input leak check would fire on nearly every input of the
# .pth targets and scan LibTorch's whole heap each time (~100x slower). They are checked for
# leaks once, at exit, through LSAN_OPTIONS instead.
leak_flag_for() {
  case $1 in
    pickle|pth) echo -detect_leaks=0 ;;
    *) echo -detect_leaks=1 ;;
  esac
}

work=$(mktemp -d)
# The .pth targets write each input to a scratch file; a crashed process leaves its file behind.
scratch=$(mktemp -d -p /dev/shm 2>/dev/null || mktemp -d)
trap 'rm -rf "$work" "$scratch"' EXIT
export RSD_FUZZ_SCRATCH_DIR=$scratch
# Stop at the first error of any kind; libFuzzer itself reports leaks, timeouts and OOMs.
export ASAN_OPTIONS=${ASAN_OPTIONS:-halt_on_error=1:detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
# Symbolized stacks in crash reports (Debian installs llvm-symbolizer only under a versioned name
# unless the llvm metapackage is there).
if [ -z "${ASAN_SYMBOLIZER_PATH:-}" ] && ! command -v llvm-symbolizer >/dev/null; then
  for candidate in /usr/lib/llvm-14/bin/llvm-symbolizer /usr/bin/llvm-symbolizer-14; do
    if [ -x "$candidate" ]; then export ASAN_SYMBOLIZER_PATH=$candidate; break; fi
  done
fi
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/fuzz/lsan.supp:print_suppressions=0}

summary=()
failed=()
for target in "${targets[@]}"; do
  binary="$build_dir/fuzz/rsd_fuzz_$target"
  corpus="$work/$target"
  artifacts="$build_dir/fuzz/artifacts/$target"
  log="$work/$target.log"
  mkdir -p "$artifacts"
  cp -r "fuzz/corpus/$target" "$corpus"
  echo "run-fuzzers: $target for ${seconds} s"
  status=0
  "$binary" -max_total_time="$seconds" -timeout=10 -print_final_stats=1 -dict="$(dict_for "$target")" \
    "$(leak_flag_for "$target")" \
    -artifact_prefix="$artifacts/" "${extra_args[@]}" "$corpus" >"$log" 2>&1 || status=$?
  execs=$(awk '/stat::number_of_executed_units/ {print $2}' "$log")
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  summary+=("$(printf '%-13s %10s execs  cov %5s  corpus %4d files  %s' "$target" "${execs:-?}" \
    "${cov:-?}" "$(find "$corpus" -type f | wc -l)" "$([ $status -eq 0 ] && echo ok || echo FAILED)")")
  if [ $status -ne 0 ]; then
    failed+=("$target")
    echo "run-fuzzers: $target FAILED (exit $status); last lines of its log:"
    tail -n 60 "$log"
    ls -1 "$artifacts" | sed 's/^/  artifact: /'
  fi
done

echo
echo "run-fuzzers: ${seconds} s per target"
printf '  %s\n' "${summary[@]}"
if [ ${#failed[@]} -gt 0 ]; then
  echo "run-fuzzers: crashes in: ${failed[*]} (reproduce: $build_dir/fuzz/rsd_fuzz_<target> <artifact>)"
  exit 1
fi
