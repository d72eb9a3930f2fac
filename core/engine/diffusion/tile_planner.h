// Tile planning for images larger than one network call: tile geometry in LR pixels, smooth
// blending weights, and the memory model that picks tile size and batch. Torch-free.
//
// Unlike the official ImageSpliterTh (uniform averaging of overlaps, last tile snapped to the
// border), tiles are spread evenly and overlaps are cross-faded with raised-cosine ramps, so a
// tile's border pixels (where padding artefacts live) carry almost no weight.
#pragma once

#include <cstdint>
#include <vector>

namespace rsd::engine {

struct TileRect {
  int x = 0, y = 0, width = 0, height = 0;  // LR pixels
  // Overlap with the neighbouring tile on each side (0 at the image border), LR pixels.
  int overlap_left = 0, overlap_right = 0, overlap_top = 0, overlap_bottom = 0;
};

struct TilePlan {
  int width = 0, height = 0;    // image, LR pixels
  int tile_width = 0, tile_height = 0;  // every tile has this size (<= image)
  std::vector<TileRect> tiles;  // row-major order; the index seeds the tile's noise
};

// Start offsets along one axis: the fewest tiles of `tile` pixels that cover `length` with at least
// `overlap` shared pixels, spread evenly. tile >= length gives one tile at 0.
std::vector<int> tile_starts(int length, int tile, int overlap);

// Tiles of side `tile` (clamped to the image) covering width x height. overlap is clamped to
// [0, tile / 2]. Requires width, height, tile >= 1.
TilePlan plan_tiles(int width, int height, int tile, int overlap);

// Blending weight along one axis of a tile, sampled at `scale`x resolution (output pixels):
// a raised-cosine ramp 0 -> 1 over the first `lead` LR pixels, 1 -> 0 over the last `trail`,
// 1 elsewhere; where two tiles overlap by the same amount their ramps sum to exactly 1. Values are
// > 0 everywhere, so normalizing by the weight sum is always defined.
std::vector<float> blend_ramp(int length, int lead, int trail, int scale);

// Working memory of one network pass over a tile, by LR pixels P of the padded tile:
// fixed + per_pixel * P + per_pixel_sq * P^2 (the quadratic term is for a codec whose
// self-attention is not chunked; ours is, so estimate_tile_cost leaves it at 0).
struct TileCostModel {
  double fixed_bytes = 0;
  double per_pixel = 0;
  double per_pixel_sq = 0;
  double bytes(int64_t pixels) const;
};

// Rough model for a ResShift UNet of `model_channels` plus its codec, measured in elements of
// `element_bytes` (4 fp32, 2 fp16/bf16). vq = the VQ-f4 autoencoder; otherwise pixel_unshuffle.
TileCostModel estimate_tile_cost(int model_channels, bool vq_codec, int sf, int element_bytes);

// Largest tile side (a multiple of `multiple`, at most max_tile, at least `multiple`) whose
// padded pass fits in budget_bytes. Never larger than needed to cover the image in one tile.
int choose_tile(int width, int height, int64_t budget_bytes, const TileCostModel& cost,
                int multiple, int max_tile = 512);
// Tiles per network call that fit the budget, in [1, min(tile_count, max_batch)].
int choose_batch(int tile_count, int tile_width, int tile_height, int multiple,
                 int64_t budget_bytes, const TileCostModel& cost, int max_batch = 8);

}  // namespace rsd::engine
