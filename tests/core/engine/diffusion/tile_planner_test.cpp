#include "engine/diffusion/tile_planner.h"

#include "engine/diffusion/memory_budget.h"

#include <gtest/gtest.h>

#include <utility>
#include <vector>

namespace rsd::engine {
namespace {

TEST(TilePlanner, StartsCoverTheAxisWithAtLeastTheOverlap) {
  for (int length : {1, 63, 64, 65, 100, 130, 513, 1000}) {
    for (int tile : {32, 64, 128}) {
      for (int overlap : {0, 8, 16}) {
        auto s = tile_starts(length, tile, overlap);
        const int t = std::min(tile, length);
        ASSERT_FALSE(s.empty());
        EXPECT_EQ(s.front(), 0);
        EXPECT_EQ(s.back() + t, length) << length << " " << tile << " " << overlap;
        for (size_t i = 1; i < s.size(); ++i) {
          EXPECT_GE(s[i - 1] + t - s[i], overlap) << "overlap too small";
          EXPECT_GT(s[i], s[i - 1]);
        }
      }
    }
  }
  EXPECT_EQ(tile_starts(100, 64, 16), (std::vector<int>{0, 36}));
}

TEST(TilePlanner, PlanCoversEveryPixelAndRecordsNeighbours) {
  auto plan = plan_tiles(300, 170, 64, 16);
  EXPECT_EQ(plan.tile_width, 64);
  std::vector<int> hits(300 * 170, 0);
  for (const auto& t : plan.tiles)
    for (int y = t.y; y < t.y + t.height; ++y)
      for (int x = t.x; x < t.x + t.width; ++x) ++hits[y * 300 + x];
  for (int h : hits) ASSERT_GE(h, 1);
  EXPECT_EQ(plan.tiles.front().overlap_left, 0);
  EXPECT_EQ(plan.tiles.front().overlap_top, 0);
  EXPECT_GE(plan.tiles.front().overlap_right, 16);
  EXPECT_EQ(plan.tiles.back().overlap_right, 0);
  EXPECT_EQ(plan.tiles.back().overlap_bottom, 0);
  // Small images become one tile of their own size.
  auto one = plan_tiles(48, 40, 256, 32);
  ASSERT_EQ(one.tiles.size(), 1u);
  EXPECT_EQ(one.tile_width, 48);
  EXPECT_EQ(one.tile_height, 40);
}

TEST(TilePlanner, RectangularTilesCoverTheImage) {
  auto plan = plan_tiles(1000, 752, 512, 384, 16);
  EXPECT_EQ(plan.tile_width, 512);
  EXPECT_EQ(plan.tile_height, 384);
  ASSERT_EQ(plan.tiles.size(), 4u);  // 2 x 2: 2 x 512 - 16 >= 1000, 2 x 384 - 16 >= 752
  EXPECT_EQ(plan.tiles[1].x + plan.tile_width, 1000);
  EXPECT_EQ(plan.tiles[3].y + plan.tile_height, 752);
  EXPECT_GE(plan.tiles[0].overlap_right, 16);
  EXPECT_GE(plan.tiles[0].overlap_bottom, 16);
}

// Padded LR pixels of the planned tiles over the image's own: what overlap and padding cost.
double overhead(int w, int h, int overlap, int multiple) {
  TileCostModel cost;
  cost.per_pixel = 1;
  const TileShape s = choose_tile_shape(w, h, overlap, int64_t(1) << 40, cost, multiple);
  const TilePlan plan = plan_tiles(w, h, s.width, s.height, overlap);
  return double(planned_pixels(plan, multiple)) / (double(w) * h) - 1.0;
}

TEST(TilePlanner, ShapeFitsTheImageSoOverlapAndPaddingStaySmall) {
  TileCostModel cost;
  cost.per_pixel = 1;
  const int64_t plenty = int64_t(1) << 40;
  // 12-MP output (1000 x 752 LR): 2 x 2 tiles, not the 3 x 2 of 512 px squares.
  TileShape s = choose_tile_shape(1000, 752, 16, plenty, cost, 16);
  EXPECT_EQ(plan_tiles(1000, 752, s.width, s.height, 16).tiles.size(), 4u);
  EXPECT_LE(s.width, kMaxTileSide);
  EXPECT_LE(s.height, kMaxTileSide);
  // A photo that fits one tile is one tile of its own size.
  s = choose_tile_shape(288, 216, 16, plenty, cost, 16);
  EXPECT_EQ(s.width, 288);
  EXPECT_EQ(s.height, 216);
  // The overhead stays at 10 % or less for the sizes photographers upscale (LR side of 4-48 MP
  // outputs, 3:2 and 4:3) with the lite models' 16 px padding multiple, and at every size from
  // 300 px up to 4000 px in steps of 37 it stays under 14 %.
  for (auto [w, h] : {std::pair{576, 432}, {1000, 752}, {1224, 816}, {2000, 1504}, {1500, 1000},
                      {3000, 2000}, {1732, 1155}}) {
    EXPECT_LE(overhead(w, h, 16, 16), 0.10) << w << "x" << h;
  }
  for (int w = 300; w <= 4000; w += 37) EXPECT_LT(overhead(w, w * 2 / 3, 16, 16), 0.14) << w;
  // The memory budget bounds the tile: 128 x 128 padded pixels at one byte each.
  s = choose_tile_shape(1000, 752, 16, 128 * 128, cost, 16);
  EXPECT_LE(int64_t(s.width) * s.height, 128 * 128);
  EXPECT_GE(s.width, 16);
}

TEST(TilePlanner, RampsOfNeighboursSumToOne) {
  const int scale = 4;
  auto a = blend_ramp(64, 0, 20, scale);
  auto b = blend_ramp(64, 20, 0, scale);
  // Tile b starts 44 LR pixels after tile a: their 20 px overlap is 80 output pixels.
  for (int i = 0; i < 80; ++i) EXPECT_NEAR(a[44 * scale + i] + b[i], 1.0f, 1e-6f) << i;
  EXPECT_FLOAT_EQ(a[0], 1.0f);
  EXPECT_GT(a.back(), 0.0f);
  EXPECT_LT(a.back(), 0.001f);  // a tile's border carries almost no weight
  for (size_t i = 1; i < 80; ++i) EXPECT_GE(b[i], b[i - 1]);  // monotone, smooth
}

TEST(TilePlanner, TileAndBatchFollowTheBudget) {
  TileCostModel cost;
  cost.per_pixel = 1000;  // bytes per LR pixel
  // 64 x 64 = 4 MB, 128 x 128 = 16 MB, 256 x 256 = 64 MB.
  EXPECT_EQ(choose_tile(1000, 1000, 20'000'000, cost, 64), 128);
  EXPECT_EQ(choose_tile(1000, 1000, 1'000, cost, 64), 64);         // never below one multiple
  EXPECT_EQ(choose_tile(100, 80, 1'000'000'000, cost, 64), 128);   // no larger than the image
  EXPECT_EQ(choose_tile(5000, 5000, 1'000'000'000'000, cost, 64), 512);
  EXPECT_EQ(choose_batch(9, 64, 64, 64, 20'000'000, cost), 4);
  EXPECT_EQ(choose_batch(2, 64, 64, 64, 20'000'000, cost), 2);
  EXPECT_EQ(choose_batch(9, 64, 64, 64, 1, cost), 1);
  // The VQ decoder works at output resolution: far more memory per pixel than pixel_unshuffle.
  auto vq = estimate_tile_cost(160, true, 4, 4);
  auto small = estimate_tile_cost(160, false, 4, 4);
  EXPECT_GT(vq.bytes(256 * 256), 2 * small.bytes(256 * 256));
  EXPECT_GT(vq.bytes(256 * 256), 3.5 * vq.bytes(128 * 128) - 3 * vq.fixed_bytes);
  // A quadratic term, when a model has one, dominates large tiles.
  TileCostModel quad;
  quad.per_pixel_sq = 8;
  EXPECT_EQ(choose_tile(4000, 4000, int64_t(8) * 128 * 128 * 128 * 128, quad, 64), 128);
}

TEST(TilePlanner, BudgetFollowsFreeMemoryWithinTheDefaultCeilingAndTheLimit) {
  const int64_t gib = int64_t(1) << 30;
  // CPU: a quarter of the free RAM, but never more than the default ceiling without a limit, so a
  // machine with 64 GB free runs the same tiles (and peak) as one with 20 GB.
  EXPECT_EQ(tile_memory_budget_from(false, 8 * gib, 0), 2 * gib);
  EXPECT_EQ(tile_memory_budget_from(false, 64 * gib, 0), kDefaultHostTileBudget);
  // A limit caps it and lifts the ceiling (the user asked for that much).
  EXPECT_EQ(tile_memory_budget_from(false, 8 * gib, gib), gib);
  EXPECT_EQ(tile_memory_budget_from(false, 64 * gib, 12 * gib), 12 * gib);
  // CUDA: 70 % of the free device memory, no ceiling.
  EXPECT_EQ(tile_memory_budget_from(true, 100 * gib, 0), 70 * gib);
  EXPECT_EQ(tile_memory_budget_from(true, 100 * gib, 3 * gib), 3 * gib);
  // Unknown free memory: 2 GiB, or the smaller limit.
  EXPECT_EQ(tile_memory_budget_from(false, 0, 0), 2 * gib);
  EXPECT_EQ(tile_memory_budget_from(true, 0, gib), gib);
  // The live reading respects the same bounds.
  EXPECT_LE(tile_memory_budget(false, 0), kDefaultHostTileBudget);
  EXPECT_LE(tile_memory_budget(false, 256 << 20), int64_t(256) << 20);
  // The ceiling still gives the lite student (32 channels, pixel_unshuffle) its largest tile.
  auto lite = estimate_tile_cost(32, false, 4, 4);
  EXPECT_EQ(choose_tile(12000, 8000, kDefaultHostTileBudget, lite, 64), 512);
  EXPECT_EQ(choose_batch(500, 512, 512, 64, kDefaultHostTileBudget, lite), 1);
}

}  // namespace
}  // namespace rsd::engine
