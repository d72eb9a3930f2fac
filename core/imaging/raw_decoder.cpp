#include "imaging/raw_decoder.h"

#include <lcms2.h>
#include <libraw/libraw.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>
#include <new>
#include <utility>

namespace rsd::imaging::raw {
namespace {

// LibRaw set up for our rendering, one per call (LibRaw objects are not shared between threads).
// A subclass only to read the TIFF directories LibRaw parsed, which it keeps protected; the
// layout is that of the LibRaw headers we compile against.
class Reader : public LibRaw {
 public:
  // No callbacks: LibRaw's defaults print memory and data errors to stderr, and both come back
  // to us as return codes anyway.
  Reader() : LibRaw(LIBRAW_OPIONS_NO_MEMERR_CALLBACK | LIBRAW_OPIONS_NO_DATAERR_CALLBACK) {
    libraw_output_params_t& p = imgdata.params;
    p.use_camera_wb = 1;      // the white balance as shot
    p.output_color = 1;       // camera matrix to sRGB primaries
    p.output_bps = 16;
    p.gamm[0] = 1.0 / 2.4;    // the sRGB tone curve: exponent 2.4 with a linear toe of slope 12.92
    p.gamm[1] = 12.92;
    p.no_auto_bright = 1;     // keep the camera's exposure
    p.user_qual = 3;          // AHD demosaic
    p.highlight = 0;          // clip highlights
  }

