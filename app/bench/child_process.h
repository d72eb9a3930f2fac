// Runs this executable again as a child process (fork + exec of /proc/self/exe) and collects
// its standard output. Used so that each measurement starts from a fresh process: the peak
// resident memory (VmHWM) of a process cannot be reset, and LibTorch keeps caches between runs.
#pragma once

#include <string>
#include <vector>

#include "base/error.h"

namespace rsd::bench {

// Runs `/proc/self/exe args...`; the child's stderr is passed through. Returns its stdout, or an
// Internal error when it could not start, was killed, or exited with a non-zero status (the
// message then carries the last line it printed).
Result<std::string> run_self(const std::vector<std::string>& args);

}  // namespace rsd::bench
