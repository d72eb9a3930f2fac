#include "engine/runtime.h"

#include <ATen/Parallel.h>
#include <torch/cuda.h>
#include <torch/version.h>

#include <cstdlib>
#include <thread>

#include "engine/diffusion/memory_budget.h"

namespace rsd::engine {

Result<DeviceKind> parse_device(const std::string& text) {
  if (text == "auto") return DeviceKind::Auto;
  if (text == "cpu") return DeviceKind::Cpu;
  if (text == "cuda" || text == "gpu") return DeviceKind::Cuda;
  return Error(ErrorCode::InvalidArgument, "unknown device '" + text + "' (use auto, cpu or cuda)");
}

const char* to_string(DeviceKind kind) {
  switch (kind) {
    case DeviceKind::Auto: return "auto";
    case DeviceKind::Cpu: return "cpu";
    case DeviceKind::Cuda: return "cuda";
  }
  return "?";
}

int configure_threads(int threads) {
  int n = threads;
  if (const char* env = std::getenv("OMP_NUM_THREADS"); env && std::atoi(env) > 0) n = std::atoi(env);
  if (n <= 0) n = static_cast<int>(std::thread::hardware_concurrency());
  if (n <= 0) n = 1;
  configure_host_allocator();
  at::set_num_threads(n);
  return at::get_num_threads();
}

bool cuda_available() { return torch::cuda::is_available(); }

Result<DeviceKind> resolve_device(DeviceKind requested) {
  switch (requested) {
    case DeviceKind::Cpu: return DeviceKind::Cpu;
    case DeviceKind::Cuda:
      if (!cuda_available())
        return Error(ErrorCode::Unsupported,
                     "CUDA was requested but this LibTorch build has no usable CUDA device");
      return DeviceKind::Cuda;
    case DeviceKind::Auto: return cuda_available() ? DeviceKind::Cuda : DeviceKind::Cpu;
  }
  return DeviceKind::Cpu;
}

std::string runtime_summary() {
  std::string s = "LibTorch " + std::string(TORCH_VERSION) + ", " +
                  std::to_string(at::get_num_threads()) + " CPU threads";
  if (cuda_available()) s += ", " + std::to_string(torch::cuda::device_count()) + " CUDA device(s)";
  else s += ", no CUDA";
  return s;
}

}  // namespace rsd::engine
