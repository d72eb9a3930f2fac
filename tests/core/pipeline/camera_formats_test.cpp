// Photos from cameras and phones end to end through process_file(): camera RAW (a DNG written at
// test time), HEIF/AVIF (encoded at test time by libheif) and CMYK JPEG, on the whole-image and
// the banded paths, with a bicubic stand-in for the model. Outputs are checked with independent
// readers (OpenCV, Exiv2, exiftool when installed).
#include <gtest/gtest.h>

#include <cstring>

#include <exiv2/exiv2.hpp>
#include <libheif/heif.h>
#include <tiffio.h>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include "imaging/color_management.h"
#include "imaging/header_probe.h"
#include "imaging/heif_codec.h"
#include "imaging/image_decoder.h"
#include "pipeline/input_collection.h"
#include "pipeline/process_file.h"
#include "../imaging/cmyk_fixture.h"
#include "../imaging/dng_fixture.h"
#include "../imaging/test_support.h"
#include "exif_probe.h"

namespace rsd::pipeline {
namespace {

using imaging::ImageFormat;
using testing::exif_value;
namespace fs = std::filesystem;

std::vector<uint8_t> output_icc(const fs::path& p) {
  Exiv2::enableBMFF(true);
  auto image = Exiv2::ImageFactory::open(p.string());
  image->readMetadata();
  if (!image->iccProfileDefined()) return {};
  const Exiv2::DataBuf* b = image->iccProfile();
  return std::vector<uint8_t>(b->pData_, b->pData_ + b->size_);
}

// One EXIF value of a HEIF/AVIF file: its Exif item found by libheif, parsed by Exiv2 (whose own
// BMFF reader finds no EXIF in HEIF files).
std::string heif_exif_value(const fs::path& p, const char* key) {
  const auto bytes = test::read_bytes(p);
  auto items = imaging::heif::read_metadata(bytes.data(), bytes.size());
  if (!items || items->exif.empty()) return "";
  Exiv2::ExifData exif;
  Exiv2::ExifParser::decode(exif, items->exif.data(), uint32_t(items->exif.size()));
  auto it = exif.findKey(Exiv2::ExifKey(key));
  return it == exif.end() ? "" : it->toString();
}

// process_file() on the whole-image path, or on the banded one (bands of 16 rows), each with
// its own output name.
Result<OutputInfo> upscale_on_path(const fs::path& input, bool in_bands, ImageUpscaler& up) {
  OutputOptions o;
  o.name_template = in_bands ? "{stem}_bands.{ext}" : "{stem}_x{scale}.{ext}";
  if (in_bands) {
    o.bands.min_output_pixels = 1;
    o.bands.rows = 16;
  }
  return process_file(input, o, up, {});
}

// A camera EXIF block (TIFF structure) as a phone writes into HEIF.
std::vector<uint8_t> phone_exif(int orientation) {
  Exiv2::ExifData exif;
  exif["Exif.Image.Make"] = "PhoneMaker";
  exif["Exif.Image.Model"] = "Phone 15";
  exif["Exif.Image.Orientation"] = uint16_t(orientation);
  exif["Exif.Photo.DateTimeOriginal"] = "2025:06:01 12:00:00";
  Exiv2::Blob blob;
  Exiv2::ExifParser::encode(blob, Exiv2::littleEndian, exif);
  return std::vector<uint8_t>(blob.begin(), blob.end());
}

std::vector<uint8_t> heif_photo(ImageFormat format, const ImageF& pixels, int exif_orientation) {
  imaging::heif::EncodeParams p;
  p.flavor = format == ImageFormat::Avif ? imaging::heif::Flavor::Avif : imaging::heif::Flavor::Heic;
  p.quality = 95;
  p.exif = phone_exif(exif_orientation);
  p.icc = imaging::srgb_icc_profile();
  auto bytes = imaging::heif::encode(pixels, p);
  EXPECT_TRUE(bytes) << bytes.error().what();
  return bytes ? bytes.value() : std::vector<uint8_t>();
}

// `img` (released here) encoded as HEVC HEIC with the libheif API directly, at `quality` (0: the
// encoder's default). Empty when x265 cannot encode it.
std::vector<uint8_t> encode_hevc(heif_image* img, int quality) {
  std::vector<uint8_t> out;
  heif_context* ctx = heif_context_alloc();
  heif_encoder* enc = nullptr;
  if (heif_context_get_encoder_for_format(ctx, heif_compression_HEVC, &enc).code == heif_error_Ok) {
    if (quality > 0) heif_encoder_set_lossy_quality(enc, quality);
    heif_image_handle* handle = nullptr;
    if (heif_context_encode_image(ctx, img, enc, nullptr, &handle).code == heif_error_Ok) {
      heif_writer writer{1, [](heif_context*, const void* data, size_t size, void* user) -> heif_error {
                           auto* v = static_cast<std::vector<uint8_t>*>(user);
                           v->insert(v->end(), static_cast<const uint8_t*>(data), static_cast<const uint8_t*>(data) + size);
                           return {heif_error_Ok, heif_suberror_Unspecified, "ok"};
                         }};
      if (heif_context_write(ctx, &writer, &out).code != heif_error_Ok) out.clear();
      heif_image_handle_release(handle);
    }
    heif_encoder_release(enc);
  }
  heif_context_free(ctx);
  heif_image_release(img);
  return out;
}

// A 10-bit HEIC (as phones write HDR-capable photos): flat 10-bit level 600, written with the
// libheif API directly (the project's encoder writes 8 bits).
std::vector<uint8_t> ten_bit_heic(int w, int h) {
  heif_image* img = nullptr;
  if (heif_image_create(w, h, heif_colorspace_RGB, heif_chroma_interleaved_RRGGBB_LE, &img).code) return {};
  if (heif_image_add_plane(img, heif_channel_interleaved, w, h, 10).code != heif_error_Ok) {
    heif_image_release(img);
    return {};
  }
  int stride = 0;
  uint8_t* p = heif_image_get_plane(img, heif_channel_interleaved, &stride);
  for (int y = 0; y < h; ++y)
    for (int i = 0; i < 3 * w; ++i) {
      p[size_t(y) * size_t(stride) + 2 * size_t(i)] = 600 & 0xFF;
      p[size_t(y) * size_t(stride) + 2 * size_t(i) + 1] = 600 >> 8;
    }
  return encode_hevc(img, 95);
}

// A monochrome 8-bit HEIC (a flat gray field), written with the libheif API directly.
std::vector<uint8_t> gray_heic(int w, int h) {
  heif_image* img = nullptr;
  if (heif_image_create(w, h, heif_colorspace_monochrome, heif_chroma_monochrome, &img).code) return {};
  if (heif_image_add_plane(img, heif_channel_Y, w, h, 8).code != heif_error_Ok) {
    heif_image_release(img);
    return {};
  }
  int stride = 0;
  uint8_t* p = heif_image_get_plane(img, heif_channel_Y, &stride);
  for (int y = 0; y < h; ++y) std::memset(p + size_t(y) * size_t(stride), 120, size_t(w));
  return encode_hevc(img, 0);
}

TEST(CameraFormats, MonochromeHeifStaysGrayInAGrayFormat) {
  const auto bytes = gray_heic(24, 16);
  if (bytes.empty()) GTEST_SKIP() << "libheif cannot encode monochrome HEVC here";
  test::TempDir dir;
  test::write_bytes(dir / "mono.heic", bytes);
  test::BicubicUpscaler up(2);
  for (const bool in_bands : {false, true}) {
    SCOPED_TRACE(in_bands ? "banded" : "whole image");
    auto header = imaging::probe_header(bytes.data(), bytes.size());
    ASSERT_TRUE(header);
    EXPECT_TRUE(header->gray);
    OutputOptions o;
    o.format = ImageFormat::Png;
    o.name_template = in_bands ? "{stem}_bands.{ext}" : "{stem}_x{scale}.{ext}";
    if (in_bands) o.bands.min_output_pixels = 1, o.bands.rows = 8;
    auto out = process_file(dir / "mono.heic", o, up, {});
    ASSERT_TRUE(out) << out.error().what();
    const cv::Mat m = cv::imread(out->output.string(), cv::IMREAD_UNCHANGED);
    EXPECT_EQ(m.channels(), 1);
    EXPECT_EQ(m.cols, 48);
  }
}

// A plain RGB TIFF that carries a camera's Make and a SubIFD (a reduced preview), as some
// exports do: the sniffer's RAW signature fits it, LibRaw refuses it, and it is read as a TIFF.
std::vector<uint8_t> tiff_with_camera_subifd(const fs::path& path) {
  TIFF* tif = TIFFOpen(path.c_str(), "w");
  if (!tif) return {};
  auto write_picture = [&](uint32_t w, uint32_t h, uint32_t subfile) {
    TIFFSetField(tif, TIFFTAG_SUBFILETYPE, subfile);
    TIFFSetField(tif, TIFFTAG_IMAGEWIDTH, w);
    TIFFSetField(tif, TIFFTAG_IMAGELENGTH, h);
    TIFFSetField(tif, TIFFTAG_BITSPERSAMPLE, 8);
    TIFFSetField(tif, TIFFTAG_SAMPLESPERPIXEL, 3);
    TIFFSetField(tif, TIFFTAG_PHOTOMETRIC, PHOTOMETRIC_RGB);
    TIFFSetField(tif, TIFFTAG_PLANARCONFIG, PLANARCONFIG_CONTIG);
    TIFFSetField(tif, TIFFTAG_ROWSPERSTRIP, h);
    std::vector<uint8_t> row(size_t(w) * 3, 90);
    for (uint32_t y = 0; y < h; ++y) TIFFWriteScanline(tif, row.data(), y, 0);
  };
  TIFFSetField(tif, TIFFTAG_MAKE, "NIKON CORPORATION");
  TIFFSetField(tif, TIFFTAG_MODEL, "NIKON D850");
  uint64_t sub_offset = 0;
  TIFFSetField(tif, TIFFTAG_SUBIFD, 1, &sub_offset);
  write_picture(32, 16, 0);
  TIFFWriteDirectory(tif);
  write_picture(8, 4, FILETYPE_REDUCEDIMAGE);
  TIFFWriteDirectory(tif);
  TIFFClose(tif);
  return test::read_bytes(path);
}

TEST(CameraFormats, APlainTiffWithCameraTagsIsStillATiff) {
  test::TempDir dir;
  const auto bytes = tiff_with_camera_subifd(dir / "export.tif");
  ASSERT_FALSE(bytes.empty());
  EXPECT_EQ(imaging::sniff_format(bytes.data(), bytes.size()), ImageFormat::Raw);  // the signature fits...
  auto h = imaging::probe_header(bytes.data(), bytes.size());
  ASSERT_TRUE(h) << h.error().what();
  EXPECT_EQ(h->format, ImageFormat::Tiff);  // ...but LibRaw does not take it
  EXPECT_EQ(h->width, 32u);
  test::BicubicUpscaler up(2);
  auto out = process_file(dir / "export.tif", {}, up, {});
  ASSERT_TRUE(out) << out.error().what();
  EXPECT_EQ(out->format, ImageFormat::Tiff);
  EXPECT_EQ(out->width, 64);
}

TEST(CameraFormats, TenBitHeifBecomesSixteenBitTiff) {
  const auto bytes = ten_bit_heic(32, 16);
  if (bytes.empty()) GTEST_SKIP() << "libheif cannot encode 10-bit HEVC here";
  test::TempDir dir;
  test::write_bytes(dir / "hdr.heic", bytes);
  test::BicubicUpscaler up(2);
  auto out = process_file(dir / "hdr.heic", {}, up, {});
  ASSERT_TRUE(out) << out.error().what();
  EXPECT_EQ(out->format, ImageFormat::Tiff);
  EXPECT_EQ(out->output.extension(), ".tif");
  EXPECT_EQ(out->bit_depth, 16);
  const cv::Mat m = cv::imread(out->output.string(), cv::IMREAD_UNCHANGED);
  ASSERT_EQ(m.type(), CV_16UC3);
  // 600 of 1023 is 38442 of 65535; HEVC at quality 95 keeps a flat field within a few 10-bit levels,
  // which an 8-bit path (steps of 257) could not hit.
  const cv::Vec<uint16_t, 3> v = m.at<cv::Vec<uint16_t, 3>>(8, 16);
  for (int c = 0; c < 3; ++c) EXPECT_NEAR(v[c], 38442, 4 * 64);
  EXPECT_NE(v[1] % 257, 0) << "the 10-bit precision went through an 8-bit step";
}

TEST(CameraFormats, RawBecomesUprightSixteenBitTiffWithCameraExifAndSrgbProfile) {
  test::TempDir dir;
  test::BicubicUpscaler up(2);
  test::DngSpec spec;
  spec.orientation = 6;  // 90 degrees clockwise: the red top-left quadrant ends top-right
  const fs::path dng = dir / "IMG_0001.DNG";
  test::write_bytes(dng, test::make_test_dng(spec));
  const std::string before = test::file_digest(dng);
  for (const bool in_bands : {false, true}) {
    SCOPED_TRACE(in_bands ? "banded" : "whole image");
    auto out = upscale_on_path(dng, in_bands, up);
    ASSERT_TRUE(out) << out.error().what();
    EXPECT_EQ(out->format, ImageFormat::Tiff);
    EXPECT_EQ(out->output.extension(), ".tif");
    EXPECT_EQ(out->bit_depth, 16);
    const cv::Mat m = cv::imread(out->output.string(), cv::IMREAD_UNCHANGED);
    ASSERT_EQ(m.type(), CV_16UC3);
    EXPECT_EQ(m.cols, 2 * spec.height);
    EXPECT_EQ(m.rows, 2 * spec.width);
    const cv::Vec<uint16_t, 3> top_right = m.at<cv::Vec<uint16_t, 3>>(m.rows / 4, 3 * m.cols / 4);  // B G R
    EXPECT_GT(top_right[2], 3 * top_right[1]) << "the red quadrant is not where orientation 6 puts it";
    EXPECT_EQ(exif_value(out->output, "Exif.Image.Make"), "RSD");
    EXPECT_EQ(exif_value(out->output, "Exif.Image.Model"), "Test Camera");
    EXPECT_EQ(exif_value(out->output, "Exif.Photo.DateTimeOriginal"), "2024:05:17 10:30:00");
    EXPECT_EQ(exif_value(out->output, "Exif.Photo.ISOSpeedRatings"), "200");
    EXPECT_EQ(exif_value(out->output, "Exif.Image.Orientation"), "1");
    EXPECT_EQ(exif_value(out->output, "Exif.Image.DNGVersion"), "") << "a developed TIFF must not claim to be a DNG";
    EXPECT_EQ(exif_value(out->output, "Exif.Image.CFAPattern"), "");
    EXPECT_EQ(output_icc(out->output), imaging::srgb_icc_profile());
  }
  EXPECT_EQ(test::file_digest(dng), before);
}

TEST(CameraFormats, RawHeaderGivesTheDevelopedSizeBeforeDecoding) {
  test::DngSpec spec;
  spec.orientation = 8;
  const auto bytes = test::make_test_dng(spec);
  EXPECT_EQ(imaging::sniff_format(bytes.data(), bytes.size()), ImageFormat::Raw);
  auto h = imaging::probe_header(bytes.data(), bytes.size());
  ASSERT_TRUE(h) << h.error().what();
  EXPECT_EQ(h->format, ImageFormat::Raw);
  EXPECT_EQ(h->width, uint32_t(spec.height));
  EXPECT_EQ(h->height, uint32_t(spec.width));
  EXPECT_EQ(h->bit_depth, 16);
  // The input limit is applied from the header, before LibRaw develops anything.
  imaging::DecodeOptions opt;
  opt.max_pixels = 100;
  auto d = imaging::decode_image(bytes.data(), bytes.size(), opt);
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error().code, ErrorCode::TooLarge);
  // A plain TIFF with a camera's Make stays a TIFF.
  const auto plain = test::make_plain_tiff(32, 16, 3, 16, "Canon");
  EXPECT_EQ(imaging::sniff_format(plain.data(), plain.size()), ImageFormat::Tiff);
  auto ph = imaging::probe_header(plain.data(), plain.size());
  ASSERT_TRUE(ph);
  EXPECT_EQ(ph->format, ImageFormat::Tiff);
}

TEST(CameraFormats, HeifStaysHeifWithItsMetadataAndIsTurnedOnlyOnce) {
  for (const ImageFormat f : {ImageFormat::Heif, ImageFormat::Avif}) {
    if (!imaging::can_write(f)) GTEST_SKIP() << "libheif has no encoder for " << imaging::to_string(f) << " here";
    SCOPED_TRACE(imaging::to_string(f));
    test::TempDir dir;
    test::BicubicUpscaler up(2);
    // The EXIF says 6, but HEIF's own transform boxes (none here) decide: the picture stays as coded.
    const fs::path in = dir / (f == ImageFormat::Avif ? "phone.avif" : "phone.HEIC");
    test::write_bytes(in, heif_photo(f, test::make_blocks(40, 24, 3), 6));
    for (const bool in_bands : {false, true}) {
      SCOPED_TRACE(in_bands ? "banded" : "whole image");
      auto out = upscale_on_path(in, in_bands, up);
      ASSERT_TRUE(out) << out.error().what();
      EXPECT_EQ(out->format, f);
      EXPECT_EQ(out->output.extension(), f == ImageFormat::Avif ? ".avif" : ".HEIC");
      const auto bytes = test::read_bytes(out->output);
      auto h = imaging::probe_header(bytes.data(), bytes.size());
      ASSERT_TRUE(h) << h.error().what();
      EXPECT_EQ(h->format, f);
      EXPECT_EQ(h->width, 80u);
      EXPECT_EQ(h->height, 48u);
      EXPECT_EQ(heif_exif_value(out->output, "Exif.Image.Make"), "PhoneMaker");
      EXPECT_EQ(heif_exif_value(out->output, "Exif.Photo.DateTimeOriginal"), "2025:06:01 12:00:00");
      EXPECT_EQ(heif_exif_value(out->output, "Exif.Image.Orientation"), "1");
      EXPECT_EQ(heif_exif_value(out->output, "Exif.Photo.PixelXDimension"), "80");
      EXPECT_EQ(output_icc(out->output), imaging::srgb_icc_profile());
      if (test::have_exiftool()) {  // an independent reader agrees
        auto tags = test::exiftool_tags(out->output);
        EXPECT_EQ(tags["IFD0:Make"], "PhoneMaker");
        EXPECT_EQ(tags["IFD0:Orientation"], "1");
      }
    }
  }
}

TEST(CameraFormats, AHeifClaimingAHugeSizeIsRefusedBeforeDecoding) {
  if (!imaging::can_write(ImageFormat::Heif)) GTEST_SKIP() << "no HEIC encoder here";
  auto bytes = heif_photo(ImageFormat::Heif, test::make_blocks(16, 16, 3), 1);
  // Every image spatial extent ('ispe': version/flags, width, height) now says 60000 x 60000.
  int patched = 0;
  for (size_t i = 0; i + 16 <= bytes.size(); ++i) {
    if (std::memcmp(&bytes[i], "ispe", 4) != 0) continue;
    for (size_t k : {i + 8, i + 12}) {
      const uint32_t v = 60000;
      bytes[k] = uint8_t(v >> 24), bytes[k + 1] = uint8_t(v >> 16), bytes[k + 2] = uint8_t(v >> 8), bytes[k + 3] = uint8_t(v);
    }
    ++patched;
  }
  ASSERT_GT(patched, 0);
  test::TempDir dir;
  test::write_bytes(dir / "bomb.heic", bytes);
  test::BicubicUpscaler up(2);
  auto out = process_file(dir / "bomb.heic", {}, up, {});
  ASSERT_FALSE(out);
  EXPECT_EQ(out.error().code, ErrorCode::TooLarge) << out.error().what();
  EXPECT_EQ(up.calls, 0);
}

TEST(CameraFormats, HeifWithoutAnEncoderChoiceFallsBackAsStated) {
  OutputOptions o;
  EXPECT_EQ(output_format(ImageFormat::Raw, 16, o), ImageFormat::Tiff);
  EXPECT_EQ(output_format(ImageFormat::Heif, 10, o), ImageFormat::Tiff);  // deeper than our 8-bit encoder
  EXPECT_EQ(output_format(ImageFormat::Heif, 8, o),
            imaging::can_write(ImageFormat::Heif) ? ImageFormat::Heif : ImageFormat::Jpeg);
  o.format = ImageFormat::Png;
  EXPECT_EQ(output_format(ImageFormat::Raw, 16, o), ImageFormat::Png);
  EXPECT_FALSE(imaging::can_write(ImageFormat::Raw));
}

TEST(CameraFormats, CmykJpegComesOutRgbWithAnRgbProfile) {
  test::TempDir dir;
  test::BicubicUpscaler up(2);
  const fs::path in = dir / "print.jpg";
  test::write_bytes(in, test::cmyk_test_jpeg());
  for (const bool in_bands : {false, true}) {
    SCOPED_TRACE(in_bands ? "banded" : "whole image");
    auto out = upscale_on_path(in, in_bands, up);
    ASSERT_TRUE(out) << out.error().what();
    EXPECT_EQ(out->format, ImageFormat::Jpeg);
    const cv::Mat m = cv::imread(out->output.string(), cv::IMREAD_UNCHANGED);
    ASSERT_EQ(m.type(), CV_8UC3);
    const auto icc = output_icc(out->output);
    ASSERT_GT(icc.size(), 20u);
    EXPECT_EQ(std::string(icc.begin() + 16, icc.begin() + 20), "RGB ") << "the CMYK profile must not travel";
    const cv::Vec3b paper = m.at<cv::Vec3b>(m.rows / 2, 2);
    EXPECT_GT(paper[1], 230);
  }
}

TEST(CameraFormats, FoldersPickUpPhonePhotosAndRaws) {
  if (!imaging::can_write(ImageFormat::Heif)) GTEST_SKIP() << "no HEIC encoder here";
  test::TempDir dir;
  fs::create_directories(dir / "in");
  test::write_bytes(dir / "in" / "a.heic", heif_photo(ImageFormat::Heif, test::make_blocks(16, 12, 3), 1));
  test::write_bytes(dir / "in" / "b.dng", test::make_test_dng({}));
  test::write_bytes(dir / "in" / "notes.txt", {'h', 'i'});
  const CollectedInputs inputs = collect_inputs({dir / "in"}, true);
  ASSERT_EQ(inputs.files.size(), 2u);
  EXPECT_EQ(inputs.files[0].path.filename(), "a.heic");
  EXPECT_EQ(inputs.files[1].path.filename(), "b.dng");
}

}  // namespace
}  // namespace rsd::pipeline
