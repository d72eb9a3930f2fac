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

// Budget for one network pass: on the CPU min(available RAM / 4, limit), on CUDA 70 % of the free
// device memory (or limit when smaller). limit_bytes <= 0 means no limit; when nothing is known,
// 2 GiB.
int64_t tile_memory_budget(bool cuda, int64_t limit_bytes);

}  // namespace rsd::engine
