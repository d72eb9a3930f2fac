#include "engine/diffusion/tiled_runner.h"

#include <ATen/ATen.h>
#include <c10/util/Exception.h>
#include <gtest/gtest.h>

#include <cmath>

#include "fakes.h"

namespace rsd::engine {
namespace {

using testing::FunctionDenoiser;
using testing::UnshuffleCodec;

// A tile function running the official pipeline with the given model.
struct Pipeline {
  ResShiftSampler sampler;
  UnshuffleCodec codec{4};
  FunctionDenoiser net;

  Pipeline(SamplerKind kind, FunctionDenoiser::Fn fn)
      : sampler(make(kind)), net(48, kind == SamplerKind::Student ? 1 : 0, std::move(fn)) {}

  static ResShiftSampler make(SamplerKind kind) {
    DiffusionParams p;
    p.steps = 4;
    p.min_noise_level = 0.2;
    SamplerConfig c;
    c.kind = kind;
    return ResShiftSampler(*Schedule::make(p), c);
  }

  TileFunction fn() {
    return [this](const at::Tensor& lq, const std::vector<uint64_t>& seeds, const JobContext& ctx) {
      NoiseSource noise(seeds);
      return sampler.upscale(net, codec, lq, noise, ctx);
    };
  }
};

// Smooth, curved gradient in [-1, 1].
at::Tensor gradient(int h, int w) {
  auto y = at::linspace(0, 1, h).view({1, 1, h, 1});
  auto x = at::linspace(0, 1, w).view({1, 1, 1, w});
  auto r = 1.6 * x + 0.4 * y * y - 1.0;
  auto g = at::sin(6.0 * x + 4.0 * y) * 0.8;
  auto b = 0.9 * y - 0.5 * x * x;
  return at::cat({r.expand({1, 1, h, w}), g, b.expand({1, 1, h, w})}, 1).clamp(-1, 1);
}

TilingOptions fixed(int tile, int overlap, int batch) {
  TilingOptions o;
  o.tile = tile;
  o.overlap = overlap;
  o.tiles_per_batch = batch;
  o.seed = 42;
  return o;
}

TEST(TiledRunner, NoSeamOnSmoothGradients) {
  Pipeline p(SamplerKind::Student, testing::bicubic_x0(4));
  auto lq = gradient(120, 160);
  auto whole = run_tiled(lq, fixed(256, 0, 1), p.fn(), {});
  ASSERT_TRUE(whole.ok()) << whole.error().what();
  // 40 px tiles are reflect-padded to 64 inside the pipeline, so each tile's own border is wrong
  // (a fold instead of the real neighbourhood); the cross-fade has to hide that.
  TilingReport report;
  auto tiled = run_tiled(lq, fixed(40, 16, 4), p.fn(), {}, &report);
  ASSERT_TRUE(tiled.ok()) << tiled.error().what();
  EXPECT_EQ(report.tile_count, 30);  // 6 x 5 tiles of 40
  EXPECT_EQ(tiled->sizes(), (std::vector<int64_t>{1, 3, 480, 640}));
  // Compared in [0, 1] units (the pipeline works in [-1, 1]), leaving out the outermost 2 LR
  // pixels at the bottom/right image border, where the whole image and the border tiles were
  // padded differently (no seam there).
  using at::indexing::Slice;
  auto inner = [](const at::Tensor& t) {
    return t.index({Slice(), Slice(), Slice(0, t.size(2) - 8), Slice(0, t.size(3) - 8)});
  };
  const double seam = (inner(*tiled - *whole).abs().max().item<double>()) / 2;
  EXPECT_LT(seam, 1.0 / 255);
  // The same tiles stitched edge to edge (160 x 120 = 4 x 3 tiles of 40, no overlap) show seams.
  auto hard = run_tiled(lq, fixed(40, 0, 4), p.fn(), {});
  ASSERT_TRUE(hard.ok());
  const double hard_seam = (inner(*hard - *whole).abs().max().item<double>()) / 2;
  EXPECT_GT(hard_seam, 1.0 / 255);
  EXPECT_LT(seam, hard_seam / 4) << "blended " << seam << " vs stitched " << hard_seam;
}

TEST(TiledRunner, DeterministicForASeedWhateverTheBatch) {
  // A model that passes its noisy input through makes the result depend on every noise draw.
  auto noisy = [](const at::Tensor& x, const at::Tensor&, const at::Tensor& lq) {
    return at::pixel_unshuffle(bicubic_upscale(lq, 4), 4) + 0.2 * x;
  };
  Pipeline p(SamplerKind::Teacher, noisy);
  auto lq = gradient(70, 90);
  auto a = run_tiled(lq, fixed(64, 16, 1), p.fn(), {});
  auto b = run_tiled(lq, fixed(64, 16, 4), p.fn(), {});
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_TRUE(at::allclose(*a, *b, 1e-5, 1e-5));
  auto o = fixed(64, 16, 1);
  o.seed = 43;
  auto c = run_tiled(lq, o, p.fn(), {});
  ASSERT_TRUE(c.ok());
  EXPECT_FALSE(at::allclose(*a, *c, 1e-3, 1e-3));
}

TEST(TiledRunner, HalvesBatchThenTileOnOutOfMemory) {
  Pipeline p(SamplerKind::Student, testing::bicubic_x0(4));
  auto lq = gradient(200, 260);
  auto o = fixed(256, 16, 4);
  // Simulated device: at most 64 x 64 LR pixels per pass.
  o.before_pass = [](int64_t batch, int64_t h, int64_t w) {
    if (batch * h * w > 64 * 64) throw c10::OutOfMemoryError({__func__, __FILE__, __LINE__}, "CUDA out of memory (simulated)");
  };
  std::vector<std::string> warnings;
  JobContext ctx;
  ctx.log = [&](LogLevel, std::string_view m) { warnings.emplace_back(m); };
  TilingReport report;
  auto out = run_tiled(lq, o, p.fn(), ctx, &report);
  ASSERT_TRUE(out.ok()) << out.error().what();
  EXPECT_EQ(report.tile, 64);
  EXPECT_EQ(report.tiles_per_batch, 1);
  EXPECT_GE(report.out_of_memory_retries, 3);
  EXPECT_EQ(warnings.size(), size_t(report.out_of_memory_retries));
  auto direct = run_tiled(lq, fixed(64, 16, 1), p.fn(), {});
  ASSERT_TRUE(direct.ok());
  EXPECT_TRUE(at::equal(*out, *direct));

  // Nothing fits: a clear OutOfMemory error instead of a loop.
  o.before_pass = [](int64_t, int64_t, int64_t) {
    throw c10::Error({__func__, __FILE__, __LINE__}, "CUDA out of memory. Tried to allocate 2 GiB");
  };
  auto none = run_tiled(lq, o, p.fn(), {});
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().code, ErrorCode::OutOfMemory);
}

TEST(TiledRunner, OtherLibTorchErrorsAreReported) {
  Pipeline p(SamplerKind::Student, testing::bicubic_x0(4));
  auto o = fixed(64, 16, 1);
  o.before_pass = [](int64_t, int64_t, int64_t) {
    throw c10::Error({__func__, __FILE__, __LINE__}, "shape mismatch");
  };
  auto out = run_tiled(gradient(64, 64), o, p.fn(), {});
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.error().code, ErrorCode::Internal);
  EXPECT_NE(out.error().message.find("shape mismatch"), std::string::npos);
}

