// Writing a photo's metadata into a freshly encoded output image (in memory).
//
// What is written (unless strip_all):
//  - EXIF, XMP and IPTC copied from the source, wherever the output format can hold them
//    (Exiv2 decides: JPEG, PNG and TIFF hold all three; WebP holds EXIF and XMP);
//  - date taken, camera, lens and GPS kept (GPS removed with strip_gps, from EXIF and XMP);
//  - pixel dimensions updated (Exif.Photo.PixelX/YDimension always; Exif.Image.ImageWidth/Length,
//    Xmp.tiff.ImageWidth/ImageLength and Xmp.exif.PixelX/YDimension where present);
//  - Orientation set to 1 (the pixels are upright now), EXIF thumbnail dropped (it would show the
//    old size and maybe the old orientation), structure tags of a TIFF source dropped, and so
//    are the tags that describe a camera RAW's sensor data (DNG and CFA tags), which would make
//    a developed TIFF look like a RAW to other software;
//  - Exif.Image.Software names the app and model; an xmpMM:History event records the upscale.
// The ICC profile is copied byte for byte; with strip_all it is kept unless keep_icc is false,
// because it defines what the pixel values mean.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/error.h"
#include "imaging/image_format.h"
#include "metadata/photo_metadata.h"

namespace rsd::metadata {

struct MetadataPolicy {
  bool strip_all = false;  // no EXIF, XMP or IPTC at all
  bool strip_gps = false;  // privacy: drop location, keep the rest
  bool keep_icc = true;    // applies when strip_all is set; otherwise the ICC profile is always kept
};

// Facts about the output that the metadata must agree with.
struct OutputFacts {
  int width = 0;
  int height = 0;
  int scale = 0;
  std::string model_name;  // e.g. "rsd-lite-student"
  std::string software;    // e.g. "RSD Studio 0.1.0"; empty: the project name and version
  std::string when;        // ISO 8601 time of processing; empty: now (UTC)
};

// Returns `encoded` (bytes of `format`) with the metadata of `source` written in as `policy` says.
// Errors: Format/Internal with Exiv2's message. If the camera maker note cannot be written, the
// write is retried once without it (the only loss), reported through `dropped_maker_note`.
Result<std::vector<uint8_t>> embed_metadata(const std::vector<uint8_t>& encoded,
                                            imaging::ImageFormat format,
                                            const PhotoMetadata& source,
                                            const MetadataPolicy& policy, const OutputFacts& facts,
                                            bool* dropped_maker_note = nullptr);

// The records of `source` prepared as embed_metadata() would write them, as the bytes a HEIF or
// AVIF encoder embeds itself (Exiv2 0.27 cannot write into ISO-BMFF files): EXIF as a TIFF
// structure from its header on (little-endian), the XMP packet, the ICC profile. IPTC has no
// place in HEIF and is left out (`dropped_iptc` says whether there was any).
struct ContainerMetadata {
  std::vector<uint8_t> exif;
  std::vector<uint8_t> xmp;
  std::vector<uint8_t> icc;
  bool dropped_iptc = false;
  bool dropped_maker_note = false;  // it could not be re-encoded (as embed_metadata() reports)
};
Result<ContainerMetadata> container_metadata(const PhotoMetadata& source, const MetadataPolicy& policy,
                                             const OutputFacts& facts);

// The text written to Exif.Image.Software.
std::string software_tag(const OutputFacts& facts);

}  // namespace rsd::metadata
