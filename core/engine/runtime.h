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

bool cuda_available();
// Auto becomes Cuda when a CUDA device is usable, else Cpu. Cuda without CUDA is an error.
Result<DeviceKind> resolve_device(DeviceKind requested);

// One line for logs and --version: LibTorch version, threads, CUDA devices.
std::string runtime_summary();

}  // namespace rsd::engine
