// `rsd-tool inspect` and `rsd-tool convert`: list a weights file, rewrite it as .safetensors.
#pragma once

#include <CLI/CLI.hpp>

namespace rsd::tool {

void add_inspect_command(CLI::App& app, int& exit_code);
void add_convert_command(CLI::App& app, int& exit_code);

}  // namespace rsd::tool
