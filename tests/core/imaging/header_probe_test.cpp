#include "imaging/header_probe.h"

#include <gtest/gtest.h>

#include <random>

#include <opencv2/imgcodecs.hpp>

#include "imaging/image_decoder.h"

namespace rsd::imaging {
namespace {

std::vector<uint8_t> encode(const cv::Mat& m, const char* ext, std::vector<int> params = {}) {
  std::vector<uint8_t> out;
  EXPECT_TRUE(cv::imencode(ext, m, out, params));
  return out;
}

struct Case {
  const char* ext;
  int cv_type;
  int channels;
  int depth;
  bool alpha;
  bool gray;
};

TEST(HeaderProbe, ReadsWhatOpenCvWrote) {
  const Case cases[] = {
      {".png", CV_8UC3, 3, 8, false, false},  {".png", CV_16UC1, 1, 16, false, true},
      {".png", CV_8UC4, 4, 8, true, false},   {".jpg", CV_8UC3, 3, 8, false, false},
      {".jpg", CV_8UC1, 1, 8, false, true},   {".tiff", CV_16UC3, 3, 16, false, false},
      {".tiff", CV_8UC4, 4, 8, true, false},  {".tiff", CV_8UC1, 1, 8, false, true},
      {".bmp", CV_8UC3, 3, 8, false, false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.ext) + " type " + std::to_string(c.cv_type));
    cv::Mat m(37, 53, c.cv_type, cv::Scalar::all(100));
    const auto bytes = encode(m, c.ext);
    auto info = probe_header(bytes.data(), bytes.size());
    ASSERT_TRUE(info) << info.error().what();
    EXPECT_EQ(info->width, 53u);
    EXPECT_EQ(info->height, 37u);
    EXPECT_EQ(info->channels, c.channels);
    EXPECT_EQ(info->bit_depth, c.depth);
    EXPECT_EQ(info->has_alpha, c.alpha);
    EXPECT_EQ(info->gray, c.gray);
  }
}

TEST(HeaderProbe, ReadsAllWebpVariants) {
  cv::Mat rgb(21, 45, CV_8UC3, cv::Scalar(10, 200, 30));
  cv::Mat rgba(21, 45, CV_8UC4, cv::Scalar(10, 200, 30, 128));
  for (int quality : {80, 101}) {  // lossy (VP8 / VP8X) and lossless (VP8L)
    for (const cv::Mat* m : {&rgb, &rgba}) {
      const auto bytes = encode(*m, ".webp", {cv::IMWRITE_WEBP_QUALITY, quality});
      auto info = probe_header(bytes.data(), bytes.size());
      ASSERT_TRUE(info) << info.error().what();
      EXPECT_EQ(info->format, ImageFormat::Webp);
      EXPECT_EQ(info->width, 45u);
      EXPECT_EQ(info->height, 21u);
      EXPECT_EQ(info->has_alpha, m->channels() == 4) << "quality " << quality;
    }
  }
}

// A PNG signature and IHDR claiming 100000 x 100000, and nothing else: the limit must be enforced
// from the header alone (decoding would fail on the missing data with a different error).
TEST(HeaderProbe, HugePngIsRefusedBeforeDecoding) {
  std::vector<uint8_t> png = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
                              0, 0x01, 0x86, 0xA0, 0, 0x01, 0x86, 0xA0, 8, 2, 0, 0, 0, 0, 0, 0, 0};
  auto info = probe_header(png.data(), png.size());
  ASSERT_TRUE(info);
  EXPECT_EQ(info->width, 100000u);
  EXPECT_EQ(info->pixel_count(), 10000000000ull);
  auto decoded = decode_image(png.data(), png.size());
  ASSERT_FALSE(decoded);
  EXPECT_EQ(decoded.error().code, ErrorCode::TooLarge);
  EXPECT_NE(decoded.error().message.find("100000x100000"), std::string::npos);
}

std::vector<uint8_t> jpeg_with_sof(uint16_t w, uint16_t h, int components, int precision = 8) {
  std::vector<uint8_t> j = {0xFF, 0xD8, 0xFF, 0xE0, 0, 4, 'J', 'F', 0xFF, 0xC0};
  const int len = 8 + 3 * components;
  j.insert(j.end(), {uint8_t(len >> 8), uint8_t(len), uint8_t(precision), uint8_t(h >> 8), uint8_t(h),
                     uint8_t(w >> 8), uint8_t(w), uint8_t(components)});
  for (int c = 0; c < components; ++c) j.insert(j.end(), {uint8_t(c + 1), 0x11, 0});
  return j;
}

