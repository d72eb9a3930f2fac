// HEIF/HEIC and AVIF through libheif: the header facts before decoding, the primary image decoded
// upright, and encoding (when libheif has an encoder for the format here).
//
// Self-contained (rsd_base + libheif only): core/imaging's decoder and encoder dispatch to it and
// turn its plain buffers into their own types.
//
// Orientation: HEIF stores it as transformation boxes (irot, imir) that libheif applies while
// decoding; the EXIF Orientation a HEIF file may also carry describes the same turn and must not
// be applied again, so the pixels returned here are final.
//
// Threading: every call works on its own libheif context, so calls may run concurrently. Nothing
// here throws; errors come back in the Result.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "base/error.h"
#include "base/image.h"

namespace rsd::imaging::heif {

// The container's brand: HEIC (HEVC-coded) or AVIF (AV1-coded).
enum class Flavor { Heic, Avif };

// The ftyp box of an ISO-BMFF file that holds a still HEIF/AVIF image; false for anything else
// (including CR3 and MP4 video). Reads at most the first 64 bytes; never fails.
bool sniff(const uint8_t* data, size_t size, Flavor* flavor = nullptr);

struct Probe {
  Flavor flavor = Flavor::Heic;
  uint32_t width = 0;   // of the primary image, upright (after irot)
  uint32_t height = 0;
  int bit_depth = 8;    // luma bits as coded: 8, 10 or 12
  bool has_alpha = false;
  bool gray = false;    // monochrome coding (the hvcC / av1C of the primary image or its first tile)
};

// Parses the boxes only (no pixel is decoded). Errors: Format (malformed), Unsupported (no
// primary image, a codec libheif lacks here), TooLarge (beyond libheif's own size limits).
Result<Probe> probe(const uint8_t* data, size_t size);

struct Decoded {
  int width = 0;
  int height = 0;
  int channels = 3;   // 3 (RGB) or 4 (RGBA); monochrome comes back as RGB with R = G = B
  int bit_depth = 8;  // 8, or 16 for deeper sources (10/12-bit values scaled to the full 16-bit range)
  bool gray = false;  // coded monochrome
  // Interleaved R, G, B(, A) samples, row after row with no padding: uint8_t, or uint16_t in
  // native byte order when bit_depth is 16 (the vector then holds 2 bytes per sample).
  std::vector<uint8_t> samples;
  std::vector<uint8_t> exif;  // the EXIF block from its TIFF header on (no 4-byte offset prefix); empty if
                              // none, or if the item holds no TIFF header where its offset points
  std::vector<uint8_t> xmp;   // the XMP packet; empty if none
  std::vector<uint8_t> icc;   // the ICC profile (colr box); empty if none (then sRGB)
  // Non-empty when the colours are described by an nclx box (coded primaries and transfer, no
  // ICC profile) that is not sRGB-like (wide gamut, PQ or HLG): they are read as sRGB all the
  // same, and this says so for the job's warnings.
  std::string color_note;
};

// Decodes the primary image. max_pixels (0 = no limit) is checked before decoding against the
// declared (upright) size, and again against the decoded picture, in case its coded stream is
// larger than its boxes say. Errors: Format, Unsupported, TooLarge, OutOfMemory.
Result<Decoded> decode(const uint8_t* data, size_t size, uint64_t max_pixels);

// The primary image's EXIF, XMP and ICC profile (as in Decoded) without decoding its pixels:
// `samples` stay empty and the sizes 0. Errors as probe().
Result<Decoded> read_metadata(const uint8_t* data, size_t size);

// Whether libheif has an encoder for the flavour on this machine.
bool can_encode(Flavor flavor);

struct EncodeParams {
  Flavor flavor = Flavor::Heic;
  int quality = 90;            // 1..100
  std::vector<uint8_t> exif;   // as in Decoded: must start with the TIFF header; written as the Exif item
  std::vector<uint8_t> xmp;
  std::vector<uint8_t> icc;    // written as the colr box; empty: none (sRGB)
};

// Encodes an 8-bit RGB or RGBA picture (image: 3 or 4 channels in [0, 1], rounded to 8 bits; gray
// is expanded by the caller), lossy, 4:2:0. Errors: InvalidArgument, Unsupported (no encoder),
// Internal (codec failure).
Result<std::vector<uint8_t>> encode(const ImageF& image, const EncodeParams& params);

// The same from 8-bit interleaved RGB or RGBA samples (rows without padding), as a buffered
// writer collects them for a picture too large to hold as float.
Result<std::vector<uint8_t>> encode_samples(const uint8_t* samples, int width, int height, int channels,
                                            const EncodeParams& params);

}  // namespace rsd::imaging::heif
