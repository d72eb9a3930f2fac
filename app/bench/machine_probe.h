// What the machine can do: measured 3x3-convolution throughput (the operation that dominates the
// networks here), peak resident memory, load average. Torch-free header.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace rsd::bench {

struct ConvThroughput {
  double gflops = 0;               // median over the timed runs
  double gflops_best = 0;
  std::vector<double> run_seconds;
  double flops_per_forward = 0;
  std::string setup;               // human-readable description of the workload
};

// `layers` x Conv2d(128 -> 128, 3x3, pad 1) + ReLU on 1 x 128 x side x side, float32, under
// NoGradGuard; `warmups` untimed forwards, median of `runs`. device: "cpu" or "cuda".
ConvThroughput measure_conv_throughput(const std::string& device, int layers = 8, int side = 64,
                                       int warmups = 2, int runs = 5);

// VmHWM / VmRSS of this process in bytes (from /proc/self/status); -1 when unknown.
int64_t peak_rss_bytes();
int64_t current_rss_bytes();

// "1.23 0.98 0.75" from /proc/loadavg; empty when unknown.
std::string load_average();
// Model name of the CPU from /proc/cpuinfo; empty when unknown.
std::string cpu_model();

}  // namespace rsd::bench
