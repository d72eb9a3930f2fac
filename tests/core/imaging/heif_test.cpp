// heif_codec: every fixture is encoded at run time, by heif::encode or by libheif's own API where
// the codec cannot write what a test needs (rotation, 10-bit, monochrome).
#include "imaging/heif_codec.h"

#include <gtest/gtest.h>
#include <libheif/heif.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <memory>
#include <random>
#include <string>

namespace rsd::imaging::heif {
namespace {

using Bytes = std::vector<uint8_t>;

ImageF gradient(int w, int h, int channels) {
  ImageF img(w, h, channels);
  const float sx = 1.f / float(std::max(w - 1, 1)), sy = 1.f / float(std::max(h - 1, 1));
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      img.at(x, y, 0) = float(x) * sx;
      img.at(x, y, 1) = float(y) * sy;
      img.at(x, y, 2) = 0.5f * (float(x) * sx + float(y) * sy);
      if (channels == 4) img.at(x, y, 3) = 0.25f + 0.75f * float(x) * sx;
    }
  return img;
}

uint8_t sample8(const Decoded& d, int x, int y, int c) { return d.samples[(size_t(y) * d.width + x) * d.channels + c]; }

uint16_t sample16(const Decoded& d, size_t i) {
  uint16_t v;
  std::memcpy(&v, &d.samples[2 * i], 2);
  return v;
}

struct Errors {
  double mean = 0, max = 0;  // absolute, in 8-bit levels
};

Errors errors(const Decoded& d, const ImageF& src, int first, int count) {
  Errors e;
  for (int y = 0; y < src.height; ++y)
    for (int x = 0; x < src.width; ++x)
      for (int c = first; c < first + count; ++c) {
        const double diff = std::abs(sample8(d, x, y, c) - src.at(x, y, c) * 255.0);
        e.mean += diff;
        e.max = std::max(e.max, diff);
      }
  e.mean /= double(src.width) * src.height * count;
  return e;
}

// A little-endian TIFF header with one IFD entry (Orientation = 1).
Bytes tiny_exif() {
  return {'I', 'I', 42, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0};
}

Bytes tiny_xmp() {
  const std::string s =
      "<?xpacket begin=\"\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?><x:xmpmeta xmlns:x=\"adobe:ns:meta/\">"
      "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"/></x:xmpmeta><?xpacket end=\"w\"?>";
  return Bytes(s.begin(), s.end());
}

// A 132-byte ICC header with no tags: the right size field and 'acsp' signature, enough to look
// valid. (libheif 1.15 does not parse the profile; it stores and returns the bytes as given.)
Bytes tiny_icc() {
  Bytes icc(132, 0);
  icc[3] = 132;
  std::memcpy(&icc[4], "rsdt", 4);
  icc[8] = 4, icc[9] = 0x20;
  std::memcpy(&icc[12], "mntrRGB XYZ ", 12);
  std::memcpy(&icc[36], "acsp", 4);
  return icc;
}

Bytes must_encode(const ImageF& img, Flavor flavor, int quality = 90) {
  EncodeParams p;
  p.flavor = flavor;
  p.quality = quality;
  auto r = encode(img, p);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().what());
  return r.ok() ? *r : Bytes{};
}

// ---- libheif directly, for files encode() does not write ----

using RawImage = std::unique_ptr<heif_image, decltype(&heif_image_release)>;

RawImage raw_image(int w, int h, heif_colorspace space, heif_chroma chroma, heif_channel channel, int bits) {
  heif_image* img = nullptr;
  EXPECT_EQ(heif_image_create(w, h, space, chroma, &img).code, heif_error_Ok);
  EXPECT_EQ(heif_image_add_plane(img, channel, w, h, bits).code, heif_error_Ok);
  return RawImage(img, heif_image_release);
}

