// Shared bits of every executable's command line: the --version text and runtime start-up.
#pragma once

#include <string>

namespace rsd::app {

// "rsd-tool 0.1.0 (RSD Studio; LibTorch 1.13.1, 2 CPU threads, no CUDA)"
std::string version_text(const std::string& program);

// Configures LibTorch threads (OMP_NUM_THREADS or all cores). Call once at start-up.
void init_runtime();

}  // namespace rsd::app
