#include <gtest/gtest.h>

#include <cmath>

#include <opencv2/imgcodecs.hpp>

#include "imaging/channel_ops.h"
#include "imaging/image_decoder.h"
#include "imaging/image_encoder.h"
#include "test_support.h"

namespace rsd::imaging {
namespace {

float max_abs_diff(const ImageF& a, const ImageF& b) {
  EXPECT_EQ(a.width, b.width);
  EXPECT_EQ(a.height, b.height);
  EXPECT_EQ(a.channels, b.channels);
  if (a.data.size() != b.data.size()) return 1e9f;
  float m = 0;
  for (size_t i = 0; i < a.data.size(); ++i) m = std::max(m, std::fabs(a.data[i] - b.data[i]));
  return m;
}

DecodedImage round_trip(const ImageF& img, const EncodeOptions& opt) {
  auto bytes = encode_image(img, opt);
  EXPECT_TRUE(bytes) << bytes.error().what();
  if (!bytes) return {};
  auto decoded = decode_image(bytes->data(), bytes->size());
  EXPECT_TRUE(decoded) << decoded.error().what();
  return decoded ? std::move(decoded.value()) : DecodedImage{};
}

TEST(Codec, LosslessFormatsRoundTripAtTheirBitDepth) {
  struct Case { ImageFormat format; int channels; int depth; };
  const Case cases[] = {
      {ImageFormat::Png, 1, 8}, {ImageFormat::Png, 3, 8}, {ImageFormat::Png, 4, 8},
      {ImageFormat::Png, 1, 16}, {ImageFormat::Png, 3, 16}, {ImageFormat::Png, 4, 16},
      {ImageFormat::Tiff, 1, 8}, {ImageFormat::Tiff, 3, 16}, {ImageFormat::Tiff, 4, 16},
      {ImageFormat::Tiff, 4, 8}, {ImageFormat::Webp, 3, 8}, {ImageFormat::Webp, 4, 8},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(to_string(c.format)) + " " + std::to_string(c.channels) + "ch " +
                 std::to_string(c.depth) + "-bit");
    const ImageF img = test::make_pattern(19, 13, c.channels);
    EncodeOptions opt;
    opt.format = c.format;
    opt.bit_depth = c.depth;
    opt.webp_lossless = true;
    const DecodedImage d = round_trip(img, opt);
    EXPECT_EQ(d.format, c.format);
    EXPECT_EQ(d.bit_depth, c.depth);
    EXPECT_EQ(d.has_alpha, c.channels == 4);
    EXPECT_EQ(d.gray, c.channels == 1);
    // Quantisation only: half a step of the stored depth.
    EXPECT_LE(max_abs_diff(d.pixels, img), 0.5f / (c.depth == 16 ? 65535.f : 255.f) + 1e-6f);
  }
}

TEST(Codec, SixteenBitKeepsStepsThatEightBitLoses) {
  ImageF img(64, 1, 3);
  for (int x = 0; x < 64; ++x)
    for (int c = 0; c < 3; ++c) img.at(x, 0, c) = 0.5f + float(x) / 65535.f;  // 64 steps inside one 8-bit step
  for (ImageFormat f : {ImageFormat::Png, ImageFormat::Tiff}) {
    EncodeOptions opt;
    opt.format = f;
    opt.bit_depth = 16;
    const DecodedImage d = round_trip(img, opt);
    ASSERT_EQ(d.bit_depth, 16);
    for (int x = 1; x < 64; ++x) EXPECT_GT(d.pixels.at(x, 0, 0), d.pixels.at(x - 1, 0, 0));
  }
}

TEST(Codec, ChannelOrderIsRgbBothWays) {
  ImageF red(4, 4, 3);
  for (int i = 0; i < 16; ++i) red.data[i * 3] = 1.f;  // pure red
  for (ImageFormat f : {ImageFormat::Png, ImageFormat::Jpeg, ImageFormat::Tiff, ImageFormat::Webp}) {
    EncodeOptions opt;
    opt.format = f;
    auto bytes = encode_image(red, opt);
    ASSERT_TRUE(bytes);
    // An independent reader: OpenCV gives BGR, so red is the last channel.
    cv::Mat m = cv::imdecode(cv::Mat(1, int(bytes->size()), CV_8U, bytes->data()), cv::IMREAD_COLOR);
    ASSERT_FALSE(m.empty());
    const cv::Vec3b px = m.at<cv::Vec3b>(2, 2);
    EXPECT_GT(px[2], 240) << to_string(f);
    EXPECT_LT(px[0], 15) << to_string(f);
    auto d = decode_image(bytes->data(), bytes->size());
    ASSERT_TRUE(d);
    EXPECT_GT(d->pixels.at(2, 2, 0), 0.94f);
    EXPECT_LT(d->pixels.at(2, 2, 2), 0.06f);
  }
}

TEST(Codec, JpegIsCloseAndGrayStaysGray) {
  const ImageF rgb = test::make_pattern(32, 24, 3);
  EncodeOptions opt;
  opt.format = ImageFormat::Jpeg;
  opt.jpeg_quality = 95;
  EXPECT_LT(max_abs_diff(round_trip(rgb, opt).pixels, rgb), 0.08f);

  const ImageF gray = test::make_pattern(32, 24, 1);
  const DecodedImage g = round_trip(gray, opt);
  EXPECT_TRUE(g.gray);
  EXPECT_EQ(g.pixels.channels, 1);
  EXPECT_LT(max_abs_diff(g.pixels, gray), 0.05f);
}

// The sampling factors of every component in the JPEG frame header (SOF0..SOF2), e.g. 0x11.
std::vector<int> jpeg_sampling_factors(const std::vector<uint8_t>& jpeg) {
  for (size_t i = 2; i + 9 < jpeg.size();) {
    if (jpeg[i] != 0xFF) return {};
    const int marker = jpeg[i + 1];
    const size_t length = size_t(jpeg[i + 2]) << 8 | jpeg[i + 3];
    if (marker >= 0xC0 && marker <= 0xC2) {
      const int components = jpeg[i + 9];
      std::vector<int> factors;
      for (int c = 0; c < components && i + 11 + 3 * c < jpeg.size(); ++c) factors.push_back(jpeg[i + 11 + 3 * c]);
      return factors;
    }
    i += 2 + length;
  }
  return {};
}

TEST(Codec, JpegKeepsFullResolutionChroma) {
  EncodeOptions opt;
  opt.format = ImageFormat::Jpeg;
  opt.jpeg_quality = 90;
  auto rgb = encode_image(test::make_pattern(40, 24, 3), opt);
  ASSERT_TRUE(rgb.ok()) << rgb.error().what();
  EXPECT_EQ(jpeg_sampling_factors(*rgb), (std::vector<int>{0x11, 0x11, 0x11}));  // 4:4:4
  auto gray = encode_image(test::make_pattern(40, 24, 1), opt);
  ASSERT_TRUE(gray.ok());
  EXPECT_EQ(jpeg_sampling_factors(*gray), (std::vector<int>{0x11}));
  // A one-pixel red line on gray survives with its colour: 4:2:0 would halve its chroma.
  ImageF line(16, 16, 3);
  for (float& v : line.data) v = 0.5f;
  for (int y = 0; y < 16; ++y) {
    line.at(7, y, 0) = 1.0f;
    line.at(7, y, 1) = 0.0f;
    line.at(7, y, 2) = 0.0f;
  }
  opt.jpeg_quality = 95;
  const DecodedImage back = round_trip(line, opt);
  EXPECT_GT(back.pixels.at(7, 8, 0) - back.pixels.at(7, 8, 1), 0.7f);
}

TEST(Codec, RejectsWhatFormatsCannotHold) {
  EncodeOptions opt;
  opt.format = ImageFormat::Jpeg;
  auto r = encode_image(test::make_pattern(4, 4, 4), opt);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::InvalidArgument);
  opt.jpeg_quality = 0;
  EXPECT_FALSE(encode_image(test::make_pattern(4, 4, 3), opt));
  opt.format = ImageFormat::Bmp;
  EXPECT_FALSE(encode_image(test::make_pattern(4, 4, 3), opt));
  EXPECT_EQ(effective_bit_depth(ImageFormat::Jpeg, 16), 8);
  EXPECT_EQ(effective_bit_depth(ImageFormat::Webp, 16), 8);
  EXPECT_EQ(effective_bit_depth(ImageFormat::Tiff, 16), 16);
}

