// ImageF: the pixel buffer that crosses layer boundaries (imaging <-> engine <-> pipeline).
// float32, interleaved (HWC), row-major, values nominally in [0, 1] as encoded in the file
// (no colour conversion: the ICC profile travels separately as metadata).
#pragma once

#include <cstddef>
#include <vector>

namespace rsd {

struct ImageF {
  int width = 0;
  int height = 0;
  int channels = 0;  // 1 (gray), 3 (RGB) or 4 (RGBA)
  std::vector<float> data;

  ImageF() = default;
  ImageF(int w, int h, int c) : width(w), height(h), channels(c), data(size_t(w) * h * c, 0.f) {}

  bool empty() const { return data.empty(); }
  size_t pixel_count() const { return size_t(width) * size_t(height); }
  float* row(int y) { return data.data() + size_t(y) * width * channels; }
  const float* row(int y) const { return data.data() + size_t(y) * width * channels; }
  float& at(int x, int y, int c) { return data[(size_t(y) * width + x) * channels + c]; }
  float at(int x, int y, int c) const { return data[(size_t(y) * width + x) * channels + c]; }

  // The rectangle [x, x+w) x [y, y+h), which must lie inside the image.
  ImageF crop(int x, int y, int w, int h) const;
};

}  // namespace rsd
