#include "imaging/integer_image.h"

#include <cassert>

namespace rsd::imaging {
namespace {

template <class T>
void convert(const IntegerImage& img, int y, int rows, int first, int count, float scale, ImageF& out) {
  const int C = img.channels;
  int map[4] = {0, 1, 2, 3};
  if (img.bgr && C >= 3) map[0] = 2, map[2] = 0;  // RGB(A) index -> stored index
  for (int r = 0; r < rows; ++r) {
    const T* src = reinterpret_cast<const T*>(img.data.get() + img.stride * size_t(y + r));
    float* dst = out.row(r);
    for (int x = 0; x < img.width; ++x)
      for (int c = 0; c < count; ++c)
        dst[size_t(x) * count + c] = float(src[size_t(x) * C + map[first + c]]) * scale;
  }
}

}  // namespace

ImageF IntegerImage::rows_as_float(int y, int rows, int first, int count) const {
  assert(y >= 0 && rows >= 0 && y + rows <= height && first >= 0 && count > 0 && first + count <= channels);
  ImageF out(width, rows, count);
  // The same factors as mat_to_image (multiplying by 1/255, not dividing), for equal floats.
  if (bit_depth == 16)
    convert<uint16_t>(*this, y, rows, first, count, 1.f / 65535.f, out);
  else
    convert<uint8_t>(*this, y, rows, first, count, 1.f / 255.f, out);
  return out;
}

}  // namespace rsd::imaging
