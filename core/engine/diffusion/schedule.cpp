#include "engine/diffusion/schedule.h"

#include <algorithm>
#include <cmath>

namespace rsd::engine {

namespace {

Error bad(const std::string& key, const std::string& why) {
  return Error(ErrorCode::InvalidArgument, why, "diffusion." + key);
}

}  // namespace

Result<Schedule> Schedule::make(const DiffusionParams& p) {
  if (p.steps < 2) return bad("steps", "needs at least 2 steps, got " + std::to_string(p.steps));
  if (!(p.kappa > 0.0)) return bad("kappa", "must be > 0");
  if (!(p.min_noise_level > 0.0)) return bad("min_noise_level", "must be > 0");
  if (!(p.power > 0.0)) return bad("power", "must be > 0");
  const double start = std::min(p.min_noise_level / p.kappa, p.min_noise_level);
  if (!(p.etas_end > start) || !(p.etas_end < 1.0))
    return bad("etas_end", "must lie in (sqrt(eta_1), 1) = (" + std::to_string(start) + ", 1)");

  Schedule s;
  s.steps = p.steps;
  s.kappa = p.kappa;
  s.normalize_input = p.normalize_input;
  const int T = p.steps;
  // sqrt(eta) grows geometrically from `start` to etas_end along a power-warped time axis.
  const double growth = std::exp(std::log(p.etas_end / start) / (T - 1));
  for (int i = 0; i < T; ++i) {
    const double warped = std::pow(double(i) / (T - 1), p.power) * (T - 1);
    s.sqrt_eta.push_back(start * std::pow(growth, warped));
  }
  double eta_prev = 0.0;
  for (int i = 0; i < T; ++i) {
    const double eta = s.sqrt_eta[i] * s.sqrt_eta[i];
    const double alpha = eta - eta_prev;
    s.eta.push_back(eta);
    s.alpha.push_back(alpha);
    s.coef_xt.push_back(eta_prev / eta);
    s.coef_x0.push_back(alpha / eta);
    s.posterior_variance.push_back(p.kappa * p.kappa * eta_prev / eta * alpha);
    eta_prev = eta;
  }
  for (int i = 0; i < T; ++i)
    s.posterior_log_variance_clipped.push_back(
        std::log(s.posterior_variance[i == 0 ? 1 : i]));
  return s;
}

double Schedule::input_scale(int t) const {
  if (!normalize_input) return 1.0;
  return 1.0 / std::sqrt(kappa * kappa * eta.at(t) + 1.0);
}

double Schedule::posterior_std(int t) const { return std::sqrt(posterior_variance.at(t)); }

nlohmann::json Schedule::to_json() const {
  nlohmann::json j;
  j["steps"] = steps;
  j["kappa"] = kappa;
  j["normalize_input"] = normalize_input;
  j["sqrt_eta"] = sqrt_eta;
  j["eta"] = eta;
  j["alpha"] = alpha;
  j["coef_xt"] = coef_xt;
  j["coef_x0"] = coef_x0;
  j["posterior_variance"] = posterior_variance;
  j["posterior_log_variance_clipped"] = posterior_log_variance_clipped;
  std::vector<double> scale;
  for (int t = 0; t < steps; ++t) scale.push_back(input_scale(t));
  j["input_scale"] = scale;
  return j;
}

}  // namespace rsd::engine
