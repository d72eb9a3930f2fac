// The banded path for large photos, forced onto small pictures with small bands: its result must
// match the whole-image path, and it keeps the same guarantees (metadata, atomic output, cancel).
#include "pipeline/banded_upscale.h"

#include <gtest/gtest.h>

#include <cmath>

#include <exiv2/exiv2.hpp>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include "imaging/image_decoder.h"
#include "imaging/image_encoder.h"
#include "pipeline/banded_job.h"
#include "pipeline/process_file.h"
#include "../imaging/test_support.h"
#include "exif_probe.h"

namespace rsd::pipeline {
namespace {

using imaging::ImageFormat;
namespace fs = std::filesystem;

BandOptions small_bands(int rows, int overlap) {
  BandOptions b;
  b.min_output_pixels = 0;  // always banded
  b.rows = rows;
  b.overlap = overlap;
  return b;
}

std::vector<uint8_t> encoded(const ImageF& img, ImageFormat f, int depth = 8, bool lossless = true) {
  imaging::EncodeOptions o;
  o.format = f;
  o.bit_depth = depth;
  o.jpeg_quality = 98;
  o.webp_lossless = lossless;
  auto bytes = imaging::encode_image(img, o);
  EXPECT_TRUE(bytes) << bytes.error().what();
  return bytes ? bytes.value() : std::vector<uint8_t>();
}

// Largest difference per channel group: colour (all but alpha) and alpha.
struct Diff {
  float color = 0, alpha = 0;
};
Diff max_diff(const ImageF& a, const ImageF& b) {
  EXPECT_EQ(a.width, b.width);
  EXPECT_EQ(a.height, b.height);
  EXPECT_EQ(a.channels, b.channels);
  Diff d;
  if (a.data.size() != b.data.size()) return {1e9f, 1e9f};
  for (size_t i = 0; i < a.data.size(); ++i) {
    float& slot = a.channels == 4 && i % 4 == 3 ? d.alpha : d.color;
    slot = std::max(slot, std::fabs(a.data[i] - b.data[i]));
  }
  return d;
}

// upscale_in_bands() of an encoded picture, collected into one image.
ImageF banded(const std::vector<uint8_t>& bytes, ImageUpscaler& up, const BandOptions& bands) {
  imaging::IntegerImage px;
  auto layout = imaging::decode_image_integer(bytes.data(), bytes.size(), {}, px);
  EXPECT_TRUE(layout) << layout.error().what();
  ImageF all;
  int y = 0;
  auto st = upscale_in_bands(px, layout.value(), up, bands, [&](const ImageF& rows) -> Status {
    if (all.empty()) all = ImageF(rows.width, px.height * up.scale(), rows.channels);
    std::copy(rows.data.begin(), rows.data.end(), all.row(y));
    y += rows.height;
    return {};
  }, {});
  EXPECT_TRUE(st) << st.error().what();
  EXPECT_EQ(y, all.height);
  return all;
}

TEST(BandedUpscale, EqualsTheWholeImageWithinTolerance) {
  struct Case { int channels; int depth; };
  for (const Case c : {Case{3, 8}, Case{4, 8}, Case{1, 16}}) {
    SCOPED_TRACE(std::to_string(c.channels) + " channels, " + std::to_string(c.depth) + " bit");
    const auto bytes = encoded(test::make_pattern(45, 70, c.channels), ImageFormat::Png, c.depth);
    auto decoded = imaging::decode_image(bytes.data(), bytes.size());
    ASSERT_TRUE(decoded);
    test::BicubicUpscaler up(4);
    auto whole = upscale_pixels(decoded.value(), up, {});
    ASSERT_TRUE(whole) << whole.error().what();

    test::BicubicUpscaler band_up(4);
    const ImageF blended = banded(bytes, band_up, small_bands(16, 6));
    EXPECT_GE(band_up.calls, 5);  // 70 rows in bands of 16
    const Diff d = max_diff(blended, whole.value());
    // The model sees a band's edge rows without their neighbours (bicubic replicates the border
    // there); the cross-fade gives those rows almost no weight.
    EXPECT_LT(d.color, 0.5f / 255) << d.color * 255 << " levels";
    EXPECT_LT(d.alpha, 1e-6f);  // alpha is resampled from the rows it needs: exact
    // Bands stitched edge to edge show their seams: the blending is what hides them.
    test::BicubicUpscaler hard_up(4);
    const Diff hard = max_diff(banded(bytes, hard_up, small_bands(16, 0)), whole.value());
    EXPECT_GT(hard.color, 4 * d.color);
  }
}

TEST(BandedUpscale, BandHeightFollowsTheMemoryBudget) {
  BandOptions o;
  o.memory_bytes = int64_t(1) << 30;
  // 10000 input pixels wide x4: 160000 output pixels per input row, 32 bytes each at the peak.
  EXPECT_EQ(band_rows(10000, 10000, 4, o), 208);
  o.memory_bytes = int64_t(2) << 30;
  EXPECT_EQ(band_rows(10000, 10000, 4, o), 416);
  EXPECT_EQ(band_rows(10000, 10000, 4, o, true), 144);  // several samples: 88 bytes per output pixel
  // The switch to bands: 40 MP of output, or two thirds of it with several samples.
  const BandOptions defaults;
  EXPECT_FALSE(takes_banded_path(2'000'000, 4, defaults));        // 32 MP out
  EXPECT_TRUE(takes_banded_path(2'000'000, 4, defaults, true));
  EXPECT_FALSE(takes_banded_path(1'600'000, 4, defaults, true));  // 25.6 MP out
  EXPECT_TRUE(takes_banded_path(2'500'000, 4, defaults));
  EXPECT_EQ(band_rows(1000, 300, 4, o), 300);   // never more than the picture
  // Room for 1048 rows gives bands of two full tile rows: 2 x 512 - 16 = 1008.
  o.memory_bytes = int64_t(2449) * 16 * 32 * 1048;
  EXPECT_EQ(band_rows(2449, 1008, 4, o), 1008);
  EXPECT_EQ(band_rows(2449, 2976, 4, o), 1008);  // three bands of two tile rows each
  // 1633 rows with at most 1008 per band take two bands: of 832 rows, not 1008.
  EXPECT_EQ(band_rows(2449, 1633, 4, o), 832);
  o.memory_bytes = 1;
  EXPECT_EQ(band_rows(10000, 10000, 4, o), 96);  // at least a few tile rows and both overlaps
}

// process_file() twice: the whole-image path, and the banded path with small bands.
struct BothPaths {
  Result<OutputInfo> whole = Error(ErrorCode::Internal, "not run");
  Result<OutputInfo> banded = Error(ErrorCode::Internal, "not run");
};
BothPaths run_both(const test::TempDir& dir, const fs::path& in, OutputOptions o) {
  BothPaths r;
  test::BicubicUpscaler up(4);
  fs::create_directories(dir / "whole");
  fs::create_directories(dir / "banded");
  o.output_dir = dir / "whole";
  r.whole = process_file(in, o, up, {});
  o.output_dir = dir / "banded";
  o.bands = small_bands(16, 8);
  const int before = up.calls;
  r.banded = process_file(in, o, up, {});
  EXPECT_GT(up.calls - before, 1);
  return r;
}

using testing::exif_value;

std::vector<uint8_t> icc_of(const fs::path& p) {
  auto image = Exiv2::ImageFactory::open(p.string());
  image->readMetadata();
  if (!image->iccProfileDefined()) return {};
  return std::vector<uint8_t>(image->iccProfile()->pData_, image->iccProfile()->pData_ + image->iccProfile()->size_);
}

TEST(BandedProcessFile, WritesWhatTheWholeImagePathWritesInEveryFormat) {
  struct Case { ImageFormat format; int channels; int depth; double levels; };
  const Case cases[] = {
      {ImageFormat::Jpeg, 3, 8, 8}, {ImageFormat::Png, 3, 8, 1}, {ImageFormat::Png, 4, 16, 1},
      {ImageFormat::Tiff, 3, 16, 1}, {ImageFormat::Tiff, 1, 8, 1}, {ImageFormat::Webp, 4, 8, 1},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(imaging::to_string(c.format)) + " " + std::to_string(c.channels) + "ch " +
                 std::to_string(c.depth) + "-bit");
    test::TempDir dir;
    test::FixtureMetadata md;
    md.orientation = 6;  // stored sideways: both paths must turn it upright
    md.thumbnail = c.format == ImageFormat::Jpeg;
    const fs::path in = dir / (std::string("photo.") + imaging::canonical_extension(c.format));
    test::write_bytes(in, test::add_fixture_metadata(encoded(test::make_blocks(30, 52, c.channels), c.format, c.depth), md));
    OutputOptions o;
    o.metadata.strip_gps = true;
    const BothPaths r = run_both(dir, in, o);
    ASSERT_TRUE(r.whole) << r.whole.error().what();
    ASSERT_TRUE(r.banded) << r.banded.error().what();
    EXPECT_EQ(r.banded->output.filename(), r.whole->output.filename());
    EXPECT_EQ(r.banded->width, 52 * 4);
    EXPECT_EQ(r.banded->height, 30 * 4);
    EXPECT_EQ(r.banded->bit_depth, r.whole->bit_depth);
    EXPECT_EQ(r.banded->warnings, r.whole->warnings);

    const cv::Mat a = cv::imread(r.whole->output.string(), cv::IMREAD_UNCHANGED);
    const cv::Mat b = cv::imread(r.banded->output.string(), cv::IMREAD_UNCHANGED);
    ASSERT_EQ(a.size(), b.size());
    ASSERT_EQ(a.type(), b.type());
    const double step = c.depth == 16 && c.format != ImageFormat::Jpeg && c.format != ImageFormat::Webp ? 257 : 1;
    EXPECT_LE(cv::norm(a, b, cv::NORM_INF) / step, c.levels);

    for (const char* key : {"Exif.Image.Make", "Exif.Photo.LensModel", "Exif.Photo.PixelXDimension",
                            "Exif.Image.Orientation", "Exif.Image.Software", "Exif.GPSInfo.GPSLatitude"})
      EXPECT_EQ(exif_value(r.banded->output, key), exif_value(r.whole->output, key)) << key;
    EXPECT_EQ(exif_value(r.banded->output, "Exif.Photo.PixelXDimension"), "208");
    EXPECT_EQ(exif_value(r.banded->output, "Exif.Image.Orientation"), "1");
    EXPECT_EQ(icc_of(r.banded->output), test::test_icc_profile());
    if (test::have_exiftool()) {
      auto tw = test::exiftool_tags(r.whole->output), tb = test::exiftool_tags(r.banded->output);
      for (const char* key : {"XMP-dc:Title", "IPTC:City", "XMP-xmpMM:HistoryParameters", "ExifTool:Warning"})
        EXPECT_EQ(tb[key], tw[key]) << key;
    }
  }
}

TEST(BandedProcessFile, AWriteFailureMidStreamLeavesNothingAndHarmsNothing) {
  test::TempDir dir;
  test::BicubicUpscaler up(4);
  const fs::path in = dir / "a.png";
  test::write_bytes(in, encoded(test::make_pattern(40, 64, 3), ImageFormat::Png));
  test::write_bytes(dir / "a_x4.png", {1, 2, 3, 4});  // an earlier result the user kept
  const auto listing = dir.list();
  const std::string existing = test::file_digest(dir / "a_x4.png"), input = test::file_digest(in);
  for (ExistingOutput mode : {ExistingOutput::KeepBoth, ExistingOutput::Overwrite}) {
    for (int64_t after : {int64_t(0), int64_t(20000)}) {  // in the header; among the pixel rows
      OutputOptions o;
      o.bands = small_bands(16, 8);
      o.png_compression = 0;  // stored: libpng writes rows out as they come (15 KB per band here)
      o.existing = mode;
      o.write_faults.fail_after_bytes = after;
      const int calls = up.calls;
      auto r = process_file(in, o, up, {});
      ASSERT_FALSE(r);
      EXPECT_EQ(r.error().code, ErrorCode::Io) << r.error().what();
      EXPECT_NE(r.error().what().find("a_x4"), std::string::npos) << r.error().what();
      EXPECT_NE(r.error().message.find("No space left on device"), std::string::npos) << r.error().what();
      if (after > 0) {
        EXPECT_LT(up.calls - calls, 4);  // stopped at the failure, not after all 7 bands
      }
    }
    OutputOptions o;
    o.bands = small_bands(16, 8);
    o.existing = mode;
    o.write_faults.fail_before_rename = true;
    EXPECT_FALSE(process_file(in, o, up, {}));
    EXPECT_EQ(dir.list(), listing);  // no temporary or partial file
    EXPECT_EQ(test::file_digest(dir / "a_x4.png"), existing);
  }
  EXPECT_EQ(test::file_digest(in), input);
}

TEST(BandedProcessFile, CancelMidStreamLeavesNothing) {
  test::TempDir dir;
  test::BicubicUpscaler up(4);
  const fs::path in = dir / "c.jpg";
  test::write_bytes(in, encoded(test::make_pattern(40, 64, 3), ImageFormat::Jpeg));
  JobContext ctx;
  ctx.cancel = std::make_shared<CancelToken>();
  std::vector<double> progress;
  ctx.progress = [&](double f, std::string_view stage) {
    progress.push_back(f);
    if (stage.rfind("band 3/", 0) == 0) ctx.cancel->cancel();  // rows of two bands are written
  };
  OutputOptions o;
  o.bands = small_bands(16, 8);
  auto r = process_file(in, o, up, ctx);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::Cancelled);
  EXPECT_EQ(up.calls, 3);
  EXPECT_EQ(dir.list(), std::vector<std::string>{"c.jpg"});
  for (size_t i = 1; i < progress.size(); ++i) EXPECT_GE(progress[i], progress[i - 1]);

