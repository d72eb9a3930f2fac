// Streaming encoders: a file written a few rows at a time must decode to exactly what the
// in-memory encoder writes, carry the donor's metadata, and leave nothing when a write fails.
#include "imaging/row_writer.h"

#include <gtest/gtest.h>

#include <exiv2/exiv2.hpp>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include "test_support.h"

namespace rsd::imaging {
namespace {

namespace fs = std::filesystem;

struct RowCase {
  ImageFormat format;
  int channels;
  int depth;
  TiffCompression tiff = TiffCompression::Lzw;
};

std::string name(const RowCase& c) {
  return std::string(to_string(c.format)) + " " + std::to_string(c.channels) + "ch " + std::to_string(c.depth) +
         "-bit tiff-compression " + std::to_string(int(c.tiff));
}

EncodeOptions encode_options(const RowCase& c) {
  EncodeOptions e;
  e.format = c.format;
  e.bit_depth = c.depth;
  e.jpeg_quality = 90;
  e.tiff_compression = c.tiff;
  return e;
}

std::vector<uint8_t> tiny(const RowCase& c) {
  auto bytes = encode_image(ImageF(8, 8, c.channels), encode_options(c));
  EXPECT_TRUE(bytes) << bytes.error().what();
  return bytes ? bytes.value() : std::vector<uint8_t>();
}

// Streams `img` in uneven slices of rows and gives the file `path`.
Status stream(const ImageF& img, const RowCase& c, const std::vector<uint8_t>& donor, const fs::path& path,
              const WriteFaults& faults = {}, bool optimize = false) {
  auto file = AtomicFileWriter::create(path.parent_path(), faults);
  if (!file) return file.error();
  RowWriterOptions o;
  o.width = img.width;
  o.height = img.height;
  o.channels = img.channels;
  o.encode = encode_options(c);
  o.jpeg_optimize = optimize;
  o.metadata_donor = donor;
  auto writer = open_row_writer(**file, o);
  if (!writer) return writer.error();
  for (int y = 0, step = 1; y < img.height; y += step, step = step % 7 + 2) {
    const int rows = std::min(step, img.height - y);
    if (auto st = (*writer)->write_rows(img.crop(0, y, img.width, rows)); !st) return st;
  }
  if (auto st = (*writer)->finish(); !st) return st;
  return (*file)->commit(path, false);
}

cv::Mat decode(const std::vector<uint8_t>& bytes) {
  return cv::imdecode(cv::Mat(1, int(bytes.size()), CV_8U, const_cast<uint8_t*>(bytes.data())), cv::IMREAD_UNCHANGED);
}

TEST(RowWriter, StreamedFilesDecodeLikeTheInMemoryEncoder) {
  test::TempDir dir;
  const RowCase cases[] = {
      {ImageFormat::Jpeg, 1, 8}, {ImageFormat::Jpeg, 3, 8},
      {ImageFormat::Png, 1, 8}, {ImageFormat::Png, 3, 8}, {ImageFormat::Png, 4, 8},
      {ImageFormat::Png, 1, 16}, {ImageFormat::Png, 3, 16}, {ImageFormat::Png, 4, 16},
      {ImageFormat::Tiff, 1, 8}, {ImageFormat::Tiff, 3, 8}, {ImageFormat::Tiff, 4, 8},
      {ImageFormat::Tiff, 3, 16}, {ImageFormat::Tiff, 4, 16},
      {ImageFormat::Tiff, 3, 16, TiffCompression::Deflate}, {ImageFormat::Tiff, 3, 8, TiffCompression::None},
  };
  int n = 0;
  for (const RowCase& c : cases) {
    SCOPED_TRACE(name(c));
    const ImageF img = test::make_pattern(37, 29, c.channels);
    auto whole = encode_image(img, encode_options(c));
    ASSERT_TRUE(whole) << whole.error().what();
    const cv::Mat expected = decode(whole.value());
    for (bool optimize : {false, true}) {
      if (optimize && c.format != ImageFormat::Jpeg) continue;
      const fs::path path = dir / ("out" + std::to_string(n++) + "." + canonical_extension(c.format));
      auto st = stream(img, c, tiny(c), path, {}, optimize);
      ASSERT_TRUE(st) << st.error().what();
      const cv::Mat got = cv::imread(path.string(), cv::IMREAD_UNCHANGED);
      ASSERT_EQ(got.size(), expected.size());
      ASSERT_EQ(got.type(), expected.type());
      // Same samples, same quantisation; for JPEG the same DCT coefficients (only the Huffman
      // tables may differ), so the decoded pixels are identical too.
      EXPECT_EQ(cv::norm(got, expected, cv::NORM_INF), 0);
    }
  }
  EXPECT_EQ(dir.list().size(), size_t(n));  // no temporary file left
}

std::string exif(const Exiv2::Image& image, const char* key) {
  auto it = image.exifData().findKey(Exiv2::ExifKey(key));
  return it == image.exifData().end() ? "" : it->toString();
}

TEST(RowWriter, MetadataIsCopiedFromTheDonor) {
  test::TempDir dir;
  for (const RowCase& c : {RowCase{ImageFormat::Jpeg, 3, 8}, RowCase{ImageFormat::Png, 4, 16}, RowCase{ImageFormat::Tiff, 3, 16},
                        RowCase{ImageFormat::Tiff, 1, 8}}) {
    SCOPED_TRACE(name(c));
    test::FixtureMetadata md;  // camera, GPS, XMP, IPTC and ICC, written by Exiv2 directly
    const std::vector<uint8_t> donor = test::add_fixture_metadata(tiny(c), md);
    const ImageF img = test::make_blocks(50, 23, c.channels);
    const fs::path path = dir / (std::string("meta") + std::to_string(int(c.format)) + std::to_string(c.channels) +
                                 "." + canonical_extension(c.format));
    auto st = stream(img, c, donor, path);
    ASSERT_TRUE(st) << st.error().what();
    const cv::Mat pixels = cv::imread(path.string(), cv::IMREAD_UNCHANGED);
    EXPECT_EQ(pixels.cols, 50);
    EXPECT_EQ(pixels.rows, 23);
    EXPECT_EQ(pixels.channels(), c.channels);

    auto image = Exiv2::ImageFactory::open(path.string());
    image->readMetadata();
    EXPECT_EQ(exif(*image, "Exif.Image.Make"), "TestMaker");
    EXPECT_EQ(exif(*image, "Exif.Photo.LensModel"), "TM 35mm F1.4");  // in the EXIF sub-IFD
    EXPECT_EQ(exif(*image, "Exif.GPSInfo.GPSLatitudeRef"), "N");       // in the GPS sub-IFD
    auto title = image->xmpData().findKey(Exiv2::XmpKey("Xmp.dc.title"));
    ASSERT_NE(title, image->xmpData().end());
    EXPECT_NE(title->toString().find("Harbour at dusk"), std::string::npos);
    auto city = image->iptcData().findKey(Exiv2::IptcKey("Iptc.Application2.City"));
    ASSERT_NE(city, image->iptcData().end());
    EXPECT_EQ(city->toString(), "Saint-Malo");
    ASSERT_TRUE(image->iccProfileDefined());
    const auto icc = test::test_icc_profile();
    EXPECT_EQ(std::vector<uint8_t>(image->iccProfile()->pData_, image->iccProfile()->pData_ + image->iccProfile()->size_), icc);
    if (c.format == ImageFormat::Tiff) {  // the pixels are described by the writer, not the donor
      EXPECT_EQ(exif(*image, "Exif.Image.ImageWidth"), "50");
      EXPECT_EQ(exif(*image, "Exif.Image.BitsPerSample").substr(0, 2), std::to_string(c.depth));
    }
    if (test::have_exiftool()) {
      // exiftool -validate finds nothing in the streamed file that it does not find in the donor
      // (the fixture lacks some tags the EXIF standard requires; that is not what is tested here).
      const fs::path donor_file = dir / ("donor." + std::string(canonical_extension(c.format)));
      test::write_bytes(donor_file, donor);
      auto tags = test::exiftool_tags(path), donor_tags = test::exiftool_tags(donor_file);
      fs::remove(donor_file);
      EXPECT_EQ(tags["ExifTool:Warning"], donor_tags["ExifTool:Warning"]);
      EXPECT_EQ(tags.count("ExifTool:Error"), 0u) << tags["ExifTool:Error"];
      EXPECT_EQ(tags["XMP-dc:Title"], donor_tags["XMP-dc:Title"]);
      EXPECT_EQ(tags["GPS:GPSLatitude"], donor_tags["GPS:GPSLatitude"]);
    }
  }
}

TEST(RowWriter, AFailedWriteMidStreamLeavesNothing) {
  test::TempDir dir;
  for (const RowCase& c : {RowCase{ImageFormat::Jpeg, 3, 8}, RowCase{ImageFormat::Png, 3, 8}, RowCase{ImageFormat::Tiff, 3, 8}}) {
    SCOPED_TRACE(name(c));
    WriteFaults disk_full;
    disk_full.fail_after_bytes = 3000;  // past the header, inside the pixels
    const fs::path path = dir / (std::string("full.") + canonical_extension(c.format));
    auto st = stream(test::make_pattern(300, 200, 3), c, tiny(c), path, disk_full);
    ASSERT_FALSE(st);
    EXPECT_EQ(st.error().code, ErrorCode::Io) << st.error().what();
    EXPECT_NE(st.error().what().find("No space left on device"), std::string::npos) << st.error().what();
    EXPECT_TRUE(dir.list().empty());
  }
}

TEST(RowWriter, RefusesWhatAFormatCannotHold) {
  EXPECT_NE(format_size_problem(ImageFormat::Jpeg, 65501, 100, 3, 8, TiffCompression::Lzw).find("65500"), std::string::npos);
  EXPECT_EQ(format_size_problem(ImageFormat::Jpeg, 65500, 40000, 3, 8, TiffCompression::Lzw), "");
  EXPECT_NE(format_size_problem(ImageFormat::Webp, 100, 16384, 3, 8, TiffCompression::Lzw).find("16383"), std::string::npos);
  EXPECT_EQ(format_size_problem(ImageFormat::Webp, 16383, 16383, 4, 8, TiffCompression::Lzw), "");
  // 40000 x 40000 RGB is 4.8 GB uncompressed: only a compressed TIFF may fit in 4 GiB.
  EXPECT_NE(format_size_problem(ImageFormat::Tiff, 40000, 40000, 3, 8, TiffCompression::None).find("4 GiB"), std::string::npos);
  EXPECT_EQ(format_size_problem(ImageFormat::Tiff, 40000, 40000, 3, 8, TiffCompression::Lzw), "");
  // 9.6 GB at 16 bits: not even compressed by half.
  EXPECT_NE(format_size_problem(ImageFormat::Tiff, 40000, 40000, 3, 16, TiffCompression::Lzw).find("PNG"), std::string::npos);
  EXPECT_EQ(format_size_problem(ImageFormat::Png, 200000, 200000, 4, 16, TiffCompression::None), "");

  test::TempDir dir;
  auto file = AtomicFileWriter::create(dir.path());
  ASSERT_TRUE(file);
  RowWriterOptions o;
  o.width = 16384;
  o.height = 8;
  o.encode.format = ImageFormat::Jpeg;
  o.width = 70000;
  auto jpeg = open_row_writer(**file, o);
  ASSERT_FALSE(jpeg);
  EXPECT_EQ(jpeg.error().code, ErrorCode::TooLarge);
  o.width = 64;
  o.encode.format = ImageFormat::Webp;
  auto webp = open_row_writer(**file, o);
  ASSERT_FALSE(webp);
  EXPECT_EQ(webp.error().code, ErrorCode::Unsupported);
  o.channels = 4;
  o.encode.format = ImageFormat::Jpeg;
  EXPECT_FALSE(open_row_writer(**file, o));  // no alpha in JPEG
}

TEST(RowWriter, WebpIsCollectedAndEncodedAtTheEnd) {
  RowWriterOptions o;
  o.width = 40;
  o.height = 30;
  o.channels = 4;
  o.encode.format = ImageFormat::Webp;
  o.encode.webp_lossless = true;
  auto w = BufferedRowWriter::open(o);
  ASSERT_TRUE(w) << w.error().what();
  const ImageF img = test::make_pattern(40, 30, 4);
  ASSERT_TRUE((*w)->write_rows(img.crop(0, 0, 40, 11)));
  ASSERT_TRUE((*w)->write_rows(img.crop(0, 11, 40, 19)));
  ASSERT_TRUE((*w)->finish());
  EncodeOptions e;
  e.format = ImageFormat::Webp;
  e.webp_lossless = true;
  auto whole = encode_image(img, e);
  ASSERT_TRUE(whole);
  EXPECT_EQ(cv::norm(decode((*w)->encoded()), decode(whole.value()), cv::NORM_INF), 0);
  o.width = 16384;
  EXPECT_FALSE(BufferedRowWriter::open(o));
}

}  // namespace
}  // namespace rsd::imaging
