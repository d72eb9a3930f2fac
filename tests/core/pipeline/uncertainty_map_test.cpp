// The map of invented detail through process_file(): named after the output, coloured from the
// samples' spread, black where all samples agree, the same on the banded path as on the whole one.
#include "pipeline/uncertainty_map.h"

#include <gtest/gtest.h>

#include <cmath>

#include "imaging/image_decoder.h"
#include "imaging/image_encoder.h"
#include "pipeline/process_file.h"
#include "../imaging/test_support.h"

namespace rsd::pipeline {
namespace {

using imaging::ImageFormat;
namespace fs = std::filesystem;

// Bicubic, and sample k adds k x 0.04 x (v - 0.5): a spread that depends on the content only (so
// bands and tiles cannot change it) and is known in closed form.
class SpreadingUpscaler : public test::BicubicUpscaler {
 public:
  Result<ImageF> upscale_sample(const ImageF& rgb, int k, const JobContext& ctx, ImageF*) override {
    auto s = upscale(rgb, ctx);
    if (!s) return s.error();
    for (float& v : s->data) v += 0.04f * float(k) * (v - 0.5f);
    return s;
  }
};

fs::path write_png(const test::TempDir& dir, const ImageF& img, const std::string& name) {
  imaging::EncodeOptions o;
  o.format = ImageFormat::Png;
  auto bytes = imaging::encode_image(img, o);
  EXPECT_TRUE(bytes);
  test::write_bytes(dir / name, bytes.value());
  return dir / name;
}

ImageF read_image(const fs::path& p) {
  const auto bytes = test::read_bytes(p);
  auto d = imaging::decode_image(bytes.data(), bytes.size());
  EXPECT_TRUE(d) << d.error().what();
  return d ? d->pixels : ImageF();
}

TEST(UncertaintyMap, IsNamedAfterTheOutput) {
  EXPECT_EQ(uncertainty_map_path("/a/b/party {2024}_x4.jpg"), fs::path("/a/b/party {2024}_x4_uncertainty.png"));
  EXPECT_EQ(uncertainty_map_path("out/p.x4.tif"), fs::path("out/p.x4_uncertainty.png"));
  EXPECT_EQ(uncertainty_map_path("out/p_x4.jpg", 3), fs::path("out/p_x4_uncertainty_3.png"));
}

// Two outputs that differ only in their extension get two maps; an existing map is replaced only
// with Overwrite; a map never takes the name of an input.
TEST(UncertaintyMap, NeverReplacesAnotherFileOrAnInput) {
  test::TempDir dir;
  const fs::path jpg_in = write_png(dir, test::make_pattern(16, 12, 3), "photo.png");
  ImageF spread(64, 48, 1);
  OutputOptions o;
  auto first = write_uncertainty_map(spread, dir / "photo_x4.jpg", jpg_in, o);
  auto second = write_uncertainty_map(spread, dir / "photo_x4.png", jpg_in, o);
  ASSERT_TRUE(first && second);
  EXPECT_EQ(first.value(), dir / "photo_x4_uncertainty.png");
  EXPECT_EQ(second.value(), dir / "photo_x4_uncertainty_2.png");
  o.existing = ExistingOutput::Overwrite;
  auto again = write_uncertainty_map(spread, dir / "photo_x4.jpg", jpg_in, o);
  ASSERT_TRUE(again);
  EXPECT_EQ(again.value(), dir / "photo_x4_uncertainty.png");
  // An input named like the map is skipped over, also with Overwrite.
  const fs::path input_like_map = write_png(dir, test::make_pattern(16, 12, 3), "a_uncertainty.png");
  const std::string before = test::file_digest(input_like_map);
  auto beside = write_uncertainty_map(spread, dir / "a.png", input_like_map, o);
  ASSERT_TRUE(beside);
  EXPECT_EQ(beside.value(), dir / "a_uncertainty_2.png");
  EXPECT_EQ(test::file_digest(input_like_map), before);
}

TEST(UncertaintyMap, ColoursGoFromBlackToBrightWithTheSpread) {
  ImageF spread(5, 1, 1);
  for (int x = 0; x < 5; ++x) spread.at(x, 0, 0) = kSpreadFullScale * float(x) / 3.f;  // last two saturate
  const ImageF c = spread_to_colors(spread);
  ASSERT_EQ(c.channels, 3);
  for (int ch = 0; ch < 3; ++ch) EXPECT_EQ(c.at(0, 0, ch), 0.f) << "no spread is black";
  double prev = -1;
  for (int x = 0; x < 4; ++x) {
    const double luma = 0.3 * c.at(x, 0, 0) + 0.6 * c.at(x, 0, 1) + 0.1 * c.at(x, 0, 2);
    EXPECT_GT(luma, prev) << x;
    prev = luma;
  }
  for (int ch = 0; ch < 3; ++ch) EXPECT_EQ(c.at(3, 0, ch), c.at(4, 0, ch)) << "clamped at full scale";
}

TEST(UncertaintyMap, ProcessFileWritesItBesideTheOutput) {
  test::TempDir dir;
  const fs::path in = write_png(dir, test::make_pattern(24, 20, 3), "photo.png");
  OutputOptions o;
  o.uncertainty_map = true;
  o.name_template = "{stem}_x{scale}.{ext}";
  // A model whose samples all agree: a black map, and the output is its ordinary result.
  test::BicubicUpscaler same(4);
  auto r = process_file(in, o, same, {});
  ASSERT_TRUE(r) << r.error().what();
  EXPECT_EQ(r->uncertainty_map, dir / "photo_x4_uncertainty.png");
  const ImageF black = read_image(r->uncertainty_map);
  ASSERT_EQ(black.width, 96);
  ASSERT_EQ(black.height, 80);
  for (float v : black.data) ASSERT_EQ(v, 0.f);
  // Without the option no map is written.
  OutputOptions plain;
  plain.output_dir = dir / "plain";
  fs::create_directories(plain.output_dir);
  ASSERT_TRUE(process_file(in, plain, same, {}));
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(plain.output_dir)) names.push_back(e.path().filename().string());
  EXPECT_EQ(names, std::vector<std::string>{"photo_x4.png"});

