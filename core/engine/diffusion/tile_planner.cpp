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
  TilePlan plan;
  plan.width = width;
  plan.height = height;
  plan.tile_width = std::min(tile, width);
  plan.tile_height = std::min(tile, height);
  overlap = std::clamp(overlap, 0, tile / 2);
  const auto xs = tile_starts(width, plan.tile_width, overlap);
  const auto ys = tile_starts(height, plan.tile_height, overlap);
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
