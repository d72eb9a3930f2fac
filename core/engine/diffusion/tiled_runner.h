// Tiled upscaling: cuts an LR image into overlapping tiles (tile_planner), runs batches of tiles
// through a tile function (the sampler pipeline), and cross-fades the results into the output.
// On out-of-memory it halves the batch, then the tile, and starts over.
#pragma once

#include <torch/types.h>

#include <cstdint>
#include <functional>
#include <vector>

#include "base/error.h"
#include "base/job_context.h"
#include "engine/diffusion/tile_planner.h"

namespace rsd::engine {

// Upscales lq_batch [B, 3, th, tw] (LR tiles in [-1, 1]) to [B, 3, th*scale, tw*scale]; seeds holds
// one noise seed per tile. May throw c10::Error (out-of-memory is caught by the runner).
using TileFunction = std::function<Result<torch::Tensor>(
    const torch::Tensor& lq_batch, const std::vector<uint64_t>& seeds, const JobContext& ctx)>;

struct TilingOptions {
  int scale = 4;
  int tile = 0;              // LR side of square tiles; 0 = choose_tile_shape from the image and budget
  int overlap = kDefaultTileOverlap;  // LR pixels
  int tiles_per_batch = 0;   // 0 = choose_batch from the budget
  int multiple = 64;         // tiles are padded to this, so sizes are picked in its steps
  int max_tile = kMaxTileSide;
  int64_t budget_bytes = 0;  // memory for one network pass; required when tile or batch is 0
  TileCostModel cost;
  uint64_t seed = 0;         // tile i draws its noise from seed + i
  // Called before each network pass with (tiles in the batch, tile height, tile width). Tests use
  // it to simulate a device memory limit by throwing c10::OutOfMemoryError.
  std::function<void(int64_t batch, int64_t height, int64_t width)> before_pass;
};

struct TilingReport {
  int tile = 0;              // LR tile side finally used (the longer side)
  int tile_width = 0, tile_height = 0;
  int64_t network_pixels = 0;  // padded LR pixels fed to the network (overlap and padding included)
  int tiles_per_batch = 0;
  int tile_count = 0;
  int out_of_memory_retries = 0;
};

// lq: [1, 3, H, W] in [-1, 1] on the device the tile function runs on. Returns
// [1, 3, H*scale, W*scale] float32 on the CPU.
// blend_factor, when given, receives sum(w^2) / sum(w)^2 of the cross-fade weights per output
// pixel, [1, 1, H*scale, W*scale]: 1 where one tile covers the pixel, 1/2 in the middle of an
// overlap of two, 1/4 where four meet. It is how much the blend of independently seeded tiles shrinks the variance of
// their noise there (spread maps divide by its square root).
// Errors: Cancelled, OutOfMemory (nothing smaller than one `multiple`-sized tile fits), Internal
// (other LibTorch errors), or whatever the tile function returns.
Result<torch::Tensor> run_tiled(const torch::Tensor& lq, const TilingOptions& options,
                                const TileFunction& fn, const JobContext& ctx,
                                TilingReport* report = nullptr, torch::Tensor* blend_factor = nullptr);

// True for LibTorch's CUDA/CPU allocation failures.
bool is_out_of_memory(const std::exception& e);

}  // namespace rsd::engine
