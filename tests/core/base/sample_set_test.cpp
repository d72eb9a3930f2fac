#include "base/sample_set.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <set>
#include <vector>

#include "base/image_upscaler.h"

namespace rsd {
namespace {

ImageF random_image(int w, int h, int c, unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<float> u(0.f, 1.f);
  ImageF img(w, h, c);
  for (float& v : img.data) v = u(rng);
  return img;
}

TEST(SampleSet, MeanOfIdenticalSamplesIsTheSampleAndTheSpreadIsZero) {
  const ImageF img = random_image(7, 5, 3, 1);
  SampleAccumulator acc;
  for (int k = 0; k < 5; ++k) ASSERT_TRUE(acc.add(img));
  const SampleSet set = acc.finish();
  EXPECT_EQ(set.samples, 5);
  EXPECT_EQ(set.first.data, img.data);
  for (size_t i = 0; i < img.data.size(); ++i) EXPECT_NEAR(set.mean.data[i], img.data[i], 1e-7f);
  ASSERT_EQ(set.spread.channels, 1);
  ASSERT_EQ(set.spread.width, 7);
  for (float s : set.spread.data) EXPECT_EQ(s, 0.f);
  EXPECT_EQ(acc.count(), 0) << "finish() empties the accumulator";
}

TEST(SampleSet, MeanAndSpreadMatchTheTwoPassFormulas) {
  const int K = 6, w = 9, h = 4, c = 3;
  std::vector<ImageF> samples;
  SampleAccumulator acc;
  for (int k = 0; k < K; ++k) {
    samples.push_back(random_image(w, h, c, 10 + k));
    ASSERT_TRUE(acc.add(samples.back()));
  }
  const SampleSet set = acc.finish();
  for (int p = 0; p < w * h; ++p) {
    double var_sum = 0;
    for (int ch = 0; ch < c; ++ch) {
      double mean = 0;
      for (const auto& s : samples) mean += s.data[size_t(p) * c + ch];
      mean /= K;
      EXPECT_NEAR(set.mean.data[size_t(p) * c + ch], mean, 1e-6);
      double var = 0;
      for (const auto& s : samples) var += std::pow(s.data[size_t(p) * c + ch] - mean, 2);
      var_sum += var / K;
    }
    EXPECT_NEAR(set.spread.data[size_t(p)], std::sqrt(var_sum / c), 1e-6);
  }
}

TEST(SampleSet, DetailBlendsFromTheMeanToTheFirstSample) {
  SampleAccumulator acc;
  ImageF a(2, 1, 3), b(2, 1, 3);
  std::fill(a.data.begin(), a.data.end(), 0.8f);
  std::fill(b.data.begin(), b.data.end(), 0.2f);
  acc.add(a);
  acc.add(b);
  const SampleSet set = acc.finish();
  EXPECT_EQ(blend_detail(set, 1.0).data, a.data);  // exactly the first sample
  EXPECT_EQ(blend_detail(set, 7.0).data, a.data);  // clamped
  for (float v : blend_detail(set, 0.0).data) EXPECT_NEAR(v, 0.5f, 1e-6f);
  for (float v : blend_detail(set, -1.0).data) EXPECT_NEAR(v, 0.5f, 1e-6f);
  for (float v : blend_detail(set, 0.25).data) EXPECT_NEAR(v, 0.75f * 0.5f + 0.25f * 0.8f, 1e-6f);
  for (float v : set.spread.data) EXPECT_NEAR(v, 0.3f, 1e-6f);
  // One sample: every detail gives it back unchanged.
  const SampleSet one = single_sample(a);
  EXPECT_EQ(one.samples, 1);
  EXPECT_EQ(blend_detail(one, 0.0).data, a.data);
}

TEST(SampleSet, SamplesOfAnotherSizeAreRefused) {
  SampleAccumulator acc;
  ASSERT_TRUE(acc.add(ImageF(4, 4, 3)));
  EXPECT_FALSE(acc.add(ImageF(4, 5, 3)));
  EXPECT_FALSE(acc.add(ImageF(4, 4, 1)));
  EXPECT_EQ(acc.count(), 1);
}

TEST(SampleSet, SampleSeedsKeepTheFirstAndNeverMeetAcrossTiles) {
  EXPECT_EQ(sample_seed(12345, 0), 12345u);
  // Tile i of sample k draws from sample_seed(seed, k) + i: no two (k, i) share a seed.
  std::set<uint64_t> seen;
  for (int k = 0; k < kMaxSamples; ++k)
    for (uint64_t i = 0; i < 4096; ++i) EXPECT_TRUE(seen.insert(sample_seed(12345, k) + i).second);
}

// A deterministic model through the interface's default: K identical samples.
class ConstantUpscaler : public ImageUpscaler {
 public:
  Result<ImageF> upscale(const ImageF& rgb, const JobContext&) override {
    ++calls;
    ImageF out(rgb.width * 2, rgb.height * 2, 3);
    for (int y = 0; y < out.height; ++y)
      for (int x = 0; x < out.width; ++x)
        for (int c = 0; c < 3; ++c) out.at(x, y, c) = rgb.at(x / 2, y / 2, c);
    return out;
  }
  int scale() const override { return 2; }
  std::string model_name() const override { return "constant"; }
  std::string device_name() const override { return "cpu"; }
  int calls = 0;
};

TEST(SampleSet, ADeterministicModelGivesZeroSpreadThroughTheDefault) {
  ConstantUpscaler up;
  const ImageF in = random_image(5, 3, 3, 4);
  auto set = up.upscale_samples(in, 3, {});
  ASSERT_TRUE(set.ok());
  EXPECT_EQ(up.calls, 3);
  EXPECT_EQ(set->samples, 3);
  auto once = up.upscale(in, {});
  EXPECT_EQ(set->first.data, once->data);
  for (float s : set->spread.data) EXPECT_EQ(s, 0.f);
  EXPECT_EQ(up.sampling().samples, 1);
}

}  // namespace
}  // namespace rsd
