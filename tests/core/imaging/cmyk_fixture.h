// A CMYK or YCCK JPEG written with libjpeg at test time: four flat 8x8 patches side by side
// (32x8) of known inks, for the decoder's colour tests and the end-to-end pipeline tests.
#pragma once

#include <cstdint>
#include <vector>

namespace rsd::test {

// Inks of the patches, left to right, 0 = none, 255 = full: paper white, cyan, a warm red
// (magenta + yellow), full black.
constexpr int kCmykPatches = 4;
constexpr uint8_t kCmykInks[kCmykPatches][4] = {{0, 0, 0, 0}, {255, 0, 0, 0}, {0, 230, 230, 0}, {0, 0, 0, 255}};

// Quality 100, 4:4:4. adobe_inverted: samples stored inverted with an Adobe marker, as Photoshop
// writes them; ycck: stored as YCCK (always with the marker); icc: embedded when not empty.
std::vector<uint8_t> cmyk_test_jpeg(bool adobe_inverted = true, bool ycck = false,
                                    const std::vector<uint8_t>& icc = {});

}  // namespace rsd::test
