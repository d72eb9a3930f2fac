// process_file() end to end on photos made at runtime, with a bicubic stand-in for the model.
#include "pipeline/process_file.h"

#include <gtest/gtest.h>

#include <exiv2/exiv2.hpp>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include "imaging/image_encoder.h"
#include "../imaging/test_support.h"
#include "exif_probe.h"

namespace rsd::pipeline {
namespace {

using imaging::ImageFormat;
namespace fs = std::filesystem;

fs::path make_input(const test::TempDir& dir, const std::string& name, const ImageF& img, ImageFormat f,
                    int depth = 8, const test::FixtureMetadata* md = nullptr) {
  imaging::EncodeOptions opt;
  opt.format = f;
  opt.bit_depth = depth;
  opt.jpeg_quality = 98;
  opt.webp_lossless = true;
  auto bytes = imaging::encode_image(img, opt);
  EXPECT_TRUE(bytes) << bytes.error().what();
  const fs::path p = dir / name;
  test::write_bytes(p, md ? test::add_fixture_metadata(bytes.value(), *md) : bytes.value());
  return p;
}

cv::Mat read_unchanged(const fs::path& p) { return cv::imread(p.string(), cv::IMREAD_UNCHANGED); }

using testing::exif_value;

// The same EXIF-specified transforms as the imaging test, via OpenCV (independent of our code).
cv::Mat upright(const cv::Mat& stored, int o) {
  cv::Mat out;
  switch (o) {
    case 2: cv::flip(stored, out, 1); break;
    case 3: cv::rotate(stored, out, cv::ROTATE_180); break;
    case 4: cv::flip(stored, out, 0); break;
    case 5: cv::transpose(stored, out); break;
    case 6: cv::rotate(stored, out, cv::ROTATE_90_CLOCKWISE); break;
    case 7: cv::transpose(stored, out); cv::rotate(out, out, cv::ROTATE_180); break;
    case 8: cv::rotate(stored, out, cv::ROTATE_90_COUNTERCLOCKWISE); break;
    default: out = stored.clone(); break;
  }
  return out;
}

bool equal(const cv::Mat& a, const cv::Mat& b) {
  return a.size() == b.size() && a.type() == b.type() && cv::norm(a, b, cv::NORM_INF) == 0;
}

TEST(ProcessFile, AllEightOrientationsEndUpright) {
  test::TempDir dir;
  test::BicubicUpscaler identity(1);  // scale 1: output pixels equal the upright input
  const ImageF stored = test::make_blocks(24, 10, 3);
  for (int o = 1; o <= 8; ++o) {
    SCOPED_TRACE("orientation " + std::to_string(o));
    test::FixtureMetadata md;
    md.orientation = o;
    // PNG: lossless, compared with OpenCV's flips of the stored pixels.
    const fs::path png = make_input(dir, "o" + std::to_string(o) + ".png", stored, ImageFormat::Png, 8, &md);
    const std::string before = test::file_digest(png);
    auto out = process_file(png, {}, identity, {});
    ASSERT_TRUE(out) << out.error().what();
    EXPECT_TRUE(equal(read_unchanged(out->output), upright(read_unchanged(png), o)));
    EXPECT_EQ(exif_value(out->output, "Exif.Image.Orientation"), "1");
    EXPECT_EQ(test::file_digest(png), before);
    // TIFF (the tag is part of the image's own IFD) and lossless WebP the same way.
    for (ImageFormat f : {ImageFormat::Tiff, ImageFormat::Webp}) {
      const fs::path in = make_input(dir, "o" + std::to_string(o) + "." + imaging::canonical_extension(f),
                                     stored, f, 8, &md);
      OutputOptions lossless;
      lossless.webp_lossless = true;
      auto r = process_file(in, lossless, identity, {});
      ASSERT_TRUE(r) << r.error().what();
      EXPECT_TRUE(equal(read_unchanged(r->output), upright(read_unchanged(png), o))) << imaging::to_string(f);
      EXPECT_EQ(exif_value(r->output, "Exif.Image.Orientation"), "1");
    }

    // JPEG: OpenCV's own imread applies EXIF orientation to JPEG; our PNG output must match it.
    const fs::path jpg = make_input(dir, "o" + std::to_string(o) + ".jpg", stored, ImageFormat::Jpeg, 8, &md);
    OutputOptions to_png;
    to_png.format = ImageFormat::Png;
    auto out2 = process_file(jpg, to_png, identity, {});
    ASSERT_TRUE(out2) << out2.error().what();
    const cv::Mat reference = cv::imread(jpg.string(), cv::IMREAD_COLOR);
    EXPECT_TRUE(equal(read_unchanged(out2->output), reference));
  }
}

TEST(ProcessFile, SixteenBitStaysSixteenBit) {
  test::TempDir dir;
  test::BicubicUpscaler up(2);
  for (ImageFormat f : {ImageFormat::Png, ImageFormat::Tiff}) {
    const fs::path in = make_input(dir, std::string("deep.") + imaging::canonical_extension(f),
                                   test::make_pattern(20, 12, 3), f, 16);
    auto out = process_file(in, {}, up, {});
    ASSERT_TRUE(out) << out.error().what();
    EXPECT_EQ(out->bit_depth, 16);
    EXPECT_EQ(out->format, f);
    const cv::Mat m = read_unchanged(out->output);
    ASSERT_EQ(m.depth(), CV_16U);
    EXPECT_EQ(m.cols, 40);
    // A 16-bit gradient has values between the 8-bit steps (multiples of 257).
    int between = 0;
    for (int x = 0; x < m.cols; ++x) between += m.at<cv::Vec3w>(5, x)[2] % 257 != 0;
    EXPECT_GT(between, m.cols / 2);
  }
}

TEST(ProcessFile, AlphaIsResampledBesideTheModel) {
  test::TempDir dir;
  test::BicubicUpscaler up(4);
  const ImageF rgba = test::make_pattern(16, 10, 4);
  for (ImageFormat f : {ImageFormat::Png, ImageFormat::Tiff, ImageFormat::Webp}) {
    SCOPED_TRACE(imaging::to_string(f));
    const fs::path in = make_input(dir, std::string("alpha.") + imaging::canonical_extension(f), rgba, f);
    auto out = process_file(in, {}, up, {});
    ASSERT_TRUE(out) << out.error().what();
    const cv::Mat m = read_unchanged(out->output);
    ASSERT_EQ(m.channels(), 4);
    ASSERT_EQ(m.cols, 64);
    // The alpha ramp (0.1 .. 0.9 from left to right) survives.
    EXPECT_NEAR(m.at<cv::Vec4b>(20, 2)[3], 255 * 0.1, 8);
    EXPECT_NEAR(m.at<cv::Vec4b>(20, 61)[3], 255 * 0.9, 8);
    for (int x = 1; x < 64; ++x) EXPECT_GE(m.at<cv::Vec4b>(20, x)[3] + 1, m.at<cv::Vec4b>(20, x - 1)[3]);
  }
  // JPEG has no alpha: flattened onto white, with a warning.
  const fs::path in = make_input(dir, "alpha-to-jpeg.png", rgba, ImageFormat::Png);
  OutputOptions jpeg;
  jpeg.format = ImageFormat::Jpeg;
  auto out = process_file(in, jpeg, up, {});
  ASSERT_TRUE(out) << out.error().what();
  EXPECT_EQ(read_unchanged(out->output).channels(), 3);
  ASSERT_FALSE(out->warnings.empty());
}

TEST(ProcessFile, GrayStaysGray) {
  test::TempDir dir;
  test::BicubicUpscaler up(2);
  for (ImageFormat f : {ImageFormat::Png, ImageFormat::Jpeg, ImageFormat::Tiff}) {
    const fs::path in = make_input(dir, std::string("gray.") + imaging::canonical_extension(f),
                                   test::make_pattern(12, 9, 1), f);
    auto out = process_file(in, {}, up, {});
    ASSERT_TRUE(out) << out.error().what();
    EXPECT_EQ(read_unchanged(out->output).channels(), 1) << imaging::to_string(f);
  }
  // Gray with alpha (PNG colour type 4): alpha kept, colours stay equal (written as RGBA).
  std::vector<uint8_t> ga;
  for (int y = 0; y < 9; ++y)
    for (int x = 0; x < 12; ++x) ga.insert(ga.end(), {uint8_t(20 * x), uint8_t(60 + 15 * x)});
  test::write_bytes(dir / "gray-alpha.png", test::raw_png(12, 9, 4, ga));
  auto loaded = load_input(dir / "gray-alpha.png", {});
  ASSERT_TRUE(loaded) << loaded.error().what();
  EXPECT_TRUE(loaded->image.gray);
  EXPECT_TRUE(loaded->image.has_alpha);
  auto out = process_file(dir / "gray-alpha.png", {}, up, {});
  ASSERT_TRUE(out) << out.error().what();
  const cv::Mat m = read_unchanged(out->output);
  ASSERT_EQ(m.channels(), 4);
  ASSERT_EQ(m.cols, 24);
  for (int x = 0; x < m.cols; ++x) {
    const cv::Vec4b px = m.at<cv::Vec4b>(8, x);
    EXPECT_EQ(px[0], px[1]);
    EXPECT_EQ(px[1], px[2]);
  }
  EXPECT_LT(m.at<cv::Vec4b>(8, 1)[3], m.at<cv::Vec4b>(8, 22)[3]);
}

TEST(ProcessFile, LimitsRefuseBeforeTheModelRuns) {
  test::TempDir dir;
  test::BicubicUpscaler up(4);
  const fs::path in = make_input(dir, "big.png", test::make_pattern(20, 10, 3), ImageFormat::Png);
  OutputOptions o;
  o.limits.max_input_pixels = 199;
  auto r = process_file(in, o, up, {});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::TooLarge);
  EXPECT_NE(r.error().what().find("big.png"), std::string::npos);
  o.limits.max_input_pixels = 200;
  o.limits.max_output_pixels = 200 * 16 - 1;
  r = process_file(in, o, up, {});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::TooLarge);
  EXPECT_NE(r.error().message.find("output limit"), std::string::npos);
  EXPECT_EQ(up.calls, 0);
  EXPECT_EQ(dir.list(), std::vector<std::string>{"big.png"});
}

