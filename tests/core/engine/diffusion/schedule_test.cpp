#include "engine/diffusion/schedule.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace rsd::engine {
namespace {

// Reference tables: ResShift's exponential schedule evaluated by the official code.
void expect_near_all(const std::vector<double>& got, const std::vector<double>& want,
                     const char* what) {
  ASSERT_EQ(got.size(), want.size()) << what;
  for (size_t i = 0; i < want.size(); ++i) EXPECT_NEAR(got[i], want[i], 1e-5) << what << "[" << i << "]";
}

DiffusionParams v1() {
  DiffusionParams p;
  p.steps = 15;
  p.min_noise_level = 0.04;
  return p;
}

DiffusionParams v3() {
  DiffusionParams p;
  p.steps = 4;
  p.min_noise_level = 0.2;
  return p;
}

TEST(Schedule, MatchesOfficialFifteenStepTable) {
  auto s = Schedule::make(v1());
  ASSERT_TRUE(s.ok()) << s.error().what();
  expect_near_all(s->sqrt_eta,
                  {0.02, 0.117165, 0.176305, 0.233629, 0.291574, 0.351009, 0.412356, 0.475858,
                   0.541672, 0.60991, 0.680658, 0.753985, 0.829951, 0.908606, 0.99},
                  "sqrt_eta");
  std::vector<double> noise_std, scale, post_std;
  for (int t = 0; t < 15; ++t) {
    noise_std.push_back(s->noise_std(t));
    scale.push_back(s->input_scale(t));
    post_std.push_back(s->posterior_std(t));
  }
  expect_near_all(noise_std,
                  {0.04, 0.23433, 0.352609, 0.467258, 0.583148, 0.702019, 0.824712, 0.951715,
                   1.083343, 1.21982, 1.361316, 1.507971, 1.659901, 1.817213, 1.98},
                  "kappa*sqrt_eta");
  expect_near_all(scale,
                  {0.999201, 0.973626, 0.943089, 0.905978, 0.863848, 0.818455, 0.771482, 0.724379,
                   0.678277, 0.633984, 0.592019, 0.552665, 0.516035, 0.482116, 0.450816},
                  "input_scale");
  expect_near_all(s->coef_xt,
                  {0, 0.029138, 0.441641, 0.569474, 0.64203, 0.690019, 0.72459, 0.750915, 0.77176,
                   0.788753, 0.802922, 0.814952, 0.825318, 0.834359, 0.842328},
                  "coef_xt");
  expect_near_all(s->coef_x0,
                  {1, 0.970862, 0.558359, 0.430526, 0.35797, 0.309981, 0.27541, 0.249085, 0.22824,
                   0.211247, 0.197078, 0.185048, 0.174682, 0.165641, 0.157672},
                  "coef_x0");
  expect_near_all(post_std,
                  {0, 0.039413, 0.1751, 0.231363, 0.279563, 0.324673, 0.368416, 0.411601,
                   0.454677, 0.497922, 0.54152, 0.5856, 0.630256, 0.675563, 0.721578},
                  "posterior_std");
}

TEST(Schedule, MatchesOfficialFourStepTable) {
  auto s = Schedule::make(v3());
  ASSERT_TRUE(s.ok()) << s.error().what();
  expect_near_all(s->sqrt_eta, {0.1, 0.520096, 0.761382, 0.99}, "sqrt_eta");
  expect_near_all(s->eta, {0.01, 0.2705, 0.579703, 0.9801}, "eta");
  std::vector<double> noise_std, scale, post_std;
  for (int t = 0; t < 4; ++t) {
    noise_std.push_back(s->noise_std(t));
    scale.push_back(s->input_scale(t));
    post_std.push_back(s->posterior_std(t));
  }
  expect_near_all(noise_std, {0.2, 1.040193, 1.522764, 1.98}, "kappa*sqrt_eta");
  expect_near_all(scale, {0.980581, 0.693042, 0.54892, 0.450816}, "input_scale");
  expect_near_all(s->coef_xt, {0, 0.036969, 0.466619, 0.591473}, "coef_xt");
  expect_near_all(s->coef_x0, {1, 0.963031, 0.533381, 0.408527}, "coef_x0");
  expect_near_all(post_std, {0, 0.196268, 0.759683, 0.973292}, "posterior_std");
}

TEST(Schedule, DerivedQuantitiesAreConsistent) {
  auto s = Schedule::make(v1());
  ASSERT_TRUE(s.ok());
  double eta_sum = 0;
  for (int t = 0; t < s->steps; ++t) {
    eta_sum += s->alpha[t];
    EXPECT_NEAR(eta_sum, s->eta[t], 1e-12);
    EXPECT_NEAR(s->coef_xt[t] + s->coef_x0[t], 1.0, 1e-12);
  }
  // Log-variance clipping: entry 0 repeats entry 1 instead of log(0).
  EXPECT_DOUBLE_EQ(s->posterior_log_variance_clipped[0], s->posterior_log_variance_clipped[1]);
  EXPECT_NEAR(s->posterior_log_variance_clipped[5], std::log(s->posterior_variance[5]), 1e-12);
  EXPECT_EQ(s->posterior_variance[0], 0.0);
}

TEST(Schedule, RespacedKeepsEtaAtTheKeptTimestepsAndItsPosteriors) {
  auto full = Schedule::make(v1());
  ASSERT_TRUE(full.ok());
  EXPECT_EQ(Schedule::spaced_timesteps(15, 4), (std::vector<int>{0, 5, 9, 14}));
  EXPECT_EQ(Schedule::spaced_timesteps(15, 1), (std::vector<int>{14}));
  EXPECT_EQ(Schedule::spaced_timesteps(4, 2), (std::vector<int>{0, 3}));
  auto r = full->respaced(4);
  ASSERT_TRUE(r.ok()) << r.error().what();
  EXPECT_EQ(r->steps, 4);
  EXPECT_EQ(r->timesteps, (std::vector<int>{0, 5, 9, 14}));
  double eta_sum = 0;
  for (int k = 0; k < 4; ++k) {
    const int t = r->timesteps[size_t(k)];
    EXPECT_DOUBLE_EQ(r->eta[size_t(k)], full->eta[size_t(t)]);
    EXPECT_DOUBLE_EQ(r->input_scale(k), full->input_scale(t));
    eta_sum += r->alpha[size_t(k)];
    EXPECT_NEAR(eta_sum, r->eta[size_t(k)], 1e-12);  // alpha_k = eta_k - eta_{k-1}
  }
  // The posterior from kept step 2 (t = 9) to kept step 1 (t = 5), for x_s given x_t and x0:
  // mean (eta_s / eta_t) x_t + (1 - eta_s / eta_t) x0, variance kappa^2 eta_s (eta_t - eta_s) / eta_t.
  const double es = full->eta[5], et = full->eta[9], k2 = full->kappa * full->kappa;
  EXPECT_NEAR(r->coef_xt[2], es / et, 1e-12);
  EXPECT_NEAR(r->coef_x0[2], 1 - es / et, 1e-12);
  EXPECT_NEAR(r->posterior_variance[2], k2 * es * (et - es) / et, 1e-12);
  // All steps: the schedule itself.
  auto same = full->respaced(15);
  ASSERT_TRUE(same.ok());
  expect_near_all(same->posterior_variance, full->posterior_variance, "posterior_variance");
  EXPECT_EQ(same->timesteps, full->timesteps);
  EXPECT_FALSE(full->respaced(0).ok());
  EXPECT_FALSE(full->respaced(16).ok());
}

TEST(Schedule, InputScaleIsOneWithoutNormalization) {
  auto p = v3();
  p.normalize_input = false;
  auto s = Schedule::make(p);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->input_scale(3), 1.0);
}

TEST(Schedule, RejectsBadParameters) {
  auto p = v1();
  p.steps = 1;
  auto s = Schedule::make(p);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().context, "diffusion.steps");
  p = v1();
  p.kappa = 0;
  EXPECT_FALSE(Schedule::make(p).ok());
  p = v1();
  p.etas_end = 1.5;
  auto e = Schedule::make(p);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().context, "diffusion.etas_end");
}

TEST(Schedule, SerializesAllTables) {
  auto s = Schedule::make(v3());
  ASSERT_TRUE(s.ok());
  auto j = s->to_json();
  EXPECT_EQ(j["steps"], 4);
  EXPECT_EQ(j["sqrt_eta"].size(), 4u);
  EXPECT_NEAR(j["input_scale"][3].get<double>(), 0.450816, 1e-6);
}

}  // namespace
}  // namespace rsd::engine
