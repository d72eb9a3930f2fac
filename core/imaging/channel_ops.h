// Channel plumbing around the model, which only sees RGB: gray is expanded to RGB and reduced
// back; alpha travels beside the model and is resampled on its own.
#pragma once

#include "base/error.h"
#include "base/image.h"

namespace rsd::imaging {

// The `count` channels starting at `first` (e.g. RGB of RGBA: 0, 3; alpha: 3, 1).
ImageF take_channels(const ImageF& image, int first, int count);
// 1 channel -> 3 equal channels.
ImageF gray_to_rgb(const ImageF& gray);
// 3 (or more) channels -> 1: the mean of R, G and B (the model keeps gray input nearly gray, so
// the mean only removes its small colour noise).
ImageF rgb_to_gray(const ImageF& rgb);
// colour (1 or 3 channels) + alpha (1 channel, same size) -> 2 or 4 channels; a gray colour is
// expanded to RGB first, so the result always has 4 channels.
ImageF merge_alpha(const ImageF& color, const ImageF& alpha);
// RGBA composited over a uniform background value -> RGB (for formats without alpha).
ImageF flatten_alpha(const ImageF& rgba, float background = 1.f);
// A 1-channel plane resampled to width x height with bicubic interpolation, clamped to [0, 1]
// (bicubic overshoots at hard edges, which alpha must not).
Result<ImageF> resize_plane(const ImageF& plane, int width, int height);

}  // namespace rsd::imaging