TEST(ProcessFile, UnicodeAndSpacesInPaths) {
  test::TempDir dir;
  test::BicubicUpscaler up(2);
  fs::create_directories(dir / "Фото с пробелами");
  const fs::path in = make_input(dir, "Фото с пробелами/写真 1 été.jpg", test::make_pattern(10, 8, 3), ImageFormat::Jpeg);
  OutputOptions o;
  o.output_dir = dir / "sortie à part";
  fs::create_directories(o.output_dir);
  auto out = process_file(in, o, up, {});
  ASSERT_TRUE(out) << out.error().what();
  EXPECT_EQ(out->output, o.output_dir / fs::u8path("写真 1 été_x2.jpg"));
  EXPECT_EQ(read_unchanged(out->output).cols, 20);
}

TEST(ProcessFile, ClearErrorsNameTheFile) {
  test::TempDir dir;
  test::BicubicUpscaler up(2);
  auto missing = process_file(dir / "missing.jpg", {}, up, {});
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::NotFound);
  EXPECT_NE(missing.error().what().find("missing.jpg"), std::string::npos);

  test::write_bytes(dir / "notes.png", {'h', 'e', 'l', 'l', 'o'});
  auto junk = process_file(dir / "notes.png", {}, up, {});
  ASSERT_FALSE(junk);
  EXPECT_EQ(junk.error().code, ErrorCode::Unsupported);
  EXPECT_NE(junk.error().what().find("notes.png"), std::string::npos);

  // A CMYK JPEG whose frame header has no scan after it: libjpeg's complaint, naming the file.
  test::write_bytes(dir / "cmyk.jpg", {0xFF, 0xD8, 0xFF, 0xC0, 0, 20, 8, 0, 8, 0, 8, 4, 1, 0x11, 0, 2, 0x11, 0,
                                       3, 0x11, 0, 4, 0x11, 0, 0xFF, 0xD9});
  auto cmyk = process_file(dir / "cmyk.jpg", {}, up, {});
  ASSERT_FALSE(cmyk);
  EXPECT_EQ(cmyk.error().code, ErrorCode::Format);
  EXPECT_NE(cmyk.error().what().find("CMYK JPEG"), std::string::npos);
  EXPECT_NE(cmyk.error().what().find("cmyk.jpg"), std::string::npos);

  // An unwritable destination: the "folder" is a file.
  const fs::path in = make_input(dir, "ok.png", test::make_pattern(6, 6, 3), ImageFormat::Png);
  OutputOptions o;
  o.output_dir = dir / "notes.png";
  auto unwritable = process_file(in, o, up, {});
  ASSERT_FALSE(unwritable);
  EXPECT_NE(unwritable.error().what().find("ok_x2.png"), std::string::npos);
  EXPECT_EQ(up.calls, 1);
}

