// `rsd-bench quality`: PSNR-Y / SSIM-Y / NIQE and time of classical and learned x4 upscalers on
// LR inputs made from HR photos (MATLAB bicubic, and bicubic + noise + JPEG). Needs rsd_core.
#pragma once

#include <CLI/CLI.hpp>

namespace rsd::bench {

void add_quality_command(CLI::App& app, int& exit_code);

}  // namespace rsd::bench
