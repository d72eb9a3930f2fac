// Batch image operations of the degradation pipeline. Images are float [N, C, H, W] in [0, 1]
// on any device; the ops follow the input's device and dtype.
#pragma once

#include <ATen/core/Tensor.h>

#include <cstdint>

namespace rsd::engine::train {

enum class ResizeMode { Area, Bilinear, Bicubic };
inline constexpr int kResizeModeCount = 3;
const char* to_string(ResizeMode mode);

// Correlates every image with its own kernel: kernels [N, K, K] (or [K, K] for the whole batch),
// K odd, reflect padding (replicate where the image is too small to reflect), output size equals
// input size. All our kernels are point-symmetric, so correlation equals convolution.
at::Tensor filter2d(const at::Tensor& images, const at::Tensor& kernels);

// Resize to an explicit size, like F.interpolate(size=..., mode=...) with align_corners=False
// (area = adaptive average pooling).
at::Tensor resize_to(const at::Tensor& images, std::int64_t height, std::int64_t width, ResizeMode mode);

// Resize by a factor, like F.interpolate(scale_factor=s): output floor(H·s) × floor(W·s), and the
// sampling grid uses the given factor (not the rounded size), as PyTorch does by default.
at::Tensor resize_by(const at::Tensor& images, double scale, ResizeMode mode);

// Antialiased bicubic downscale by an integer factor (the plain "bicubic ×sf" degradation).
at::Tensor bicubic_downscale(const at::Tensor& images, int sf);

// ITU-R 601 luma with torchvision's weights (0.2989, 0.587, 0.114): [N, 3, H, W] -> [N, 1, H, W].
at::Tensor rgb_to_gray(const at::Tensor& images);

// clamp(round(x·255), 0, 255) / 255: the 8-bit levels an image file can hold.
at::Tensor quantize_8bit(const at::Tensor& images);

}  // namespace rsd::engine::train