TEST(HeaderProbe, HugeJpegIsRefusedBeforeDecoding) {
  const auto jpeg = jpeg_with_sof(65000, 65000, 3);  // JPEG's own maximum is 65535
  auto info = probe_header(jpeg.data(), jpeg.size());
  ASSERT_TRUE(info) << info.error().what();
  EXPECT_EQ(info->width, 65000u);
  auto decoded = decode_image(jpeg.data(), jpeg.size());
  ASSERT_FALSE(decoded);
  EXPECT_EQ(decoded.error().code, ErrorCode::TooLarge);
}

TEST(HeaderProbe, ReportsCmykAndRefusesOtherUnsupportedLayouts) {
  auto cmyk = jpeg_with_sof(10, 10, 4);  // converted to RGB when decoded (cmyk_alpha_test.cpp)
  auto r = probe_header(cmyk.data(), cmyk.size());
  ASSERT_TRUE(r) << r.error().what();
  EXPECT_TRUE(r->cmyk);
  EXPECT_EQ(r->channels, 4);
  EXPECT_FALSE(r->has_alpha);

  auto twelve = jpeg_with_sof(10, 10, 3, 12);
  r = probe_header(twelve.data(), twelve.size());
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::Unsupported);

  // Little-endian TIFF, one IFD with width, height and PhotometricInterpretation = 5 (separated).
  std::vector<uint8_t> tiff = {'I', 'I', 42, 0, 8, 0, 0, 0, 3, 0,
                               0x00, 0x01, 3, 0, 1, 0, 0, 0, 10, 0, 0, 0,
                               0x01, 0x01, 3, 0, 1, 0, 0, 0, 10, 0, 0, 0,
                               0x06, 0x01, 3, 0, 1, 0, 0, 0, 5, 0, 0, 0,
                               0, 0, 0, 0};
  r = probe_header(tiff.data(), tiff.size());
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::Unsupported);
  EXPECT_NE(r.error().message.find("CMYK"), std::string::npos);

  std::vector<uint8_t> bigtiff = {'I', 'I', 43, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
  r = probe_header(bigtiff.data(), bigtiff.size());
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::Unsupported);

  std::vector<uint8_t> animated = {'R', 'I', 'F', 'F', 30, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', 'X',
                                   10, 0, 0, 0, 0x02, 0, 0, 0, 9, 0, 0, 9, 0, 0};
  r = probe_header(animated.data(), animated.size());
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::Unsupported);

  const std::string text = "just some text, not an image";
  r = probe_header(reinterpret_cast<const uint8_t*>(text.data()), text.size());
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::Unsupported);
  EXPECT_FALSE(probe_header(nullptr, 0));
}

// Every prefix and many random corruptions of real headers: the probe must return (error or
// value) without reading out of bounds; run under the sanitizer build to make that strict.
TEST(HeaderProbe, SurvivesTruncationAndCorruption) {
  std::vector<std::vector<uint8_t>> seeds;
  cv::Mat m(9, 11, CV_8UC3, cv::Scalar(1, 2, 3));
  for (const char* ext : {".png", ".jpg", ".tiff", ".bmp", ".webp"}) seeds.push_back(encode(m, ext));
  seeds.push_back(encode(m, ".webp", {cv::IMWRITE_WEBP_QUALITY, 101}));
  std::mt19937 rng(1234);
  for (const auto& seed : seeds) {
    for (size_t n = 0; n <= std::min<size_t>(seed.size(), 400); ++n) {
      std::vector<uint8_t> prefix(seed.begin(), seed.begin() + long(n));  // exact-size copy
      (void)probe_header(prefix.data(), prefix.size());
      (void)tiff_orientation_offset(prefix.data(), prefix.size());
    }
    for (int i = 0; i < 300; ++i) {
      std::vector<uint8_t> mutated(seed.begin(), seed.begin() + long(std::min<size_t>(seed.size(), 200)));
      for (int k = 0; k < 4; ++k) mutated[2 + rng() % (mutated.size() - 2)] = uint8_t(rng());
      (void)tiff_orientation_offset(mutated.data(), mutated.size());
      auto r = probe_header(mutated.data(), mutated.size());
      if (r) {
        EXPECT_GT(r->pixel_count(), 0u);
      }
    }
  }
}

}  // namespace
}  // namespace rsd::imaging