TEST(ProcessFile, WriteFailureLeavesNothingAndHarmsNothing) {
  test::TempDir dir;
  test::BicubicUpscaler up(2);
  const fs::path in = make_input(dir, "a.png", test::make_pattern(10, 10, 3), ImageFormat::Png);
  test::write_bytes(dir / "a_x2.png", {1, 2, 3, 4});  // an earlier result the user kept
  const auto listing = dir.list();
  const std::string input_digest = test::file_digest(in), existing_digest = test::file_digest(dir / "a_x2.png");
  for (ExistingOutput mode : {ExistingOutput::KeepBoth, ExistingOutput::Overwrite}) {
    for (int64_t after : {int64_t(0), int64_t(100)}) {
      OutputOptions o;
      o.existing = mode;
      o.write_faults.fail_after_bytes = after;
      auto r = process_file(in, o, up, {});
      ASSERT_FALSE(r);
      EXPECT_EQ(r.error().code, ErrorCode::Io);
    }
    OutputOptions o;
    o.existing = mode;
    o.write_faults.fail_before_rename = true;
    EXPECT_FALSE(process_file(in, o, up, {}));
    EXPECT_EQ(dir.list(), listing);  // no temporary or partial file
    EXPECT_EQ(test::file_digest(dir / "a_x2.png"), existing_digest);
  }
  EXPECT_EQ(test::file_digest(in), input_digest);
}

