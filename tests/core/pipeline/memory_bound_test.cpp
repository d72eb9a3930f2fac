// --max-memory (UpscaleOptions::max_memory_mb) reaches the tiler: with the shipped student, a
// small bound gives smaller tiles than an unbounded run on the same photo. (How an out-of-memory
// error shrinks the tiles is tested on the tiler itself with a simulated device limit:
// TiledRunner.HalvesBatchThenTileOnOutOfMemory.)
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "base/build_paths.h"
#include "engine/diffusion/memory_budget.h"
#include "engine/model_card.h"
#include "engine/upscaler.h"

namespace rsd::pipeline {
namespace {

// The tile width the upscaler reports in its log line ("...: N tile(s) of WxH px, B per pass").
int tile_used(engine::Upscaler& up, const ImageF& img) {
  std::string line;
  JobContext ctx;
  ctx.log = [&](LogLevel, std::string_view m) {
    if (m.find(" tile(s) of ") != std::string_view::npos) line = std::string(m);
  };
  auto out = up.upscale(img, ctx);
  EXPECT_TRUE(out) << out.error().what();
  const size_t at = line.find(" tile(s) of ");
  return at == std::string::npos ? -1 : std::stoi(line.substr(at + 12));
}

TEST(MemoryBound, ASmallBoundGivesSmallerTiles) {
  auto card = engine::ModelCard::load(std::filesystem::path(RSD_SOURCE_DIR) / "models" / "rsd-lite-student.json");
  ASSERT_TRUE(card) << card.error().what();
  ImageF img(66, 40, 3);
  for (size_t i = 0; i < img.data.size(); ++i) img.data[i] = float(i % 97) / 96.f;

  // The bound is min(a quarter of the free RAM, --max-memory): 400 MiB needs 1.6 GB free.
  if (engine::available_host_bytes() < (int64_t(1600) << 20)) GTEST_SKIP() << "less than 1.6 GB of free memory";
  engine::UpscaleOptions generous;
  generous.max_memory_mb = 400;
  auto big = engine::Upscaler::create(*card, engine::DeviceKind::Cpu, generous);
  ASSERT_TRUE(big) << big.error().what();
  // The student's estimate for one tile of the whole photo (padded to 80 x 48) is far under
  // 400 MiB; in 1 MiB nothing but the smallest tile (the padding multiple, 16) is allowed.
  EXPECT_EQ(tile_used(**big, img), 66);
  engine::UpscaleOptions bounded;
  bounded.max_memory_mb = 1;
  auto small = engine::Upscaler::create(*card, engine::DeviceKind::Cpu, bounded);
  ASSERT_TRUE(small);
  EXPECT_EQ(tile_used(**small, img), 16);
}

}  // namespace
}  // namespace rsd::pipeline
