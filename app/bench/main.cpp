// rsd-bench: measurements for the benchmark — engine speed, FLOPs and peak memory (also in the
// engine-only build), and image quality metrics (full builds).
#include <CLI/CLI.hpp>

#include <cstdio>

#include "common/app_info.h"
#include "speed_child.h"
#include "speed_command.h"
#ifdef RSD_BENCH_WITH_METRICS
#include "detail_command.h"
#include "metric_commands.h"
#include "quality_command.h"
#include "synth_photo.h"
#endif

int main(int argc, char** argv) {
  CLI::App app{"rsd-bench"};
  app.set_version_flag("--version", [] { return rsd::app::version_text("rsd-bench"); });
  app.require_subcommand(0, 1);
  int exit_code = 0;
  rsd::bench::add_speed_commands(app, exit_code);
  rsd::bench::add_speed_child_command(app, exit_code);
#ifdef RSD_BENCH_WITH_METRICS
  rsd::bench::add_metric_commands(app, exit_code);
  rsd::bench::add_quality_command(app, exit_code);
  rsd::bench::add_detail_command(app, exit_code);
  rsd::bench::add_synth_photo_command(app, exit_code);
#endif
  CLI11_PARSE(app, argc, argv);
  if (app.get_subcommands().empty()) {
    std::fputs(app.help().c_str(), stdout);
    return 0;
  }
  return exit_code;
}