TEST(ProcessFile, ExistingOutputsAndInputsAreRespected) {
  test::TempDir dir;
  test::BicubicUpscaler up(2);
  const fs::path in = make_input(dir, "b.png", test::make_pattern(8, 8, 3), ImageFormat::Png);
  const std::string input_digest = test::file_digest(in);
  auto first = process_file(in, {}, up, {});
  auto second = process_file(in, {}, up, {});
  ASSERT_TRUE(first && second);
  EXPECT_EQ(first->output.filename(), "b_x2.png");
  EXPECT_EQ(second->output.filename(), "b_x2_2.png");

  OutputOptions skip;
  skip.existing = ExistingOutput::Skip;
  const int calls = up.calls;
  auto skipped = process_file(in, skip, up, {});
  ASSERT_TRUE(skipped);
  EXPECT_TRUE(skipped->skipped);
  EXPECT_EQ(up.calls, calls);  // nothing decoded or upscaled

  OutputOptions over;
  over.existing = ExistingOutput::Overwrite;
  const std::string old = test::file_digest(dir / "b_x2.png");
  auto replaced = process_file(in, over, up, {});
  ASSERT_TRUE(replaced);
  EXPECT_EQ(replaced->output.filename(), "b_x2.png");

  // A template that names the input itself: refused with Overwrite, a fresh name otherwise.
  over.name_template = "{stem}.{ext}";
  auto onto_input = process_file(in, over, up, {});
  ASSERT_FALSE(onto_input);
  EXPECT_EQ(onto_input.error().code, ErrorCode::InvalidArgument);
  OutputOptions keep;
  keep.name_template = "{stem}.{ext}";
  auto beside = process_file(in, keep, up, {});
  ASSERT_TRUE(beside);
  EXPECT_EQ(beside->output.filename(), "b_2.png");
  // Through a hard link the input is still recognised.
  fs::create_hard_link(in, dir / "link.png");
  over.name_template = "link.png";
  EXPECT_FALSE(process_file(in, over, up, {}));
  EXPECT_EQ(test::file_digest(in), input_digest);
}

