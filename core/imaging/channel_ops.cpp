#include "imaging/channel_ops.h"

#include <algorithm>
#include <cassert>
#include <new>
#include <string>

#include <opencv2/imgproc.hpp>

#include "imaging/mat_bridge.h"

namespace rsd::imaging {

ImageF take_channels(const ImageF& image, int first, int count) {
  assert(first >= 0 && count > 0 && first + count <= image.channels);
  ImageF out(image.width, image.height, count);
  const size_t n = image.pixel_count();
  for (size_t i = 0; i < n; ++i)
    for (int c = 0; c < count; ++c) out.data[i * count + c] = image.data[i * image.channels + first + c];
  return out;
}

ImageF gray_to_rgb(const ImageF& gray) {
  ImageF out(gray.width, gray.height, 3);
  const size_t n = gray.pixel_count();
  for (size_t i = 0; i < n; ++i) {
    const float v = gray.data[i * gray.channels];
    out.data[i * 3] = out.data[i * 3 + 1] = out.data[i * 3 + 2] = v;
  }
  return out;
}

ImageF rgb_to_gray(const ImageF& rgb) {
  assert(rgb.channels >= 3);
  ImageF out(rgb.width, rgb.height, 1);
  const size_t n = rgb.pixel_count();
  for (size_t i = 0; i < n; ++i) {
    const float* p = rgb.data.data() + i * rgb.channels;
    out.data[i] = (p[0] + p[1] + p[2]) / 3.f;
  }
  return out;
}

ImageF merge_alpha(const ImageF& color, const ImageF& alpha) {
  assert(color.width == alpha.width && color.height == alpha.height && alpha.channels == 1);
  const ImageF rgb = color.channels == 1 ? gray_to_rgb(color) : color;
  ImageF out(rgb.width, rgb.height, 4);
  const size_t n = rgb.pixel_count();
  for (size_t i = 0; i < n; ++i) {
    for (int c = 0; c < 3; ++c) out.data[i * 4 + c] = rgb.data[i * rgb.channels + c];
    out.data[i * 4 + 3] = alpha.data[i];
  }
  return out;
}

ImageF flatten_alpha(const ImageF& rgba, float background) {
  assert(rgba.channels == 4);
  ImageF out(rgba.width, rgba.height, 3);
  const size_t n = rgba.pixel_count();
  for (size_t i = 0; i < n; ++i) {
    const float a = std::clamp(rgba.data[i * 4 + 3], 0.f, 1.f);
    for (int c = 0; c < 3; ++c)
      out.data[i * 3 + c] = rgba.data[i * 4 + c] * a + background * (1.f - a);
  }
  return out;
}

Result<ImageF> resize_plane(const ImageF& plane, int width, int height) {
  if (plane.channels != 1 || plane.empty() || width <= 0 || height <= 0)
    return Error(ErrorCode::InvalidArgument, "resize_plane needs a non-empty 1-channel image");
  try {
    const cv::Mat src(plane.height, plane.width, CV_32F, const_cast<float*>(plane.data.data()));
    ImageF out(width, height, 1);
    cv::Mat dst(height, width, CV_32F, out.data.data());
    cv::resize(src, dst, dst.size(), 0, 0, cv::INTER_CUBIC);
    for (float& v : out.data) v = std::clamp(v, 0.f, 1.f);
    return out;
  } catch (const cv::Exception& e) {
    return Error(ErrorCode::Internal, std::string("resizing alpha failed: ") + e.what());
  } catch (const std::bad_alloc&) {
    return Error(ErrorCode::OutOfMemory, "out of memory while resizing alpha");
  }
}

}  // namespace rsd::imaging
