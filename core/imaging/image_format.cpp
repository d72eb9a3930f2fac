#include "imaging/image_format.h"

#include <algorithm>
#include <cctype>
#include <cstring>

#include "imaging/header_probe.h"
#include "imaging/heif_codec.h"

namespace rsd::imaging {

const char* to_string(ImageFormat format) {
  switch (format) {
    case ImageFormat::Jpeg: return "JPEG";
    case ImageFormat::Png: return "PNG";
    case ImageFormat::Tiff: return "TIFF";
    case ImageFormat::Webp: return "WebP";
    case ImageFormat::Bmp: return "BMP";
    case ImageFormat::Heif: return "HEIF";
    case ImageFormat::Avif: return "AVIF";
    case ImageFormat::Raw: return "camera RAW";
    case ImageFormat::Unknown: break;
  }
  return "unknown";
}

const char* canonical_extension(ImageFormat format) {
  switch (format) {
    case ImageFormat::Jpeg: return "jpg";
    case ImageFormat::Png: return "png";
    case ImageFormat::Tiff: return "tif";
    case ImageFormat::Webp: return "webp";
    case ImageFormat::Bmp: return "bmp";
    case ImageFormat::Heif: return "heic";
    case ImageFormat::Avif: return "avif";
    case ImageFormat::Raw: return "dng";
    case ImageFormat::Unknown: break;
  }
  return "";
}

ImageFormat format_from_extension(std::string_view extension) {
  if (!extension.empty() && extension.front() == '.') extension.remove_prefix(1);
  std::string ext(extension);
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return char(std::tolower(c)); });
  if (ext == "jpg" || ext == "jpeg" || ext == "jpe" || ext == "jfif") return ImageFormat::Jpeg;
  if (ext == "png") return ImageFormat::Png;
  if (ext == "tif" || ext == "tiff") return ImageFormat::Tiff;
  if (ext == "webp") return ImageFormat::Webp;
  if (ext == "bmp" || ext == "dib") return ImageFormat::Bmp;
  if (ext == "heic" || ext == "heif" || ext == "hif") return ImageFormat::Heif;
  if (ext == "avif") return ImageFormat::Avif;
  static const char* const kRaw[] = {"dng", "cr2", "cr3", "crw", "nef", "nrw", "arw", "srf", "sr2", "raf", "orf",
                                     "rw2", "pef", "srw", "raw", "rwl", "3fr", "erf", "kdc", "dcr", "mef", "mos",
                                     "mrw", "iiq", "x3f"};
  for (const char* r : kRaw)
    if (ext == r) return ImageFormat::Raw;
  return ImageFormat::Unknown;
}

ImageFormat format_from_name(std::string_view name) { return format_from_extension(name); }

ImageFormat sniff_format(const uint8_t* data, size_t size) {
  auto starts = [&](const char* sig, size_t n, size_t at = 0) {
    return size >= at + n && std::memcmp(data + at, sig, n) == 0;
  };
  if (has_camera_raw_signature(data, size)) return ImageFormat::Raw;  // before TIFF: many are TIFFs
  if (starts("\xFF\xD8\xFF", 3)) return ImageFormat::Jpeg;
  if (starts("\x89PNG\r\n\x1A\n", 8)) return ImageFormat::Png;
  if (starts("II*\0", 4) || starts("MM\0*", 4) || starts("II+\0", 4) || starts("MM\0+", 4))
    return ImageFormat::Tiff;
  if (starts("RIFF", 4) && starts("WEBP", 4, 8)) return ImageFormat::Webp;
  if (starts("BM", 2) && size >= 18) return ImageFormat::Bmp;
  heif::Flavor flavor = heif::Flavor::Heic;
  if (heif::sniff(data, size, &flavor)) return flavor == heif::Flavor::Avif ? ImageFormat::Avif : ImageFormat::Heif;
  return ImageFormat::Unknown;
}

bool supports_16bit(ImageFormat format) {
  return format == ImageFormat::Png || format == ImageFormat::Tiff;
}

bool supports_alpha(ImageFormat format) {
  return format == ImageFormat::Png || format == ImageFormat::Tiff || format == ImageFormat::Webp ||
         is_heif_family(format);
}

bool can_write(ImageFormat format) {
  if (format == ImageFormat::Heif) return heif::can_encode(heif::Flavor::Heic);
  if (format == ImageFormat::Avif) return heif::can_encode(heif::Flavor::Avif);
  return format == ImageFormat::Jpeg || format == ImageFormat::Png ||
         format == ImageFormat::Tiff || format == ImageFormat::Webp;
}

bool is_heif_family(ImageFormat format) { return format == ImageFormat::Heif || format == ImageFormat::Avif; }

}  // namespace rsd::imaging
