// Metadata carried from a source photo into every writable output format, checked with Exiv2
// opened directly on the result and with exiftool as an independent reader.
#include <gtest/gtest.h>

#include <sstream>

#include <exiv2/exiv2.hpp>
#include <opencv2/imgcodecs.hpp>

#include "imaging/image_encoder.h"
#include "metadata/metadata_writer.h"
#include "metadata/photo_metadata.h"
#include "../imaging/test_support.h"

namespace rsd::metadata {
namespace {

using imaging::ImageFormat;

std::vector<uint8_t> encoded(ImageFormat f, int w, int h, int channels = 3) {
  imaging::EncodeOptions opt;
  opt.format = f;
  auto bytes = imaging::encode_image(test::make_pattern(w, h, channels), opt);
  EXPECT_TRUE(bytes);
  return bytes ? bytes.value() : std::vector<uint8_t>{};
}

PhotoMetadata source_metadata(ImageFormat f, const test::FixtureMetadata& m) {
  const auto src = test::add_fixture_metadata(encoded(f, 10, 8), m);
  auto md = read_metadata(src.data(), src.size());
  EXPECT_TRUE(md) << md.error().what();
  return md ? md.value() : PhotoMetadata();
}

OutputFacts facts() {
  OutputFacts f;
  f.width = 40;
  f.height = 32;
  f.scale = 4;
  f.model_name = "bicubic-test";
  f.when = "2026-01-02T03:04:05Z";
  return f;
}

struct Written {
  std::vector<uint8_t> bytes;
  std::shared_ptr<Exiv2::Image> image;
};

Written write(ImageFormat dst, const PhotoMetadata& md, const MetadataPolicy& policy = {}) {
  Written w;
  auto out = embed_metadata(encoded(dst, 40, 32), dst, md, policy, facts());
  EXPECT_TRUE(out) << out.error().what();
  if (!out) return w;
  w.bytes = out.value();
  // The file must still decode, at the right size.
  cv::Mat m = cv::imdecode(cv::Mat(1, int(w.bytes.size()), CV_8U, w.bytes.data()), cv::IMREAD_UNCHANGED);
  EXPECT_EQ(m.cols, 40);
  EXPECT_EQ(m.rows, 32);
  w.image.reset(Exiv2::ImageFactory::open(w.bytes.data(), long(w.bytes.size())).release());
  w.image->readMetadata();
  return w;
}

std::string exif(const Written& w, const char* key) {
  auto it = w.image->exifData().findKey(Exiv2::ExifKey(key));
  return it == w.image->exifData().end() ? "" : it->toString();
}
std::string xmp(const Written& w, const char* key) {
  auto it = w.image->xmpData().findKey(Exiv2::XmpKey(key));
  return it == w.image->xmpData().end() ? "" : it->toString();
}
std::string iptc(const Written& w, const char* key) {
  auto it = w.image->iptcData().findKey(Exiv2::IptcKey(key));
  return it == w.image->iptcData().end() ? "" : it->toString();
}
bool any_gps(const Written& w) {
  for (const auto& d : w.image->exifData())
    if (d.groupName() == "GPSInfo") return true;
  for (const auto& d : w.image->xmpData())
    if (d.key().find("GPS") != std::string::npos) return true;
  return false;
}
std::vector<uint8_t> icc(const Written& w) {
  if (!w.image->iccProfileDefined()) return {};
  const Exiv2::DataBuf* b = w.image->iccProfile();
  return std::vector<uint8_t>(b->pData_, b->pData_ + b->size_);
}

const ImageFormat kOutputs[] = {ImageFormat::Jpeg, ImageFormat::Png, ImageFormat::Tiff, ImageFormat::Webp};

TEST(MetadataReader, ReadsWhatTheFixtureWrote) {
  test::FixtureMetadata m;
  m.orientation = 6;
  for (ImageFormat src : kOutputs) {
    SCOPED_TRACE(imaging::to_string(src));
    const PhotoMetadata md = source_metadata(src, m);
    EXPECT_EQ(md.orientation(), 6);
    EXPECT_TRUE(md.has_exif());
    EXPECT_TRUE(md.has_gps());
    EXPECT_EQ(md.value("Exif.Image.Make").value_or(""), "TestMaker");
    EXPECT_EQ(md.icc_profile(), test::test_icc_profile());
    EXPECT_FALSE(md.value("Exif.No.SuchKey").has_value());
  }
  auto none = read_metadata(nullptr, 0);
  ASSERT_TRUE(none);
  EXPECT_EQ(none->orientation(), 1);
  EXPECT_FALSE(none->has_exif());
}

TEST(MetadataWriter, CarriesEverythingIntoEveryFormat) {
  test::FixtureMetadata m;
  m.orientation = 3;
  m.thumbnail = true;
  const PhotoMetadata md = source_metadata(ImageFormat::Jpeg, m);
  for (ImageFormat dst : kOutputs) {
    SCOPED_TRACE(imaging::to_string(dst));
    const Written w = write(dst, md);
    ASSERT_TRUE(w.image.get());
    EXPECT_EQ(exif(w, "Exif.Image.Make"), "TestMaker");
    EXPECT_EQ(exif(w, "Exif.Image.Model"), "TM-1 Mark II");
    EXPECT_EQ(exif(w, "Exif.Photo.LensModel"), "TM 35mm F1.4");
    EXPECT_EQ(exif(w, "Exif.Photo.DateTimeOriginal"), "2021:06:05 14:03:22");
    EXPECT_EQ(exif(w, "Exif.Photo.PixelXDimension"), "40");
    EXPECT_EQ(exif(w, "Exif.Photo.PixelYDimension"), "32");
    EXPECT_EQ(exif(w, "Exif.Image.Orientation"), "1");
    EXPECT_EQ(exif(w, "Exif.Image.Software"), software_tag(facts()));
    EXPECT_NE(exif(w, "Exif.Image.Software").find("bicubic-test"), std::string::npos);
    EXPECT_EQ(exif(w, "Exif.GPSInfo.GPSLatitudeRef"), "N");
    EXPECT_EQ(Exiv2::ExifThumbC(w.image->exifData()).copy().size_, 0);
    EXPECT_EQ(xmp(w, "Xmp.dc.subject"), "harbour");
    EXPECT_EQ(xmp(w, "Xmp.tiff.ImageWidth"), "40");
    EXPECT_EQ(xmp(w, "Xmp.xmpMM.History[1]/stEvt:action"), "resized");
    EXPECT_EQ(xmp(w, "Xmp.xmpMM.History[1]/stEvt:when"), "2026-01-02T03:04:05Z");
    EXPECT_NE(xmp(w, "Xmp.xmpMM.History[1]/stEvt:parameters").find("x4"), std::string::npos);
    EXPECT_EQ(icc(w), test::test_icc_profile());
    if (dst == ImageFormat::Png) {  // the iCCP chunk carries a non-empty profile name
      const std::string bytes(w.bytes.begin(), w.bytes.end());
      const size_t at = bytes.find("iCCP");
      ASSERT_NE(at, std::string::npos);
      EXPECT_EQ(bytes.compare(at + 4, 12, std::string("ICC Profile\0", 12)), 0);
    }
    if (dst != ImageFormat::Webp) {  // WebP has no place for IPTC
      EXPECT_EQ(iptc(w, "Iptc.Application2.Keywords"), "harbour");
      EXPECT_EQ(iptc(w, "Iptc.Application2.City"), "Saint-Malo");
    }
  }
}

TEST(MetadataWriter, StructureTagsOfATiffSourceDoNotTravel) {
  const PhotoMetadata md = source_metadata(ImageFormat::Tiff, {});
  ASSERT_TRUE(md.value("Exif.Image.StripOffsets").has_value());
  for (ImageFormat dst : kOutputs) {
    SCOPED_TRACE(imaging::to_string(dst));
    const Written w = write(dst, md);
    EXPECT_EQ(exif(w, "Exif.Image.Make"), "TestMaker");
    if (dst != ImageFormat::Tiff) {
      EXPECT_EQ(exif(w, "Exif.Image.StripOffsets"), "");
      EXPECT_EQ(exif(w, "Exif.Image.BitsPerSample"), "");
    } else {
      EXPECT_EQ(exif(w, "Exif.Image.ImageWidth"), "40");  // the output's own structure
    }
  }
}

TEST(MetadataWriter, StripGpsKeepsTheRest) {
  const PhotoMetadata md = source_metadata(ImageFormat::Jpeg, {});
  ASSERT_TRUE(md.has_gps());
  MetadataPolicy policy;
  policy.strip_gps = true;
  for (ImageFormat dst : kOutputs) {
    SCOPED_TRACE(imaging::to_string(dst));
    const Written w = write(dst, md, policy);
    EXPECT_FALSE(any_gps(w));
    EXPECT_EQ(exif(w, "Exif.Image.GPSTag"), "");
    EXPECT_EQ(exif(w, "Exif.Photo.DateTimeOriginal"), "2021:06:05 14:03:22");
    EXPECT_EQ(xmp(w, "Xmp.dc.subject"), "harbour");
  }
}

TEST(MetadataWriter, StripAllRemovesEveryRecordButKeepsColour) {
  const PhotoMetadata md = source_metadata(ImageFormat::Jpeg, {});
  MetadataPolicy policy;
  policy.strip_all = true;
  for (ImageFormat dst : kOutputs) {
    SCOPED_TRACE(imaging::to_string(dst));
    Written w = write(dst, md, policy);
    EXPECT_EQ(exif(w, "Exif.Image.Make"), "");
    EXPECT_EQ(exif(w, "Exif.Image.Software"), "");
    EXPECT_FALSE(any_gps(w));
    EXPECT_TRUE(w.image->xmpData().empty());
    EXPECT_TRUE(w.image->iptcData().empty());
    if (dst != ImageFormat::Tiff) {
      EXPECT_TRUE(w.image->exifData().empty());
    }
    EXPECT_EQ(icc(w), test::test_icc_profile());
    policy.keep_icc = false;
    w = write(dst, md, policy);
    EXPECT_TRUE(icc(w).empty());
    policy.keep_icc = true;
  }
}

TEST(MetadataWriter, AppendsToAnExistingHistoryAndWritesWithoutSource) {
  const PhotoMetadata md = source_metadata(ImageFormat::Png, {});
  const Written first = write(ImageFormat::Png, md);
  auto again = read_metadata(first.bytes.data(), first.bytes.size());
  ASSERT_TRUE(again);
  const Written second = write(ImageFormat::Png, again.value());
  EXPECT_EQ(xmp(second, "Xmp.xmpMM.History[1]/stEvt:action"), "resized");
  EXPECT_EQ(xmp(second, "Xmp.xmpMM.History[2]/stEvt:action"), "resized");

  const Written bare = write(ImageFormat::Jpeg, PhotoMetadata());
  EXPECT_EQ(exif(bare, "Exif.Image.Orientation"), "1");
  EXPECT_EQ(exif(bare, "Exif.Photo.PixelXDimension"), "40");
  EXPECT_EQ(xmp(bare, "Xmp.xmpMM.History[1]/stEvt:action"), "resized");
  EXPECT_TRUE(icc(bare).empty());
}

TEST(MetadataWriter, ExiftoolAgreesOnEveryFormat) {
  if (!test::have_exiftool()) GTEST_SKIP() << "exiftool not installed";
  test::FixtureMetadata m;
  m.orientation = 8;
  m.thumbnail = true;
  const PhotoMetadata md = source_metadata(ImageFormat::Jpeg, m);
  test::TempDir dir;
  for (ImageFormat dst : kOutputs) {
    SCOPED_TRACE(imaging::to_string(dst));
    const Written w = write(dst, md);
    const auto path = dir / (std::string("out.") + imaging::canonical_extension(dst));
    test::write_bytes(path, w.bytes);
    auto tags = test::exiftool_tags(path);
    EXPECT_EQ(tags["IFD0:Orientation"], "1");
    EXPECT_EQ(tags["IFD0:Make"], "TestMaker");
    EXPECT_EQ(tags["IFD0:Software"], software_tag(facts()));
    EXPECT_EQ(tags["ExifIFD:DateTimeOriginal"], "2021:06:05 14:03:22");
    EXPECT_EQ(tags["ExifIFD:ExifImageWidth"], "40");
    EXPECT_EQ(tags["Composite:ImageSize"], "40 32");
    EXPECT_EQ(tags["GPS:GPSLatitudeRef"], "N");
    EXPECT_EQ(tags.count("IFD1:ThumbnailLength"), 0u);
    EXPECT_EQ(tags["XMP-xmpMM:HistoryAction"], "resized");
    EXPECT_EQ(tags["XMP-dc:Subject"], "harbour");
    EXPECT_EQ(tags["ICC-header:ProfileCMMType"], "rsdT");
    if (dst != ImageFormat::Webp) {
      EXPECT_EQ(tags["IPTC:Keywords"], "harbour");
    }
    // exiftool's structural check (-validate): the fixture lacks some tags a camera would
    // write ("Missing required ...") and minor style notes are fine; nothing else may show.
    EXPECT_EQ(tags["ExifTool:Error"], "");
    std::istringstream warnings(tags["ExifTool:Warning"]);
    for (std::string line; std::getline(warnings, line);)
      if (line.rfind("Missing required", 0) != 0 && line.rfind("[minor]", 0) != 0) ADD_FAILURE() << line;
  }
}

}  // namespace
}  // namespace rsd::metadata
