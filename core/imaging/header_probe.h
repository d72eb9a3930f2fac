// Header probe: image dimensions and sample layout read from the first bytes of a file, before
// any pixel is decoded, so that size limits are enforced without allocating the image.
//
// The parsers treat the input as hostile: every read is bounds-checked against `size`, offsets
// are validated before use, and loops are bounded. Malformed headers give ErrorCode::Format;
// well-formed files we refuse (CMYK TIFF, 12-bit JPEG, animated WebP, BigTIFF, float TIFF) give
// ErrorCode::Unsupported. HEIF/AVIF headers are parsed by libheif and camera RAW headers by
// LibRaw (imaging/heif_codec.h, imaging/raw_decoder.h), which both treat their input as hostile
// too; a RAW gives the size of the developed picture.
#pragma once

#include <cstddef>
#include <cstdint>

#include "base/error.h"
#include "imaging/image_format.h"

namespace rsd::imaging {

struct HeaderInfo {
  ImageFormat format = ImageFormat::Unknown;
  uint32_t width = 0;
  uint32_t height = 0;
  int channels = 0;   // samples per pixel as stored (palette images count as 3); 0 if unknown
  int bit_depth = 0;  // bits per sample as stored; 0 if unknown
  bool has_alpha = false;
  bool gray = false;
  bool cmyk = false;  // a CMYK or YCCK JPEG (channels 4, no alpha): converted to RGB when decoded

  uint64_t pixel_count() const { return uint64_t(width) * uint64_t(height); }
};

// Parses the header in data[0, size). `size` may be a prefix of the file: the probe asks only for
// what it needs and reports a truncated header as ErrorCode::Format.
Result<HeaderInfo> probe_header(const uint8_t* data, size_t size);

// Whether the bytes start a camera RAW file: the signatures of ORF, RW2, RAF, CR3, CRW, MRW and
// X3F, and TIFF files whose first directory marks them as RAW (CR2's "CR" marker, DNGVersion, a
// CFA or LinearRaw photometric, a camera-specific compression, or the Make tag together with
// SubIFDs, as NEF, ARW, PEF and SRW have). Looks only at `size` bytes; never fails.
bool has_camera_raw_signature(const uint8_t* data, size_t size);

// Offset of the 2-byte value of the ExtraSamples entry (tag 338, one SHORT) in a TIFF's first
// IFD, or 0 if there is none. The decoder reads 8-bit "unassociated alpha" TIFFs with the value
// set to 0 in a copy: OpenCV would otherwise premultiply their colours through libtiff's RGBA
// interface (16-bit ones it reads as stored).
size_t tiff_extra_samples_offset(const uint8_t* data, size_t size);

// Offset of the 2-byte value of the Orientation entry (tag 274, SHORT) in a TIFF's first IFD, or
// 0 if there is none. The decoder sets it to 1 in a copy because libtiff (through OpenCV) applies
// some orientations itself, depending on the sample layout; we apply all of them ourselves.
size_t tiff_orientation_offset(const uint8_t* data, size_t size);

}  // namespace rsd::imaging
