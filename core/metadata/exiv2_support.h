// Exiv2 plumbing shared by the metadata reader and writer. Internal to core/metadata: exposes
// Exiv2 types and is never included by a public header.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <exiv2/exiv2.hpp>
#include <exiv2/webpimage.hpp>  // Exiv2::ImageType::webp (not pulled in by exiv2.hpp)

#include "base/error.h"

namespace rsd::metadata::detail {

struct MetadataRecords {
  Exiv2::ExifData exif;
  Exiv2::XmpData xmp;
  Exiv2::IptcData iptc;
  std::vector<uint8_t> icc;
};

// Process-wide Exiv2 setup, done once and thread-safe: the XMP toolkit with a lock (Exiv2 0.27
// needs one for use from several threads) and warnings muted (they would go to stderr; real
// problems surface as exceptions).
void ensure_exiv2_initialized();

// Exiv2::AnyError as an rsd::Error with `code` and a message starting with `what`.
Error from_exiv2(const Exiv2::AnyError& e, ErrorCode code, const std::string& what);

}  // namespace rsd::metadata::detail
