// CMYK and YCCK JPEGs converted to sRGB through Little CMS, and TIFF alpha labelled for other
// readers. Fixtures are written at test time with libjpeg and libtiff.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include <lcms2.h>
#include <tiffio.h>

#include "imaging/color_management.h"
#include "imaging/header_probe.h"
#include "imaging/image_decoder.h"
#include "imaging/image_encoder.h"
#include "cmyk_fixture.h"
#include "test_support.h"

namespace rsd::imaging {
namespace {

// What Little CMS itself makes of one ink combination with `profile` (an independent transform).
std::array<int, 3> reference_rgb(const std::vector<uint8_t>& profile, const uint8_t ink[4]) {
  cmsHPROFILE in = cmsOpenProfileFromMem(profile.data(), cmsUInt32Number(profile.size()));
  cmsHPROFILE srgb = cmsCreate_sRGBProfile();
  cmsHTRANSFORM t = cmsCreateTransform(in, TYPE_CMYK_8, srgb, TYPE_RGB_8, INTENT_RELATIVE_COLORIMETRIC,
                                       cmsFLAGS_BLACKPOINTCOMPENSATION);
  uint8_t rgb[3] = {};
  cmsDoTransform(t, ink, rgb, 1);
  cmsDeleteTransform(t);
  cmsCloseProfile(srgb);
  cmsCloseProfile(in);
  return {rgb[0], rgb[1], rgb[2]};
}

std::vector<uint8_t> default_profile() {
  const auto path = default_cmyk_profile_path();
  return path.empty() ? std::vector<uint8_t>() : test::read_bytes(path);
}

TEST(CmykJpeg, HeaderReportsCmykInsteadOfRefusing) {
  const auto bytes = test::cmyk_test_jpeg(true, false, {});
  auto info = probe_header(bytes.data(), bytes.size());
  ASSERT_TRUE(info) << info.error().what();
  EXPECT_TRUE(info->cmyk);
  EXPECT_FALSE(info->has_alpha);
  EXPECT_EQ(info->width, 32u);
}

TEST(CmykJpeg, EveryStorageDecodesToTheProfilesColours) {
  const std::vector<uint8_t> profile = default_profile();
  ASSERT_FALSE(profile.empty()) << "no CMYK profile installed (libgs-common); install-deps.sh installs it";
  struct Case { bool inverted, ycck, embed; const char* name; };
  for (const Case c : {Case{true, false, true, "Adobe inverted, embedded profile"},
                       Case{false, false, true, "plain CMYK, embedded profile"},
                       Case{true, true, true, "YCCK, embedded profile"},
                       Case{true, false, false, "no profile: the default one"}}) {
    SCOPED_TRACE(c.name);
    const auto bytes = test::cmyk_test_jpeg(c.inverted, c.ycck, c.embed ? profile : std::vector<uint8_t>());
    auto d = decode_image(bytes.data(), bytes.size());
    ASSERT_TRUE(d) << d.error().what();
    EXPECT_EQ(d->pixels.channels, 3);
    EXPECT_EQ(d->bit_depth, 8);
    EXPECT_TRUE(d->color_converted);
    EXPECT_EQ(d->icc_profile, srgb_icc_profile());
    EXPECT_EQ(d->warnings.empty(), c.embed);
    for (int p = 0; p < test::kCmykPatches; ++p) {
      const auto want = reference_rgb(profile, test::kCmykInks[p]);
      for (int ch = 0; ch < 3; ++ch)  // JPEG at quality 100 on flat patches: a level or two
        EXPECT_NEAR(d->pixels.at(8 * p + 4, 4, ch) * 255.f, want[size_t(ch)], 3.0) << "patch " << p << " channel " << ch;
    }
  }
  // Sanity of the reference itself: paper is light, cyan has little red, black is dark.
  EXPECT_GT(reference_rgb(profile, test::kCmykInks[0])[1], 230);
  EXPECT_LT(reference_rgb(profile, test::kCmykInks[1])[0], 80);
  EXPECT_LT(reference_rgb(profile, test::kCmykInks[3])[1], 60);
}

TEST(CmykJpeg, WithoutAnyProfileTheApproximationIsStated) {
  setenv("RSD_CMYK_PROFILE", "/nonexistent/none.icc", 1);
  std::vector<uint8_t> bgr(3 * test::kCmykPatches);
  std::vector<uint8_t> inks;
  for (const auto& ink : test::kCmykInks) inks.insert(inks.end(), ink, ink + 4);
  // A call with an embedded profile that is not CMYK (sRGB) also falls back.
  auto r = cmyk_to_srgb(inks.data(), test::kCmykPatches, false, srgb_icc_profile(), bgr.data());
  unsetenv("RSD_CMYK_PROFILE");
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->used_default_profile);
  EXPECT_TRUE(r->approximated);
  EXPECT_NE(r->warning.find("approximate"), std::string::npos);
  // R = 255 (1 - C)(1 - K), stored B, G, R: paper white, cyan without red, black.
  EXPECT_EQ(bgr[2], 255);
  EXPECT_EQ(bgr[3 + 2], 0);
  EXPECT_EQ(bgr[3 + 1], 255);
  EXPECT_EQ(bgr[3 * 3 + 1], 0);
}

TEST(CmykJpeg, TruncatedFileIsAFormatError) {
  auto bytes = test::cmyk_test_jpeg(true, false, {});
  bytes.resize(bytes.size() / 2);
  auto d = decode_image(bytes.data(), bytes.size());
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error().code, ErrorCode::Format);
}

