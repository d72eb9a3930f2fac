#include "engine/runtime.h"

#include <ATen/Parallel.h>
#include <torch/cuda.h>
#include <torch/version.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

#if __has_include(<cuda_runtime_api.h>)
#include <cuda_runtime_api.h>
#define RSD_WITH_CUDA_RUNTIME 1
#endif

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

Result<Precision> parse_precision(const std::string& text) {
  if (text == "auto") return Precision::Auto;
  if (text == "fp32" || text.empty()) return Precision::Fp32;
  if (text == "fp16") return Precision::Fp16;
  if (text == "bf16") return Precision::Bf16;
  return Error(ErrorCode::InvalidArgument,
               "unknown precision '" + text + "' (use auto, fp32, fp16 or bf16)", "precision");
}

const char* to_string(Precision precision) {
  switch (precision) {
    case Precision::Auto: return "auto";
    case Precision::Fp32: return "fp32";
    case Precision::Fp16: return "fp16";
    case Precision::Bf16: return "bf16";
  }
  return "?";
}

Result<Precision> resolve_precision(Precision requested, DeviceKind device) {
  const bool cuda = device == DeviceKind::Cuda;
  if (requested == Precision::Auto) {
    if (cuda) return cuda_has_bf16() ? Precision::Bf16 : Precision::Fp16;
    return cpu_has_native_bf16() ? Precision::Bf16 : Precision::Fp32;
  }
  if (requested == Precision::Fp16 && !cuda)
    return Error(ErrorCode::Unsupported,
                 "fp16 needs a CUDA device (LibTorch has no fp16 convolutions on the CPU); use "
                 "bf16 or fp32",
                 "precision");
  return requested;
}

bool cpu_has_native_bf16() {
  static const bool has = [] {
    std::ifstream in("/proc/cpuinfo");
    std::string line;
    while (std::getline(in, line)) {
      if (line.rfind("flags", 0) != 0) continue;
      std::istringstream words(line);
      for (std::string w; words >> w;)
        if (w == "avx512_bf16" || w == "amx_bf16") return true;
      return false;  // every core lists the same flags
    }
    return false;
  }();
  return has;
}

bool cuda_has_bf16() {
#ifdef RSD_WITH_CUDA_RUNTIME
  if (!cuda_available()) return false;
  cudaDeviceProp props{};
  if (cudaGetDeviceProperties(&props, 0) != cudaSuccess) return false;
  return props.major >= 8;
#else
  return false;
#endif
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