// The file, or an empty vector with `why` set when libheif cannot encode it here.
Bytes raw_encode(const heif_image* img, heif_orientation orientation, std::string* why, const Bytes& exif = {}) {
  std::unique_ptr<heif_context, decltype(&heif_context_free)> ctx(heif_context_alloc(), heif_context_free);
  heif_encoder* enc = nullptr;
  heif_error e = heif_context_get_encoder_for_format(ctx.get(), heif_compression_HEVC, &enc);
  std::unique_ptr<heif_encoder, decltype(&heif_encoder_release)> encoder(enc, heif_encoder_release);
  if (e.code != heif_error_Ok) {
    *why = e.message;
    return {};
  }
  heif_encoder_set_lossy_quality(enc, 90);
  std::unique_ptr<heif_encoding_options, decltype(&heif_encoding_options_free)> options(
      heif_encoding_options_alloc(), heif_encoding_options_free);
  options->image_orientation = orientation;
  heif_image_handle* handle = nullptr;
  e = heif_context_encode_image(ctx.get(), img, enc, options.get(), &handle);
  std::unique_ptr<heif_image_handle, decltype(&heif_image_handle_release)> h(handle, heif_image_handle_release);
  if (e.code != heif_error_Ok) {
    *why = e.message;
    return {};
  }
  if (!exif.empty()) {
    EXPECT_EQ(heif_context_add_exif_metadata(ctx.get(), handle, exif.data(), int(exif.size())).code, heif_error_Ok);
  }
  Bytes out;
  heif_writer writer{1, [](heif_context*, const void* data, size_t size, void* user) {
                       auto* v = static_cast<Bytes*>(user);
                       v->insert(v->end(), static_cast<const uint8_t*>(data), static_cast<const uint8_t*>(data) + size);
                       return heif_error{heif_error_Ok, heif_suberror_Unspecified, "Success"};
                     }};
  EXPECT_EQ(heif_context_write(ctx.get(), &writer, &out).code, heif_error_Ok);
  return out;
}

// 64x48 RGB, dark grey with a white 8x8 marker in the top-left corner.
RawImage marked_image() {
  RawImage img = raw_image(64, 48, heif_colorspace_RGB, heif_chroma_interleaved_RGB, heif_channel_interleaved, 8);
  int stride = 0;
  uint8_t* p = heif_image_get_plane(img.get(), heif_channel_interleaved, &stride);
  for (int y = 0; y < 48; ++y)
    for (int x = 0; x < 64 * 3; ++x) p[y * stride + x] = (x < 8 * 3 && y < 8) ? 250 : 40;
  return img;
}

size_t find_fourcc(const Bytes& b, const char* type) {
  for (size_t i = 4; i + 4 <= b.size(); ++i)
    if (std::memcmp(&b[i], type, 4) == 0) return i;
  return 0;
}

// ---- sniff ----

Bytes ftyp(const char* major, std::vector<const char*> compatible) {
  Bytes b = {0, 0, 0, uint8_t(16 + 4 * compatible.size()), 'f', 't', 'y', 'p'};
  b.insert(b.end(), major, major + 4);
  b.insert(b.end(), {0, 0, 0, 0});
  for (const char* c : compatible) b.insert(b.end(), c, c + 4);
  b.resize(64, 0);  // the start of the next box
  return b;
}

TEST(HeifSniff, RecognisesWhatEncodeWrote) {
  for (const Flavor f : {Flavor::Heic, Flavor::Avif}) {
    if (!can_encode(f)) continue;
    const Bytes file = must_encode(gradient(16, 16, 3), f);
    Flavor got = f == Flavor::Heic ? Flavor::Avif : Flavor::Heic;
    EXPECT_TRUE(sniff(file.data(), file.size(), &got));
    EXPECT_EQ(got, f);
  }
  Flavor got = Flavor::Heic;
  const Bytes mif1_avif = ftyp("mif1", {"mif1", "miaf", "avif"});
  EXPECT_TRUE(sniff(mif1_avif.data(), mif1_avif.size(), &got));
  EXPECT_EQ(got, Flavor::Avif);
  const Bytes mp4_with_heic = ftyp("mp42", {"isom", "mp42", "heic"});
  EXPECT_TRUE(sniff(mp4_with_heic.data(), mp4_with_heic.size(), &got));
  EXPECT_EQ(got, Flavor::Heic);
}