// The ExtraSamples values of a TIFF, read with libtiff.
std::vector<uint16_t> extra_samples(const std::vector<uint8_t>& bytes) {
  test::TempDir dir;
  const auto path = dir / "a.tif";
  test::write_bytes(path, bytes);
  TIFF* tif = TIFFOpen(path.c_str(), "r");
  if (!tif) return {};
  uint16_t count = 0;
  uint16_t* values = nullptr;
  std::vector<uint16_t> out;
  if (TIFFGetField(tif, TIFFTAG_EXTRASAMPLES, &count, &values)) out.assign(values, values + count);
  TIFFClose(tif);
  return out;
}

TEST(TiffAlpha, OutputsLabelTheFourthSampleUnassociatedAlphaAndReadBackStraight) {
  for (int depth : {8, 16}) {
    SCOPED_TRACE(std::to_string(depth) + "-bit");
    ImageF img = test::make_pattern(9, 7, 4);
    img.at(2, 3, 3) = 0.5f;  // semi-transparent: premultiplying on read would darken its colour
    img.at(2, 3, 0) = 0.8f;
    EncodeOptions opt;
    opt.format = ImageFormat::Tiff;
    opt.bit_depth = depth;
    auto bytes = encode_image(img, opt);
    ASSERT_TRUE(bytes) << bytes.error().what();
    EXPECT_EQ(extra_samples(bytes.value()), std::vector<uint16_t>{EXTRASAMPLE_UNASSALPHA});
    auto d = decode_image(bytes->data(), bytes->size());
    ASSERT_TRUE(d) << d.error().what();
    ASSERT_EQ(d->pixels.channels, 4);
    const float step = 1.f / (depth == 16 ? 65535.f : 255.f);
    EXPECT_NEAR(d->pixels.at(2, 3, 0), 0.8f, step);
    EXPECT_NEAR(d->pixels.at(2, 3, 3), 0.5f, step);
  }
}

TEST(TiffAlpha, RgbAndGrayCarryNoExtraSamples) {
  for (int channels : {1, 3}) {
    EncodeOptions opt;
    opt.format = ImageFormat::Tiff;
    auto bytes = encode_image(test::make_pattern(5, 4, channels), opt);
    ASSERT_TRUE(bytes);
    EXPECT_TRUE(extra_samples(bytes.value()).empty());
  }
}

TEST(ColorManagement, SrgbProfileIsAStableRgbDisplayProfile) {
  const auto& p = srgb_icc_profile();
  ASSERT_GT(p.size(), 128u);
  EXPECT_EQ(std::string(p.begin() + 36, p.begin() + 40), "acsp");
  EXPECT_EQ(std::string(p.begin() + 16, p.begin() + 20), "RGB ");
  EXPECT_EQ(p, srgb_icc_profile());
}

}  // namespace
}  // namespace rsd::imaging
