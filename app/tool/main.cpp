// rsd-tool: developer tool for weights and networks: forward passes on tensor files (parity
// scripts), the diffusion schedule, inspecting and converting weights.
#include <CLI/CLI.hpp>

#include "common/app_info.h"
#include "forward_command.h"
#include "schedule_command.h"
#include "weights_commands.h"

int main(int argc, char** argv) {
  CLI::App app{"rsd-tool: RSD Studio weights and network tool"};
  app.set_version_flag("--version", [] { return rsd::app::version_text("rsd-tool"); });
  app.require_subcommand(1);
  int exit_code = 0;
  rsd::tool::add_forward_command(app, exit_code);
  rsd::tool::add_schedule_command(app, exit_code);
  rsd::tool::add_inspect_command(app, exit_code);
  rsd::tool::add_convert_command(app, exit_code);
  // Threads are configured before any subcommand callback runs (callbacks run inside parse).
  app.parse_complete_callback([] { rsd::app::init_runtime(); });
  CLI11_PARSE(app, argc, argv);
  return exit_code;
}
