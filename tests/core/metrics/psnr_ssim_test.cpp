#include "metrics/psnr_ssim.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include "test_images.h"

namespace rsd::metrics {
namespace {

using testing::add_noise;
using testing::textured_image;

ImageF constant_image(int w, int h, float r, float g, float b) {
  ImageF img(w, h, 3);
  for (size_t i = 0; i < img.pixel_count(); ++i) {
    img.data[3 * i] = r;
    img.data[3 * i + 1] = g;
    img.data[3 * i + 2] = b;
  }
  return img;
}

// BasicSR's _ssim, transcribed with OpenCV: filter2D (reflect-101 borders) then the 5-pixel
// border cut away, so only windows that fit inside the image count.
double reference_ssim_on_y(const ImageF& a, const ImageF& b) {
  auto to_y = [](const ImageF& img) {
    cv::Mat y(img.height, img.width, CV_64F);
    for (int r = 0; r < img.height; ++r) {
      for (int c = 0; c < img.width; ++c) {
        y.at<double>(r, c) = 16.0 + 65.481 * img.at(c, r, 0) + 128.553 * img.at(c, r, 1) +
                             24.966 * img.at(c, r, 2);
      }
    }
    return y;
  };
  const cv::Mat y1 = to_y(a);
  const cv::Mat y2 = to_y(b);
  const cv::Mat k = cv::getGaussianKernel(11, 1.5, CV_64F);
  const cv::Mat window = k * k.t();
  const cv::Rect valid(5, 5, a.width - 10, a.height - 10);
  auto filt = [&](const cv::Mat& m) {
    cv::Mat out;
    cv::filter2D(m, out, -1, window);
    return cv::Mat(out, valid).clone();
  };
  const cv::Mat mu1 = filt(y1), mu2 = filt(y2);
  const cv::Mat s11 = filt(y1.mul(y1)) - mu1.mul(mu1);
  const cv::Mat s22 = filt(y2.mul(y2)) - mu2.mul(mu2);
  const cv::Mat s12 = filt(y1.mul(y2)) - mu1.mul(mu2);
  const double c1 = 6.5025, c2 = 58.5225;
  cv::Mat num = (2 * mu1.mul(mu2) + c1).mul(2 * s12 + c2);
  cv::Mat den = (mu1.mul(mu1) + mu2.mul(mu2) + c1).mul(s11 + s22 + c2);
  cv::Mat map;
  cv::divide(num, den, map);
  return cv::mean(map)[0];
}

TEST(Psnr, IdenticalImagesAreInfinite) {
  const ImageF a = textured_image(40, 30);
  const Result<double> p = psnr(a, a);
  ASSERT_TRUE(p.ok());
  EXPECT_TRUE(std::isinf(*p) && *p > 0);
}

TEST(Psnr, ConstantOffsetOnY) {
  // Adding d to R, G and B moves Y by d * (65.481 + 128.553 + 24.966) = 219 d (in 0..255 units),
  // so PSNR = 10 log10(255^2 / (219 d)^2) exactly, whatever the content.
  const ImageF a = textured_image(48, 40);
  ImageF b = a;
  const double d = 4.0 / 255.0;
  for (float& v : b.data) v = float(v + d);
  const double dy = 219.0 * double(float(d));
  const Result<double> p = psnr(a, b);
  ASSERT_TRUE(p.ok());
  // Float storage of the pixels limits agreement to about 1e-4 dB.
  EXPECT_NEAR(*p, 10.0 * std::log10(255.0 * 255.0 / (dy * dy)), 2e-4);
}

TEST(Psnr, ConstantOffsetOnRgbIgnoresOtherChannelsCrop) {
  // On RGB, an offset of 10 levels in one channel only gives MSE = 100 / 3.
  ImageF a = constant_image(20, 20, 0.2f, 0.4f, 0.6f);
  ImageF b = constant_image(20, 20, 0.2f, 0.4f + 10.0f / 255.0f, 0.6f);
  FullReferenceOptions rgb;
  rgb.y_channel = false;
  rgb.crop_border = 4;
  const Result<double> p = psnr(a, b, rgb);
  ASSERT_TRUE(p.ok());
  EXPECT_NEAR(*p, 10.0 * std::log10(255.0 * 255.0 / (100.0 / 3.0)), 1e-4);
}

TEST(Psnr, CropBorderExcludesTheEdges) {
  // Differences only in a 2-pixel frame: invisible with crop_border 2, visible without.
  const ImageF a = textured_image(32, 32);
  ImageF b = a;
  for (int y = 0; y < 32; ++y) {
    for (int x = 0; x < 32; ++x) {
      if (x < 2 || y < 2 || x >= 30 || y >= 30) b.at(x, y, 0) = 1.0f - b.at(x, y, 0);
    }
  }
  FullReferenceOptions crop;
  crop.crop_border = 2;
  EXPECT_TRUE(std::isinf(*psnr(a, b, crop)));
  EXPECT_TRUE(std::isfinite(*psnr(a, b)));
}

TEST(Psnr, RejectsMismatchedSizes) {
  const Result<double> p = psnr(textured_image(20, 20), textured_image(21, 20));
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.error().code, ErrorCode::InvalidArgument);
  FullReferenceOptions crop;
  crop.crop_border = 10;
  EXPECT_FALSE(psnr(textured_image(20, 20), textured_image(20, 20), crop).ok());
}

TEST(Ssim, IdenticalImagesGiveOne) {
  const ImageF a = textured_image(64, 48);
  EXPECT_NEAR(*ssim(a, a), 1.0, 1e-12);
  FullReferenceOptions rgb;
  rgb.y_channel = false;
  EXPECT_NEAR(*ssim(a, a, rgb), 1.0, 1e-12);
}

TEST(Ssim, ConstantOffsetOnFlatImagesHasClosedForm) {
  // Flat images: every sigma is 0, so SSIM reduces to the luminance term
  // (2 m1 m2 + C1) / (m1^2 + m2^2 + C1) with m the Y values.
  const ImageF a = constant_image(30, 30, 0.5f, 0.5f, 0.5f);
  const ImageF b = constant_image(30, 30, 0.6f, 0.6f, 0.6f);
  const double m1 = 16.0 + 219.0 * double(0.5f);
  const double m2 = 16.0 + 219.0 * double(0.6f);
  const double c1 = (0.01 * 255.0) * (0.01 * 255.0);
  const double expected = (2.0 * m1 * m2 + c1) / (m1 * m1 + m2 * m2 + c1);
  EXPECT_NEAR(*ssim(a, b), expected, 1e-9);
}

TEST(Ssim, NoiseLowersItMonotonically) {
  const ImageF a = textured_image(64, 64);
  const double light = *ssim(a, add_noise(a, 0.02, 7));
  const double heavy = *ssim(a, add_noise(a, 0.08, 7));
  EXPECT_LT(light, 1.0);
  EXPECT_LT(heavy, light);
  EXPECT_GT(heavy, 0.0);
}

TEST(Ssim, MatchesTheOpenCvTranscriptionOfBasicSr) {
  const ImageF a = textured_image(57, 43);
  const ImageF b = add_noise(a, 0.05, 11);
  const double expected = reference_ssim_on_y(a, b);
  EXPECT_LT(expected, 0.95);
  EXPECT_NEAR(*ssim(a, b), expected, 1e-10);
  // With crop_border the same reference on the cropped images.
  FullReferenceOptions crop;
  crop.crop_border = 4;
  EXPECT_NEAR(*ssim(a, b, crop),
              reference_ssim_on_y(a.crop(4, 4, 49, 35), b.crop(4, 4, 49, 35)), 1e-10);
}

TEST(Ssim, NeedsTheWholeWindow) {
  FullReferenceOptions crop;
  crop.crop_border = 5;
  const Result<double> s = ssim(textured_image(20, 20), textured_image(20, 20), crop);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::InvalidArgument);
}

}  // namespace
}  // namespace rsd::metrics