TEST(ProcessFile, MetadataFollowsThroughThePipeline) {
  test::TempDir dir;
  test::BicubicUpscaler up(4);
  test::FixtureMetadata md;
  md.orientation = 6;
  md.thumbnail = true;
  const fs::path in = make_input(dir, "meta.jpg", test::make_pattern(10, 6, 3), ImageFormat::Jpeg, 8, &md);
  OutputOptions o;
  o.metadata.strip_gps = true;
  auto out = process_file(in, o, up, {});
  ASSERT_TRUE(out) << out.error().what();
  EXPECT_EQ(out->width, 24);  // rotated: 6 x 10 upright, x4
  EXPECT_EQ(out->height, 40);
  EXPECT_EQ(exif_value(out->output, "Exif.Photo.PixelXDimension"), "24");
  EXPECT_EQ(exif_value(out->output, "Exif.Image.Make"), "TestMaker");
  EXPECT_EQ(exif_value(out->output, "Exif.GPSInfo.GPSLatitude"), "");
  if (test::have_exiftool()) {
    auto tags = test::exiftool_tags(out->output);
    EXPECT_EQ(tags["IFD0:Orientation"], "1");
    EXPECT_EQ(tags["Composite:ImageSize"], "24 40");
    EXPECT_EQ(tags["IFD0:Software"].find("RSD Studio"), 0u);
    EXPECT_NE(tags["IFD0:Software"].find("bicubic-test"), std::string::npos);
    EXPECT_EQ(tags["ICC-header:ProfileCMMType"], "rsdT");
    EXPECT_EQ(tags.count("GPS:GPSLatitude"), 0u);
  }
  auto loaded = load_input(in, {});
  ASSERT_TRUE(loaded);
  EXPECT_EQ(loaded->image.icc_profile, test::test_icc_profile());
  EXPECT_EQ(loaded->image.source_orientation, 6);
}

TEST(ProcessFile, CancelStopsWithoutOutput) {
  test::TempDir dir;
  test::BicubicUpscaler up(2);
  const fs::path in = make_input(dir, "c.png", test::make_pattern(8, 8, 3), ImageFormat::Png);
  JobContext ctx;
  ctx.cancel = std::make_shared<CancelToken>();
  ctx.cancel->cancel();
  auto r = process_file(in, {}, up, ctx);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::Cancelled);
  EXPECT_EQ(dir.list(), std::vector<std::string>{"c.png"});

  up.fail = true;  // a model error is reported with the file name
  auto failed = process_file(in, {}, up, {});
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.error().code, ErrorCode::Model);
  EXPECT_NE(failed.error().what().find("c.png"), std::string::npos);
}

TEST(ProcessFile, ProgressRunsFromDecodeToDone) {
  test::TempDir dir;
  test::BicubicUpscaler up(2);
  const fs::path in = make_input(dir, "p.png", test::make_pattern(8, 8, 3), ImageFormat::Png);
  std::vector<double> seen;
  JobContext ctx;
  ctx.progress = [&](double f, std::string_view) { seen.push_back(f); };
  ASSERT_TRUE(process_file(in, {}, up, ctx));
  ASSERT_GE(seen.size(), 3u);
  EXPECT_EQ(seen.front(), 0.0);
  EXPECT_DOUBLE_EQ(seen.back(), 1.0);
  for (size_t i = 1; i < seen.size(); ++i) EXPECT_GE(seen[i], seen[i - 1]);
}

}  // namespace
}  // namespace rsd::pipeline
