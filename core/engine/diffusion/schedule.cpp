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
  for (int i = 0; i < T; ++i) s.timesteps.push_back(i);
  s.derive_from_sqrt_eta();
  return s;
}

void Schedule::derive_from_sqrt_eta() {
  eta.clear();
  alpha.clear();
  coef_xt.clear();
  coef_x0.clear();
  posterior_variance.clear();
  posterior_log_variance_clipped.clear();
  double eta_prev = 0.0;
  for (double r : sqrt_eta) {
    const double e = r * r;
    const double a = e - eta_prev;
    eta.push_back(e);
    alpha.push_back(a);
    coef_xt.push_back(eta_prev / e);
    coef_x0.push_back(a / e);
    posterior_variance.push_back(kappa * kappa * eta_prev / e * a);
    eta_prev = e;
  }
  // One step has no posterior at all (no noise is added after the last call).
  for (size_t i = 0; i < posterior_variance.size(); ++i)
    posterior_log_variance_clipped.push_back(
        std::log(posterior_variance[i == 0 && posterior_variance.size() > 1 ? 1 : i]));
}

std::vector<int> Schedule::spaced_timesteps(int total, int steps) {
  if (steps <= 1) return {total - 1};
  std::vector<int> kept;
  for (int i = 0; i < steps; ++i)
    kept.push_back(static_cast<int>(std::lround(double(i) * (total - 1) / (steps - 1))));
  return kept;
}

Result<Schedule> Schedule::respaced(int n) const {
  if (n < 1 || n > steps)
    return Error(ErrorCode::InvalidArgument,
                 "this schedule has " + std::to_string(steps) + " steps; sampling can use 1 to " +
                     std::to_string(steps) + " of them, not " + std::to_string(n),
                 "steps");
  Schedule r;
  r.steps = n;
  r.kappa = kappa;
  r.normalize_input = normalize_input;
  for (int k : spaced_timesteps(steps, n)) {
    r.sqrt_eta.push_back(sqrt_eta[size_t(k)]);
    r.timesteps.push_back(timesteps[size_t(k)]);
  }
  r.derive_from_sqrt_eta();
  return r;
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
  j["timesteps"] = timesteps;
  std::vector<double> scale;
  for (int t = 0; t < steps; ++t) scale.push_back(input_scale(t));
  j["input_scale"] = scale;
  return j;
}

}  // namespace rsd::engine
