// Seeds for the image targets: small pictures in every format and layout the header probe knows,
// encoded by OpenCV, a few headers OpenCV cannot write assembled by hand, and photos carrying EXIF,
// XMP, IPTC and an ICC profile written by Exiv2 for the metadata copier.
#include <exiv2/exiv2.hpp>
#include <exiv2/webpimage.hpp>  // Exiv2::ImageType::webp
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include <stdexcept>

#include "corpus.h"

namespace rsd::fuzz {
namespace {

constexpr int kSide = 16;

cv::Mat pattern(int type) {
  cv::Mat m(kSide, kSide, type);
  cv::randu(m, 0, CV_MAT_DEPTH(type) == CV_16U ? 65535 : 255);
  return m;
}

Bytes encode(const char* ext, const cv::Mat& m, const std::vector<int>& params = {}) {
  Bytes out;
  if (!cv::imencode(ext, m, out, params)) throw std::runtime_error(std::string("cannot encode ") + ext);
  return out;
}

// Big-endian ("MM") TIFF, 4x3 8-bit gray, uncompressed, with an Orientation tag: OpenCV only
// writes little-endian files.
Bytes big_endian_tiff() {
  Bytes b = {'M', 'M', 0, 42, 0, 0, 0, 8};
  const auto u16 = [&](unsigned v) { b.push_back(std::uint8_t(v >> 8)); b.push_back(std::uint8_t(v)); };
  const auto u32 = [&](unsigned v) { u16(v >> 16); u16(v & 0xFFFF); };
  const auto entry = [&](unsigned tag, unsigned type, unsigned value) {
    u16(tag); u16(type); u32(1);
    if (type == 3) { u16(value); u16(0); } else { u32(value); }
  };
  const unsigned entries = 8, data_at = 8 + 2 + entries * 12 + 4;
  u16(entries);
  entry(256, 3, 4);         // ImageWidth
  entry(257, 3, 3);         // ImageLength
  entry(258, 3, 8);         // BitsPerSample
  entry(259, 3, 1);         // no compression
  entry(262, 3, 1);         // BlackIsZero
  entry(273, 4, data_at);   // StripOffsets
  entry(274, 3, 6);         // Orientation: rotate 90
  entry(279, 4, 12);        // StripByteCounts
  u32(0);                   // no next IFD
  for (int i = 0; i < 12; ++i) b.push_back(std::uint8_t(i * 20));
  return b;
}

// Headers the probe must refuse politely: BigTIFF, CMYK JPEG, OS/2 bitmap.
Bytes bigtiff_header() { return {'I', 'I', 43, 0, 8, 0, 0, 0, 16, 0, 0, 0, 0, 0, 0, 0}; }

Bytes cmyk_jpeg_header() {
  return {0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0,
          0xFF, 0xC0, 0x00, 0x14, 8, 0x00, 0x10, 0x00, 0x10, 4,
          1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0, 4, 0x11, 0, 0xFF, 0xD9};
}

Bytes os2_bitmap() {
  Bytes b = {'B', 'M', 0, 0, 0, 0, 0, 0, 0, 0, 26, 0, 0, 0,  // file header, pixels at 26
             12, 0, 0, 0, 2, 0, 2, 0, 1, 0, 24, 0};          // BITMAPCOREHEADER 2x2, 24 bpp
  for (int row = 0; row < 2; ++row) {
    for (int i = 0; i < 6; ++i) b.push_back(std::uint8_t(40 * row + 30 * i));
    b.push_back(0);
    b.push_back(0);  // rows are padded to 4 bytes
  }
  b[2] = std::uint8_t(b.size());
  return b;
}

// A minimal but well-formed ICC profile: header plus a media white point tag.
Bytes icc_profile() {
  Bytes p(164, 0);
  const auto put32 = [&](std::size_t at, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) p[at + i] = std::uint8_t(v >> (24 - 8 * i));
  };
  const auto tag = [&](std::size_t at, const char* s) { for (int i = 0; i < 4; ++i) p[at + i] = std::uint8_t(s[i]); };
  put32(0, std::uint32_t(p.size()));
  put32(8, 0x02100000);
  tag(12, "mntr");
  tag(16, "RGB ");
  tag(20, "XYZ ");
  tag(36, "acsp");
  put32(68, 0x0000F6D6);
  put32(72, 0x00010000);
  put32(76, 0x0000D32D);
  put32(128, 1);
  tag(132, "wtpt");
  put32(136, 144);
  put32(140, 20);
  tag(144, "XYZ ");
  put32(152, 0x0000F6D6);
  put32(156, 0x00010000);
  put32(160, 0x0000D32D);
  return p;
}

// `encoded` with camera EXIF (orientation, GPS, maker, date), XMP, IPTC and an ICC profile, as
// far as the format holds them; `thumbnail` adds an EXIF thumbnail.
Bytes with_metadata(const Bytes& encoded, bool thumbnail = false) {
  auto image = Exiv2::ImageFactory::open(encoded.data(), long(encoded.size()));
  image->readMetadata();
  const int type = image->imageType();
  Exiv2::ExifData& exif = image->exifData();
  exif["Exif.Image.Make"] = "FuzzMaker";
  exif["Exif.Image.Model"] = "FM-2";
  exif["Exif.Image.Orientation"] = uint16_t(6);
  exif["Exif.Photo.DateTimeOriginal"] = "2024:05:06 07:08:09";
  exif["Exif.Photo.PixelXDimension"] = uint32_t(kSide);
  exif["Exif.GPSInfo.GPSLatitudeRef"] = "N";
  exif["Exif.GPSInfo.GPSLatitude"] = "48/1 51/1 2400/100";
  if (thumbnail) {
    const Bytes jpeg = {0xFF, 0xD8, 0xFF, 0xD9};
    Exiv2::ExifThumb(exif).setJpegThumbnail(jpeg.data(), long(jpeg.size()));
  }
  Exiv2::XmpData& xmp = image->xmpData();
  xmp["Xmp.dc.title"] = "lang=\"x-default\" Seed";
  xmp["Xmp.dc.subject"] = "fuzz";
  xmp["Xmp.tiff.Orientation"] = "6";
  xmp["Xmp.exif.GPSLatitude"] = "48,51.4N";
  if (type != Exiv2::ImageType::webp) {
    Exiv2::IptcData& iptc = image->iptcData();
    iptc["Iptc.Application2.Keywords"] = "fuzz";
    iptc["Iptc.Application2.City"] = "Rennes";
    const Bytes icc = icc_profile();
    Exiv2::DataBuf buf(icc.data(), long(icc.size()));
    image->setIccProfile(buf, true);
  }
  image->writeMetadata();
  Exiv2::BasicIo& io = image->io();
  io.open();
  Bytes out(static_cast<std::size_t>(io.size()));
  io.read(out.data(), long(out.size()));
  io.close();
  return out;
}

}  // namespace

