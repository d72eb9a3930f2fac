// `rsd-bench speed`: seconds per output megapixel of each model at several output sizes, peak
// memory, FLOPs per output pixel, the machine's 3x3-convolution throughput, the teacher/student
// time ratio, and optionally the official full-size configuration at the paper's Table 4 setting.
// `rsd-bench gpu`: precisions, tiles per batch, 64x64 latency and large-input throughput (CUDA,
// or the same code on the CPU). Both work in the engine-only build.
#pragma once

#include <CLI/CLI.hpp>

namespace rsd::bench {

void add_speed_commands(CLI::App& app, int& exit_code);

}  // namespace rsd::bench
