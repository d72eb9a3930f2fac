#include "pipeline/banded_upscale.h"

#include <algorithm>
#include <string>
#include <vector>

#include "engine/diffusion/tile_planner.h"
#include "imaging/channel_ops.h"

namespace rsd::pipeline {
namespace {

// While a band is stitched the tiler holds its canvas (3 floats per output pixel) and weights
// (1); the canvas is then normalized and scaled in place and copied into the band's ImageF (3):
// about 7 floats per output pixel at the peak, plus the rows shared with the next band.
constexpr int64_t kBandBytesPerOutputPixel = 32;
// With several samples a band also holds the first sample, the running mean and squared
// deviations, the spread (and its shared rows), the tiler's blend factor and the blend: about 14
// more floats per output pixel.
constexpr int64_t kSampledBandBytesPerOutputPixel = 88;
constexpr int64_t kDefaultBandMemory = int64_t(1) << 30;
constexpr int kRowMultiple = 16;     // the lite models' tiles pad to 16 input rows
constexpr int kChunkRows = 64;       // output rows handed to the sink at a time

// Output rows [y0, y1) of the upscaled alpha plane, from the input rows bicubic reads for them.
Result<ImageF> alpha_rows(const imaging::IntegerImage& px, int y0, int y1, int s) {
  const int first = std::max(0, y0 / s - 3);
  const int last = std::min(px.height, (y1 - 1) / s + 4);
  const ImageF strip = px.rows_as_float(first, last - first, 3, 1);
  auto up = imaging::resize_plane(strip, px.width * s, (last - first) * s);
  if (!up) return up.error();
  return up->crop(0, y0 - first * s, up->width, y1 - y0);
}

// Multiplies row r of img by w[r].
void weigh_rows(ImageF& img, const std::vector<float>& w) {
  const size_t row_len = size_t(img.width) * img.channels;
  for (int r = 0; r < img.height; ++r) {
    float* dst = img.row(r);
    const float wr = w[size_t(r)];
    for (size_t i = 0; i < row_len; ++i) dst[i] *= wr;
  }
}

// Adds the weighted rows an earlier band left (`tail`) into the first rows of img.
void add_tail(ImageF& img, const ImageF& tail) {
  const size_t row_len = size_t(img.width) * img.channels;
  for (int r = 0; r < tail.height; ++r) {
    float* dst = img.row(r);
    const float* acc = tail.row(r);
    for (size_t i = 0; i < row_len; ++i) dst[i] += acc[i];
  }
}

// Rows [a, b) of img divided by their weight sums.
ImageF normalized_rows(const ImageF& img, int a, int b, const std::vector<float>& weight) {
  ImageF chunk = img.crop(0, a, img.width, b - a);
  const size_t row_len = size_t(img.width) * img.channels;
  for (int r = 0; r < chunk.height; ++r) {
    float* row = chunk.row(r);
    const float inv = 1.f / weight[size_t(a + r)];
    for (size_t i = 0; i < row_len; ++i) row[i] *= inv;
  }
  return chunk;
}

}  // namespace

bool draws_samples(const ImageUpscaler& upscaler, bool spread_wanted) {
  return spread_wanted || upscaler.sampling().samples > 1;
}

Result<ImageF> upscale_with_spread(ImageUpscaler& upscaler, const ImageF& rgb, const JobContext& ctx,
                                   ImageF* spread) {
  const Sampling s = upscaler.sampling();
  if (!draws_samples(upscaler, spread != nullptr)) return upscaler.upscale(rgb, ctx);
  auto set = upscaler.upscale_samples(rgb, std::max(1, s.samples), ctx);
  if (!set) return set.error();
  if (set->spread.width != set->first.width || set->spread.height != set->first.height)
    return Error(ErrorCode::Internal, "the model's spread does not match its samples");
  if (spread) *spread = std::move(set->spread);
  return blend_detail(set.value(), s.detail);
}

int64_t band_memory_bytes(const BandOptions& o) { return o.memory_bytes > 0 ? o.memory_bytes : kDefaultBandMemory; }

int band_rows(int width, int height, int scale, const BandOptions& o, bool sampled) {
  if (o.rows > 0) return std::min(o.rows, height);
  const int64_t budget = band_memory_bytes(o);
  const int64_t per_pixel = sampled ? kSampledBandBytesPerOutputPixel : kBandBytesPerOutputPixel;
  const int64_t per_row = std::max<int64_t>(1, int64_t(width) * scale * scale * per_pixel);
  const int64_t overlap = std::max(0, o.overlap);
  const int64_t fit = budget / per_row;
  // A band the tiler cuts without waste: k rows of full-height tiles sharing the tile overlap
  // (2 x 512 - 16 = 1008 rows, not 1024, which would need three rows of shorter tiles).
  const int64_t step = engine::kMaxTileSide - overlap;
  int64_t rows = fit >= engine::kMaxTileSide ? (fit - overlap) / step * step + overlap
                                             : fit / kRowMultiple * kRowMultiple;
  // Below two tiles' worth of fresh rows per band the overlap costs more than it saves.
  rows = std::max<int64_t>(rows, 4 * kRowMultiple + 2 * overlap);
  if (rows >= height) return height;
  // As few bands as the budget allows, then as short as they can be: 1633 rows in bands of at
  // most 1008 need two, and two of 832 cover them with far less overlap than two of 1008.
  const int64_t bands = (height - overlap + (rows - overlap) - 1) / (rows - overlap);
  const int64_t even = (height + (bands - 1) * overlap + bands - 1) / bands;
  return int(std::min(rows, (even + kRowMultiple - 1) / kRowMultiple * kRowMultiple));
}

ImageF restore_layout(ImageF rgb, const ImageF* alpha, bool gray) {
  if (!alpha) return gray ? imaging::rgb_to_gray(rgb) : std::move(rgb);
  const ImageF color = gray ? imaging::gray_to_rgb(imaging::rgb_to_gray(rgb)) : std::move(rgb);
  return imaging::merge_alpha(color, *alpha);
}

Status upscale_in_bands(const imaging::IntegerImage& px, const imaging::DecodedImage& layout,
                        ImageUpscaler& upscaler, const BandOptions& options, const RowSink& sink,
                        const JobContext& ctx, const RowSink* spread_sink) {
  if (px.empty()) return Error(ErrorCode::InvalidArgument, "no pixels to upscale");
  const int W = px.width, H = px.height, S = upscaler.scale();
  const int h = band_rows(W, H, S, options, draws_samples(upscaler, spread_sink != nullptr));
  const int overlap = std::clamp(options.overlap, 0, h / 2);
  const std::vector<int> starts = engine::tile_starts(H, h, overlap);
  const int n = int(starts.size());
  const int out_w = W * S;

  ImageF tail, spread_tail;        // weighted rows shared with the next band (RGB, spread)
  std::vector<float> tail_weight;  // their weight sums, one per row
  for (int k = 0; k < n; ++k) {
    if (ctx.cancelled()) return Error(ErrorCode::Cancelled, "cancelled");
    const int y0 = starts[k];
    const int lead = k > 0 ? starts[k - 1] + h - y0 : 0;
    const int trail = k + 1 < n ? y0 + h - starts[k + 1] : 0;
    const ImageF rgb = px.channels == 1 ? imaging::gray_to_rgb(px.rows_as_float(y0, h, 0, 1))
                                        : px.rows_as_float(y0, h, 0, 3);
    const std::string stage = "band " + std::to_string(k + 1) + "/" + std::to_string(n);
    JobContext band_ctx = ctx.slice(double(k) / n, double(k + 1) / n);
    if (ctx.progress) {
      auto parent = band_ctx.progress;
      band_ctx.progress = [parent, stage](double f, std::string_view s) { parent(f, stage + ", " + std::string(s)); };
    }
    ImageF spread;
    auto up = upscale_with_spread(upscaler, rgb, band_ctx, spread_sink ? &spread : nullptr);
    if (!up) return up.error();
    if (up->channels != 3 || up->width != out_w || up->height != h * S)
      return Error(ErrorCode::Internal, "the model returned " + std::to_string(up->width) + "x" +
                                            std::to_string(up->height) + "x" + std::to_string(up->channels) +
                                            " for a band, expected x" + std::to_string(S) + " RGB");

    // Weighted sums with everything earlier bands put into these rows, and the weight sums: the
    // ramps of two neighbours sum to one, and dividing by the sum also covers rows that three
    // bands share (possible when tile_starts spreads short images).
    const std::vector<float> w = engine::blend_ramp(h, lead, trail, S);
    std::vector<float> weight(w.begin(), w.end());
    weigh_rows(*up, w);
    add_tail(*up, tail);
    if (spread_sink) {
      weigh_rows(spread, w);
      add_tail(spread, spread_tail);
    }
    for (int r = 0; r < tail.height; ++r) weight[size_t(r)] += tail_weight[size_t(r)];
    // Rows above the next band's first row are final: hand them on.
    const int final_rows = k + 1 < n ? (starts[k + 1] - y0) * S : h * S;
    for (int a = 0; a < final_rows; a += kChunkRows) {
      if (ctx.cancelled()) return Error(ErrorCode::Cancelled, "cancelled");
      const int b = std::min(final_rows, a + kChunkRows);
      ImageF chunk = normalized_rows(*up, a, b, weight);
      ImageF alpha;
      if (layout.has_alpha) {
        auto planes = alpha_rows(px, y0 * S + a, y0 * S + b, S);
        if (!planes) return planes.error();
        alpha = std::move(planes.value());
      }
      if (auto st = sink(restore_layout(std::move(chunk), layout.has_alpha ? &alpha : nullptr, layout.gray)); !st)
        return st;
      if (spread_sink)
        if (auto st = (*spread_sink)(normalized_rows(spread, a, b, weight)); !st) return st;
    }
    // The rest is kept, still weighted, for the next band.
    tail = up->crop(0, final_rows, out_w, h * S - final_rows);
    if (spread_sink) spread_tail = spread.crop(0, final_rows, out_w, h * S - final_rows);
    tail_weight.assign(weight.begin() + final_rows, weight.end());
  }
  return {};
}

}  // namespace rsd::pipeline