TEST(HeifSniff, RejectsOtherFiles) {
  const Bytes cr3 = ftyp("crx ", {"isom", "crx "});
  const Bytes mp4 = ftyp("isom", {"isom", "mp42"});
  const Bytes mov = ftyp("qt  ", {"qt  "});
  const Bytes jpeg = {0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0};
  Bytes tiny_box = ftyp("heic", {"mif1"});
  tiny_box[3] = 12;  // an ftyp box too short to hold its brands
  Bytes brand_outside = ftyp("isom", {"mp42"});
  std::memcpy(&brand_outside[20], "heic", 4);  // past the box's end
  const Bytes* const others[] = {&cr3, &mp4, &mov, &jpeg, &tiny_box, &brand_outside};
  for (const Bytes* b : others) {
    EXPECT_FALSE(sniff(b->data(), b->size())) << std::string(b->begin() + 8, b->begin() + 12);
  }
  const uint8_t three[3] = {0, 0, 0};
  EXPECT_FALSE(sniff(three, 3));
  EXPECT_FALSE(sniff(nullptr, 0));
  const Bytes heic = ftyp("heic", {"mif1", "heic"});
  EXPECT_FALSE(sniff(heic.data(), 15));  // shorter than ftyp's fixed part (size, type, brand, version)
  EXPECT_TRUE(sniff(heic.data(), 16));
}

// ---- round trips through encode() ----

class HeifRoundTrip : public testing::TestWithParam<Flavor> {
 protected:
  void SetUp() override {
    if (!can_encode(GetParam())) GTEST_SKIP() << "libheif has no encoder for this flavour here";
  }
};

TEST_P(HeifRoundTrip, RgbWithMetadata) {
  const ImageF src = gradient(64, 48, 3);
  EncodeParams p;
  p.flavor = GetParam();
  p.quality = 90;
  p.exif = tiny_exif();
  p.xmp = tiny_xmp();
  p.icc = tiny_icc();
  auto file = encode(src, p);
  ASSERT_TRUE(file.ok()) << file.error().what();

  auto info = probe(file->data(), file->size());
  ASSERT_TRUE(info.ok()) << info.error().what();
  EXPECT_EQ(info->flavor, GetParam());
  EXPECT_EQ(info->width, 64u);
  EXPECT_EQ(info->height, 48u);
  EXPECT_EQ(info->bit_depth, 8);
  EXPECT_FALSE(info->has_alpha);
  EXPECT_FALSE(info->gray);

  auto d = decode(file->data(), file->size(), 0);
  ASSERT_TRUE(d.ok()) << d.error().what();
  EXPECT_EQ(d->width, 64);
  EXPECT_EQ(d->height, 48);
  EXPECT_EQ(d->channels, 3);
  EXPECT_EQ(d->bit_depth, 8);
  EXPECT_FALSE(d->gray);
  ASSERT_EQ(d->samples.size(), size_t(64) * 48 * 3);
  // Measured at q 90 (x265 3.5, libaom 3.6): mean 1.22 / max 5.4 levels HEIC, 1.30 / 6.0 AVIF.
  const Errors rgb = errors(*d, src, 0, 3);
  EXPECT_LT(rgb.mean, 2.5);
  EXPECT_LT(rgb.max, 12);
  EXPECT_EQ(d->exif, p.exif);
  EXPECT_EQ(d->xmp, p.xmp);
  EXPECT_EQ(d->icc, p.icc);
}

TEST_P(HeifRoundTrip, AlphaIsKept) {
  const ImageF src = gradient(64, 48, 4);
  const Bytes file = must_encode(src, GetParam());
  auto info = probe(file.data(), file.size());
  ASSERT_TRUE(info.ok()) << info.error().what();
  EXPECT_TRUE(info->has_alpha);
  auto d = decode(file.data(), file.size(), 0);
  ASSERT_TRUE(d.ok()) << d.error().what();
  ASSERT_EQ(d->channels, 4);
  ASSERT_EQ(d->samples.size(), size_t(64) * 48 * 4);
  // Measured: mean 0.23 / max 0.5 levels HEIC, 0.26 / 1.2 AVIF.
  const Errors alpha = errors(*d, src, 3, 1);
  EXPECT_LT(alpha.mean, 1.0);
  EXPECT_LE(alpha.max, 4);
  EXPECT_LT(errors(*d, src, 0, 3).mean, 2.5);
  EXPECT_TRUE(d->exif.empty() && d->xmp.empty() && d->icc.empty());
}

