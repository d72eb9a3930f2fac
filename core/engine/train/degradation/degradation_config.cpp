#include "engine/train/degradation/degradation_config.h"

#include <nlohmann/json.hpp>

namespace rsd::engine::train {
namespace {

constexpr const char* kTypeNames[kBlurKernelTypeCount] = {
    "iso", "aniso", "generalized_iso", "generalized_aniso", "plateau_iso", "plateau_aniso"};

Status check_prob(double p, const char* what) {
  if (!(p >= 0.0 && p <= 1.0)) return Error(ErrorCode::InvalidArgument, "probability outside [0, 1]", what);
  return {};
}

Status check_range(const std::array<double, 2>& r, const char* what, double min_lo) {
  if (!(r[0] >= min_lo && r[0] <= r[1])) return Error(ErrorCode::InvalidArgument, "bad range", what);
  return {};
}

Status check_blur(const BlurKernelSettings& b, const char* what) {
  if (b.kernel_size < 5 || b.kernel_size % 2 == 0) {
    return Error(ErrorCode::InvalidArgument, "kernel size must be odd and >= 5", what);
  }
  double total = 0.0;
  for (double p : b.kernel_prob) {
    if (p < 0.0) return Error(ErrorCode::InvalidArgument, "negative kernel probability", what);
    total += p;
  }
  if (total <= 0.0) return Error(ErrorCode::InvalidArgument, "kernel probabilities sum to zero", what);
  for (const Status& s : {check_range(b.sigma, what, 1e-3), check_range(b.betag, what, 1e-3),
                          check_range(b.betap, what, 1e-3), check_prob(b.sinc_prob, what)}) {
    if (!s) return s;
  }
  return {};
}

Status check_stage(const ResizeSettings& r, const NoiseSettings& n, const std::array<double, 2>& jpeg,
                   const char* what) {
  if (r.prob[0] < 0 || r.prob[1] < 0 || r.prob[2] < 0 || r.prob[0] + r.prob[1] + r.prob[2] <= 0) {
    return Error(ErrorCode::InvalidArgument, "bad resize probabilities", what);
  }
  if (!(r.range[0] > 0.0 && r.range[0] <= 1.0 && r.range[1] >= 1.0)) {
    return Error(ErrorCode::InvalidArgument, "resize range must straddle 1", what);
  }
  for (const Status& s : {check_prob(n.gaussian_prob, what), check_prob(n.gray_prob, what),
                          check_range(n.sigma, what, 0.0), check_range(n.poisson_scale, what, 0.0),
                          check_range(jpeg, what, 1.0)}) {
    if (!s) return s;
  }
  if (jpeg[1] > 100.0) return Error(ErrorCode::InvalidArgument, "JPEG quality above 100", what);
  return {};
}

template <class T>
void read_if(const nlohmann::json& j, const char* key, T& out) {
  if (j.contains(key)) out = j.at(key).get<T>();
}

void read_kernel_probs(const nlohmann::json& j, const char* list_key, const char* prob_key,
                       std::array<double, kBlurKernelTypeCount>& out) {
  if (!j.contains(prob_key)) return;
  const auto probs = j.at(prob_key).get<std::vector<double>>();
  std::vector<std::string> names(kTypeNames, kTypeNames + kBlurKernelTypeCount);
  if (j.contains(list_key)) names = j.at(list_key).get<std::vector<std::string>>();
  if (names.size() != probs.size()) throw std::invalid_argument(std::string(list_key) + " and " + prob_key + " differ in length");
  out.fill(0.0);
  for (std::size_t i = 0; i < names.size(); ++i) {
    int t = 0;
    while (t < kBlurKernelTypeCount && names[i] != kTypeNames[t]) ++t;
    if (t == kBlurKernelTypeCount) throw std::invalid_argument("unknown kernel type '" + names[i] + "'");
    out[t] = probs[i];
  }
}

}  // namespace

const char* to_string(BlurKernelType type) { return kTypeNames[static_cast<int>(type)]; }

Status DegradationConfig::validate() const {
  if (sf < 1) return Error(ErrorCode::InvalidArgument, "scale factor must be >= 1", "sf");
  for (const Status& s :
       {check_blur(blur1, "blur1"), check_blur(blur2, "blur2"), check_prob(final_sinc_prob, "final_sinc_prob"),
        check_prob(second_order_prob, "second_order_prob"), check_prob(second_blur_prob, "second_blur_prob"),
        check_prob(clean_prob, "clean_prob"),
        check_stage(resize1, noise1, jpeg_range1, "first order"),
        check_stage(resize2, noise2, jpeg_range2, "second order")}) {
    if (!s) return s;
  }
  return {};
}

Result<DegradationConfig> degradation_config_from_json(const nlohmann::json& j) {
  DegradationConfig c;
  try {
    if (!j.is_object()) return Error(ErrorCode::Format, "degradation config must be a JSON object");
    read_if(j, "sf", c.sf);
    read_if(j, "blur_kernel_size", c.blur1.kernel_size);
    read_kernel_probs(j, "kernel_list", "kernel_prob", c.blur1.kernel_prob);
    read_if(j, "blur_sigma", c.blur1.sigma);
    read_if(j, "betag_range", c.blur1.betag);
    read_if(j, "betap_range", c.blur1.betap);
    read_if(j, "sinc_prob", c.blur1.sinc_prob);
    read_if(j, "blur_kernel_size2", c.blur2.kernel_size);
    read_kernel_probs(j, "kernel_list2", "kernel_prob2", c.blur2.kernel_prob);
    read_if(j, "blur_sigma2", c.blur2.sigma);
    read_if(j, "betag_range2", c.blur2.betag);
    read_if(j, "betap_range2", c.blur2.betap);
    read_if(j, "sinc_prob2", c.blur2.sinc_prob);
    read_if(j, "final_sinc_prob", c.final_sinc_prob);

    read_if(j, "resize_prob", c.resize1.prob);
    read_if(j, "resize_range", c.resize1.range);
    read_if(j, "gaussian_noise_prob", c.noise1.gaussian_prob);
    read_if(j, "noise_range", c.noise1.sigma);
    read_if(j, "poisson_scale_range", c.noise1.poisson_scale);
    read_if(j, "gray_noise_prob", c.noise1.gray_prob);
    read_if(j, "jpeg_range", c.jpeg_range1);

    read_if(j, "second_order_prob", c.second_order_prob);
    read_if(j, "second_blur_prob", c.second_blur_prob);
    read_if(j, "resize_prob2", c.resize2.prob);
    read_if(j, "resize_range2", c.resize2.range);
    read_if(j, "gaussian_noise_prob2", c.noise2.gaussian_prob);
    read_if(j, "noise_range2", c.noise2.sigma);
    read_if(j, "poisson_scale_range2", c.noise2.poisson_scale);
    read_if(j, "gray_noise_prob2", c.noise2.gray_prob);
    read_if(j, "jpeg_range2", c.jpeg_range2);
    read_if(j, "clean_prob", c.clean_prob);
  } catch (const std::exception& e) {  // nlohmann::json::exception or a bad kernel list
    return Error(ErrorCode::Format, std::string("degradation config: ") + e.what());
  }
  if (Status s = c.validate(); !s) return s.error();
  return c;
}

}  // namespace rsd::engine::train