  // A TIFF that LibRaw's dcraw heuristics take for an early camera RAW only because it has one
  // 8- or 16-bit sample per pixel and a Make (a grayscale scan with Make "Canon", or a black and
  // white export that kept the camera's Make and Model): not a DNG, and its image directory says
  // it is an ordinary uncompressed picture (WhiteIsZero, BlackIsZero, RGB or palette; RAWs say
  // CFA or LinearRaw, or use a camera compression). Decided from the directory alone, whether
  // or not LibRaw knows the camera: a photo developed as sensor data would come out as a
  // false-colour mosaic, while the rare early uncompressed TIFF RAWs are read as the gray
  // pictures they are stored as.
  bool is_plain_tiff(const uint8_t* data, size_t size) const {
    const bool tiff = size >= 4 && (std::memcmp(data, "II*\0", 4) == 0 ||
                                    std::memcmp(data, "MM\0*", 4) == 0);
    if (!tiff || imgdata.idata.dng_version != 0) return false;
    const unsigned count = std::min<unsigned>(libraw_internal_data.identify_data.tiff_nifds,
                                              LIBRAW_IFD_MAXCOUNT);
    const INT64 data_offset = libraw_internal_data.unpacker_data.data_offset;
    for (unsigned i = 0; i < count; ++i) {
      const tiff_ifd_t& ifd = tiff_ifd[i];
      if (ifd.offset != data_offset) continue;  // not the directory LibRaw took the pixels from
      const bool picture = ifd.phint >= 0 && ifd.phint <= 3;
      const bool uncompressed = ifd.comp == 0 || ifd.comp == 1 || ifd.comp == 32773;  // PackBits
      return picture && uncompressed;
    }
    return false;
  }
};

Error libraw_error(int code, const char* stage) {
  // LibRaw returns negative codes of its own and positive errno values from the system.
  const std::string reason = code > 0 ? std::strerror(code) : libraw_strerror(code);
  switch (code) {
    case LIBRAW_FILE_UNSUPPORTED:
      return Error(ErrorCode::Unsupported, "not a camera RAW file LibRaw can read: " + reason);
    case LIBRAW_NOT_IMPLEMENTED:
      return Error(ErrorCode::Unsupported,
                   "a RAW variant LibRaw " LIBRAW_VERSION_STR " cannot decode: " + reason);
    case LIBRAW_UNSUFFICIENT_MEMORY:
    case ENOMEM:
      return Error(ErrorCode::OutOfMemory, std::string("out of memory while ") + stage +
                                               " the camera RAW: " + reason);
    case LIBRAW_TOO_BIG:
      return Error(ErrorCode::TooLarge, "the camera RAW exceeds LibRaw's memory limit: " + reason);
    default:
      return Error(ErrorCode::Format, std::string("damaged camera RAW (while ") + stage + " it): " +
                                          reason);
  }
}

// LibRaw's C++ code reports errors by throwing enum values internally and catches them in each
// API call; anything that still escapes (std::bad_alloc from its containers, an exception on a
// path it forgot to guard) must not cross our never-throwing API.
template <class Fn>
auto guarded(const char* stage, Fn&& fn) -> decltype(fn()) {
  try {
    return fn();
  } catch (const std::bad_alloc&) {
    return Error(ErrorCode::OutOfMemory,
                 std::string("out of memory while ") + stage + " the camera RAW");
  } catch (const LibRaw_exceptions& e) {
    return Error(e == LIBRAW_EXCEPTION_ALLOC ? ErrorCode::OutOfMemory : ErrorCode::Format,
                 std::string("LibRaw failed while ") + stage + " the camera RAW (exception " +
                     std::to_string(int(e)) + ")");
  } catch (const std::exception& e) {
    return Error(ErrorCode::Internal, std::string("LibRaw failed while ") + stage +
                                          " the camera RAW: " + e.what());
  } catch (...) {
    return Error(ErrorCode::Internal, std::string("LibRaw threw an unknown exception while ") +
                                          stage + " the camera RAW");
  }
}

// LibRaw reads a 64-byte signature block before anything else and answers an I/O error, not
// "unsupported", for shorter input; no RAW is that short.
constexpr size_t kShortestRaw = 64;

// Parses the header. LibRaw's buffer stream only reads, whatever its signature says.
Status open(Reader& reader, const uint8_t* data, size_t size) {
  if (data == nullptr || size < kShortestRaw)
    return Error(ErrorCode::Unsupported, "not a camera RAW file LibRaw can read: only " +
                                             std::to_string(data ? size : 0) + " bytes");
  const int rc = reader.open_buffer(const_cast<uint8_t*>(data), size);
  if (rc != LIBRAW_SUCCESS) return libraw_error(rc, "reading");
  if (reader.is_plain_tiff(data, size))
    return Error(ErrorCode::Unsupported,
                 "not a camera RAW file LibRaw can read: a plain TIFF picture");
  return {};
}

struct Size {
  int width = 0;
  int height = 0;
};

// The size dcraw_process() and copy_mem_image() will produce, computed before processing from
// the same LibRaw function they use: Fuji's 45-degree sensors and non-square pixels included,
// width and height swapped for the flips that transpose (LibRaw flip 4..7, TIFF Orientation
// 5..8).
Size developed_size(const Reader& reader) {
  int width = 0, height = 0, colors = 0, bps = 0;
  reader.get_mem_image_format(&width, &height, &colors, &bps);
  return {width, height};
}

std::string camera_of(const Reader& reader) {
  std::string camera = reader.imgdata.idata.make;
  const std::string model = reader.imgdata.idata.model;
  if (!camera.empty() && !model.empty()) camera += ' ';
  return camera + model;
}

// Little CMS's sRGB (the profile of the primaries and curve LibRaw renders to), serialised once.
// Empty if Little CMS failed.
const std::vector<uint8_t>& srgb_profile() {
  static const std::vector<uint8_t> icc = [] {
    std::vector<uint8_t> bytes;
    cmsHPROFILE profile = cmsCreate_sRGBProfile();
    if (profile == nullptr) return bytes;
    cmsUInt32Number length = 0;
    if (cmsSaveProfileToMem(profile, nullptr, &length) && length > 0) {
      bytes.resize(length);
      if (!cmsSaveProfileToMem(profile, bytes.data(), &length)) bytes.clear();
    }
    cmsCloseProfile(profile);
    return bytes;
  }();
  return icc;
}

Error too_large(uint64_t width, uint64_t height, uint64_t max_pixels) {
  return Error(ErrorCode::TooLarge, std::to_string(width) + "x" + std::to_string(height) +
                                        " pixels exceeds the input limit of " +
                                        std::to_string(max_pixels) + " pixels");
}

// Memory: LibRaw holds the sensor data (raw_alloc, 2 bytes per sensor pixel) from unpack() on,
// and dcraw_process() adds its 4-channel working image (8 bytes per pixel) plus AHD's per-tile
// buffers (a few MB). copy_mem_image() then writes the upright result straight into `samples`
// (6 bytes per pixel), so the peak is about 16 bytes per pixel (24 MP: ~390 MB) and, once
// recycle() has run, only the 6-byte-per-pixel result is left. dcraw_make_mem_image() would
// reach the same peak and cost one more full copy (it mallocs its own buffer, which we would
// then copy into `samples`), so it is not used.
Result<Decoded> develop(const uint8_t* data, size_t size, uint64_t max_pixels) {
  auto reader = std::make_unique<Reader>();  // ~750 KB of tables: not on the stack
  if (auto opened = open(*reader, data, size); !opened) return opened.error();
  const Size out = developed_size(*reader);
  if (out.width <= 0 || out.height <= 0)
    return Error(ErrorCode::Format, "damaged camera RAW: its header gives no picture size");
  const libraw_image_sizes_t& sizes = reader->imgdata.sizes;
  if (max_pixels != 0) {
    if (uint64_t(out.width) * uint64_t(out.height) > max_pixels)
      return too_large(uint64_t(out.width), uint64_t(out.height), max_pixels);
    // The sensor data unpack() allocates can be larger than the picture (masked borders).
    if (uint64_t(sizes.raw_width) * uint64_t(sizes.raw_height) > max_pixels)
      return too_large(sizes.raw_width, sizes.raw_height, max_pixels);
  }

  int rc = reader->unpack();
  if (rc != LIBRAW_SUCCESS) return libraw_error(rc, "unpacking");
  rc = reader->dcraw_process();
  if (rc != LIBRAW_SUCCESS) return libraw_error(rc, "developing");

  int width = 0, height = 0, colors = 0, bps = 0;
  reader->get_mem_image_format(&width, &height, &colors, &bps);
  if (colors != 3 || bps != 16)
    return Error(ErrorCode::Unsupported, "LibRaw developed the RAW to " + std::to_string(colors) +
                                             " channels of " + std::to_string(bps) +
                                             " bits; 3 channels of 16 bits expected");
  if (width != out.width || height != out.height)
    return Error(ErrorCode::Internal, "LibRaw developed the RAW to " + std::to_string(width) +
                                          "x" + std::to_string(height) + " instead of the " +
                                          std::to_string(out.width) + "x" +
                                          std::to_string(out.height) + " its header gave");
  const std::vector<uint8_t>& icc = srgb_profile();
  if (icc.empty()) return Error(ErrorCode::Internal, "Little CMS could not build the sRGB profile");

  Decoded decoded;
  decoded.width = width;
  decoded.height = height;
  decoded.camera = camera_of(*reader);
  decoded.samples.resize(size_t(width) * size_t(height) * 3);
  rc = reader->copy_mem_image(decoded.samples.data(), width * 3 * int(sizeof(uint16_t)), 0);
  if (rc != LIBRAW_SUCCESS) return libraw_error(rc, "converting");
  reader.reset();  // frees the sensor data and the working image before the caller goes on
  decoded.icc = icc;
  return Result<Decoded>(std::move(decoded));  // a move, not a copy of the samples
}

}  // namespace

bool sniff(const uint8_t* data, size_t size) {
  auto opened = guarded("reading", [&]() -> Status {
    auto reader = std::make_unique<Reader>();
    return open(*reader, data, size);
  });
  return opened.ok();
}

Result<Probe> probe(const uint8_t* data, size_t size) {
  return guarded("reading", [&]() -> Result<Probe> {
    auto reader = std::make_unique<Reader>();
    if (auto opened = open(*reader, data, size); !opened) return opened.error();
    const Size out = developed_size(*reader);
    if (out.width <= 0 || out.height <= 0)
      return Error(ErrorCode::Format, "damaged camera RAW: its header gives no picture size");
    Probe result;
    result.width = uint32_t(out.width);
    result.height = uint32_t(out.height);
    result.camera = camera_of(*reader);
    return result;
  });
}

Result<Decoded> decode(const uint8_t* data, size_t size, uint64_t max_pixels) {
  return guarded("developing", [&] { return develop(data, size, max_pixels); });
}

}  // namespace rsd::imaging::raw
