// Schedule: the ResShift exponential eta ("shifting") schedule and the quantities the samplers
// derive from it. ResShift, models/gaussian_diffusion.py (get_named_eta_schedule, GaussianDiffusion).
// Torch-free, so tools can print it without loading LibTorch.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/error.h"
#include "engine/model_card.h"

namespace rsd::engine {

// All vectors have `steps` entries; index t = 0..T-1 is the paper's t = 1..T. Values are float64,
// as the official code keeps them in numpy.
struct Schedule {
  int steps = 0;
  double kappa = 0.0;
  bool normalize_input = true;
  std::vector<double> sqrt_eta;      // sqrt(eta_t); sqrt_eta[0] = min(min_noise/kappa, min_noise)
  std::vector<double> eta;           // eta_t
  std::vector<double> alpha;         // eta_t - eta_{t-1}, eta_{-1} = 0
  std::vector<double> coef_xt;       // posterior mean coefficient on x_t: eta_{t-1} / eta_t
  std::vector<double> coef_x0;       // posterior mean coefficient on x0: alpha_t / eta_t
  std::vector<double> posterior_variance;  // kappa^2 eta_{t-1} alpha_t / eta_t (0 at t = 0)
  // log of the posterior variance with entry 0 replaced by entry 1 (log 0 is -inf; the official
  // code "clips" it that way, and no noise is added at t = 0 anyway).
  std::vector<double> posterior_log_variance_clipped;
  // The timestep the network sees at each index: 0..T-1 for a schedule from make(), the kept
  // timesteps of the full schedule after respaced().
  std::vector<int> timesteps;

  // Only the "exponential" schedule exists in the released configs. InvalidArgument when a
  // parameter is out of range (steps < 2, kappa <= 0, ...).
  static Result<Schedule> make(const DiffusionParams& params);

  // The same chain on `steps` of these timesteps (1 <= steps <= this->steps): evenly spaced
  // from the last to the first, both kept (steps = 1: the last alone, where one-step models
  // predict). eta keeps its values at the kept timesteps and everything else follows from it,
  // as in ResShift's SpacedDiffusion: alpha_k = eta_k - eta_{k-1}, the posteriors between kept
  // steps, the network fed the original timestep. InvalidArgument outside that range.
  Result<Schedule> respaced(int steps) const;
  // Evenly spaced timesteps of `total` that respaced(steps) keeps, ascending.
  static std::vector<int> spaced_timesteps(int total, int steps);

  // Noise std of q(x_t | x0, y): kappa * sqrt(eta_t).
  double noise_std(int t) const { return kappa * sqrt_eta.at(t); }
  // Factor applied to x_t before the network: 1 / sqrt(kappa^2 eta_t + 1) with normalize_input,
  // else 1.
  double input_scale(int t) const;
  double posterior_std(int t) const;

  // {"steps":..,"kappa":..,"sqrt_eta":[..],"eta":[..],...} for tools and logs.
  nlohmann::json to_json() const;

 private:
  // eta, alpha, the posterior coefficients and variances from sqrt_eta and kappa.
  void derive_from_sqrt_eta();
};

}  // namespace rsd::engine
