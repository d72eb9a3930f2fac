// Process-wide LibTorch runtime facts and settings, behind a torch-free header.
//
// LibTorch on Debian starts with one intra-op thread (its default comes from cpuinfo, which
// reports 1 on our VMs), so every executable calls configure_threads() once at start-up.
#pragma once

#include <string>

#include "base/error.h"

namespace rsd::engine {

enum class DeviceKind { Auto, Cpu, Cuda };

// "auto" | "cpu" | "cuda" (also "gpu"); anything else is an InvalidArgument error.
Result<DeviceKind> parse_device(const std::string& text);
const char* to_string(DeviceKind kind);

// Sets LibTorch's intra-op thread count: OMP_NUM_THREADS when set, else `threads` when > 0,
// else the number of online cores. Returns the count in use. Also keeps large freed host blocks
// for reuse (configure_host_allocator in engine/diffusion/memory_budget.h).
int configure_threads(int threads = 0);

// The dtype the networks run in. Auto: bf16 on CUDA devices that have it (compute capability 8
// and later), fp16 on older CUDA devices, bf16 on CPUs with native bf16 arithmetic (AVX512-BF16
// or AMX-BF16), fp32 on other CPUs.
enum class Precision { Auto, Fp32, Fp16, Bf16 };

// "auto" | "fp32" | "fp16" | "bf16" (empty = fp32); anything else is InvalidArgument.
Result<Precision> parse_precision(const std::string& text);
const char* to_string(Precision precision);
// What the precision means on a resolved device (Cpu or Cuda): Auto becomes a concrete choice;
// fp16 on a CPU is Unsupported (LibTorch's CPU convolutions have no fp16 kernels).
Result<Precision> resolve_precision(Precision requested, DeviceKind device);
// avx512_bf16 or amx_bf16 among the CPU flags of /proc/cpuinfo.
bool cpu_has_native_bf16();
// Compute capability 8.0 or later on CUDA device 0 (false without CUDA).
bool cuda_has_bf16();

bool cuda_available();
// Auto becomes Cuda when a CUDA device is usable, else Cpu. Cuda without CUDA is an error.
Result<DeviceKind> resolve_device(DeviceKind requested);

// One line for logs and --version: LibTorch version, threads, CUDA devices.
std::string runtime_summary();

}  // namespace rsd::engine
