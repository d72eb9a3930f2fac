#include "engine/diffusion/tile_planner.h"

#include <algorithm>
#include <cmath>

namespace rsd::engine {

namespace {

int64_t padded(int side, int multiple) {
  return (int64_t(side) + multiple - 1) / multiple * multiple;
}

}  // namespace

std::vector<int> tile_starts(int length, int tile, int overlap) {
  if (tile >= length) return {0};
  const int stride = std::max(1, tile - overlap);
  // Fewest tiles n with (n - 1) * stride >= length - tile.
  const int gaps = (length - tile + stride - 1) / stride;
  std::vector<int> starts;
  for (int i = 0; i <= gaps; ++i)
    starts.push_back(static_cast<int>(std::lround(double(i) * (length - tile) / gaps)));
  return starts;
}

TilePlan plan_tiles(int width, int height, int tile, int overlap) {
  return plan_tiles(width, height, tile, tile, overlap);
}

TilePlan plan_tiles(int width, int height, int tile_width, int tile_height, int overlap) {
  TilePlan plan;
  plan.width = width;
  plan.height = height;
  plan.tile_width = std::min(tile_width, width);
  plan.tile_height = std::min(tile_height, height);
  const auto xs = tile_starts(width, plan.tile_width, std::clamp(overlap, 0, tile_width / 2));
  const auto ys = tile_starts(height, plan.tile_height, std::clamp(overlap, 0, tile_height / 2));
  for (size_t r = 0; r < ys.size(); ++r) {
    for (size_t c = 0; c < xs.size(); ++c) {
      TileRect t;
      t.x = xs[c];
      t.y = ys[r];
      t.width = plan.tile_width;
      t.height = plan.tile_height;
      if (c > 0) t.overlap_left = xs[c - 1] + plan.tile_width - xs[c];
      if (c + 1 < xs.size()) t.overlap_right = xs[c] + plan.tile_width - xs[c + 1];
      if (r > 0) t.overlap_top = ys[r - 1] + plan.tile_height - ys[r];
      if (r + 1 < ys.size()) t.overlap_bottom = ys[r] + plan.tile_height - ys[r + 1];
      plan.tiles.push_back(t);
    }
  }
  return plan;
}

std::vector<float> blend_ramp(int length, int lead, int trail, int scale) {
  const int n = length * scale;
  const int lead_px = lead * scale, trail_px = trail * scale;
  std::vector<float> w(n, 1.f);
  const double pi = 3.14159265358979323846;
  // Sample the ramp at pixel centres: rising r(i) = sin^2(pi/2 (i + 0.5) / L) and the falling
  // ramp of the neighbour over the same pixels, cos^2, sum to one.
  for (int i = 0; i < n; ++i) {
    double v = 1.0;
    if (i < lead_px) v *= std::pow(std::sin(0.5 * pi * (i + 0.5) / lead_px), 2);
    const int from_end = n - 1 - i;
    if (from_end < trail_px) v *= std::pow(std::sin(0.5 * pi * (from_end + 0.5) / trail_px), 2);
    w[i] = static_cast<float>(v);
  }
  return w;
}

double TileCostModel::bytes(int64_t pixels) const {
  const double p = double(pixels);
  return fixed_bytes + per_pixel * p + per_pixel_sq * p * p;
}

TileCostModel estimate_tile_cost(int model_channels, bool vq_codec, int sf, int element_bytes) {
  // Live activations per LR pixel, counted from the UNet layout: ~5C for the 12 skip tensors,
  // ~12C for a level-0 ResBlock's temporaries, ~2300 for a level-0 Swin layer (192-ch embedding,
  // 768-ch MLP, 6 x 64 window logits). Rounded up: allocator slack and the input copies.
  TileCostModel m;
  m.per_pixel = (24.0 * model_channels + 3000.0) * element_bytes;
  const double hr_pixels = double(sf) * sf;
  if (vq_codec) {
    // Decoder at output resolution: 128-256 channels, a few temporaries alive at once.
    m.per_pixel += 1024.0 * hr_pixels * element_bytes;
    // The mid-block attention and the codebook search run in query chunks of bounded size
    // (128 MiB of logits, 64 MiB of distances), so they add a constant, not a P^2 term.
    m.fixed_bytes += 2.0 * (128 << 20) + (64 << 20);
  } else {
    m.per_pixel += 4.0 * 3 * hr_pixels * element_bytes;
  }
  m.fixed_bytes += 64.0 * 1024 * 1024;
  return m;
}

namespace {

// Tile sides worth trying along an axis of `length`: multiples of `multiple` up to max_tile
// (shorter than the axis) and the whole axis when it fits in one tile.
std::vector<int> side_candidates(int length, int multiple, int max_tile) {
  std::vector<int> sides;
  const int top = std::max(multiple, max_tile / multiple * multiple);
  for (int side = multiple; side <= top && side < length; side += multiple) sides.push_back(side);
  if (length <= top || sides.empty()) sides.push_back(std::min(length, top));
  return sides;
}

int64_t axis_tiles(int length, int side, int overlap) {
  return static_cast<int64_t>(tile_starts(length, side, std::clamp(overlap, 0, side / 2)).size());
}

}  // namespace

TileShape choose_tile_shape(int width, int height, int overlap, int64_t budget_bytes,
                            const TileCostModel& cost, int multiple, int max_tile) {
  multiple = std::max(1, multiple);
  TileShape best{std::min(width, multiple), std::min(height, multiple)};
  double best_cost = -1;
  for (int tw : side_candidates(width, multiple, max_tile)) {
    const int64_t nx = axis_tiles(width, tw, overlap);
    for (int th : side_candidates(height, multiple, max_tile)) {
      const int64_t pixels = padded(tw, multiple) * padded(th, multiple);
      if (cost.bytes(pixels) > double(budget_bytes)) continue;
      const int64_t tiles = nx * axis_tiles(height, th, overlap);
      const double c = double(tiles) * double(pixels + kTileOverheadPixels);
      if (best_cost < 0 || c < best_cost) {
        best_cost = c;
        best = {tw, th};
      }
    }
  }
  return best;
}

int64_t planned_pixels(const TilePlan& plan, int multiple) {
  return static_cast<int64_t>(plan.tiles.size()) * padded(plan.tile_width, multiple) *
         padded(plan.tile_height, multiple);
}

int choose_tile(int width, int height, int64_t budget_bytes, const TileCostModel& cost,
                int multiple, int max_tile) {
  const int needed = static_cast<int>(std::max(padded(width, multiple), padded(height, multiple)));
  int tile = std::max(multiple, std::min<int>(max_tile / multiple * multiple, needed));
  while (tile > multiple) {
    const int64_t p = padded(std::min(tile, width), multiple) * padded(std::min(tile, height), multiple);
    if (cost.bytes(p) <= double(budget_bytes)) break;
    tile -= multiple;
  }
  return tile;
}

int choose_batch(int tile_count, int tile_width, int tile_height, int multiple,
                 int64_t budget_bytes, const TileCostModel& cost, int max_batch) {
  const int64_t p = padded(tile_width, multiple) * padded(tile_height, multiple);
  const double one = cost.bytes(p) - cost.fixed_bytes;
  const double room = double(budget_bytes) - cost.fixed_bytes;
  int batch = one > 0 ? static_cast<int>(room / one) : max_batch;
  return std::clamp(batch, 1, std::max(1, std::min(tile_count, max_batch)));
}

}  // namespace rsd::engine
