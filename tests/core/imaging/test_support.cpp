#include "test_support.h"

#include <stdlib.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <stdexcept>

#include <exiv2/exiv2.hpp>
#include <exiv2/webpimage.hpp>
#include <opencv2/imgproc.hpp>

#include "metadata/webp_icc.h"

namespace rsd::test {

TempDir::TempDir(const std::string& tag) {
  std::string templ = (fs::temp_directory_path() / (tag + "-XXXXXX")).string();
  if (!mkdtemp(templ.data())) throw std::runtime_error("mkdtemp failed");
  path_ = templ;
}

TempDir::~TempDir() {
  std::error_code ec;
  // Restore write permission first: some tests make the folder read-only.
  fs::permissions(path_, fs::perms::owner_all, fs::perm_options::add, ec);
  fs::remove_all(path_, ec);
}

std::vector<std::string> TempDir::list() const {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(path_)) names.push_back(e.path().filename().u8string());
  std::sort(names.begin(), names.end());
  return names;
}

ImageF make_pattern(int width, int height, int channels) {
  ImageF img(width, height, channels);
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) {
      const float u = (x + 0.5f) / width, v = (y + 0.5f) / height;
      const float rgb[3] = {0.1f + 0.8f * u, 0.15f + 0.7f * v * v,
                            0.5f + 0.4f * std::sin(3.f * u + 5.f * v) * u};
      for (int c = 0; c < channels; ++c) {
        float val = channels == 1 ? 0.2f + 0.6f * u * v + 0.1f * u : c < 3 ? rgb[c] : 0.1f + 0.8f * u;
        img.at(x, y, c) = val;
      }
    }
  return img;
}

ImageF make_blocks(int width, int height, int channels) {
  ImageF img(width, height, channels);
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) {
      const int bx = x * 4 / width, by = y * 2 / height;  // 4 x 2 blocks
      const int id = by * 4 + bx;
      for (int c = 0; c < channels; ++c) {
        const int bits = (id + 1) * (c + 3);
        img.at(x, y, c) = c == 3 ? 1.f : float((bits * 37) % 7) / 6.f;
      }
    }
  return img;
}

namespace {

uint32_t png_crc(const uint8_t* data, size_t size) {
  uint32_t crc = 0xFFFFFFFFu;
  for (size_t i = 0; i < size; ++i) {
    crc ^= data[i];
    for (int k = 0; k < 8; ++k) crc = (crc & 1) ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
  }
  return crc ^ 0xFFFFFFFFu;
}

void put_be32(std::vector<uint8_t>& out, uint32_t v) {
  for (int i = 3; i >= 0; --i) out.push_back(uint8_t(v >> (8 * i)));
}

void put_chunk(std::vector<uint8_t>& out, const char* type, const std::vector<uint8_t>& body) {
  put_be32(out, uint32_t(body.size()));
  std::vector<uint8_t> typed(type, type + 4);
  typed.insert(typed.end(), body.begin(), body.end());
  out.insert(out.end(), typed.begin(), typed.end());
  put_be32(out, png_crc(typed.data(), typed.size()));
}

}  // namespace

std::vector<uint8_t> raw_png(int width, int height, int colour_type, const std::vector<uint8_t>& samples) {
  const size_t row_bytes = samples.size() / size_t(height);
  std::vector<uint8_t> raw;  // each row: filter type 0, then the samples
  for (int y = 0; y < height; ++y) {
    raw.push_back(0);
    raw.insert(raw.end(), samples.begin() + long(y * row_bytes), samples.begin() + long((y + 1) * row_bytes));
  }
  std::vector<uint8_t> z = {0x78, 0x01};  // zlib header, then stored (uncompressed) deflate blocks
  for (size_t pos = 0; pos < raw.size() || pos == 0;) {
    const size_t n = std::min<size_t>(raw.size() - pos, 65535);
    z.push_back(pos + n == raw.size() ? 1 : 0);
    z.insert(z.end(), {uint8_t(n), uint8_t(n >> 8), uint8_t(~n), uint8_t(~n >> 8)});
    z.insert(z.end(), raw.begin() + long(pos), raw.begin() + long(pos + n));
    pos += n;
    if (n == 0) break;
  }
  uint32_t a = 1, b = 0;  // Adler-32
  for (uint8_t v : raw) {
    a = (a + v) % 65521;
    b = (b + a) % 65521;
  }
  put_be32(z, (b << 16) | a);
  std::vector<uint8_t> png = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  std::vector<uint8_t> ihdr;
  put_be32(ihdr, uint32_t(width));
  put_be32(ihdr, uint32_t(height));
  ihdr.insert(ihdr.end(), {8, uint8_t(colour_type), 0, 0, 0});
  put_chunk(png, "IHDR", ihdr);
  put_chunk(png, "IDAT", z);
  put_chunk(png, "IEND", {});
  return png;
}

