#include "imaging/orientation.h"

#include <algorithm>

namespace rsd::imaging {

void oriented_size(int stored_width, int stored_height, int orientation, int& width, int& height) {
  const bool swap = orientation >= 5 && orientation <= 8;
  width = swap ? stored_height : stored_width;
  height = swap ? stored_width : stored_height;
}

ImageF apply_orientation(const ImageF& stored, int orientation) {
  if (orientation < 2 || orientation > 8) return stored;
  const int W = stored.width, H = stored.height, C = stored.channels;
  int ow = 0, oh = 0;
  oriented_size(W, H, orientation, ow, oh);
  ImageF out(ow, oh, C);
  // For each upright pixel (u, v) find the stored pixel (x, y). The EXIF wording ("the 0th row
  // is the visual right-hand side, the 0th column the visual top" for 6, ...) gives these maps.
  for (int v = 0; v < oh; ++v) {
    float* dst = out.row(v);
    for (int u = 0; u < ow; ++u) {
      int x = u, y = v;
      switch (orientation) {
        case 2: x = W - 1 - u; y = v; break;
        case 3: x = W - 1 - u; y = H - 1 - v; break;
        case 4: x = u; y = H - 1 - v; break;
        case 5: x = v; y = u; break;
        case 6: x = v; y = H - 1 - u; break;
        case 7: x = W - 1 - v; y = H - 1 - u; break;
        case 8: x = W - 1 - v; y = u; break;
        default: break;
      }
      const float* src = stored.row(y) + size_t(x) * C;
      std::copy(src, src + C, dst + size_t(u) * C);
    }
  }
  return out;
}

}  // namespace rsd::imaging