// Sizes the codecs pad to their block size, which libheif crops back (a grid or clap).
TEST_P(HeifRoundTrip, OddSizes) {
  for (const auto& [w, h] : {std::pair{63, 47}, std::pair{1, 1}, std::pair{3, 2}}) {
    SCOPED_TRACE(std::to_string(w) + "x" + std::to_string(h));
    const ImageF src = gradient(w, h, 3);
    const Bytes file = must_encode(src, GetParam());
    auto info = probe(file.data(), file.size());
    ASSERT_TRUE(info.ok()) << info.error().what();
    EXPECT_EQ(info->width, uint32_t(w));
    EXPECT_EQ(info->height, uint32_t(h));
    auto d = decode(file.data(), file.size(), 0);
    ASSERT_TRUE(d.ok()) << d.error().what();
    EXPECT_EQ(d->width, w);
    EXPECT_EQ(d->height, h);
    ASSERT_EQ(d->samples.size(), size_t(w) * h * 3);
    if (w == 63) {
      EXPECT_LT(errors(*d, src, 0, 3).mean, 2.5);
    }
  }
}

// Truncations and byte flips of a small file with alpha: an error or a well-formed image, never a
// crash. (fuzz/fuzz_heif.cpp goes further.)
TEST_P(HeifRoundTrip, SurvivesDamagedFiles) {
  const Bytes good = must_encode(gradient(24, 16, 4), GetParam(), 50);
  ASSERT_FALSE(good.empty());
  auto check = [](const Bytes& b) {
    auto info = probe(b.data(), b.size());
    auto d = decode(b.data(), b.size(), 4'000'000);
    if (d.ok()) {
      ASSERT_GT(d->width, 0);
      ASSERT_EQ(d->samples.size(), size_t(d->width) * d->height * d->channels * (d->bit_depth / 8));
    } else {
      ASSERT_FALSE(d.error().message.empty());
    }
    if (info.ok()) {
      ASSERT_GT(info->width, 0u);
    }
  };
  for (size_t i = 0; i < 50; ++i) {
    SCOPED_TRACE("prefix " + std::to_string(i));
    check(Bytes(good.begin(), good.begin() + std::ptrdiff_t(good.size() * i / 50)));
  }
  std::mt19937 rng(1234);
  for (int i = 0; i < 150; ++i) {
    Bytes bad = good;
    for (int k = 0; k < 1 + i % 4; ++k) bad[rng() % bad.size()] ^= uint8_t(1 + rng() % 255);
    SCOPED_TRACE("flip set " + std::to_string(i));
    check(bad);
  }
  EXPECT_EQ(probe(nullptr, 0).error().code, ErrorCode::Format);
}

INSTANTIATE_TEST_SUITE_P(Flavors, HeifRoundTrip, testing::Values(Flavor::Heic, Flavor::Avif),
                         [](const auto& info) { return info.param == Flavor::Heic ? "Heic" : "Avif"; });

// ---- decoding what encode() does not write, and the pixel limit ----

