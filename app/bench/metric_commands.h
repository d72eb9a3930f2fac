// rsd-bench subcommands that measure image quality (niqe). They need rsd_core (OpenCV), so they
// exist only in full builds: CMake defines RSD_BENCH_WITH_METRICS when rsd_core is available.
#pragma once

#include <CLI/CLI.hpp>

namespace rsd::bench {

// Adds the metric subcommands to `app`. Each runs from its CLI11 callback and stores its exit
// code in `exit_code`.
void add_metric_commands(CLI::App& app, int& exit_code);

}  // namespace rsd::bench
