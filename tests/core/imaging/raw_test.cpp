// The LibRaw decoder on DNGs written at test time (dng_fixture.h): what it accepts, the sizes it
// reports, the colours and orientation of what it develops, its limits, and hostile bytes.
#include "imaging/raw_decoder.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <random>
#include <string>

#include "dng_fixture.h"

namespace rsd::imaging::raw {
namespace {

using test::DngSpec;
using test::make_plain_tiff;
using test::make_test_dng;
using Pixel = std::array<int, 3>;

constexpr uint64_t kNoLimit = 0;

Pixel at(const Decoded& d, int x, int y) {
  const size_t i = (size_t(y) * size_t(d.width) + size_t(x)) * 3;
  return {d.samples[i], d.samples[i + 1], d.samples[i + 2]};
}

std::string str(const Pixel& p) {
  return std::to_string(p[0]) + "," + std::to_string(p[1]) + "," + std::to_string(p[2]);
}

// 'R', 'G' or 'B' when that channel is clearly the largest (1.8x the others: the fixture's
// saturated patches give ~3x), 'N' for a neutral (channels within 4% of their mean), else '?'.
char classify(const Pixel& p) {
  for (int c = 0; c < 3; ++c) {
    const int a = p[(c + 1) % 3], b = p[(c + 2) % 3];
    if (p[c] > 1.8 * a && p[c] > 1.8 * b) return "RGB"[c];
  }
  const double mean = (p[0] + p[1] + p[2]) / 3.0;
  const int spread = *std::max_element(p.begin(), p.end()) - *std::min_element(p.begin(), p.end());
  return mean > 0 && spread <= 0.04 * mean ? 'N' : '?';
}

// Where TIFF Orientation `o` shows the stored pixel (x, y) of a w x h picture.
std::array<int, 2> displayed(int o, int x, int y, int w, int h) {
  switch (o) {
    case 2: return {w - 1 - x, y};          // mirrored left-right
    case 3: return {w - 1 - x, h - 1 - y};  // rotated 180
    case 4: return {x, h - 1 - y};          // mirrored top-bottom
    case 5: return {y, x};                  // transposed
    case 6: return {h - 1 - y, x};          // rotated 90 clockwise
    case 7: return {h - 1 - y, w - 1 - x};  // transversed
    case 8: return {y, w - 1 - x};          // rotated 90 counter-clockwise
    default: return {x, y};
  }
}

Result<Decoded> decode_spec(const DngSpec& spec, uint64_t max_pixels = kNoLimit) {
  const auto dng = make_test_dng(spec);
  return decode(dng.data(), dng.size(), max_pixels);
}

TEST(RawDecoder, SniffAcceptsTheDng) {
  const auto dng = make_test_dng();
  EXPECT_TRUE(sniff(dng.data(), dng.size()));
}

// Long enough for LibRaw to look at the signature instead of running out of bytes.
template <size_t N>
std::vector<uint8_t> padded(const uint8_t (&header)[N]) {
  std::vector<uint8_t> bytes(2048, 0);
  std::copy(header, header + N, bytes.begin());
  return bytes;
}

TEST(RawDecoder, SniffRejectsPlainTiffsAndOtherFormats) {
  struct Case {
    const char* name;
    std::vector<uint8_t> bytes;
  };
  const uint8_t jpeg[] = {0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0x00, 0x01,
                          0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xFF, 0xD9};
  const uint8_t png[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13,
                         'I', 'H', 'D', 'R', 0, 0, 0, 64, 0, 0, 0, 48, 8, 2, 0, 0, 0};
  const Case cases[] = {
      {"RGB 8-bit TIFF", make_plain_tiff(64, 48, 3, 8)},
      {"RGB 16-bit TIFF", make_plain_tiff(64, 48, 3, 16)},
      {"RGB 8-bit TIFF with a Make", make_plain_tiff(64, 48, 3, 8, "NIKON CORPORATION")},
      {"RGB 16-bit TIFF with a Make", make_plain_tiff(64, 48, 3, 16, "Canon")},
      // LibRaw alone takes these two for early camera RAWs (one sample per pixel and a Make).
      {"gray 16-bit TIFF with a Make", make_plain_tiff(64, 48, 1, 16, "Canon")},
      // A camera LibRaw knows (it has a colour matrix for it): still a gray picture, not a mosaic.
      {"gray 16-bit TIFF of a known camera", make_plain_tiff(64, 48, 1, 16, "Canon", "Canon EOS 5D Mark II")},
      {"gray 8-bit TIFF with a Make", make_plain_tiff(64, 48, 1, 8, "Phase One")},
      {"gray 16-bit TIFF", make_plain_tiff(64, 48, 1, 16)},
      {"JPEG header", {std::begin(jpeg), std::end(jpeg)}},
      {"PNG header", {std::begin(png), std::end(png)}},
      {"JPEG header padded to 2 KB", padded(jpeg)},
      {"PNG header padded to 2 KB", padded(png)},
      {"one byte", {0x49}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_FALSE(sniff(c.bytes.data(), c.bytes.size()));
    const auto p = probe(c.bytes.data(), c.bytes.size());
    ASSERT_FALSE(p.ok());
    EXPECT_EQ(p.error().code, ErrorCode::Unsupported) << p.error().what();
    EXPECT_FALSE(decode(c.bytes.data(), c.bytes.size(), kNoLimit).ok());
  }
  const uint8_t byte = 0;
  EXPECT_FALSE(sniff(nullptr, 0));
  EXPECT_FALSE(sniff(&byte, 0));
  EXPECT_EQ(probe(nullptr, 0).error().code, ErrorCode::Unsupported);
  EXPECT_EQ(decode(nullptr, 0, kNoLimit).error().code, ErrorCode::Unsupported);
}

TEST(RawDecoder, ProbeGivesTheDecodedSizeForEveryOrientation) {
  for (int o = 1; o <= 8; ++o) {
    SCOPED_TRACE("orientation " + std::to_string(o));
    DngSpec spec;
    spec.orientation = o;
    const auto dng = make_test_dng(spec);
    const auto p = probe(dng.data(), dng.size());
    ASSERT_TRUE(p.ok()) << p.error().what();
    const bool transposed = o >= 5;
    EXPECT_EQ(p->width, uint32_t(transposed ? spec.height : spec.width));
    EXPECT_EQ(p->height, uint32_t(transposed ? spec.width : spec.height));
    EXPECT_NE(p->camera.find("RSD"), std::string::npos) << p->camera;
    EXPECT_NE(p->camera.find("Test Camera"), std::string::npos) << p->camera;

    const auto d = decode(dng.data(), dng.size(), kNoLimit);
    ASSERT_TRUE(d.ok()) << d.error().what();
    EXPECT_EQ(uint32_t(d->width), p->width);
    EXPECT_EQ(uint32_t(d->height), p->height);
    EXPECT_EQ(d->samples.size(), size_t(d->width) * size_t(d->height) * 3);
    EXPECT_EQ(d->camera, p->camera);
  }
}

// The quadrants' centres come out as the sRGB encoding of the fixture's linear colours:
// 0.50 -> 48194 of 65535, 0.02 -> 9961, 0.18 -> 30237 (measured: red 48192,9942,9947; green
// 9942,48192,9947; blue 9942,9947,48192; gray 30233,30233,30234). The tolerance, 300 (0.5% of
// full scale), allows for LibRaw's tone-curve table and demosaicing; gray's channels agree
// within 0.5% of their mean.
TEST(RawDecoder, DevelopsTheDesignedColoursWithAnSrgbProfile) {
  const DngSpec spec;
  const auto d = decode_spec(spec);
  ASSERT_TRUE(d.ok()) << d.error().what();
  const int w = spec.width, h = spec.height;
  const Pixel red = at(*d, w / 4, h / 4), green = at(*d, 3 * w / 4, h / 4);
  const Pixel blue = at(*d, w / 4, 3 * h / 4), gray = at(*d, 3 * w / 4, 3 * h / 4);
  EXPECT_EQ(classify(red), 'R') << str(red);
  EXPECT_EQ(classify(green), 'G') << str(green);
  EXPECT_EQ(classify(blue), 'B') << str(blue);
  EXPECT_EQ(classify(gray), 'N') << str(gray);
  const int high = 48194, low = 9961, mid = 30237, tolerance = 300;
  for (int c = 0; c < 3; ++c) {
    EXPECT_NEAR(red[c], c == 0 ? high : low, tolerance) << str(red);
    EXPECT_NEAR(green[c], c == 1 ? high : low, tolerance) << str(green);
    EXPECT_NEAR(blue[c], c == 2 ? high : low, tolerance) << str(blue);
    EXPECT_NEAR(gray[c], mid, tolerance) << str(gray);
  }
  const auto [lo, hi] = std::minmax_element(gray.begin(), gray.end());
  EXPECT_LE(*hi - *lo, 0.005 * mid) << str(gray);
  // Real 16-bit samples, not 8-bit ones scaled by 257.
  EXPECT_TRUE(std::any_of(d->samples.begin(), d->samples.end(),
                          [](uint16_t v) { return v % 257 != 0; }));

  ASSERT_GE(d->icc.size(), 128u);
  EXPECT_EQ(std::memcmp(d->icc.data() + 36, "acsp", 4), 0);
  EXPECT_EQ(std::memcmp(d->icc.data() + 16, "RGB ", 4), 0);  // its colour space
}

TEST(RawDecoder, AppliesTheAsShotWhiteBalance) {
  DngSpec spec;
  spec.as_shot_neutral = {0.5f, 1.0f, 0.7f};  // a warm light: red and blue record weaker
  const auto d = decode_spec(spec);
  ASSERT_TRUE(d.ok()) << d.error().what();
  const Pixel gray = at(*d, 3 * spec.width / 4, 3 * spec.height / 4);
  EXPECT_EQ(classify(gray), 'N') << str(gray);
}

TEST(RawDecoder, AppliesEveryOrientation) {
  const DngSpec base;
  const int w = base.width, h = base.height;
  // Stored quadrant centres and their colours: red, green, blue, gray.
  const std::array<std::array<int, 2>, 4> centres = {
      {{w / 4, h / 4}, {3 * w / 4, h / 4}, {w / 4, 3 * h / 4}, {3 * w / 4, 3 * h / 4}}};
  const char colours[] = "RGBN";
  for (int o = 1; o <= 8; ++o) {
    SCOPED_TRACE("orientation " + std::to_string(o));
    DngSpec spec;
    spec.orientation = o;
    const auto d = decode_spec(spec);
    ASSERT_TRUE(d.ok()) << d.error().what();
    for (int q = 0; q < 4; ++q) {
      const auto xy = displayed(o, centres[q][0], centres[q][1], w, h);
      const Pixel p = at(*d, xy[0], xy[1]);
      EXPECT_EQ(classify(p), colours[q]) << "quadrant " << q << " at " << xy[0] << "," << xy[1]
                                         << ": " << str(p);
    }
  }
  // In plain words for two of them: red lands top-right for 6 and bottom-right for 3.
  DngSpec rotated;
  rotated.orientation = 6;
  auto d = decode_spec(rotated);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(classify(at(*d, d->width - 1 - h / 4, w / 4)), 'R');
  rotated.orientation = 3;
  d = decode_spec(rotated);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(classify(at(*d, d->width - 1 - w / 4, d->height - 1 - h / 4)), 'R');
}

TEST(RawDecoder, RefusesPicturesAboveTheLimitBeforeDeveloping) {
  const DngSpec spec;
  const uint64_t pixels = uint64_t(spec.width) * uint64_t(spec.height);
  const auto refused = decode_spec(spec, pixels - 1);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::TooLarge);
  EXPECT_NE(refused.error().message.find("64x48 pixels exceeds the input limit of 3071 pixels"),
            std::string::npos)
      << refused.error().message;
  EXPECT_TRUE(decode_spec(spec, pixels).ok());
}

// Whatever LibRaw makes of damaged bytes, the API answers with an error or a whole picture.
void expect_error_or_picture(const std::vector<uint8_t>& bytes) {
  (void)sniff(bytes.data(), bytes.size());
  const auto p = probe(bytes.data(), bytes.size());
  if (p.ok()) {
    EXPECT_TRUE(p->width > 0 && p->height > 0);
  }
  const auto d = decode(bytes.data(), bytes.size(), 1'000'000);
  if (d.ok()) {
    EXPECT_GT(d->width, 0);
    EXPECT_GT(d->height, 0);
    EXPECT_EQ(d->samples.size(), size_t(d->width) * size_t(d->height) * 3);
    EXPECT_FALSE(d->icc.empty());
  } else {
    EXPECT_FALSE(d.error().message.empty());
  }
}

TEST(RawDecoder, SurvivesTruncatedFiles) {
  const auto dng = make_test_dng();
  for (int i = 0; i < 40; ++i) {
    const size_t length = dng.size() * size_t(i) / 40;
    SCOPED_TRACE("first " + std::to_string(length) + " bytes");
    expect_error_or_picture(std::vector<uint8_t>(dng.begin(), dng.begin() + long(length)));
  }
  for (size_t cut : {1, 2, 4, 7, 12, 30, 100}) {  // into the IFD, which libtiff writes last
    SCOPED_TRACE("all but the last " + std::to_string(cut) + " bytes");
    expect_error_or_picture(std::vector<uint8_t>(dng.begin(), dng.end() - long(cut)));
  }
}

// Sets the value of a one-value SHORT or LONG entry in the first IFD of a little-endian TIFF.
void patch_first_ifd(std::vector<uint8_t>& tiff, uint16_t tag, uint32_t value) {
  auto u16 = [&](size_t at) { return uint32_t(tiff.at(at) | tiff.at(at + 1) << 8); };
  const size_t ifd = u16(4) | u16(6) << 16;
  for (size_t i = 0, n = u16(ifd); i < n; ++i) {
    const size_t entry = ifd + 2 + 12 * i;
    if (u16(entry) != tag) continue;
    const int bytes = u16(entry + 2) == 3 ? 2 : 4;  // SHORT or LONG
    for (int b = 0; b < bytes; ++b) tiff.at(entry + 8 + size_t(b)) = uint8_t(value >> (8 * b));
    return;
  }
  FAIL() << "no tag " << tag;
}

TEST(RawDecoder, ReportsPixelDataPastTheEndAsFormat) {
  auto dng = make_test_dng();
  ASSERT_EQ(dng[0], 'I');  // the fixture is written in the host's order
  patch_first_ifd(dng, 273, uint32_t(dng.size() - 1000));  // StripOffsets: 6 KB of pixels
  ASSERT_TRUE(sniff(dng.data(), dng.size()));            // the header itself is fine
  const auto d = decode(dng.data(), dng.size(), kNoLimit);
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.error().code, ErrorCode::Format) << d.error().what();
}

TEST(RawDecoder, SurvivesFlippedBytes) {
  const auto dng = make_test_dng();
  std::mt19937 random(20240517);
  std::uniform_int_distribution<size_t> where(0, dng.size() - 1);
  std::uniform_int_distribution<int> value(0, 255), count(1, 8);
  for (int i = 0; i < 300; ++i) {
    auto bytes = dng;
    for (int n = count(random); n > 0; --n) bytes[where(random)] = uint8_t(value(random));
    SCOPED_TRACE("mutation " + std::to_string(i));
    expect_error_or_picture(bytes);
  }
}

TEST(RawDecoder, IsDeterministic) {
  const auto dng = make_test_dng();
  const auto a = decode(dng.data(), dng.size(), kNoLimit);
  const auto b = decode(dng.data(), dng.size(), kNoLimit);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->samples, b->samples);
}

}  // namespace
}  // namespace rsd::imaging::raw
