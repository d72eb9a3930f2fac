#include "engine/diffusion/memory_budget.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>

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

int64_t tile_memory_budget(bool cuda, int64_t limit_bytes) {
  const int64_t fallback = int64_t(2) << 30;
  const int64_t known = cuda ? free_cuda_bytes() * 7 / 10 : available_host_bytes() / 4;
  int64_t budget = known > 0 ? known : fallback;
  if (limit_bytes > 0) budget = std::min(budget, limit_bytes);
  return budget;
}

}  // namespace rsd::engine
