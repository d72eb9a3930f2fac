// Seeds for the HEIF/AVIF and camera RAW targets: pictures encoded by libheif through the
// project's codec, and DNGs written by the tests' own libtiff fixture.
#include <string>

#include "corpus.h"
#include "imaging/heif_codec.h"
#include "../../tests/core/imaging/dng_fixture.h"

namespace rsd::fuzz {
namespace {

ImageF ramp(int w, int h, int c) {
  ImageF img(w, h, c);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x)
      for (int k = 0; k < c; ++k) img.at(x, y, k) = float((x * (k + 1) + y * 7) % 97) / 96.f;
  return img;
}

// Each seed goes to its own target's folder and to the two targets that meet every format first.
void write_everywhere(const fs::path& corpus, const std::string& target, const std::string& name, const Bytes& bytes) {
  for (const char* dir : {target.c_str(), "header_probe", "metadata"}) write_seed(corpus / dir, name, bytes);
}

}  // namespace

void make_camera_seeds(const fs::path& corpus) {
  using imaging::heif::Flavor;
  for (const Flavor flavor : {Flavor::Heic, Flavor::Avif}) {
    if (!imaging::heif::can_encode(flavor)) continue;
    const std::string ext = flavor == Flavor::Avif ? ".avif" : ".heic";
    for (const int channels : {3, 4}) {
      imaging::heif::EncodeParams p;
      p.flavor = flavor;
      p.quality = 60;
      if (channels == 3) {  // one seed with every metadata item
        p.exif = {'I', 'I', 42, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        const std::string xmp = "<x:xmpmeta xmlns:x='adobe:ns:meta/'></x:xmpmeta>";
        p.xmp.assign(xmp.begin(), xmp.end());
      }
      auto bytes = imaging::heif::encode(ramp(24, 16, channels), p);
      if (!bytes) throw std::runtime_error("heif seed: " + bytes.error().what());
      write_everywhere(corpus, "heif", (channels == 4 ? "rgba" : "rgb_metadata") + ext, bytes.value());
    }
  }
  for (const int orientation : {1, 6}) {
    test::DngSpec spec;
    spec.width = 32;
    spec.height = 24;
    spec.orientation = orientation;
    write_everywhere(corpus, "raw", "dng_orientation" + std::to_string(orientation) + ".dng", test::make_test_dng(spec));
  }
  write_seed(corpus / "raw", "plain_rgb16.tif", test::make_plain_tiff(16, 8, 3, 16, "Canon"));
}

}  // namespace rsd::fuzz