TEST(Codec, CorruptDataGivesFormatError) {
  EncodeOptions opt;
  opt.format = ImageFormat::Png;
  auto bytes = encode_image(test::make_pattern(16, 16, 3), opt);
  ASSERT_TRUE(bytes);
  std::vector<uint8_t> cut(bytes->begin(), bytes->begin() + 40);  // header intact, data gone
  auto d = decode_image(cut.data(), cut.size());
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error().code, ErrorCode::Format);
}

TEST(Codec, BmpDecodes) {
  cv::Mat m(5, 7, CV_8UC3, cv::Scalar(0, 0, 255));
  std::vector<uint8_t> bytes;
  ASSERT_TRUE(cv::imencode(".bmp", m, bytes));
  auto d = decode_image(bytes.data(), bytes.size());
  ASSERT_TRUE(d);
  EXPECT_EQ(d->format, ImageFormat::Bmp);
  EXPECT_FLOAT_EQ(d->pixels.at(3, 3, 0), 1.f);
}

TEST(ChannelOps, SplitResizeAndMergeAlpha) {
  const ImageF rgba = test::make_pattern(10, 6, 4);
  const ImageF alpha = take_channels(rgba, 3, 1);
  auto big = resize_plane(alpha, 40, 24);
  ASSERT_TRUE(big);
  for (float v : big->data) {
    EXPECT_GE(v, 0.f);
    EXPECT_LE(v, 1.f);
  }
  // The ramp stays a ramp: left is more transparent than right.
  EXPECT_LT(big->at(2, 12, 0), big->at(37, 12, 0));
  const ImageF merged = merge_alpha(gray_to_rgb(take_channels(rgba, 0, 1)), alpha);
  EXPECT_EQ(merged.channels, 4);
  EXPECT_FLOAT_EQ(merged.at(3, 2, 1), rgba.at(3, 2, 0));
  EXPECT_FLOAT_EQ(merged.at(3, 2, 3), rgba.at(3, 2, 3));
  const ImageF flat = flatten_alpha(merged, 1.f);
  const float a = rgba.at(3, 2, 3);
  EXPECT_NEAR(flat.at(3, 2, 0), rgba.at(3, 2, 0) * a + (1 - a), 1e-6f);
  EXPECT_NEAR(rgb_to_gray(gray_to_rgb(alpha)).at(5, 5, 0), alpha.at(5, 5, 0), 1e-6f);
}

}  // namespace
}  // namespace rsd::imaging
