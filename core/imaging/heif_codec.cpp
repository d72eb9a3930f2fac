// HEIF/HEIC and AVIF through libheif 1.15's C API (see heif_codec.h for the contract).
#include "imaging/heif_codec.h"
#include "imaging/heif_boxes.h"

#include <libheif/heif.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstring>
#include <functional>
#include <exception>
#include <memory>
#include <new>
#include <string>

namespace rsd::imaging::heif {
namespace {

using detail::be32;
using detail::CodedConfig;
using detail::coded_config;
using detail::fourcc;

// ---- RAII over the C API ----

template <auto Release>
struct Releaser {
  template <class T>
  void operator()(T* p) const { Release(p); }
};
using ContextPtr = std::unique_ptr<heif_context, Releaser<heif_context_free>>;
using HandlePtr = std::unique_ptr<heif_image_handle, Releaser<heif_image_handle_release>>;
using ImagePtr = std::unique_ptr<heif_image, Releaser<heif_image_release>>;
using EncoderPtr = std::unique_ptr<heif_encoder, Releaser<heif_encoder_release>>;
using OptionsPtr = std::unique_ptr<heif_encoding_options, Releaser<heif_encoding_options_free>>;

// libheif's built-in codecs register themselves at load time; heif_init() adds plugins where a
// build uses them. Its error (e.g. no plugin directory) is not ours to report: can_encode() and
// decoding say what is really missing. Never deinitialised: other threads may be mid-call.
void init_once() {
  static const heif_error ignored = heif_init(nullptr);
  (void)ignored;
}

// The message lives in libheif's object: copy it before that object is released. Codec plugins
// sometimes leave it blank.
std::string message_of(const heif_error& e) {
  if (e.message && *e.message) return e.message;
  return "libheif error " + std::to_string(int(e.code)) + "." + std::to_string(int(e.subcode));
}

Error to_error(const heif_error& e, const char* stage) {
  ErrorCode code = ErrorCode::Format;
  if (e.code == heif_error_Unsupported_filetype || e.code == heif_error_Unsupported_feature)
    code = ErrorCode::Unsupported;
  else if (e.code == heif_error_Memory_allocation_error)
    code = e.subcode == heif_suberror_Security_limit_exceeded ? ErrorCode::TooLarge : ErrorCode::OutOfMemory;
  return Error(code, message_of(e), stage);
}

// ---- Opening a file ----

struct Opened {
  ContextPtr context;
  HandlePtr primary;
  CodedConfig config;
};

Result<Opened> open_file(const uint8_t* data, size_t size) {
  if (!data || size < 16) return Error(ErrorCode::Format, "too short to be a HEIF file", "reading the HEIF boxes");
  init_once();
  Opened o;
  o.context.reset(heif_context_alloc());
  if (!o.context) return Error(ErrorCode::OutOfMemory, "libheif could not allocate a context");
  heif_error e = heif_context_read_from_memory_without_copy(o.context.get(), data, size, nullptr);
  if (e.code != heif_error_Ok) return to_error(e, "reading the HEIF boxes");
  heif_image_handle* handle = nullptr;
  e = heif_context_get_primary_image_handle(o.context.get(), &handle);
  o.primary.reset(handle);
  if (e.code != heif_error_Ok) return to_error(e, "finding the primary image");
  heif_item_id id = 0;
  if (heif_context_get_primary_image_ID(o.context.get(), &id).code == heif_error_Ok)
    o.config = coded_config(data, size, id);
  if (!o.config.found) sniff(data, size, &o.config.flavor);
  if (o.config.found) {
    const auto format = o.config.flavor == Flavor::Avif ? heif_compression_AV1 : heif_compression_HEVC;
    if (!heif_have_decoder_for_format(format))
      return Error(ErrorCode::Unsupported, "libheif has no decoder for this codec here", "finding the primary image");
  }
  return o;
}

int coded_bits(const heif_image_handle* h) {
  const int bits = heif_image_handle_get_luma_bits_per_pixel(h);
  return bits > 0 ? bits : 8;  // no decoder configuration: ask for 8 bits, libheif converts
}

// libheif hands the Exif item over with its 4-byte big-endian offset to the TIFF header first.
std::vector<uint8_t> exif_from_item(const std::vector<uint8_t>& item) {
  if (item.size() < 4) return {};
  size_t at = size_t(4) + be32(item.data());
  if (at < item.size() && item.size() - at >= 6 && std::memcmp(&item[at], "Exif\0\0", 6) == 0) at += 6;
  if (at > item.size() || item.size() - at < 4) return {};
  const uint8_t* t = &item[at];
  if (std::memcmp(t, "II*\0", 4) != 0 && std::memcmp(t, "MM\0*", 4) != 0) return {};
  return std::vector<uint8_t>(item.begin() + std::ptrdiff_t(at), item.end());
}

Status collect_metadata(const heif_image_handle* h, Decoded* out) {
  const int count = heif_image_handle_get_number_of_metadata_blocks(h, nullptr);
  std::vector<heif_item_id> ids(size_t(std::max(count, 0)));
  if (count > 0) heif_image_handle_get_list_of_metadata_block_IDs(h, nullptr, ids.data(), count);
  for (const heif_item_id id : ids) {
    const char* type = heif_image_handle_get_metadata_type(h, id);
    const char* content = heif_image_handle_get_metadata_content_type(h, id);
    const bool is_exif = type && std::strcmp(type, "Exif") == 0 && out->exif.empty();
    const bool is_xmp = type && std::strcmp(type, "mime") == 0 && content &&
                        std::strcmp(content, "application/rdf+xml") == 0 && out->xmp.empty();
    if (!is_exif && !is_xmp) continue;
    std::vector<uint8_t> bytes(heif_image_handle_get_metadata_size(h, id));
    const heif_error e = heif_image_handle_get_metadata(h, id, bytes.data());
    if (e.code != heif_error_Ok) return to_error(e, "reading the metadata");
    if (is_exif) out->exif = exif_from_item(bytes);
    else out->xmp = std::move(bytes);
  }
  const heif_color_profile_type type = heif_image_handle_get_color_profile_type(h);
  if (type == heif_color_profile_type_nclx) {
    heif_color_profile_nclx* nclx = nullptr;
    const heif_error got = heif_image_handle_get_nclx_color_profile(h, &nclx);
    // Freed whatever the answer: libheif 1.15 may allocate the profile and still report an error.
    std::unique_ptr<heif_color_profile_nclx, Releaser<heif_nclx_color_profile_free>> owned(nclx);
    if (got.code == heif_error_Ok && nclx) {
      const int primaries = int(nclx->color_primaries), transfer = int(nclx->transfer_characteristics);
      const bool srgb_primaries = primaries == heif_color_primaries_ITU_R_BT_709_5 ||
                                  primaries == heif_color_primaries_unspecified;
      const bool hdr = transfer == heif_transfer_characteristic_ITU_R_BT_2100_0_PQ ||
                       transfer == heif_transfer_characteristic_ITU_R_BT_2100_0_HLG;
      if (!srgb_primaries || hdr)
        out->color_note = "the HEIF colours are described by coded colour primaries " + std::to_string(primaries) +
                          " and transfer " + std::to_string(transfer) + " (no ICC profile); they are read as sRGB, so " +
                          (hdr ? "HDR" : "wide-gamut") + " colours are not converted and the output is untagged";
    }
  }
  // nclx (coded colour primaries, no ICC) is left out: without a profile the caller assumes sRGB.
  const size_t icc_size = heif_image_handle_get_raw_color_profile_size(h);
  if ((type == heif_color_profile_type_prof || type == heif_color_profile_type_rICC) && icc_size > 0) {
    out->icc.resize(icc_size);
    const heif_error e = heif_image_handle_get_raw_color_profile(h, out->icc.data());
    if (e.code != heif_error_Ok) return to_error(e, "reading the ICC profile");
  }
  return {};
}

Result<Probe> probe_impl(const uint8_t* data, size_t size) {
  auto opened = open_file(data, size);
  if (!opened) return opened.error();
  const heif_image_handle* h = opened->primary.get();
  Probe p;
  p.flavor = opened->config.flavor;
  const int w = heif_image_handle_get_width(h), ht = heif_image_handle_get_height(h);
  if (w <= 0 || ht <= 0) return Error(ErrorCode::Format, "the primary image has no size", "finding the primary image");
  p.width = uint32_t(w);   // libheif has applied clap and irot to these
  p.height = uint32_t(ht);
  p.bit_depth = coded_bits(h);
  if (p.bit_depth > 16)
    return Error(ErrorCode::Unsupported, std::to_string(p.bit_depth) + "-bit samples", "finding the primary image");
  p.has_alpha = heif_image_handle_has_alpha_channel(h) != 0;
  p.gray = opened->config.monochrome;
  return p;
}

Result<Decoded> decode_impl(const uint8_t* data, size_t size, uint64_t max_pixels) {
  auto opened = open_file(data, size);
  if (!opened) return opened.error();
  const heif_image_handle* h = opened->primary.get();
  const int w = heif_image_handle_get_width(h), ht = heif_image_handle_get_height(h);
  const uint64_t pixels = uint64_t(std::max(w, 0)) * uint64_t(std::max(ht, 0));
  if (max_pixels != 0 && pixels > max_pixels)
    return Error(ErrorCode::TooLarge, std::to_string(w) + "x" + std::to_string(ht) + " pixels exceeds the input limit of " +
                                          std::to_string(max_pixels) + " pixels");
  // libheif sizes a grid's (or overlay's) canvas from the grid's own descriptor, not from the
  // size checked above; keep each side near the declared one (slack for a clap crop) so that a
  // hostile descriptor cannot make it allocate gigabytes for a tiny picture.
  const int side = std::max(w, ht);
  heif_context_set_maximum_image_size_limit(opened->context.get(), side < 16000 ? 2 * side + 64 : 32768);
  const bool alpha = heif_image_handle_has_alpha_channel(h) != 0;
  const bool deep = coded_bits(h) > 8;
  const heif_chroma chroma = deep ? (alpha ? heif_chroma_interleaved_RRGGBBAA_LE : heif_chroma_interleaved_RRGGBB_LE)
                                  : (alpha ? heif_chroma_interleaved_RGBA : heif_chroma_interleaved_RGB);
  heif_image* raw = nullptr;
  // Default options: irot, imir and clap are applied, so the picture comes out upright.
  const heif_error e = heif_decode_image(h, &raw, heif_colorspace_RGB, chroma, nullptr);
  ImagePtr image(raw);
  if (e.code != heif_error_Ok) return to_error(e, "decoding the primary image");

  Decoded out;
  out.width = heif_image_get_width(image.get(), heif_channel_interleaved);
  out.height = heif_image_get_height(image.get(), heif_channel_interleaved);
  out.channels = alpha ? 4 : 3;
  out.bit_depth = deep ? 16 : 8;
  out.gray = opened->config.monochrome;
  int stride = 0;
  const uint8_t* plane = heif_image_get_plane_readonly(image.get(), heif_channel_interleaved, &stride);
  const size_t row_bytes = size_t(std::max(out.width, 0)) * size_t(out.channels) * (deep ? 2 : 1);
  if (!plane || out.width <= 0 || out.height <= 0 || stride < 0 || size_t(stride) < row_bytes)
    return Error(ErrorCode::Format, "libheif returned no usable picture", "decoding the primary image");
  // The coded stream may disagree with the boxes the limit was checked against.
  if (max_pixels != 0 && uint64_t(out.width) * uint64_t(out.height) > max_pixels)
    return Error(ErrorCode::TooLarge, "the coded picture is larger than its boxes declare", "decoding the primary image");

  out.samples.resize(row_bytes * size_t(out.height));
  if (!deep) {
    for (int y = 0; y < out.height; ++y)
      std::memcpy(&out.samples[size_t(y) * row_bytes], plane + size_t(y) * size_t(stride), row_bytes);
  } else {
    // Little-endian 10/12-bit samples, stretched to the full 16-bit range in native order.
    const int bits = heif_image_get_bits_per_pixel_range(image.get(), heif_channel_interleaved);
    const uint32_t max = bits > 0 && bits <= 16 ? (1u << bits) - 1 : 65535u;
    const size_t per_row = row_bytes / 2;
    for (int y = 0; y < out.height; ++y) {
      const uint8_t* src = plane + size_t(y) * size_t(stride);
      uint8_t* dst = &out.samples[size_t(y) * row_bytes];
      for (size_t i = 0; i < per_row; ++i) {
        const uint32_t v = std::min<uint32_t>(uint32_t(src[2 * i]) | uint32_t(src[2 * i + 1]) << 8, max);
        const uint16_t scaled = uint16_t((v * 65535u + max / 2) / max);
        std::memcpy(dst + 2 * i, &scaled, 2);
      }
    }
  }
  if (Status s = collect_metadata(h, &out); !s) return s.error();
  return out;
}

heif_error append_to_vector(heif_context*, const void* data, size_t size, void* userdata) {
  try {
    auto* out = static_cast<std::vector<uint8_t>*>(userdata);
    const auto* bytes = static_cast<const uint8_t*>(data);
    out->insert(out->end(), bytes, bytes + size);
    return {heif_error_Ok, heif_suberror_Unspecified, "Success"};
  } catch (const std::bad_alloc&) {
    return {heif_error_Memory_allocation_error, heif_suberror_Unspecified, "out of memory writing the HEIF file"};
  }
}

// Writes row y of the picture as w * c 8-bit samples into dst.
using RowSource = std::function<void(int y, uint8_t* dst)>;

Result<std::vector<uint8_t>> encode_impl(int w, int h, int c, const RowSource& fill_row, const EncodeParams& params) {
  if (c != 3 && c != 4)
    return Error(ErrorCode::InvalidArgument, "HEIF encoding takes 3 or 4 channels, not " + std::to_string(c));
  if (w <= 0 || h <= 0) return Error(ErrorCode::InvalidArgument, "nothing to encode: empty image");
  if (params.quality < 1 || params.quality > 100)
    return Error(ErrorCode::InvalidArgument, "HEIF quality must be 1..100, not " + std::to_string(params.quality));
  if (!params.exif.empty() && (params.exif.size() < 8 || (std::memcmp(params.exif.data(), "II*\0", 4) != 0 &&
                                                           std::memcmp(params.exif.data(), "MM\0*", 4) != 0)))
    return Error(ErrorCode::InvalidArgument, "the EXIF block must start with its TIFF header");
  if (params.exif.size() > size_t(INT_MAX) - 4 || params.xmp.size() > size_t(INT_MAX))
    return Error(ErrorCode::InvalidArgument, "the metadata is too large for a HEIF item");
  if (!can_encode(params.flavor))
    return Error(ErrorCode::Unsupported, params.flavor == Flavor::Avif ? "no AVIF encoder in libheif here"
                                                                        : "no HEIC encoder in libheif here");
  const char* stage = "encoding HEIF";
  ContextPtr ctx(heif_context_alloc());
  if (!ctx) return Error(ErrorCode::OutOfMemory, "libheif could not allocate a context");
  heif_encoder* raw_encoder = nullptr;
  heif_error e = heif_context_get_encoder_for_format(
      ctx.get(), params.flavor == Flavor::Avif ? heif_compression_AV1 : heif_compression_HEVC, &raw_encoder);
  EncoderPtr encoder(raw_encoder);
  if (e.code != heif_error_Ok) return Error(ErrorCode::Unsupported, message_of(e), stage);
  if ((e = heif_encoder_set_lossy_quality(encoder.get(), params.quality)).code != heif_error_Ok)
    return Error(ErrorCode::Internal, message_of(e), stage);
  // 8-bit 4:2:0 for both codecs (HEVC Main, AV1 profile 0: what every decoder reads), set rather
  // than left to the plugins' defaults. With libaom 3.6, libheif 1.15 derives the AV1 profile from
  // the *storage* bits of >8-bit samples (16), so 10-bit input aborts the process in aom's
  // write_color_config (an assertion, not an error return); 8-bit input encodes at 4:2:0, 4:2:2
  // and 4:4:4 (checked with and without alpha, 1x1 to 63x47, each in its own process). Only
  // 8-bit samples are ever handed to the encoder here.
  if ((e = heif_encoder_set_parameter_string(encoder.get(), "chroma", "420")).code != heif_error_Ok)
    return Error(ErrorCode::Internal, message_of(e), stage);
  // Upscaled photos are large (a 12-MP phone photo x4 is 190 MP): x265's "medium" preset instead of
  // libheif's "slow" default, aom at speed 6 instead of 5, each about twice as fast for a size
  // within a few percent at these qualities. Best effort: a plugin without the parameter keeps its own.
  if (params.flavor == Flavor::Heic)
    heif_encoder_set_parameter_string(encoder.get(), "preset", "medium");
  else
    heif_encoder_set_parameter_integer(encoder.get(), "speed", 6);

  heif_image* raw_image = nullptr;
  e = heif_image_create(w, h, heif_colorspace_RGB, c == 4 ? heif_chroma_interleaved_RGBA : heif_chroma_interleaved_RGB,
                        &raw_image);
  ImagePtr img(raw_image);
  if (e.code == heif_error_Ok) e = heif_image_add_plane(img.get(), heif_channel_interleaved, w, h, 8);
  if (e.code != heif_error_Ok) return to_error(e, stage);
  int stride = 0;
  uint8_t* plane = heif_image_get_plane(img.get(), heif_channel_interleaved, &stride);
  if (!plane) return Error(ErrorCode::Internal, "libheif gave no pixel plane", stage);
  for (int y = 0; y < h; ++y) fill_row(y, plane + size_t(y) * size_t(stride));
  if (!params.icc.empty() &&
      (e = heif_image_set_raw_color_profile(img.get(), "prof", params.icc.data(), params.icc.size())).code)
    return Error(ErrorCode::Internal, message_of(e), stage);

  OptionsPtr options(heif_encoding_options_alloc());
  heif_image_handle* raw_handle = nullptr;
  e = heif_context_encode_image(ctx.get(), img.get(), encoder.get(), options.get(), &raw_handle);
  HandlePtr handle(raw_handle);
  if (e.code != heif_error_Ok) return Error(ErrorCode::Internal, message_of(e), stage);
  // libheif prepends the 4-byte offset to the TIFF header itself (0 here: the block starts with it).
  if (!params.exif.empty() &&
      (e = heif_context_add_exif_metadata(ctx.get(), handle.get(), params.exif.data(), int(params.exif.size()))).code)
    return Error(ErrorCode::Internal, message_of(e), "writing the EXIF item");
  if (!params.xmp.empty() &&
      (e = heif_context_add_XMP_metadata(ctx.get(), handle.get(), params.xmp.data(), int(params.xmp.size()))).code)
    return Error(ErrorCode::Internal, message_of(e), "writing the XMP item");

  std::vector<uint8_t> out;
  heif_writer writer{1, &append_to_vector};
  if ((e = heif_context_write(ctx.get(), &writer, &out)).code != heif_error_Ok) return to_error(e, "writing HEIF");
  return out;
}

// The API does not throw: libheif's C++ inside and our allocations are caught here.
template <class Fn>
auto guarded(Fn&& fn) -> decltype(fn()) {
  try {
    return fn();
  } catch (const std::bad_alloc&) {
    return Error(ErrorCode::OutOfMemory, "out of memory in the HEIF codec");
  } catch (const std::exception& ex) {
    return Error(ErrorCode::Internal, std::string("HEIF codec: ") + ex.what());
  }
}

}  // namespace

bool sniff(const uint8_t* data, size_t size, Flavor* flavor) {
  if (!data || size < 16 || be32(data + 4) != fourcc("ftyp")) return false;
  const uint32_t box_size = be32(data);
  if (box_size < 16) return false;  // 0 (to end) and 1 (64-bit size) make no sense for ftyp
  const size_t end = std::min<size_t>({box_size, size, 64});
  bool heif = false, avif = false;
  for (size_t at = 8; at + 4 <= end; at += 4) {
    if (at == 12) continue;  // minor_version, not a brand
    switch (be32(data + at)) {
      case fourcc("avif"): case fourcc("avis"):
        avif = true;
        heif = true;
        break;
      case fourcc("heic"): case fourcc("heix"): case fourcc("heim"): case fourcc("heis"): case fourcc("hevc"):
      case fourcc("hevx"): case fourcc("mif1"): case fourcc("msf1"):
        heif = true;
        break;
      default:
        break;
    }
  }
  if (heif && flavor) *flavor = avif ? Flavor::Avif : Flavor::Heic;
  return heif;
}

Result<Probe> probe(const uint8_t* data, size_t size) {
  return guarded([&] { return probe_impl(data, size); });
}

Result<Decoded> decode(const uint8_t* data, size_t size, uint64_t max_pixels) {
  return guarded([&] { return decode_impl(data, size, max_pixels); });
}

Result<Decoded> read_metadata(const uint8_t* data, size_t size) {
  return guarded([&]() -> Result<Decoded> {
    auto opened = open_file(data, size);
    if (!opened) return opened.error();
    Decoded out;
    if (Status s = collect_metadata(opened->primary.get(), &out); !s) return s.error();
    return out;
  });
}

bool can_encode(Flavor flavor) {
  init_once();
  return heif_have_encoder_for_format(flavor == Flavor::Avif ? heif_compression_AV1 : heif_compression_HEVC) != 0;
}

Result<std::vector<uint8_t>> encode(const ImageF& image, const EncodeParams& params) {
  if (image.data.size() != size_t(std::max(image.width, 0)) * size_t(std::max(image.height, 0)) * size_t(std::max(image.channels, 0)))
    return Error(ErrorCode::InvalidArgument, "the image's size does not match its data");
  const size_t row = size_t(image.width) * size_t(image.channels);
  return guarded([&] {
    return encode_impl(image.width, image.height, image.channels, [&](int y, uint8_t* dst) {
      const float* src = image.row(y);
      for (size_t i = 0; i < row; ++i) {
        const float v = std::isnan(src[i]) ? 0.f : std::clamp(src[i], 0.f, 1.f);
        dst[i] = uint8_t(std::lround(v * 255.f));
      }
    }, params);
  });
}

Result<std::vector<uint8_t>> encode_samples(const uint8_t* samples, int width, int height, int channels,
                                            const EncodeParams& params) {
  if (samples == nullptr) return Error(ErrorCode::InvalidArgument, "nothing to encode: no samples");
  const size_t row = size_t(std::max(width, 0)) * size_t(std::max(channels, 0));
  return guarded([&] {
    return encode_impl(width, height, channels,
                       [&](int y, uint8_t* dst) { std::memcpy(dst, samples + row * size_t(y), row); }, params);
  });
}

}  // namespace rsd::imaging::heif
