// Memory figures used to size tiles: free host RAM, free CUDA memory, and handing cached CUDA
// blocks back after an out-of-memory error. CUDA parts compile to "unknown"/no-ops when LibTorch
// was built without CUDA.
#pragma once

#include <cstdint>

namespace rsd::engine {

// MemAvailable from /proc/meminfo in bytes; 0 when unknown.
int64_t available_host_bytes();
// Free memory of the current CUDA device in bytes; 0 when unknown or without CUDA.
int64_t free_cuda_bytes();
// Returns the CUDA caching allocator's unused blocks to the driver (no-op without CUDA).
void release_cached_device_memory();

// glibc's malloc hands every block over its dynamic mmap threshold (at most 32 MiB) straight back
// to the kernel when freed, and trims the heap top above 128 KiB, so each network call on a large
// tile gets fresh pages for its 32-128 MiB activations and faults them in again: at 512 px tiles a
// third of the CPU time went to the kernel. This keeps blocks up to kHostReuseBytes in the heap
// for reuse (M_MMAP_THRESHOLD, M_TRIM_THRESHOLD); release_free_host_memory() gives the free pages
// back after a job. Process-wide, idempotent; no-op without glibc.
inline constexpr int64_t kHostReuseBytes = int64_t(256) << 20;
void configure_host_allocator();
// malloc_trim(0): returns every free heap page to the kernel (after an upscale).
void release_free_host_memory();

// Default ceiling of the CPU budget when no limit is set: one 512-px tile of the lite student per
// pass (the tile planner's largest), about 2 GiB of real peak with LibTorch, the model and a band.
inline constexpr int64_t kDefaultHostTileBudget = int64_t(4) << 30;

// Budget for one network pass from the free memory known (bytes; <= 0 = unknown): on the CPU a
// quarter of it, at most kDefaultHostTileBudget unless a limit is given; on CUDA 70 % of it. A
// limit (> 0) always caps the result. Unknown free memory gives 2 GiB (or the smaller limit).
int64_t tile_memory_budget_from(bool cuda, int64_t known_free_bytes, int64_t limit_bytes);
// The same with the free memory read now: MemAvailable on the CPU, cudaMemGetInfo on CUDA.
int64_t tile_memory_budget(bool cuda, int64_t limit_bytes);

}  // namespace rsd::engine