// Two files whose primary image is turned 90° clockwise: libheif 1.15's own writer (irot listed
// before an ispe that already holds the turned size) and a spec-ordered one (ispe with the coded
// 64x48, then irot), made by overwriting the primary image's pixi box, listed after its ispe, with
// an irot box of the same size so that no offset moves.
TEST(HeifDecode, AppliesRotation) {
  if (!can_encode(Flavor::Heic)) GTEST_SKIP() << "no HEIC encoder here";
  std::string why;
  const RawImage img = marked_image();
  const Bytes by_libheif = raw_encode(img.get(), heif_orientation_rotate_90_cw, &why);
  Bytes spec_order = raw_encode(img.get(), heif_orientation_normal, &why);
  ASSERT_FALSE(by_libheif.empty() || spec_order.empty()) << why;
  const size_t ispe = find_fourcc(spec_order, "ispe"), pixi = find_fourcc(spec_order, "pixi");
  ASSERT_TRUE(ispe != 0 && pixi > ispe) << "libheif no longer writes pixi after ispe";
  std::memcpy(&spec_order[pixi], "irot", 4);
  std::memset(&spec_order[pixi + 4], 0, spec_order[pixi - 1] - 8u);  // pixi boxes are 16 bytes
  spec_order[pixi + 4] = 3;  // 3 x 90° anticlockwise

  const Bytes* const files[] = {&by_libheif, &spec_order};
  for (const Bytes* file : files) {
    SCOPED_TRACE(file == &by_libheif ? "libheif's irot" : "spec-ordered irot");
    ASSERT_NE(find_fourcc(*file, "irot"), 0u);
    auto info = probe(file->data(), file->size());
    ASSERT_TRUE(info.ok()) << info.error().what();
    auto d = decode(file->data(), file->size(), 0);
    ASSERT_TRUE(d.ok()) << d.error().what();
    EXPECT_EQ(info->width, 48u);
    EXPECT_EQ(info->height, 64u);
    EXPECT_EQ(d->width, 48);
    EXPECT_EQ(d->height, 64);
    // Turned clockwise, the top-left marker lands top-right.
    EXPECT_GT(sample8(*d, 44, 3, 0), 200);
    EXPECT_LT(sample8(*d, 3, 3, 0), 80);
    EXPECT_LT(sample8(*d, 44, 60, 0), 80);
  }
}

TEST(HeifDecode, TenBitIsScaledTo16) {
  if (!can_encode(Flavor::Heic)) GTEST_SKIP() << "no HEIC encoder here";
  RawImage img = raw_image(32, 32, heif_colorspace_RGB, heif_chroma_interleaved_RRGGBB_LE, heif_channel_interleaved, 10);
  int stride = 0;
  uint8_t* p = heif_image_get_plane(img.get(), heif_channel_interleaved, &stride);
  for (int y = 0; y < 32; ++y)
    for (int x = 0; x < 32 * 3; ++x) {
      const uint16_t v = y < 16 ? 1023 : 512;  // white above, mid grey below
      p[y * stride + 2 * x] = uint8_t(v & 0xff);
      p[y * stride + 2 * x + 1] = uint8_t(v >> 8);
    }
  std::string why;
  const Bytes file = raw_encode(img.get(), heif_orientation_normal, &why);
  if (file.empty()) GTEST_SKIP() << "libheif cannot encode 10-bit HEVC here: " << why;
  auto info = probe(file.data(), file.size());
  ASSERT_TRUE(info.ok()) << info.error().what();
  EXPECT_EQ(info->bit_depth, 10);
  auto d = decode(file.data(), file.size(), 0);
  ASSERT_TRUE(d.ok()) << d.error().what();
  EXPECT_EQ(d->bit_depth, 16);
  ASSERT_EQ(d->samples.size(), size_t(32) * 32 * 3 * 2);
  for (size_t i = 0; i < size_t(32) * 32 * 3; ++i) {
    const uint16_t v = sample16(*d, i);
    // Every value is a 10-bit level stretched: v = round(k * 65535 / 1023).
    const long k = std::lround(v * 1023.0 / 65535.0);
    ASSERT_EQ(v, std::lround(k * 65535.0 / 1023.0)) << "sample " << i;
  }
  EXPECT_GE(sample16(*d, 8 * 32 * 3 + 5), 65535 - 2 * 64);       // white within 2 10-bit levels
  EXPECT_NEAR(sample16(*d, 24 * 32 * 3 + 5), 32800, 3 * 64);      // 512 of 1023
}

