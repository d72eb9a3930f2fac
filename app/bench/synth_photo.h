// rsd-bench synth-photo: writes a synthetic photo of any size (smooth light, textures, edges and
// fine noise, so the upscaler and the encoders do real work), row by row through the streaming
// encoders, so even a 100-megapixel test input is made in bounded memory. Used by
// app/bench/large_image_check.sh. Full builds only (needs rsd_core).
#pragma once

#include <CLI/CLI.hpp>

namespace rsd::bench {

void add_synth_photo_command(CLI::App& app, int& exit_code);

}  // namespace rsd::bench
