#include "metrics/matlab_resize.h"

#include <gtest/gtest.h>

namespace rsd::metrics {
namespace {

TEST(MatlabResize, HalfScaleAntialiasedKernelWeights) {
  // At scale 0.5 with antialiasing MATLAB uses 0.5 * cubic(d / 2) on 8 taps; output pixel o
  // (0-based) is centred on input 2o + 0.5. For an impulse at input 8, outputs 4, 3, 5 and 2 sit
  // at distances 0.5, 1.5, 2.5 and 3.5, i.e. 0.5 * cubic(0.25, 0.75, 1.25, 1.75) =
  // 0.43359375, 0.11328125, -0.03515625, -0.01171875; output 1 is out of reach.
  Plane impulse(16, 16);
  impulse.at(8, 8) = 1.0;
  const Plane out = matlab_resize(impulse, 0.5, true);
  ASSERT_EQ(out.width, 8);
  ASSERT_EQ(out.height, 8);
  EXPECT_NEAR(out.at(4, 4), 0.43359375 * 0.43359375, 1e-15);
  EXPECT_NEAR(out.at(3, 4), 0.11328125 * 0.43359375, 1e-15);
  EXPECT_NEAR(out.at(5, 4), -0.03515625 * 0.43359375, 1e-15);
  EXPECT_NEAR(out.at(2, 4), -0.01171875 * 0.43359375, 1e-15);
  EXPECT_NEAR(out.at(1, 4), 0.0, 1e-15);
  EXPECT_NEAR(out.at(4, 5), 0.43359375 * -0.03515625, 1e-15);
}

TEST(MatlabResize, WithoutAntialiasingUsesTheNarrowKernel) {
  // Taps at distances 0.5 and 1.5 of the plain cubic: 0.5625 and -0.0625.
  Plane impulse(16, 16);
  impulse.at(8, 8) = 1.0;
  const Plane out = matlab_resize(impulse, 0.5, false);
  EXPECT_NEAR(out.at(4, 4), 0.5625 * 0.5625, 1e-15);
  EXPECT_NEAR(out.at(3, 4), -0.0625 * 0.5625, 1e-15);
  EXPECT_NEAR(out.at(2, 4), 0.0, 1e-15);
}

TEST(MatlabResize, PreservesRampsInTheInteriorAndMirrorsEdges) {
  // A symmetric, normalized kernel maps a linear ramp to the ramp at the output centres.
  Plane ramp(24, 4);
  for (int y = 0; y < 4; ++y) {
    for (int x = 0; x < 24; ++x) ramp.at(x, y) = x;
  }
  const Plane out = matlab_resize(ramp, 0.5, true);
  for (int o = 2; o < 10; ++o) EXPECT_NEAR(out.at(o, 1), 2.0 * o + 0.5, 1e-12) << o;
  // At the left edge MATLAB mirrors with the edge sample repeated (... 2 1 0 | 0 1 2 ...), so the
  // taps at -1, -2, -3 read 0, 1, 2 instead of the ramp's -1, -2, -3:
  // 0.5 + 1 * 0.11328125 - 3 * 0.03515625 - 5 * 0.01171875. (Reflect-101 would give 0.515625.)
  EXPECT_NEAR(out.at(0, 1), 0.44921875, 1e-12);
}

TEST(MatlabResize, OutputSizeIsCeilOfScaledSize) {
  Plane p(13, 7);
  const Plane half = matlab_resize(p, 0.5);
  EXPECT_EQ(half.width, 7);
  EXPECT_EQ(half.height, 4);
  const Plane quarter = matlab_resize(Plane(101, 64), 0.25);
  EXPECT_EQ(quarter.width, 26);
  EXPECT_EQ(quarter.height, 16);
}

TEST(MatlabResize, ImageVersionKeepsChannelsAndConstants) {
  ImageF img(40, 32, 4);
  for (size_t i = 0; i < img.pixel_count(); ++i) {
    img.data[4 * i + 0] = 0.25f;
    img.data[4 * i + 1] = 0.5f;
    img.data[4 * i + 2] = 0.75f;
    img.data[4 * i + 3] = 1.0f;
  }
  const Result<ImageF> r = matlab_resize(img, 0.25);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->width, 10);
  ASSERT_EQ(r->height, 8);
  ASSERT_EQ(r->channels, 4);
  for (int c = 0; c < 4; ++c) EXPECT_NEAR(r->at(5, 3, c), 0.25f * (c + 1), 1e-6);
  EXPECT_FALSE(matlab_resize(img, 0.0).ok());
  EXPECT_FALSE(matlab_resize(ImageF(), 0.5).ok());
}

}  // namespace
}  // namespace rsd::metrics