TEST(TiledRunner, AutomaticTilingUsesTheBudget) {
  Pipeline p(SamplerKind::Student, testing::bicubic_x0(4));
  auto o = fixed(0, 16, 0);
  o.budget_bytes = 64 << 20;
  o.cost.per_pixel = 4096;  // 64 MiB / 4 KiB: 16384 padded px per tile, batch 1
  TilingReport report;
  auto out = run_tiled(gradient(150, 300), o, p.fn(), {}, &report);
  ASSERT_TRUE(out.ok()) << out.error().what();
  const auto padded = [](int side) { return (side + 63) / 64 * 64; };
  EXPECT_LE(padded(report.tile_width) * padded(report.tile_height), 16384);
  // The fewest tiles within the budget: the image's whole 150 px side (padded to 192) by 64.
  EXPECT_EQ(std::max(report.tile_width, report.tile_height), 150);
  EXPECT_EQ(report.network_pixels, int64_t(report.tile_count) * 192 * 64);
  EXPECT_EQ(report.tiles_per_batch, 1);
  o.budget_bytes = 0;
  EXPECT_FALSE(run_tiled(gradient(8, 8), o, p.fn(), {}).ok());
}

TEST(TiledRunner, CancelsBetweenTilesAndReportsProgress) {
  Pipeline p(SamplerKind::Student, testing::bicubic_x0(4));
  JobContext ctx;
  ctx.cancel = std::make_shared<CancelToken>();
  std::vector<std::string> stages;
  ctx.progress = [&](double, std::string_view stage) {
    stages.emplace_back(stage);
    if (stage == "tile 2/6") ctx.cancel->cancel();
  };
  auto out = run_tiled(gradient(100, 150), fixed(64, 16, 1), p.fn(), ctx);
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.error().code, ErrorCode::Cancelled);
  EXPECT_EQ(p.net.calls.size(), 2u);
  EXPECT_NE(std::find(stages.begin(), stages.end(), "tile 1/6"), stages.end());
}

}  // namespace
}  // namespace rsd::engine