TEST(HeifDecode, MonochromeComesBackAsGrayRgb) {
  if (!can_encode(Flavor::Heic)) GTEST_SKIP() << "no HEIC encoder here";
  RawImage img = raw_image(32, 24, heif_colorspace_monochrome, heif_chroma_monochrome, heif_channel_Y, 8);
  int stride = 0;
  uint8_t* p = heif_image_get_plane(img.get(), heif_channel_Y, &stride);
  for (int y = 0; y < 24; ++y)
    for (int x = 0; x < 32; ++x) p[y * stride + x] = uint8_t(x * 8);
  std::string why;
  const Bytes file = raw_encode(img.get(), heif_orientation_normal, &why);
  if (file.empty()) GTEST_SKIP() << "libheif cannot encode monochrome HEVC here: " << why;
  auto info = probe(file.data(), file.size());
  ASSERT_TRUE(info.ok()) << info.error().what();
  EXPECT_TRUE(info->gray);
  auto d = decode(file.data(), file.size(), 0);
  ASSERT_TRUE(d.ok()) << d.error().what();
  EXPECT_TRUE(d->gray);
  ASSERT_EQ(d->channels, 3);
  for (int y = 0; y < 24; ++y)
    for (int x = 0; x < 32; ++x) {
      ASSERT_EQ(sample8(*d, x, y, 0), sample8(*d, x, y, 1));
      ASSERT_EQ(sample8(*d, x, y, 0), sample8(*d, x, y, 2));
      ASSERT_NEAR(sample8(*d, x, y, 0), x * 8, 6);
    }
}

// Writers that keep a JPEG APP1's "Exif\0\0" in the item: the TIFF header is still what comes back.
TEST(HeifDecode, ExifAfterAnExifPrefix) {
  if (!can_encode(Flavor::Heic)) GTEST_SKIP() << "no HEIC encoder here";
  Bytes app1 = {'E', 'x', 'i', 'f', 0, 0};
  const Bytes tiff = tiny_exif();
  app1.insert(app1.end(), tiff.begin(), tiff.end());
  std::string why;
  const Bytes file = raw_encode(marked_image().get(), heif_orientation_normal, &why, app1);
  ASSERT_FALSE(file.empty()) << why;
  auto d = decode(file.data(), file.size(), 0);
  ASSERT_TRUE(d.ok()) << d.error().what();
  EXPECT_EQ(d->exif, tiff);
}

TEST(HeifDecode, MaxPixelsIsCheckedBeforeDecoding) {
  if (!can_encode(Flavor::Heic)) GTEST_SKIP() << "no HEIC encoder here";
  Bytes file = must_encode(gradient(64, 48, 3), Flavor::Heic);
  // Destroy the coded picture: only a check made before decoding can still answer TooLarge.
  const size_t mdat = find_fourcc(file, "mdat");
  ASSERT_NE(mdat, 0u);
  std::fill(file.begin() + std::ptrdiff_t(mdat) + 4, file.end(), uint8_t(0xAA));
  auto d = decode(file.data(), file.size(), 64 * 48 - 1);
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.error().code, ErrorCode::TooLarge);
  EXPECT_NE(d.error().message.find("64x48 pixels exceeds the input limit of 3071 pixels"), std::string::npos)
      << d.error().message;
  EXPECT_FALSE(decode(file.data(), file.size(), 64 * 48).ok());  // it really cannot be decoded
}

TEST(HeifEncode, RefusesWhatItCannotWrite) {
  for (const int channels : {1, 2}) {
    auto r = encode(ImageF(8, 8, channels), EncodeParams{});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::InvalidArgument);
  }
  EncodeParams bad_quality;
  bad_quality.quality = 0;
  EXPECT_EQ(encode(gradient(8, 8, 3), bad_quality).error().code, ErrorCode::InvalidArgument);
  EncodeParams app1_exif;
  app1_exif.exif = {'E', 'x', 'i', 'f', 0, 0, 'I', 'I', 42, 0};
  EXPECT_EQ(encode(gradient(8, 8, 3), app1_exif).error().code, ErrorCode::InvalidArgument);
}

}  // namespace
}  // namespace rsd::imaging::heif
