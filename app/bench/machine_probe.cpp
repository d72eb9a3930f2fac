#include "machine_probe.h"

#include <ATen/ATen.h>
#include <torch/cuda.h>
#include <torch/nn/modules/container/sequential.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/activation.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <sstream>

namespace rsd::bench {
namespace {

int64_t status_kib(const std::string& key) {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.compare(0, key.size(), key) == 0 && line.size() > key.size() &&
        line[key.size()] == ':') {
      std::istringstream ss(line.substr(key.size() + 1));
      int64_t kib = -1;
      ss >> kib;
      return kib;
    }
  }
  return -1;
}

}  // namespace

ConvThroughput measure_conv_throughput(const std::string& device, int layers, int side,
                                       int warmups, int runs) {
  torch::NoGradGuard no_grad;
  const bool cuda = device == "cuda";
  const at::Device dev = cuda ? at::Device(at::kCUDA, 0) : at::Device(at::kCPU);
  torch::nn::Sequential net;
  for (int i = 0; i < layers; ++i) {
    net->push_back(torch::nn::Conv2d(torch::nn::Conv2dOptions(128, 128, 3).padding(1)));
    net->push_back(torch::nn::ReLU());
  }
  net->to(dev);
  auto x = at::randn({1, 128, side, side}, at::TensorOptions().device(dev));
  ConvThroughput r;
  r.flops_per_forward = 2.0 * 128 * 128 * 9 * side * side * layers;
  std::ostringstream setup;
  setup << layers << " x Conv2d(128->128, 3x3, pad 1) + ReLU on 1x128x" << side << "x" << side
        << " float32, NoGradGuard, " << warmups << " warm-ups, median of " << runs;
  r.setup = setup.str();
  for (int i = 0; i < warmups; ++i) net->forward(x);
  if (cuda) torch::cuda::synchronize();
  for (int i = 0; i < runs; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    auto y = net->forward(x);
    if (cuda) torch::cuda::synchronize();
    r.run_seconds.push_back(
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  auto sorted = r.run_seconds;
  std::sort(sorted.begin(), sorted.end());
  if (!sorted.empty()) {
    r.gflops = r.flops_per_forward / sorted[sorted.size() / 2] / 1e9;
    r.gflops_best = r.flops_per_forward / sorted.front() / 1e9;
  }
  return r;
}

int64_t peak_rss_bytes() {
  const int64_t kib = status_kib("VmHWM");
  return kib < 0 ? -1 : kib * 1024;
}

int64_t current_rss_bytes() {
  const int64_t kib = status_kib("VmRSS");
  return kib < 0 ? -1 : kib * 1024;
}

std::string load_average() {
  std::ifstream in("/proc/loadavg");
  std::string a, b, c;
  if (!(in >> a >> b >> c)) return {};
  return a + " " + b + " " + c;
}

std::string cpu_model() {
  std::ifstream in("/proc/cpuinfo");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("model name", 0) == 0) {
      const auto colon = line.find(':');
      if (colon != std::string::npos) return line.substr(line.find_first_not_of(' ', colon + 1));
    }
  }
  return {};
}

}  // namespace rsd::bench
