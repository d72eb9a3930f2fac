#include "base/sample_set.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace rsd {

uint64_t sample_seed(uint64_t seed, int k) {
  return seed + static_cast<uint64_t>(k) * 0x9E3779B97F4A7C15ull;
}

ImageF blend_detail(const SampleSet& set, double detail) {
  if (detail >= 1.0 || set.samples <= 1 || set.mean.empty()) return set.first;
  const float d = static_cast<float>(std::max(0.0, detail));
  ImageF out(set.first.width, set.first.height, set.first.channels);
  for (size_t i = 0; i < out.data.size(); ++i)
    out.data[i] = (1.f - d) * set.mean.data[i] + d * set.first.data[i];
  return out;
}

bool SampleAccumulator::add(const ImageF& sample) {
  if (count_ == 0) {
    first_ = sample;
    mean_ = sample;
    m2_.assign(sample.data.size(), 0.f);
    count_ = 1;
    return true;
  }
  if (sample.width != first_.width || sample.height != first_.height ||
      sample.channels != first_.channels || sample.data.size() != mean_.data.size())
    return false;
  ++count_;
  const float inv = 1.f / static_cast<float>(count_);
  for (size_t i = 0; i < mean_.data.size(); ++i) {
    const float x = sample.data[i];
    const float delta = x - mean_.data[i];
    mean_.data[i] += delta * inv;
    m2_[i] += delta * (x - mean_.data[i]);
  }
  return true;
}

SampleSet SampleAccumulator::finish(const ImageF* blend_factor) {
  SampleSet set;
  set.samples = count_;
  const int c = std::max(1, first_.channels);
  set.spread = ImageF(first_.width, first_.height, 1);
  if (count_ > 1) {
    // Population standard deviation (the spread of these K samples), RMS over channels.
    const float norm = 1.f / (static_cast<float>(count_) * static_cast<float>(c));
    const size_t n = first_.pixel_count();
    for (size_t p = 0; p < n; ++p) {
      float sum = 0.f;
      for (int k = 0; k < c; ++k) sum += m2_[p * size_t(c) + size_t(k)];
      set.spread.data[p] = std::sqrt(std::max(0.f, sum * norm));
    }
    if (blend_factor && blend_factor->data.size() == set.spread.data.size())
      for (size_t p = 0; p < n; ++p)
        if (blend_factor->data[p] > 0.f) set.spread.data[p] /= std::sqrt(blend_factor->data[p]);
  }
  set.first = std::move(first_);
  set.mean = std::move(mean_);
  first_ = ImageF();
  mean_ = ImageF();
  m2_.clear();
  count_ = 0;
  return set;
}

SampleSet single_sample(ImageF image) {
  SampleAccumulator acc;
  acc.add(image);
  return acc.finish();
}

}  // namespace rsd
