#!/usr/bin/env bash
# GPU benchmark in one go (about 5 minutes on one data-centre GPU): configures the engine-only
# build against a CUDA PyTorch install, builds rsd-bench and runs `rsd-bench gpu` on the official
# full-size RSD student and ResShift teacher (random weights when the official files are absent):
# fp32 / fp16 / bf16, tiles per batch, latency at 64x64 LR and output MP/s at a 1024x1024 LR input.
#
# Needs: cmake, ninja or make, a C++17 compiler, python3 with a CUDA build of torch, and the
# header-only nlohmann-json and CLI11 (installed, or headers in $RSD_HEADERS_DIR: a folder with
# nlohmann/json.hpp and CLI/CLI.hpp; CMake package files are generated for them).
#
# Usage: app/bench/gpu/run_gpu_bench.sh [report-folder]   (default: $OUT, else ./bench-results-gpu)
# Environment: RSD_GPU_BUILD_DIR (default build-gpu), RSD_GPU_BENCH_ARGS (extra `gpu` options,
# e.g. "--throughput-lr 512"), RSD_GPU_TIME_LIMIT (seconds for the measurements, default 200).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
out=${1:-${OUT:-$PWD/bench-results-gpu}}
build=${RSD_GPU_BUILD_DIR:-$root/build-gpu}
limit=${RSD_GPU_TIME_LIMIT:-200}
mkdir -p "$out" "$build"
start=$(date +%s)
log() { echo "[run_gpu_bench $(( $(date +%s) - start ))s] $*" >&2; }

torch_prefix=$(python3 -c 'import torch; print(torch.utils.cmake_prefix_path)')
abi=$(python3 -c 'import torch; print(int(torch._C._GLIBCXX_USE_CXX11_ABI))')
python3 -c 'import torch; print("torch", torch.__version__, "cuda", torch.version.cuda,
            "available", torch.cuda.is_available())' | tee "$out/torch.txt"
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
log "configuring (engine only) in $build"
cmake -S "$root" -B "$build" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release \
  -DRSD_ENGINE_ONLY=ON -DRSD_BUILD_TESTS=OFF -DCMAKE_PREFIX_PATH="$prefixes" \
  -DCMAKE_CXX_FLAGS="-D_GLIBCXX_USE_CXX11_ABI=$abi" "${extra[@]}" > "$out/configure.log" 2>&1 \
  || { tail -30 "$out/configure.log"; exit 1; }
log "building rsd-bench"
cmake --build "$build" --target rsd-bench -j"$(nproc)" > "$out/build.log" 2>&1 \
  || { tail -40 "$out/build.log"; exit 1; }

bench="$build/app/bench/rsd-bench"
"$bench" --version | tee "$out/version.txt"
log "measuring (limit ${limit}s)"
# shellcheck disable=SC2086  # RSD_GPU_BENCH_ARGS is a list of options
timeout "$limit" "$bench" gpu --device cuda --out "$out" ${RSD_GPU_BENCH_ARGS:-} \
  | tee "$out/gpu-stdout.md"
log "done: $out/gpu.json, $out/gpu.md"
