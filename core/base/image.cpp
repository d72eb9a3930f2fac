#include "base/image.h"

#include <algorithm>
#include <cassert>

namespace rsd {

ImageF ImageF::crop(int x, int y, int w, int h) const {
  assert(x >= 0 && y >= 0 && x + w <= width && y + h <= height);
  ImageF out(w, h, channels);
  for (int r = 0; r < h; ++r) {
    const float* src = row(y + r) + size_t(x) * channels;
    std::copy(src, src + size_t(w) * channels, out.row(r));
  }
  return out;
}

}  // namespace rsd
