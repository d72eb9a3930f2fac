// ImageFormat: the still-image containers RSD Studio reads and writes, identified by content
// (magic bytes), never by file extension alone.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace rsd::imaging {

// Heif: HEIF/HEIC (HEVC-coded), Avif: AVIF (AV1-coded), both read and written through libheif;
// Raw: a camera RAW file (DNG, CR2, CR3, NEF, ARW, RAF, ORF, RW2, ...), read through LibRaw and
// never written.
enum class ImageFormat { Unknown, Jpeg, Png, Tiff, Webp, Bmp, Heif, Avif, Raw };

// "JPEG", "PNG", ... for messages and the UI.
const char* to_string(ImageFormat format);
// Canonical lower-case extension without the dot: "jpg", "png", "tif", "webp", "bmp", "heic",
// "avif" ("dng" for Raw, which is never written).
const char* canonical_extension(ImageFormat format);
// The format a file extension stands for ("JPG", ".jpeg", "tiff" ...); Unknown if none.
ImageFormat format_from_extension(std::string_view extension);
// The format named by a user string such as "png" or "JPEG" (same spellings as extensions).
ImageFormat format_from_name(std::string_view name);
// The format whose signature starts `data`; Unknown if none matches or `size` is too short.
// `data` may be the first few kilobytes of the file (folder scans read 64 KiB): camera RAW files
// built on TIFF are told from plain TIFFs by the tags of their first directory when it lies
// there (has_camera_raw_signature in header_probe.h), and probe_header() decides on the whole
// file.
ImageFormat sniff_format(const uint8_t* data, size_t size);

// What a format can store; the encoder and the metadata writer consult this.
bool supports_16bit(ImageFormat format);
bool supports_alpha(ImageFormat format);
// Heif and Avif only when libheif has an encoder for them on this machine.
bool can_write(ImageFormat format);
// HEIF and AVIF: their metadata is written by the encoder itself (EncodeOptions::container),
// not by the Exiv2 metadata writer.
bool is_heif_family(ImageFormat format);

}  // namespace rsd::imaging
