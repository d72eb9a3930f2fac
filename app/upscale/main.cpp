// rsd-upscale: work in progress; answers --version and --help.
#include <CLI/CLI.hpp>

#include <iostream>

#include "common/app_info.h"

int main(int argc, char** argv) {
  CLI::App app{"rsd-upscale"};
  app.set_version_flag("--version", [] { return rsd::app::version_text("rsd-upscale"); });
  CLI11_PARSE(app, argc, argv);
  rsd::app::init_runtime();
  return 0;
}
