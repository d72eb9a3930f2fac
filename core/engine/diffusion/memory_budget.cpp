#include "engine/diffusion/memory_budget.h"

#include <algorithm>
#include <mutex>
#include <fstream>
#include <sstream>
#include <string>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#if __has_include(<cuda_runtime_api.h>) && __has_include(<c10/cuda/CUDACachingAllocator.h>)
#define RSD_WITH_CUDA_RUNTIME 1
#include <c10/cuda/CUDACachingAllocator.h>
#include <cuda_runtime_api.h>
#endif

namespace rsd::engine {

int64_t available_host_bytes() {
  std::ifstream in("/proc/meminfo");
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string key;
    int64_t kib = 0;
    if (fields >> key >> kib && key == "MemAvailable:") return kib * 1024;
  }
  return 0;
}

int64_t free_cuda_bytes() {
#ifdef RSD_WITH_CUDA_RUNTIME
  size_t free_bytes = 0, total = 0;
  if (cudaMemGetInfo(&free_bytes, &total) == cudaSuccess) return static_cast<int64_t>(free_bytes);
#endif
  return 0;
}

void release_cached_device_memory() {
#ifdef RSD_WITH_CUDA_RUNTIME
  c10::cuda::CUDACachingAllocator::emptyCache();
#endif
}

void configure_host_allocator() {
#if defined(__GLIBC__)
  static std::once_flag once;
  std::call_once(once, [] {
    mallopt(M_MMAP_THRESHOLD, static_cast<int>(kHostReuseBytes));
    mallopt(M_TRIM_THRESHOLD, static_cast<int>(kHostReuseBytes));
  });
#endif
}

void release_free_host_memory() {
#if defined(__GLIBC__)
  malloc_trim(0);
#endif
}

int64_t tile_memory_budget_from(bool cuda, int64_t known_free_bytes, int64_t limit_bytes) {
  if (known_free_bytes <= 0) {
    const int64_t fallback = int64_t(2) << 30;
    return limit_bytes > 0 ? std::min(fallback, limit_bytes) : fallback;
  }
  int64_t budget = cuda ? known_free_bytes / 10 * 7 : known_free_bytes / 4;
  // Without a limit the CPU budget stops at kDefaultHostTileBudget: more RAM only buys batches of
  // tiles, which are barely faster on a CPU, and it keeps the peak the same on big machines.
  if (!cuda && limit_bytes <= 0) budget = std::min(budget, kDefaultHostTileBudget);
  if (limit_bytes > 0) budget = std::min(budget, limit_bytes);
  return budget;
}

int64_t tile_memory_budget(bool cuda, int64_t limit_bytes) {
  return tile_memory_budget_from(cuda, cuda ? free_cuda_bytes() : available_host_bytes(),
                                 limit_bytes);
}

}  // namespace rsd::engine
