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

// LR pixels neighbouring tiles share by default (cross-faded). At 16 px a seam is invisible with the
// lite and the official models (README, Performance: "Tiling") and the overlap costs 3-7 % at
// 256-512 px tiles; 32 px cost 13-28 %.
inline constexpr int kDefaultTileOverlap = 16;

// Longest tile side the planner uses (LR pixels): larger tiles gain nothing on a CPU and need
// more memory than a default budget gives.
inline constexpr int kMaxTileSide = 512;

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

// Tiles of tile_width x tile_height (each clamped to the image) covering width x height. overlap
// is clamped to [0, side / 2] per axis. Requires width, height, tile sides >= 1.
TilePlan plan_tiles(int width, int height, int tile_width, int tile_height, int overlap);
// Square tiles of side `tile`.
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

struct TileShape {
  int width = 0, height = 0;  // LR pixels
};

// A network call costs about as much as this many more LR pixels (input copies, padding, the
// per-call work of the layers); it makes the planner prefer fewer tiles when the pixel counts
// are close. Measured with the lite student on a 2-core CPU: 18-20 us per padded pixel for
// 128-512 px tiles, a few ms per call.
inline constexpr int64_t kTileOverheadPixels = 2048;

// Tile size planned to fit the image: each side either the whole image side or a multiple of
// `multiple`, at most max_tile, the padded tile's pass within budget_bytes; among these the one
// whose plan (plan_tiles with `overlap`) costs least: tiles x (padded pixels +
// kTileOverheadPixels). Padding and overlap are then what the image's size forces, not what a
// fixed tile side gives (a 1000 px side is 2 tiles of 512 - 16 px overlap - not 3 of 512).
TileShape choose_tile_shape(int width, int height, int overlap, int64_t budget_bytes,
                            const TileCostModel& cost, int multiple, int max_tile = kMaxTileSide);
// LR pixels a plan feeds the network (padded tiles), for the overhead figures of the benchmarks.
int64_t planned_pixels(const TilePlan& plan, int multiple);

// Largest tile side (a multiple of `multiple`, at most max_tile, at least `multiple`) whose
// padded pass fits in budget_bytes. Never larger than needed to cover the image in one tile.
int choose_tile(int width, int height, int64_t budget_bytes, const TileCostModel& cost,
                int multiple, int max_tile = kMaxTileSide);
// Tiles per network call that fit the budget, in [1, min(tile_count, max_batch)].
int choose_batch(int tile_count, int tile_width, int tile_height, int multiple,
                 int64_t budget_bytes, const TileCostModel& cost, int max_batch = 8);

}  // namespace rsd::engine
