// SampleSet: K upscales of one image with different noise seeds, reduced to what the detail
// control and the map of invented detail need. A one-step student makes K samples cost K network
// calls; their mean approximates the posterior mean (highest fidelity, softest), the first sample
// is the ordinary output (most detail), and their spread shows where the model invents detail the
// photo did not hold.
//
// Output at detail D in [0, 1]: (1 - D) x mean + D x first. K = 1 or D = 1 gives the first
// sample unchanged, bit for bit.
#pragma once

#include <cstdint>

#include "base/image.h"

namespace rsd {

// The most samples one upscale may draw (each costs a full model run).
inline constexpr int kMaxSamples = 64;

struct SampleSet {
  ImageF first;   // sample 0 (the sampler's seed): the ordinary output
  ImageF mean;    // mean of the K samples (a copy of first when K = 1)
  ImageF spread;  // 1 channel, same size: standard deviation over the K samples, RMS over channels
  int samples = 0;
};

// The seed of sample k: sample 0 keeps `seed`, the others are spread over the 64-bit range (the
// golden-ratio increment), so their per-tile seeds (seed + tile index) never meet.
uint64_t sample_seed(uint64_t seed, int k);

// (1 - detail) x mean + detail x first; `detail` is clamped to [0, 1]. detail >= 1 returns first.
ImageF blend_detail(const SampleSet& set, double detail);

// Welford's running mean and variance over samples of one size (any channel count).
class SampleAccumulator {
 public:
  // The first sample fixes the size; later ones must match (false otherwise, nothing added).
  bool add(const ImageF& sample);
  int count() const { return count_; }
  // Ends the accumulation (the accumulator is left empty). blend_factor (1 channel, same size,
  // optional): sum(w^2) / sum(w)^2 of the cross-fade that made each sample from independently
  // seeded tiles; the spread is divided by its square root, which undoes the shrinking of the
  // spread in the overlaps (engine/diffusion/tiled_runner.h).
  SampleSet finish(const ImageF* blend_factor = nullptr);

 private:
  ImageF first_, mean_;
  std::vector<float> m2_;  // sums of squared deviations, per sample value
  int count_ = 0;
};

// A one-sample set: first = mean = image, spread 0.
SampleSet single_sample(ImageF image);

}  // namespace rsd