  // Uncancelled, the same job completes with progress from 0 to 1.
  progress.clear();
  ctx = JobContext{};
  ctx.progress = [&](double f, std::string_view) { progress.push_back(f); };
  ASSERT_TRUE(process_file(in, o, up, ctx));
  EXPECT_EQ(progress.front(), 0.0);
  EXPECT_DOUBLE_EQ(progress.back(), 1.0);
}

TEST(BandedProcessFile, FormatsThatCannotHoldTheOutputAreRefusedBeforeTheModelRuns) {
  test::TempDir dir;
  test::BicubicUpscaler up(4);
  // x4 of 4100 pixels is 16400: over WebP's 16383.
  const fs::path webp = dir / "wide.webp";
  test::write_bytes(webp, encoded(test::make_pattern(4100, 4, 3), ImageFormat::Webp));
  auto r = process_file(webp, {}, up, {});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::TooLarge);
  EXPECT_NE(r.error().message.find("16383"), std::string::npos) << r.error().what();
  EXPECT_NE(r.error().what().find("wide.webp"), std::string::npos);
  OutputOptions to_png;
  to_png.format = ImageFormat::Png;
  to_png.bands = small_bands(64, 8);
  EXPECT_TRUE(process_file(webp, to_png, up, {}));  // the same photo as PNG is fine
  // x4 of 16400 is 65600: over JPEG's 65500.
  const fs::path jpg = dir / "panorama.jpg";
  test::write_bytes(jpg, encoded(test::make_pattern(16400, 2, 3), ImageFormat::Jpeg));
  const int calls = up.calls;
  auto j = process_file(jpg, {}, up, {});
  ASSERT_FALSE(j);
  EXPECT_EQ(j.error().code, ErrorCode::TooLarge);
  EXPECT_NE(j.error().message.find("65500"), std::string::npos) << j.error().what();
  EXPECT_EQ(up.calls, calls);
}

}  // namespace
}  // namespace rsd::pipeline