std::vector<uint8_t> read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::vector<uint8_t>(std::istreambuf_iterator<char>(in), {});
}

void write_bytes(const fs::path& path, const std::vector<uint8_t>& bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

std::string file_digest(const fs::path& path) {
  const auto bytes = read_bytes(path);
  uint64_t h = 1469598103934665603ull;
  for (uint8_t b : bytes) h = (h ^ b) * 1099511628211ull;
  return std::to_string(bytes.size()) + ":" + std::to_string(h);
}

std::vector<uint8_t> test_icc_profile() {
  // Header (128) + tag count (4) + one tag entry (12) + a 20-byte XYZType media white point.
  std::vector<uint8_t> p(164, 0);
  auto put32 = [&](size_t at, uint32_t v) {
    for (int i = 0; i < 4; ++i) p[at + i] = uint8_t(v >> (24 - 8 * i));
  };
  auto put4cc = [&](size_t at, const char* s) {
    for (int i = 0; i < 4; ++i) p[at + i] = uint8_t(s[i]);
  };
  put32(0, uint32_t(p.size()));
  put4cc(4, "rsdT");
  put32(8, 0x02100000);  // version 2.1
  put4cc(12, "mntr");
  put4cc(16, "RGB ");
  put4cc(20, "XYZ ");
  put4cc(36, "acsp");
  put32(68, 0x0000F6D6);  // D50 illuminant X, Y, Z (s15.16)
  put32(72, 0x00010000);
  put32(76, 0x0000D32D);
  put4cc(80, "rsdT");
  put32(128, 1);
  put4cc(132, "wtpt");
  put32(136, 144);
  put32(140, 20);
  put4cc(144, "XYZ ");
  put32(152, 0x0000F6D6);
  put32(156, 0x00010000);
  put32(160, 0x0000D32D);
  return p;
}

std::vector<uint8_t> add_fixture_metadata(const std::vector<uint8_t>& encoded, const FixtureMetadata& m) {
  Exiv2::XmpParser::initialize();
  auto image = Exiv2::ImageFactory::open(encoded.data(), long(encoded.size()));
  image->readMetadata();
  Exiv2::ExifData& exif = image->exifData();
  if (m.orientation) exif["Exif.Image.Orientation"] = uint16_t(m.orientation);
  if (m.camera) {
    exif["Exif.Image.Make"] = "TestMaker";
    exif["Exif.Image.Model"] = "TM-1 Mark II";
    exif["Exif.Photo.LensModel"] = "TM 35mm F1.4";
    exif["Exif.Photo.DateTimeOriginal"] = "2021:06:05 14:03:22";
    exif["Exif.Photo.PixelXDimension"] = uint32_t(1);
    exif["Exif.Photo.PixelYDimension"] = uint32_t(1);
    exif["Exif.Image.Software"] = "Camera Firmware 1.0";
  }
  if (m.gps) {
    exif["Exif.GPSInfo.GPSLatitudeRef"] = "N";
    exif["Exif.GPSInfo.GPSLatitude"] = "48/1 51/1 2400/100";
    exif["Exif.GPSInfo.GPSLongitudeRef"] = "E";
    exif["Exif.GPSInfo.GPSLongitude"] = "2/1 21/1 300/100";
  }
  if (m.thumbnail) {
    Exiv2::ExifThumb thumb(exif);
    std::vector<uint8_t> jpeg = {0xFF, 0xD8, 0xFF, 0xD9};
    thumb.setJpegThumbnail(jpeg.data(), long(jpeg.size()));
  }
  if (m.xmp) {
    Exiv2::XmpData& xmp = image->xmpData();
    xmp["Xmp.dc.title"] = "lang=\"x-default\" Harbour at dusk";
    xmp["Xmp.dc.subject"] = "harbour";
    xmp["Xmp.tiff.ImageWidth"] = "1";
    if (m.gps) xmp["Xmp.exif.GPSLatitude"] = "48,51.4N";
  }
  if (m.iptc) {
    Exiv2::IptcData& iptc = image->iptcData();
    iptc["Iptc.Application2.Keywords"] = "harbour";
    iptc["Iptc.Application2.City"] = "Saint-Malo";
  }
  const bool webp = image->imageType() == Exiv2::ImageType::webp;
  if (m.icc && !webp) {
    auto icc = test_icc_profile();
    Exiv2::DataBuf buf(icc.data(), long(icc.size()));
    image->setIccProfile(buf, true);
  }
  image->writeMetadata();
  Exiv2::BasicIo& io = image->io();
  io.open();
  std::vector<uint8_t> out(static_cast<size_t>(io.size()));
  io.read(out.data(), long(out.size()));
  io.close();
  if (m.icc && webp) {
    // Exiv2 0.27 writes WebP ICC chunks under the wrong name.
    auto with_icc = metadata::write_webp_icc(out, test_icc_profile());
    if (!with_icc) throw std::runtime_error(with_icc.error().what());
    out = with_icc.value();
  }
  return out;
}

std::string run_command(const std::string& command) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
  pclose(pipe);
  return out;
}

