#!/usr/bin/env bash
# GPU check in one go (within 8 minutes on one H100/H200-class GPU): configures the engine-only
# build against a CUDA PyTorch install with all cores, runs the engine tests on the GPU (device
# parity: the UNet and VQ fixtures on CUDA against the official outputs, fp32 <= 1e-4 and bf16
# relative RMS; runtime, precision and upscaler tests), then `rsd-bench gpu`: the official
# full-size RSD student and ResShift teacher (random weights when the official files are absent)
# and the embedded lite student and teacher in fp32 and bf16: latency at 64x64 LR, output MP/s
# at 1 and 12 MP with tiles batched from free memory, teacher/student latency, peak GPU memory.
# JSON + Markdown into one folder. The engine tests need GoogleTest; without it they are skipped
# (said in the log) and the benchmark still runs.
#
# Needs: cmake, ninja or make, a C++17 compiler, python3 with a CUDA build of torch, and the
# header-only nlohmann-json and CLI11 (installed, or headers in $RSD_HEADERS_DIR: a folder with
# nlohmann/json.hpp and CLI/CLI.hpp; CMake package files are generated for them).
#
# Usage: app/bench/gpu/run_gpu_bench.sh [report-folder]   (default: $OUT, else ./bench-results-gpu)
# Environment: RSD_GPU_BUILD_DIR (default build-gpu), RSD_GPU_BENCH_ARGS (extra `gpu` options,
# e.g. "--throughput-mp 1,12,48"), RSD_GPU_TIME_LIMIT (seconds for the measurements, default
# 300), RSD_GPU_DEVICE (cuda; cpu runs the same script on a machine without a GPU),
# RSD_TORCH_PREFIX (a LibTorch CMake prefix instead of the one of python3's torch).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
out=${1:-${OUT:-$PWD/bench-results-gpu}}
build=${RSD_GPU_BUILD_DIR:-$root/build-gpu}
limit=${RSD_GPU_TIME_LIMIT:-300}
device=${RSD_GPU_DEVICE:-cuda}
mkdir -p "$out" "$build"
start=$(date +%s)
log() { echo "[run_gpu_bench $(( $(date +%s) - start ))s] $*" >&2; }

if [[ -n "${RSD_TORCH_PREFIX:-}" ]]; then
  torch_prefix=$RSD_TORCH_PREFIX
  abi=1
else
  torch_prefix=$(python3 -c 'import torch; print(torch.utils.cmake_prefix_path)')
  abi=$(python3 -c 'import torch; print(int(torch._C._GLIBCXX_USE_CXX11_ABI))')
  python3 -c 'import torch; print("torch", torch.__version__, "cuda", torch.version.cuda,
              "available", torch.cuda.is_available())' | tee "$out/torch.txt"
fi
nvidia-smi > "$out/nvidia-smi.txt" 2>&1 || true

prefixes="$torch_prefix"
if [[ -n "${RSD_HEADERS_DIR:-}" ]]; then
  # Package files for header-only libraries copied without their CMake support.
  shim="$build/header-shims"
  mkdir -p "$shim/nlohmann_json" "$shim/CLI11"
  cat > "$shim/nlohmann_json/nlohmann_jsonConfig.cmake" <<CMAKE
if(NOT TARGET nlohmann_json::nlohmann_json)
  add_library(nlohmann_json::nlohmann_json INTERFACE IMPORTED)
  set_target_properties(nlohmann_json::nlohmann_json PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "$RSD_HEADERS_DIR")
endif()
CMAKE
  cat > "$shim/nlohmann_json/nlohmann_jsonConfigVersion.cmake" <<'CMAKE'
set(PACKAGE_VERSION 3.11.2)
set(PACKAGE_VERSION_COMPATIBLE TRUE)
CMAKE
  cat > "$shim/CLI11/CLI11Config.cmake" <<CMAKE
if(NOT TARGET CLI11::CLI11)
  add_library(CLI11::CLI11 INTERFACE IMPORTED)
  set_target_properties(CLI11::CLI11 PROPERTIES INTERFACE_INCLUDE_DIRECTORIES "$RSD_HEADERS_DIR")
endif()
CMAKE
  extra=(-Dnlohmann_json_DIR="$shim/nlohmann_json" -DCLI11_DIR="$shim/CLI11")
else
  extra=()
fi

generator=()
command -v ninja > /dev/null && generator=(-G Ninja)
configure() {
  cmake -S "$root" -B "$build" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release \
    -DRSD_ENGINE_ONLY=ON -DRSD_BUILD_TESTS="$1" -DCMAKE_PREFIX_PATH="$prefixes" \
    -DCMAKE_CXX_FLAGS="-D_GLIBCXX_USE_CXX11_ABI=$abi" "${extra[@]}" > "$out/configure.log" 2>&1
}
log "configuring (engine only, with the engine tests) in $build"
tests=ON
if ! configure ON; then
  tests=OFF
  log "configuring with tests failed (GoogleTest missing?): engine tests skipped"
  configure OFF || { tail -30 "$out/configure.log"; exit 1; }
fi
targets=(rsd-bench)
[[ $tests == ON ]] && targets+=(rsd_engine_tests)
log "building ${targets[*]} with $(nproc) jobs"
cmake --build "$build" --target "${targets[@]}" -j"$(nproc)" > "$out/build.log" 2>&1 \
  || { tail -40 "$out/build.log"; exit 1; }

status=0
if [[ $tests == ON ]]; then
  log "engine tests on $device"
  # shellcheck disable=SC2015
  (cd "$build" && RSD_TEST_DEVICE=$device timeout 180 tests/rsd_engine_tests \
      --gtest_filter='*DeviceParity*:*Parity*:Runtime*:Upscaler*:ShippedLiteModels*:Sampler*' \
      --gtest_output="json:$out/engine-tests.json") > "$out/engine-tests.log" 2>&1 \
    && log "engine tests passed" || { status=1; log "engine tests FAILED (see engine-tests.log)"; }
  grep -E "relative diff|vq on" "$out/engine-tests.log" | tee "$out/device-parity.txt" || true
fi

bench="$build/app/bench/rsd-bench"
"$bench" --version | tee "$out/version.txt"
log "measuring (limit ${limit}s)"
# shellcheck disable=SC2086  # RSD_GPU_BENCH_ARGS is a list of options
timeout "$limit" "$bench" gpu --device "$device" --precisions fp32,bf16 --out "$out" \
  ${RSD_GPU_BENCH_ARGS:-} | tee "$out/gpu-stdout.md" || status=1
log "done: $out/gpu.json, $out/gpu.md (status $status)"
exit $status
