// PhotoMetadata: the EXIF, XMP and IPTC records and the ICC profile of a photo, read once from
// the input and carried to the output. Exiv2 does the parsing; its types stay behind a pimpl.
//
// Threading: a PhotoMetadata is immutable after read_metadata() and may be shared across threads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/error.h"

namespace rsd::metadata {

namespace detail {
struct MetadataRecords;
}

class PhotoMetadata {
 public:
  PhotoMetadata();  // no metadata at all
  ~PhotoMetadata();
  PhotoMetadata(const PhotoMetadata&);
  PhotoMetadata& operator=(const PhotoMetadata&);
  PhotoMetadata(PhotoMetadata&&) noexcept;
  PhotoMetadata& operator=(PhotoMetadata&&) noexcept;

  bool has_exif() const;
  bool has_xmp() const;
  bool has_iptc() const;
  bool has_gps() const;  // any EXIF GPS tag or XMP GPS property

  // EXIF orientation of the stored pixels, 1..8 (Exif.Image.Orientation, else
  // Xmp.tiff.Orientation; 1 when absent or out of range).
  int orientation() const;
  // The embedded ICC profile, byte for byte (empty if none).
  const std::vector<uint8_t>& icc_profile() const;

  // The first value of an Exiv2 key ("Exif.Photo.DateTimeOriginal", "Xmp.dc.title",
  // "Iptc.Application2.Keywords") as text, or nullopt if absent or the key is unknown.
  std::optional<std::string> value(const std::string& key) const;

  // A copy whose ICC profile is `icc` (the decoder converted the pixels to another colour space,
  // as for CMYK and camera RAW, so the source's profile no longer describes them).
  PhotoMetadata with_icc_profile(std::vector<uint8_t> icc) const;

  // For the metadata writer (core/metadata only).
  const detail::MetadataRecords& records() const;
  explicit PhotoMetadata(std::shared_ptr<const detail::MetadataRecords> records);

 private:
  std::shared_ptr<const detail::MetadataRecords> records_;
};

// Reads all metadata from an encoded image in memory. Formats Exiv2 does not know, or files
// without metadata, give an empty PhotoMetadata. Errors: Format (Exiv2 could not parse the
// metadata), with Exiv2's message.
Result<PhotoMetadata> read_metadata(const uint8_t* data, size_t size);

}  // namespace rsd::metadata
