// EXIF orientation in the decoder: both decode paths (float pixels and 8/16-bit samples) must give
// the upright picture the EXIF specification describes for each of the eight values.
#include <gtest/gtest.h>

#include <string>

#include "imaging/image_decoder.h"
#include "imaging/image_encoder.h"
#include "imaging/integer_image.h"
#include "test_support.h"

namespace rsd::imaging {
namespace {

// The upright picture from the EXIF wording ("the 0th row is the visual right-hand side, the 0th
// column the visual top" for 6, ...) as index arithmetic: an independent route from the decoder's
// OpenCV flips and rotations. For each upright pixel (u, v), the stored pixel (x, y).
ImageF upright_reference(const ImageF& stored, int orientation) {
  const int W = stored.width, H = stored.height, C = stored.channels;
  const bool swap = orientation >= 5 && orientation <= 8;
  ImageF out(swap ? H : W, swap ? W : H, C);
  for (int v = 0; v < out.height; ++v)
    for (int u = 0; u < out.width; ++u) {
      int x = u, y = v;
      switch (orientation) {
        case 2: x = W - 1 - u; break;
        case 3: x = W - 1 - u; y = H - 1 - v; break;
        case 4: y = H - 1 - v; break;
        case 5: x = v; y = u; break;
        case 6: x = v; y = H - 1 - u; break;
        case 7: x = W - 1 - v; y = H - 1 - u; break;
        case 8: x = W - 1 - v; y = u; break;
        default: break;
      }
      for (int c = 0; c < C; ++c) out.at(u, v, c) = stored.at(x, y, c);
    }
  return out;
}

void expect_same(const ImageF& got, const ImageF& want) {
  ASSERT_EQ(got.width, want.width);
  ASSERT_EQ(got.height, want.height);
  ASSERT_EQ(got.channels, want.channels);
  for (int y = 0; y < got.height; ++y)
    for (int x = 0; x < got.width; ++x)
      for (int c = 0; c < got.channels; ++c) ASSERT_EQ(got.at(x, y, c), want.at(x, y, c)) << x << "," << y;
}

TEST(Orientation, BothDecodePathsMatchTheSpecificationForAllEight) {
  for (int channels : {1, 3, 4}) {
    // A 16-bit PNG of a 5x3 asymmetric picture: lossless, and no two pixels alike.
    EncodeOptions eo;
    eo.format = ImageFormat::Png;
    eo.bit_depth = 16;
    auto png = encode_image(test::make_pattern(5, 3, channels), eo);
    ASSERT_TRUE(png);
    auto as_stored = decode_image(png->data(), png->size());
    ASSERT_TRUE(as_stored);
    const ImageF& stored = as_stored->pixels;
    for (int o = 1; o <= 8; ++o) {
      SCOPED_TRACE("channels " + std::to_string(channels) + ", orientation " + std::to_string(o));
      DecodeOptions options;
      options.orientation = o;
      auto whole = decode_image(png->data(), png->size(), options);
      ASSERT_TRUE(whole);
      EXPECT_EQ(whole->source_orientation, o);
      const ImageF want = upright_reference(stored, o);
      expect_same(whole->pixels, want);

      IntegerImage samples;
      auto described = decode_image_integer(png->data(), png->size(), options, samples);
      ASSERT_TRUE(described);
      ASSERT_EQ(samples.width, want.width);
      ASSERT_EQ(samples.height, want.height);
      expect_same(samples.rows_as_float(0, samples.height, 0, channels), want);
    }
  }
}

TEST(Orientation, OutOfRangeValuesAreTheStoredPicture) {
  EncodeOptions eo;
  auto png = encode_image(test::make_pattern(4, 2, 3), eo);
  ASSERT_TRUE(png);
  auto stored = decode_image(png->data(), png->size());
  ASSERT_TRUE(stored);
  for (int o : {0, 9, -3}) {
    DecodeOptions options;
    options.orientation = o;
    auto d = decode_image(png->data(), png->size(), options);
    ASSERT_TRUE(d);
    EXPECT_EQ(d->source_orientation, 1);
    EXPECT_EQ(d->pixels.data, stored->pixels.data);
  }
}

}  // namespace
}  // namespace rsd::imaging
