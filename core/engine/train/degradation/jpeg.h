// JPEG compression artefacts on tensors, the way DiffJPEG simulates them for Real-ESRGAN
// (facts: BasicSR basicsr/utils/diffjpeg.py): RGB -> YCbCr (JFIF), 4:2:0 chroma subsampling by
// 2×2 averaging, 8×8 orthonormal DCT, quantization with the standard tables (ITU T.81 Annex K)
// scaled by the quality factor, rounding, and the inverse path with nearest chroma upsampling.
//
// Differences from DiffJPEG, on purpose: the tables are used in their standard orientation
// (DiffJPEG transposes them), and images whose size is not a multiple of 16 are padded by edge
// replication (as libjpeg does) instead of with black.
#pragma once

#include <ATen/core/Tensor.h>

namespace rsd::engine::train {

// Standard luminance / chrominance quantization tables, float [8, 8], row = vertical frequency.
at::Tensor jpeg_luma_table();
at::Tensor jpeg_chroma_table();

// IJG scaling of the tables for quality q (float tensor [N]): 50/q below 50, (200 − 2q)/100
// above. The quantization step of coefficient (u, v) is table[u][v] · factor (not rounded).
at::Tensor jpeg_quality_factor(const at::Tensor& quality);

// Orthonormal 8-point DCT-II matrix D (float [8, 8], D[u][x]); a block's coefficients are D·B·Dᵀ.
at::Tensor dct8_matrix();

// Compresses and decompresses every image: images float [N, 3, H, W] in [0, 1] (any size),
// quality float [N] in [1, 100]. Returns float [N, 3, H, W] clipped to [0, 1], not rounded to
// 8 bits (as DiffJPEG).
at::Tensor jpeg_compress(const at::Tensor& images, const at::Tensor& quality);

}  // namespace rsd::engine::train