  // Samples that disagree: the map shows their spread, 0.04 |v - 0.5| std(k) per channel.
  SpreadingUpscaler spreading;
  spreading.set_sampling({4, 1.0});
  o.existing = ExistingOutput::Overwrite;
  auto r2 = process_file(in, o, spreading, {});
  ASSERT_TRUE(r2) << r2.error().what();
  const ImageF map = read_image(r2->uncertainty_map);
  const ImageF out = read_image(r2->output);
  test::BicubicUpscaler ref(4);
  auto plain_out = ref.upscale(read_image(in), {});
  ImageF expected_spread(out.width, out.height, 1);
  const double std_k = std::sqrt((16.0 - 1.0) / 12.0);  // of k = 0..3
  for (int y = 0; y < out.height; ++y)
    for (int x = 0; x < out.width; ++x) {
      double var = 0;
      for (int c = 0; c < 3; ++c) var += std::pow(0.04 * std_k * (plain_out->at(x, y, c) - 0.5), 2);
      expected_spread.at(x, y, 0) = float(std::sqrt(var / 3));
    }
  const ImageF expected = spread_to_colors(expected_spread);
  float worst = 0;
  for (size_t i = 0; i < map.data.size(); ++i) worst = std::max(worst, std::fabs(map.data[i] - expected.data[i]));
  EXPECT_LE(worst, 2.5f / 255) << worst * 255 << " levels";
  // Detail 1: the output is the first sample, i.e. the ordinary result.
  float out_diff = 0;
  for (size_t i = 0; i < out.data.size(); ++i) out_diff = std::max(out_diff, std::fabs(out.data[i] - plain_out->data[i]));
  EXPECT_LE(out_diff, 0.51f / 255);
}

TEST(UncertaintyMap, TheBandedPathWritesTheSameMap) {
  test::TempDir dir;
  const fs::path in = write_png(dir, test::make_pattern(40, 70, 3), "tall.png");
  SpreadingUpscaler up;
  up.set_sampling({3, 0.5});
  OutputOptions o;
  o.uncertainty_map = true;
  o.output_dir = dir / "whole";
  fs::create_directories(o.output_dir);
  auto whole = process_file(in, o, up, {});
  ASSERT_TRUE(whole) << whole.error().what();
  const int calls = up.calls;
  o.output_dir = dir / "banded";
  fs::create_directories(o.output_dir);
  o.bands.min_output_pixels = 0;
  o.bands.rows = 16;
  o.bands.overlap = 6;
  auto banded = process_file(in, o, up, {});
  ASSERT_TRUE(banded) << banded.error().what();
  EXPECT_GE(up.calls - calls, 5) << "70 rows in bands of 16";
  EXPECT_EQ(banded->uncertainty_map, dir / "banded" / "tall_x4_uncertainty.png");
  const ImageF a = read_image(whole->uncertainty_map), b = read_image(banded->uncertainty_map);
  ASSERT_EQ(a.data.size(), b.data.size());
  double worst = 0, mean = 0, diff = 0;
  for (size_t i = 0; i < a.data.size(); ++i) {
    worst = std::max(worst, double(std::fabs(a.data[i] - b.data[i])));
    diff += std::fabs(a.data[i] - b.data[i]);
    mean += a.data[i];
  }
  EXPECT_GT(mean / a.data.size(), 0.05) << "the map is not black";
  // The map magnifies the spread about 32x (255 / 8 levels): a band's edge rows (seen without their neighbours) move it
  // a few levels where the cross-fade gives them almost no weight.
  EXPECT_LE(worst, 6.0 / 255) << worst * 255 << " levels: a band seam";
  EXPECT_LE(diff / a.data.size(), 0.2 / 255);
  // The blended output too (detail 0.5) matches the whole-image path.
  const ImageF oa = read_image(whole->output), ob = read_image(banded->output);
  float out_worst = 0;
  for (size_t i = 0; i < oa.data.size(); ++i) out_worst = std::max(out_worst, std::fabs(oa.data[i] - ob.data[i]));
  EXPECT_LE(out_worst, 1.f / 255);
}

}  // namespace
}  // namespace rsd::pipeline