bool have_exiftool() { return !run_command("command -v exiftool 2>/dev/null").empty(); }

std::map<std::string, std::string> exiftool_tags(const fs::path& file) {
  std::string quoted = "'";
  for (char c : file.string()) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  quoted += "'";
  const std::string out = run_command("exiftool -a -G1 -s -n -validate -warning -all " + quoted + " 2>&1");
  std::map<std::string, std::string> tags;
  size_t pos = 0;
  while (pos < out.size()) {
    size_t end = out.find('\n', pos);
    if (end == std::string::npos) end = out.size();
    const std::string line = out.substr(pos, end - pos);
    pos = end + 1;
    const size_t close = line.find(']'), colon = line.find(" : ");
    if (line.empty() || line[0] != '[' || close == std::string::npos || colon == std::string::npos) continue;
    std::string name = line.substr(close + 1, colon - close - 1);
    name.erase(0, name.find_first_not_of(' '));
    name.erase(name.find_last_not_of(' ') + 1);
    const std::string key = line.substr(1, close - 1) + ":" + name;
    std::string value = line.substr(colon + 3);
    auto& slot = tags[key];
    slot = slot.empty() ? value : slot + "\n" + value;  // repeated tags (warnings) accumulate
  }
  return tags;
}

Result<ImageF> BicubicUpscaler::upscale(const ImageF& rgb, const JobContext& ctx) {
  ++calls;
  if (fail) return Error(ErrorCode::Model, "fake model failure");
  if (ctx.cancelled()) return Error(ErrorCode::Cancelled, "cancelled");
  if (rgb.channels != 3) return Error(ErrorCode::InvalidArgument, "fake model wants RGB");
  const cv::Mat src(rgb.height, rgb.width, CV_32FC3, const_cast<float*>(rgb.data.data()));
  ImageF out(rgb.width * scale_, rgb.height * scale_, 3);
  cv::Mat dst(out.height, out.width, CV_32FC3, out.data.data());
  cv::resize(src, dst, dst.size(), 0, 0, cv::INTER_CUBIC);
  for (float& v : out.data) v = std::min(1.f, std::max(0.f, v));
  ctx.report(1.0, "tile 1/1");
  return out;
}

}  // namespace rsd::test
