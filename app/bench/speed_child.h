// The hidden `speed-run` subcommand: one measurement in a fresh process, printed to stdout as a
// single JSON object. `rsd-bench speed` and `rsd-bench gpu` start it through run_self().
#pragma once

#include <CLI/CLI.hpp>

namespace rsd::bench {

void add_speed_child_command(CLI::App& app, int& exit_code);

}  // namespace rsd::bench
