// `rsd-tool forward`: runs one network on tensors from a .safetensors file and writes the result.
// External parity scripts depend on the tensor names:
//   --model unet       reads x [B,C,H,W] f32, t [B] int, lq [B,3,H,W] f32 (+ noise [B,k,H,W]),
//                      writes out
//   --model vq-encode  reads x, writes z         --model vq-decode  reads z, writes x (quantized)
// Other tensors in the input file are ignored.
#pragma once

#include <CLI/CLI.hpp>

namespace rsd::tool {

void add_forward_command(CLI::App& app, int& exit_code);

}  // namespace rsd::tool
