// ImageFormat: the still-image containers RSD Studio reads and writes, identified by content
// (magic bytes), never by file extension alone.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace rsd::imaging {

enum class ImageFormat { Unknown, Jpeg, Png, Tiff, Webp, Bmp };

// "JPEG", "PNG", ... for messages and the UI.
const char* to_string(ImageFormat format);
// Canonical lower-case extension without the dot: "jpg", "png", "tif", "webp", "bmp".
const char* canonical_extension(ImageFormat format);
// The format a file extension stands for ("JPG", ".jpeg", "tiff" ...); Unknown if none.
ImageFormat format_from_extension(std::string_view extension);
// The format named by a user string such as "png" or "JPEG" (same spellings as extensions).
ImageFormat format_from_name(std::string_view name);
// The format whose signature starts `data`; Unknown if none matches or `size` is too short.
ImageFormat sniff_format(const uint8_t* data, size_t size);

// What a format can store; the encoder and the metadata writer consult this.
bool supports_16bit(ImageFormat format);
bool supports_alpha(ImageFormat format);
bool can_write(ImageFormat format);

}  // namespace rsd::imaging
