// Reads one EXIF value of a written file with Exiv2 (independent of the pipeline's own metadata
// code), for the pipeline tests that check what an output carries.
#pragma once

#include <exiv2/exiv2.hpp>

#include <filesystem>
#include <string>

namespace rsd::pipeline::testing {

// The value's text, or "" when the file has no such key.
inline std::string exif_value(const std::filesystem::path& p, const char* key) {
  auto image = Exiv2::ImageFactory::open(p.string());
  image->readMetadata();
  auto it = image->exifData().findKey(Exiv2::ExifKey(key));
  return it == image->exifData().end() ? "" : it->toString();
}

}  // namespace rsd::pipeline::testing
