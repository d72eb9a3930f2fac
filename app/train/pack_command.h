// `rsd-train pack`: cuts training photos into a patch dataset (engine/train/patch_dataset.h) and
// writes a manifest (DATA.rsdp.json) recording every photo, its Debian package and licence, its
// split, and where each patch was cut.
//
// Crop modes (--crop):
//   native   random size×size crops at the photo's own resolution.
//   rescale  ResShift's training crop: a random square of side max(min(h, w), size), resized to
//            size×size with area averaging. For 2–6 MP photos this is a downscaled view of most of
//            the photo, so pixel-level detail is much finer than in any photo a user upscales.
//   mix      (default) per patch: with probability 0.1 a rescale crop, else a crop of side
//            size/s with s uniform from {1, 0.75, 0.5}, area-resized to size×size — the
//            multi-scale native crops Real-ESRGAN trains on, which keep real photo texture.
// Flips are left to the training loader. The random choices come from --seed alone.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace rsd::app::train {

struct PackOptions {
  std::string out;                      // dataset path; the manifest goes to out + ".json"
  int size = 256;
  int per_image = 48;
  std::uint64_t seed = 1;
  std::string crop = "mix";             // native | rescale | mix
  std::vector<std::string> val_files;   // photos held out for validation (see photo_matches)
  std::vector<std::string> inputs;      // files and folders
};

// Returns the process exit code; reports progress and errors on stderr.
int run_pack(const PackOptions& options);

}  // namespace rsd::app::train
