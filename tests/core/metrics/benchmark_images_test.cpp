#include "metrics/benchmark_images.h"

#include <gtest/gtest.h>

#include <cmath>

#include "metrics/psnr_ssim.h"
#include "test_images.h"

namespace rsd::metrics {
namespace {

using testing::textured_image;

TEST(ModCrop, KeepsTheTopLeftMultipleOfTheFactor) {
  const ImageF img = textured_image(103, 77);
  const Result<ImageF> c = mod_crop(img, 4);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->width, 100);
  EXPECT_EQ(c->height, 76);
  EXPECT_EQ(c->at(99, 75, 1), img.at(99, 75, 1));
  EXPECT_FALSE(mod_crop(img, 0).ok());
  EXPECT_FALSE(mod_crop(textured_image(3, 8), 4).ok());
}

TEST(MakeLowResolution, ShrinksByTheFactorIn8BitLevels) {
  const Result<ImageF> lr = make_low_resolution(textured_image(103, 77), 4);
  ASSERT_TRUE(lr.ok());
  EXPECT_EQ(lr->width, 25);
  EXPECT_EQ(lr->height, 19);
  EXPECT_EQ(lr->channels, 3);
  for (float v : lr->data) {
    const double levels = double(v) * 255.0;
    ASSERT_NEAR(levels, std::round(levels), 1e-4);
    ASSERT_GE(v, 0.0f);
    ASSERT_LE(v, 1.0f);
  }
}

TEST(MakeLowResolution, AveragesFineDetailAway) {
  // A one-pixel checkerboard has no frequency below the x4 Nyquist limit, so the antialiased
  // filter must return (almost) its mean; plain subsampling would return pure black or white.
  ImageF board(64, 64, 1);
  for (int y = 0; y < 64; ++y) {
    for (int x = 0; x < 64; ++x) board.at(x, y, 0) = (x + y) % 2 ? 1.0f : 0.0f;
  }
  LowResolutionOptions raw;
  raw.quantize_8bit = false;
  const Result<ImageF> lr = make_low_resolution(board, 4, raw);
  ASSERT_TRUE(lr.ok());
  for (int y = 2; y < 14; ++y) {
    for (int x = 2; x < 14; ++x) EXPECT_NEAR(lr->at(x, y, 0), 0.5f, 0.01f) << x << "," << y;
  }
}

TEST(UpscaleClassical, RoundTripOfASmoothImageIsClose) {
  const ImageF hr = textured_image(96, 64);
  const Result<ImageF> lr = make_low_resolution(hr, 2);
  ASSERT_TRUE(lr.ok());
  FullReferenceOptions opts;
  opts.crop_border = 2;
  for (UpscaleFilter f : {UpscaleFilter::MatlabBicubic, UpscaleFilter::OpenCvBicubic,
                          UpscaleFilter::OpenCvLanczos}) {
    const Result<ImageF> sr = upscale_classical(*lr, 2, f);
    ASSERT_TRUE(sr.ok());
    ASSERT_EQ(sr->width, 96);
    ASSERT_EQ(sr->height, 64);
    ASSERT_EQ(sr->channels, 3);
    EXPECT_GT(*psnr(hr, *sr, opts), 30.0) << int(f);
  }
}

TEST(UpscaleClassical, ReproducesRampsAndClamps) {
  // Keys' cubic with a = -0.5 (MATLAB) reproduces a linear ramp exactly away from the borders;
  // OpenCV's a = -0.75 cubic and Lanczos-4 only approximately (their ripple here is ~0.002).
  // Outputs are clamped to [0, 1] even where a kernel overshoots at a hard edge.
  ImageF ramp(16, 4, 1);
  for (int y = 0; y < 4; ++y) {
    for (int x = 0; x < 16; ++x) ramp.at(x, y, 0) = 0.05f * x;
  }
  // Output pixel X samples input position (X + 0.5) / 4 - 0.5 with all three filters.
  auto expected = [](int x) { return 0.05 * ((x + 0.5) / 4.0 - 0.5); };
  const Result<ImageF> matlab = upscale_classical(ramp, 4, UpscaleFilter::MatlabBicubic);
  const Result<ImageF> cubic = upscale_classical(ramp, 4, UpscaleFilter::OpenCvBicubic);
  const Result<ImageF> lanczos = upscale_classical(ramp, 4, UpscaleFilter::OpenCvLanczos);
  ASSERT_TRUE(matlab.ok() && cubic.ok() && lanczos.ok());
  ASSERT_EQ(cubic->width, 64);
  ASSERT_EQ(lanczos->height, 16);
  for (int x = 16; x < 48; ++x) {
    EXPECT_NEAR(matlab->at(x, 8, 0), expected(x), 1e-6) << x;
    EXPECT_NEAR(cubic->at(x, 8, 0), expected(x), 2.5e-3) << x;
    EXPECT_NEAR(lanczos->at(x, 8, 0), expected(x), 2.5e-3) << x;
  }
  ImageF edge(8, 8, 1);
  for (int y = 0; y < 8; ++y) {
    for (int x = 4; x < 8; ++x) edge.at(x, y, 0) = 1.0f;
  }
  for (UpscaleFilter f : {UpscaleFilter::MatlabBicubic, UpscaleFilter::OpenCvBicubic,
                          UpscaleFilter::OpenCvLanczos}) {
    const Result<ImageF> e = upscale_classical(edge, 4, f);
    ASSERT_TRUE(e.ok());
    for (float v : e->data) {
      ASSERT_GE(v, 0.0f);
      ASSERT_LE(v, 1.0f);
    }
  }
  EXPECT_FALSE(upscale_classical(ImageF(), 4, UpscaleFilter::OpenCvLanczos).ok());
  EXPECT_FALSE(upscale_classical(ramp, 0, UpscaleFilter::OpenCvLanczos).ok());
}

}  // namespace
}  // namespace rsd::metrics
