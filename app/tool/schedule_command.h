// `rsd-tool schedule`: prints the ResShift eta schedule as JSON (external scripts parse it).
#pragma once

#include <CLI/CLI.hpp>

namespace rsd::tool {

// Registers the subcommand; its callback sets `exit_code`.
void add_schedule_command(CLI::App& app, int& exit_code);

}  // namespace rsd::tool
