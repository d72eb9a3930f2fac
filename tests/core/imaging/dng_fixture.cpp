#include "dng_fixture.h"

#include <tiffio.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>

namespace rsd::test {
namespace {

namespace fs = std::filesystem;

// libtiff writes through a FILE-like handle, so the fixture goes through a private temporary
// file (mkstemp: safe when test executables run in parallel), read back and removed.
class TempPath {
 public:
  TempPath() : path_((fs::temp_directory_path() / "rsd-tiff-fixture-XXXXXX").string()) {
    const int fd = mkstemp(path_.data());
    if (fd < 0) throw std::runtime_error("cannot create a temporary file for a TIFF fixture");
    close(fd);
  }
  ~TempPath() { std::remove(path_.c_str()); }
  TempPath(const TempPath&) = delete;
  TempPath& operator=(const TempPath&) = delete;
  const char* c_str() const { return path_.c_str(); }

 private:
  std::string path_;
};

// Opens a TIFF for writing, lets `fill` set the tags and write the data, closes it and returns
// the bytes. `fill` returns false when a libtiff call failed.
template <class Fill>
std::vector<uint8_t> write_tiff(const char* what, Fill&& fill) {
  TempPath path;
  TIFF* tif = TIFFOpen(path.c_str(), "w");
  if (tif == nullptr) throw std::runtime_error(std::string("TIFFOpen failed for the ") + what);
  const bool ok = fill(tif);
  TIFFClose(tif);
  if (!ok) throw std::runtime_error(std::string("libtiff could not write the ") + what);
  std::ifstream in(path.c_str(), std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The EXIF IFD goes first: libtiff writes a custom directory wherever the file ends and returns
// its offset, which the main IFD (written after it, and the only one linked from the header)
// then points to. Writing it first avoids re-reading and rewriting the main IFD.
bool write_exif_ifd(TIFF* tif, const DngSpec& spec, uint64_t* offset) {
  if (TIFFCreateEXIFDirectory(tif) != 0) return false;
  const uint16_t iso[1] = {spec.iso};
  const bool ok =
      TIFFSetField(tif, EXIFTAG_DATETIMEORIGINAL, spec.date_time_original.c_str()) &&
      TIFFSetField(tif, EXIFTAG_EXPOSURETIME, spec.exposure_time) &&
      TIFFSetField(tif, EXIFTAG_FNUMBER, spec.f_number) &&
      TIFFSetField(tif, EXIFTAG_ISOSPEEDRATINGS, 1, iso) && TIFFWriteCustomDirectory(tif, offset);
  // Back to an empty image directory with the baseline TIFF tag set.
  TIFFFreeDirectory(tif);
  TIFFCreateDirectory(tif);
  return ok;
}

// RGGB mosaic of the four quadrants: row 0 is R G R G..., row 1 is G B G B...
std::vector<uint16_t> mosaic(const DngSpec& spec) {
  std::vector<uint16_t> cfa(size_t(spec.width) * size_t(spec.height));
  const float range = float(spec.white_level - spec.black_level);
  for (int y = 0; y < spec.height; ++y) {
    for (int x = 0; x < spec.width; ++x) {
      const int quadrant = (y >= spec.height / 2 ? 2 : 0) + (x >= spec.width / 2 ? 1 : 0);
      const int colour = (y % 2) + (x % 2);  // 0 R, 1 G, 2 B
      const float v = std::clamp(spec.quadrants[quadrant][colour] * spec.as_shot_neutral[colour],
                                 0.0f, 1.0f);
      cfa[size_t(y) * size_t(spec.width) + size_t(x)] =
          uint16_t(spec.black_level + std::lround(v * range));
    }
  }
  return cfa;
}

}  // namespace

std::vector<uint8_t> make_test_dng(const DngSpec& spec) {
  if (spec.width <= 0 || spec.height <= 0 || spec.width % 2 || spec.height % 2 ||
      spec.orientation < 1 || spec.orientation > 8)
    throw std::runtime_error("DngSpec needs an even size and an Orientation in 1..8");
  return write_tiff("test DNG", [&](TIFF* tif) {
    uint64_t exif_offset = 0;
    if (spec.exif && !write_exif_ifd(tif, spec, &exif_offset)) return false;

    const uint16_t cfa_dim[2] = {2, 2};
    const uint8_t cfa_pattern[4] = {0, 1, 1, 2};  // RGGB
    const uint8_t dng_version[4] = {1, 4, 0, 0};
    const uint8_t dng_backward[4] = {1, 1, 0, 0};
    // XYZ (D65) -> linear sRGB, the inverse of sRGB's RGB->XYZ: the camera space is linear sRGB.
    const float colour_matrix[9] = {3.2404542f, -1.5371385f, -0.4985314f,
                                    -0.9692660f, 1.8760108f,  0.0415560f,
                                    0.0556434f,  -0.2040259f, 1.0572252f};
    const float black[1] = {float(spec.black_level)};
    const uint32_t white[1] = {spec.white_level};
    const std::string unique_model = spec.make + " " + spec.model;
    bool ok = TIFFSetField(tif, TIFFTAG_SUBFILETYPE, 0) &&
              TIFFSetField(tif, TIFFTAG_IMAGEWIDTH, uint32_t(spec.width)) &&
              TIFFSetField(tif, TIFFTAG_IMAGELENGTH, uint32_t(spec.height)) &&
              TIFFSetField(tif, TIFFTAG_BITSPERSAMPLE, 16) &&
              TIFFSetField(tif, TIFFTAG_SAMPLESPERPIXEL, 1) &&
              TIFFSetField(tif, TIFFTAG_COMPRESSION, COMPRESSION_NONE) &&
              TIFFSetField(tif, TIFFTAG_PHOTOMETRIC, PHOTOMETRIC_CFA) &&
              TIFFSetField(tif, TIFFTAG_PLANARCONFIG, PLANARCONFIG_CONTIG) &&
              TIFFSetField(tif, TIFFTAG_ROWSPERSTRIP, uint32_t(spec.height)) &&
              TIFFSetField(tif, TIFFTAG_ORIENTATION, spec.orientation) &&
              TIFFSetField(tif, TIFFTAG_MAKE, spec.make.c_str()) &&
              TIFFSetField(tif, TIFFTAG_MODEL, spec.model.c_str()) &&
              TIFFSetField(tif, TIFFTAG_CFAREPEATPATTERNDIM, cfa_dim) &&
              TIFFSetField(tif, TIFFTAG_CFAPATTERN, 4, cfa_pattern) &&
              TIFFSetField(tif, TIFFTAG_DNGVERSION, dng_version) &&
              TIFFSetField(tif, TIFFTAG_DNGBACKWARDVERSION, dng_backward) &&
              TIFFSetField(tif, TIFFTAG_UNIQUECAMERAMODEL, unique_model.c_str()) &&
              TIFFSetField(tif, TIFFTAG_COLORMATRIX1, 9, colour_matrix) &&
              TIFFSetField(tif, TIFFTAG_CALIBRATIONILLUMINANT1, 21) &&  // D65
              TIFFSetField(tif, TIFFTAG_ASSHOTNEUTRAL, 3, spec.as_shot_neutral.data()) &&
              TIFFSetField(tif, TIFFTAG_BLACKLEVEL, 1, black) &&
              TIFFSetField(tif, TIFFTAG_WHITELEVEL, 1, white);
    if (ok && spec.exif) ok = TIFFSetField(tif, TIFFTAG_EXIFIFD, exif_offset);
    std::vector<uint16_t> cfa = mosaic(spec);
    const tmsize_t bytes = tmsize_t(cfa.size() * sizeof(uint16_t));
    return ok && TIFFWriteEncodedStrip(tif, 0, cfa.data(), bytes) == bytes &&
           TIFFWriteDirectory(tif);
  });
}

std::vector<uint8_t> make_plain_tiff(int width, int height, int samples, int bits,
                                     const std::string& make, const std::string& model) {
  if (width <= 0 || height <= 0 || (samples != 1 && samples != 3) || (bits != 8 && bits != 16))
    throw std::runtime_error("make_plain_tiff needs 1 or 3 samples of 8 or 16 bits");
  return write_tiff("plain TIFF", [&](TIFF* tif) {
    bool ok = TIFFSetField(tif, TIFFTAG_IMAGEWIDTH, uint32_t(width)) &&
              TIFFSetField(tif, TIFFTAG_IMAGELENGTH, uint32_t(height)) &&
              TIFFSetField(tif, TIFFTAG_BITSPERSAMPLE, bits) &&
              TIFFSetField(tif, TIFFTAG_SAMPLESPERPIXEL, samples) &&
              TIFFSetField(tif, TIFFTAG_COMPRESSION, COMPRESSION_NONE) &&
              TIFFSetField(tif, TIFFTAG_PHOTOMETRIC,
                           samples == 3 ? PHOTOMETRIC_RGB : PHOTOMETRIC_MINISBLACK) &&
              TIFFSetField(tif, TIFFTAG_PLANARCONFIG, PLANARCONFIG_CONTIG) &&
              TIFFSetField(tif, TIFFTAG_ROWSPERSTRIP, uint32_t(height));
    if (ok && !make.empty())
      ok = TIFFSetField(tif, TIFFTAG_MAKE, make.c_str()) &&
           TIFFSetField(tif, TIFFTAG_MODEL, model.c_str());
    const size_t count = size_t(width) * size_t(height) * size_t(samples);
    std::vector<uint16_t> wide(count);
    std::vector<uint8_t> narrow(count);
    for (size_t i = 0; i < count; ++i) {
      wide[i] = uint16_t((i * 997) % 65536);
      narrow[i] = uint8_t(wide[i] >> 8);
    }
    void* data = bits == 16 ? static_cast<void*>(wide.data()) : narrow.data();
    const tmsize_t bytes = tmsize_t(count * size_t(bits / 8));
    return ok && TIFFWriteEncodedStrip(tif, 0, data, bytes) == bytes && TIFFWriteDirectory(tif);
  });
}

}  // namespace rsd::test
