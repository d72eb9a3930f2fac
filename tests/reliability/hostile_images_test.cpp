// Hostile photos through the real batch pipeline (run_batch -> process_file, with a bicubic
// stand-in for the model): each bad file fails on its own with an error naming it, the good file
// after it is still written, nothing (not even a temporary file) is left for the bad one, and every
// input is byte-for-byte what it was.
#include "pipeline/batch.h"

#include <gtest/gtest.h>

#include <optional>

#include <opencv2/imgcodecs.hpp>

#include "hostile_files.h"
#include "input_snapshot.h"
#include "../core/imaging/test_support.h"

namespace rsd::pipeline {
namespace {

namespace fs = std::filesystem;
namespace hostile = test::hostile;
using hostile::Bytes;
using imaging::ImageFormat;

constexpr ImageFormat kFormats[] = {ImageFormat::Jpeg, ImageFormat::Png, ImageFormat::Tiff, ImageFormat::Webp};
constexpr int kScale = 4;

enum class Want {
  Error,         // must fail with `code` and a message containing `says`
  ErrorOrPhoto,  // corrupt pixel data a format cannot detect (no checksum): either is fine
  Photo,         // a photo the pipeline must read despite its oddity
};

struct Case {
  std::string name;  // file name, extension included
  Bytes bytes;
  Want want = Want::Error;
  ErrorCode code = ErrorCode::Format;
  std::string says;  // part of the error message
};

Case refused(std::string name, Bytes bytes, ErrorCode code, std::string says) {
  return {std::move(name), std::move(bytes), Want::Error, code, std::move(says)};
}
Case readable(std::string name, Bytes bytes) { return {std::move(name), std::move(bytes), Want::Photo, {}, {}}; }
Case undetectable(std::string name, Bytes bytes) {
  return {std::move(name), std::move(bytes), Want::ErrorOrPhoto, {}, {}};
}

std::string ext(ImageFormat f) { return imaging::canonical_extension(f); }

// An output must be a real photo of the upscaled size, in the format its extension names.
void expect_photo(const fs::path& output, int width, int height) {
  const Bytes bytes = test::read_bytes(output);
  EXPECT_EQ(imaging::sniff_format(bytes.data(), bytes.size()),
            imaging::format_from_extension(output.extension().string()))
      << output;
  const cv::Mat m = cv::imread(output.string(), cv::IMREAD_UNCHANGED);
  EXPECT_EQ(m.cols, width * kScale) << output;
  EXPECT_EQ(m.rows, height * kScale) << output;
}

// Runs the cases in one batch, each followed by a good photo, and checks every promise.
void run_cases(const std::vector<Case>& cases) {
  test::TempDir dir("rsd-hostile");
  const fs::path in = dir / "in", out = dir / "out";
  fs::create_directories(in);
  fs::create_directories(out);
  std::vector<InputFile> inputs;
  for (size_t i = 0; i < cases.size(); ++i) {
    test::write_bytes(in / cases[i].name, cases[i].bytes);
    const ImageFormat f = kFormats[i % 4];
    const fs::path good = in / ("good-" + std::to_string(i) + "." + ext(f));
    test::write_bytes(good, hostile::good_photo(f));
    inputs.push_back({in / cases[i].name, {}});
    inputs.push_back({good, {}});
  }
  const test::InputSnapshot before(in);
  test::BicubicUpscaler up(kScale);
  BatchOptions options;
  options.output.output_dir = out;
  const BatchReport report = run_batch(inputs, options, up, {});
  ASSERT_EQ(report.files.size(), inputs.size());

  std::vector<std::string> expected_outputs;
  for (size_t i = 0; i < cases.size(); ++i) {
    const Case& c = cases[i];
    SCOPED_TRACE(c.name);
    const FileResult& bad = report.files[2 * i];
    const FileResult& good = report.files[2 * i + 1];
    if (bad.outcome == FileOutcome::Done && c.want != Want::Error) {
      expect_photo(bad.info.output, 48, 32);
      expected_outputs.push_back(bad.info.output.filename().string());
    } else {
      EXPECT_EQ(c.want == Want::Photo ? FileOutcome::Done : FileOutcome::Failed, bad.outcome) << bad.error.what();
      EXPECT_NE(bad.error.what().find(c.name), std::string::npos) << bad.error.what();
      if (c.want == Want::Error) {
        EXPECT_EQ(bad.error.code, c.code) << bad.error.what();
        EXPECT_NE(bad.error.message.find(c.says), std::string::npos) << bad.error.what();
      }
    }
    ASSERT_EQ(good.outcome, FileOutcome::Done) << good.error.what();
    expect_photo(good.info.output, 48, 32);
    expected_outputs.push_back(good.info.output.filename().string());
  }
  std::sort(expected_outputs.begin(), expected_outputs.end());
  EXPECT_EQ(test::list_names(out), expected_outputs);  // no output or temporary file for a bad input
  before.expect_unchanged();
}

TEST(HostileImages, TruncatedFilesFail) {
  std::vector<Case> cases;
  for (ImageFormat f : kFormats) {
    const Bytes photo = hostile::good_photo(f);
    for (size_t size : {size_t(12), size_t(40), photo.size() / 3, photo.size() / 2, photo.size() - 1}) {
      cases.push_back(refused("cut-" + std::to_string(size) + "." + ext(f), hostile::cut(photo, size),
                              ErrorCode::Format, imaging::to_string(f)));
    }
  }
  run_cases(cases);
}

TEST(HostileImages, FlippedBytesFailOrDecodeAsWhatTheDataSays) {
  std::vector<Case> cases;
  for (ImageFormat f : kFormats) {
    const Bytes photo = hostile::good_photo(f);
    cases.push_back(refused("header-flip." + ext(f), hostile::flip(photo, hostile::header_offset(photo, f)),
                            ErrorCode::Format, imaging::to_string(f)));
    // PNG checks a CRC over its data; JPEG, TIFF and WebP have no checksum, so flipped pixel data
    // may decode to wrong pixels of the right size: that is all a decoder can do.
    const Bytes data = hostile::flip(photo, hostile::entropy_offset(photo, f), 8);
    cases.push_back(f == ImageFormat::Png ? refused("data-flip.png", data, ErrorCode::Format, "PNG")
                                          : undetectable("data-flip." + ext(f), data));
  }
  run_cases(cases);
}

TEST(HostileImages, NonImagesFailAndContentDecidesTheFormat) {
  const Bytes text = {'h', 'e', 'l', 'l', 'o', ',', ' ', 'w', 'o', 'r', 'l', 'd', '\n'};
  const std::string unsupported = "not a supported image";
  std::vector<Case> cases;
  for (ImageFormat f : kFormats) {
    cases.push_back(refused("empty." + ext(f), {}, ErrorCode::Unsupported, unsupported));
    cases.push_back(refused("text." + ext(f), text, ErrorCode::Unsupported, unsupported));
  }
  // A photo under another format's extension is read by its content; the output gets the
  // content's extension (the photo is not re-encoded to what its name claimed).
  cases.push_back(readable("png-named.jpg", hostile::good_photo(ImageFormat::Png)));
  cases.push_back(readable("jpeg-named.png", hostile::good_photo(ImageFormat::Jpeg)));
  cases.push_back(readable("tiff-named.webp", hostile::good_photo(ImageFormat::Tiff)));
  cases.push_back(readable("webp-named.tif", hostile::good_photo(ImageFormat::Webp)));
  run_cases(cases);
}

TEST(HostileImages, DecompressionBombsAreRefusedFromTheHeader) {
  std::vector<Case> cases;
  for (ImageFormat f : {ImageFormat::Png, ImageFormat::Tiff, ImageFormat::Webp, ImageFormat::Bmp})
    cases.push_back(refused("bomb." + ext(f), hostile::bomb_header(f, 100000, 100000), ErrorCode::TooLarge,
                            "100000x100000 (10000.0 MP), over the input limit"));
  // JPEG stores 16-bit dimensions: 65535 x 65535 is its largest (4.3 gigapixels).
  cases.push_back(refused("bomb.jpg", hostile::bomb_header(ImageFormat::Jpeg, 65535, 65535), ErrorCode::TooLarge,
                          "over the input limit"));
  // Under the 250 MP input limit, but x4 it would be 3.8 gigapixels.
  cases.push_back(refused("wide.png", hostile::bomb_header(ImageFormat::Png, 16000, 15000), ErrorCode::TooLarge,
                          "over the output limit"));
  run_cases(cases);
}

TEST(HostileImages, MalformedMetadataNeverStopsThePixels) {
  const Bytes jpeg = hostile::good_photo(ImageFormat::Jpeg), png = hostile::good_photo(ImageFormat::Png);
  std::vector<Case> cases = {
      readable("exif-ifd-offset.jpg", hostile::jpeg_with_segment(jpeg, 0xE1, hostile::exif_bogus_ifd_offset(true))),
      readable("exif-entry-count.jpg", hostile::jpeg_with_segment(jpeg, 0xE1, hostile::exif_huge_entry_count(true))),
      readable("exif-self-linked.jpg", hostile::jpeg_with_segment(jpeg, 0xE1, hostile::exif_self_linked_ifd(true))),
      readable("xmp-not-xml.jpg", hostile::jpeg_with_segment(jpeg, 0xE1, hostile::xmp_not_xml())),
      readable("icc-bad-size.jpg", hostile::jpeg_with_segment(jpeg, 0xE2, hostile::icc_bad_size())),
      readable("exif-ifd-offset.png", hostile::png_with_chunk(png, "eXIf", hostile::exif_bogus_ifd_offset(false))),
      readable("exif-self-linked.png", hostile::png_with_chunk(png, "eXIf", hostile::exif_self_linked_ifd(false))),
      readable("iccp-garbage.png", hostile::png_with_chunk(png, "iCCP", hostile::png_iccp_garbage())),
  };
  run_cases(cases);
}

}  // namespace
}  // namespace rsd::pipeline