void make_image_seeds(const fs::path& corpus) {
  Exiv2::XmpParser::initialize();
  Exiv2::LogMsg::setLevel(Exiv2::LogMsg::mute);
  const fs::path probe = corpus / "header_probe";
  write_seed(probe, "rgb.jpg", encode(".jpg", pattern(CV_8UC3)));
  write_seed(probe, "gray_progressive.jpg",
             encode(".jpg", pattern(CV_8UC1), {cv::IMWRITE_JPEG_PROGRESSIVE, 1}));
  write_seed(probe, "rgb.png", encode(".png", pattern(CV_8UC3)));
  write_seed(probe, "rgba16.png", encode(".png", pattern(CV_16UC4)));
  write_seed(probe, "gray.png", encode(".png", pattern(CV_8UC1)));
  write_seed(probe, "rgb.tif", encode(".tif", pattern(CV_8UC3)));
  write_seed(probe, "gray16.tif", encode(".tif", pattern(CV_16UC1)));
  write_seed(probe, "rgba.tif", encode(".tif", pattern(CV_8UC4)));
  write_seed(probe, "big_endian.tif", big_endian_tiff());
  write_seed(probe, "bigtiff_header.tif", bigtiff_header());
  write_seed(probe, "lossy.webp", encode(".webp", pattern(CV_8UC3), {cv::IMWRITE_WEBP_QUALITY, 80}));
  write_seed(probe, "lossless_alpha.webp", encode(".webp", pattern(CV_8UC4), {cv::IMWRITE_WEBP_QUALITY, 101}));
  write_seed(probe, "extended.webp", with_metadata(encode(".webp", pattern(CV_8UC3))));  // VP8X
  write_seed(probe, "rgb.bmp", encode(".bmp", pattern(CV_8UC3)));
  write_seed(probe, "os2.bmp", os2_bitmap());
  write_seed(probe, "cmyk_header.jpg", cmyk_jpeg_header());

  const fs::path md = corpus / "metadata";
  write_seed(md, "camera.jpg", with_metadata(encode(".jpg", pattern(CV_8UC3)), /*thumbnail=*/true));
  write_seed(md, "camera.png", with_metadata(encode(".png", pattern(CV_8UC3))));
  write_seed(md, "camera.tif", with_metadata(encode(".tif", pattern(CV_8UC3))));
  write_seed(md, "camera.webp", with_metadata(encode(".webp", pattern(CV_8UC3))));
  write_seed(md, "plain.jpg", encode(".jpg", pattern(CV_8UC1)));
  write_seed(md, "big_endian.tif", big_endian_tiff());
}

}  // namespace rsd::fuzz
