#include "engine/diffusion/sampler.h"

#include <ATen/ATen.h>
#include <gtest/gtest.h>

#include "fakes.h"

namespace rsd::engine {
namespace {

using testing::FunctionDenoiser;
using testing::UnshuffleCodec;

Schedule schedule(int steps, double min_noise) {
  DiffusionParams p;
  p.steps = steps;
  p.min_noise_level = min_noise;
  return *Schedule::make(p);
}

ResShiftSampler sampler(SamplerKind kind, int steps = 4, double min_noise = 0.2) {
  SamplerConfig c;
  c.kind = kind;
  return ResShiftSampler(schedule(steps, min_noise), c);
}

at::Tensor t_of(int64_t n, int64_t t) { return at::full({n}, t, at::kLong); }

TEST(Sampler, QSampleHasTheMarginalMeanAndStd) {
  auto s = sampler(SamplerKind::Teacher, 15, 0.04);
  NoiseSource noise({7});
  auto x0 = at::zeros({1, 1, 256, 256});
  auto y = at::ones({1, 1, 256, 256});
  auto eps = noise.normal({1, 256, 256}, x0.options());
  auto xt = s.q_sample(x0, y, t_of(1, 6), eps);
  const auto& sch = s.schedule();
  EXPECT_NEAR(xt.mean().item<double>(), sch.eta[6], 0.01);
  EXPECT_NEAR(xt.std().item<double>(), sch.kappa * sch.sqrt_eta[6], 0.01);
  // Per-item t: item 0 at t = 0, item 1 at t = 14.
  auto x2 = s.q_sample(at::zeros({2, 1, 2, 2}), at::ones({2, 1, 2, 2}),
                       at::tensor({0, 14}, at::kLong), at::zeros({2, 1, 2, 2}));
  EXPECT_NEAR(x2[0].mean().item<double>(), sch.eta[0], 1e-6);
  EXPECT_NEAR(x2[1].mean().item<double>(), sch.eta[14], 1e-6);
}

TEST(Sampler, PosteriorFormulas) {
  auto s = sampler(SamplerKind::Teacher);
  const auto& sch = s.schedule();
  auto xt = at::full({1, 3, 2, 2}, 2.0);
  auto x0 = at::full({1, 3, 2, 2}, -1.0);
  for (int t = 0; t < sch.steps; ++t) {
    const double eta_prev = t == 0 ? 0.0 : sch.eta[t - 1];
    const double want = eta_prev / sch.eta[t] * 2.0 + (sch.eta[t] - eta_prev) / sch.eta[t] * -1.0;
    EXPECT_NEAR(s.posterior_mean(xt, x0, t_of(1, t))[0][0][0][0].item<double>(), want, 1e-6);
    const double var = sch.kappa * sch.kappa * eta_prev / sch.eta[t] * (sch.eta[t] - eta_prev);
    EXPECT_NEAR(s.posterior_variance(t_of(1, t), xt).item<double>(), var, 1e-6);
  }
  EXPECT_NEAR(s.posterior_log_variance(t_of(1, 0), xt).item<double>(),
              std::log(s.posterior_variance(t_of(1, 1), xt).item<double>()), 1e-6);
  auto prior = s.prior_sample(at::ones({1, 1, 1, 1}), at::ones({1, 1, 1, 1}));
  EXPECT_NEAR(prior.item<double>(), 1.0 + 1.98, 1e-6);
  EXPECT_NEAR(s.scale_input(at::ones({1, 1, 1, 1}), t_of(1, 3)).item<double>(), 0.450816, 1e-6);
}

TEST(Sampler, PerfectPredictorKeepsTheForwardMarginalsAndLandsOnX0) {
  // With f(x_t) = x0 exact, every x_t the network sees must follow q(x_t | x0, y); the chain ends
  // on x0 because the last posterior step puts all weight on the prediction.
  auto s = sampler(SamplerKind::Teacher);
  const auto& sch = s.schedule();
  auto x0 = at::full({1, 1, 192, 192}, -0.5);
  auto y = at::full({1, 1, 192, 192}, 0.5);
  FunctionDenoiser net(1, 0, [&](const at::Tensor&, const at::Tensor&, const at::Tensor&) {
    return x0;
  });
  NoiseSource noise({11});
  auto out = s.sample(net, y, at::zeros({1, 3, 192, 192}), noise, {});
  ASSERT_TRUE(out.ok());
  EXPECT_TRUE(at::allclose(*out, x0, 0, 1e-6));
  ASSERT_EQ(net.calls.size(), 4u);
  // The prior is centred on y (not on x0 + eta_T (y - x0)); each posterior step maps the mean
  // through coef_xt / coef_x0, while the variance stays kappa^2 eta_t.
  double mean = 0.5;
  for (int k = 0; k < 4; ++k) {
    const int t = 3 - k;
    EXPECT_EQ(net.calls[k].t[0].item<int64_t>(), t);
    EXPECT_FALSE(net.calls[k].noise.has_value());
    auto x_t = net.calls[k].x / sch.input_scale(t);
    const double tol = 5 * sch.noise_std(t) / 192;
    EXPECT_NEAR(x_t.mean().item<double>(), mean, tol) << "t=" << t;
    EXPECT_NEAR(x_t.std().item<double>(), sch.noise_std(t), 0.03 * sch.noise_std(t)) << "t=" << t;
    mean = sch.coef_xt[t] * mean + sch.coef_x0[t] * -0.5;
  }
}

TEST(Sampler, RespacedTeacherFeedsTheNetworkTheKeptTimesteps) {
  // Two of the four steps: the network sees t = 3 then t = 0, each x_t at its own marginal's
  // input scale, and a perfect predictor still lands on x0.
  auto full = schedule(4, 0.2);
  SamplerConfig c;
  c.kind = SamplerKind::Teacher;
  ResShiftSampler s(*full.respaced(2), c);
  auto x0 = at::full({1, 1, 64, 64}, -0.5);
  FunctionDenoiser net(1, 0, [&](const at::Tensor&, const at::Tensor&, const at::Tensor&) {
    return x0;
  });
  NoiseSource noise({3});
  auto out = s.sample(net, at::full({1, 1, 64, 64}, 0.5), at::zeros({1, 3, 64, 64}), noise, {});
  ASSERT_TRUE(out.ok());
  EXPECT_TRUE(at::allclose(*out, x0, 0, 1e-6));
  ASSERT_EQ(net.calls.size(), 2u);
  EXPECT_EQ(net.calls[0].t[0].item<int64_t>(), 3);
  EXPECT_EQ(net.calls[1].t[0].item<int64_t>(), 0);
  auto x_t = net.calls[1].x / full.input_scale(0);
  EXPECT_NEAR(x_t.std().item<double>(), full.noise_std(0), 0.1 * full.noise_std(0));
}

TEST(Sampler, TeacherIsDeterministicPerSeedAndFreshPerStep) {
  auto s = sampler(SamplerKind::Teacher);
  auto fn = [](const at::Tensor& x, const at::Tensor&, const at::Tensor&) { return 0.3 * x; };
  auto run = [&](uint64_t seed) {
    FunctionDenoiser net(2, 0, fn);
    NoiseSource noise({seed, seed + 1});
    return *s.sample(net, at::zeros({2, 2, 8, 8}), at::zeros({2, 3, 8, 8}), noise, {});
  };
  auto a = run(5), b = run(5), c = run(6);
  EXPECT_TRUE(at::equal(a, b));
  EXPECT_FALSE(at::allclose(a, c));
  // Item 1 of seed 5 used stream 6, which is item 0 of seed 6: per-item streams.
  EXPECT_TRUE(at::equal(a[1], c[0]));
  // One NoiseSource reused: the second call draws fresh noise.
  FunctionDenoiser net(2, 0, fn);
  NoiseSource noise({5, 6});
  auto first = *s.sample(net, at::zeros({2, 2, 8, 8}), at::zeros({2, 3, 8, 8}), noise, {});
  auto second = *s.sample(net, at::zeros({2, 2, 8, 8}), at::zeros({2, 3, 8, 8}), noise, {});
  EXPECT_TRUE(at::equal(first, a));
  EXPECT_FALSE(at::allclose(first, second));
}

TEST(Sampler, StudentCallsOnceAtTheLastStepWithNoiseChannels) {
  auto s = sampler(SamplerKind::Student, 15, 0.04);
  FunctionDenoiser net(3, 1, [](const at::Tensor& x, const at::Tensor&, const at::Tensor&) {
    return x * 2.0;
  });
  NoiseSource noise({1, 2});
  auto y = at::ones({2, 3, 16, 8});
  auto out = s.sample(net, y, at::zeros({2, 3, 16, 8}), noise, {});
  ASSERT_TRUE(out.ok());
  ASSERT_EQ(net.calls.size(), 1u);
  EXPECT_EQ(net.calls[0].t[0].item<int64_t>(), 14);
  ASSERT_TRUE(net.calls[0].noise.has_value());
  EXPECT_EQ(net.calls[0].noise->sizes(), (std::vector<int64_t>{2, 1, 16, 8}));
  // The result is the network's x0 prediction itself, no posterior step.
  EXPECT_TRUE(at::allclose(*out, net.calls[0].x * 2.0));
  // x_T = y + 1.98 eps, scaled by 0.450816 before the call.
  auto xT = net.calls[0].x / 0.450816;
  EXPECT_NEAR((xT - y).std().item<double>(), 1.98, 0.15);

  FunctionDenoiser plain(3, 0, [](const at::Tensor& x, const at::Tensor&, const at::Tensor&) {
    return x;
  });
  ASSERT_TRUE(s.sample(plain, y, at::zeros({2, 3, 16, 8}), noise, {}).ok());
  EXPECT_FALSE(plain.calls[0].noise.has_value());
}

TEST(Sampler, ReportsProgressAndHonoursCancel) {
  auto s = sampler(SamplerKind::Teacher);
  FunctionDenoiser net(1, 0, [](const at::Tensor& x, const at::Tensor&, const at::Tensor&) {
    return x;
  });
  std::vector<double> fractions;
  JobContext ctx;
  ctx.cancel = std::make_shared<CancelToken>();
  ctx.progress = [&](double f, std::string_view stage) {
    fractions.push_back(f);
    if (stage == "step 2/4") ctx.cancel->cancel();
  };
  NoiseSource noise({1});
  auto out = s.sample(net, at::zeros({1, 1, 4, 4}), at::zeros({1, 3, 4, 4}), noise, ctx);
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.error().code, ErrorCode::Cancelled);
  EXPECT_EQ(net.calls.size(), 2u);  // cancelled before the third network call
  ASSERT_GE(fractions.size(), 2u);
  EXPECT_DOUBLE_EQ(fractions[1], 0.25);
}

TEST(Sampler, ImagePipelinePadsUpsamplesAndCrops) {
  // The identity-like model turns the full pipeline into bicubic upscaling of the padded LR.
  SamplerConfig c;
  c.kind = SamplerKind::Student;
  ResShiftSampler s(schedule(15, 0.04), c);
  UnshuffleCodec codec(4);
  FunctionDenoiser net(48, 1, testing::bicubic_x0(4));
  auto lq = at::rand({1, 3, 40, 48}) * 2 - 1;
  NoiseSource noise({3});
  auto out = s.upscale(net, codec, lq, noise, {});
  ASSERT_TRUE(out.ok()) << out.error().what();
  EXPECT_EQ(out->sizes(), (std::vector<int64_t>{1, 3, 160, 192}));
  ASSERT_EQ(net.calls.size(), 1u);
  EXPECT_EQ(net.calls[0].lq.sizes(), (std::vector<int64_t>{1, 3, 64, 64}));  // padded to 64
  EXPECT_TRUE(at::equal(net.calls[0].lq.slice(2, 0, 40).slice(3, 0, 48), lq));
  using at::indexing::Slice;
  auto want = bicubic_upscale(reflect_pad_to_multiple(lq, 64), 4)
                  .index({Slice(), Slice(), Slice(0, 160), Slice(0, 192)})
                  .clamp(-1, 1);
  EXPECT_TRUE(at::allclose(*out, want, 1e-5, 1e-5));
  EXPECT_LE(out->max().item<float>(), 1.0f);
}

TEST(Sampler, CodecScaleMismatchIsAnError) {
  SamplerConfig c;
  c.kind = SamplerKind::Student;
  c.sf = 2;  // the x4 codec then yields a latent at half the LR size
  ResShiftSampler s(schedule(4, 0.2), c);
  UnshuffleCodec codec(4);
  FunctionDenoiser net(48, 0, testing::bicubic_x0(4));
  NoiseSource noise({3});
  auto out = s.upscale(net, codec, at::zeros({1, 3, 64, 64}), noise, {});
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.error().code, ErrorCode::Model);
}

TEST(Sampler, ReflectPaddingWorksForAnySize) {
  auto x = at::arange(15, at::kFloat).reshape({1, 1, 3, 5});
  auto p = reflect_pad_to_multiple(x, 64);
  EXPECT_EQ(p.sizes(), (std::vector<int64_t>{1, 1, 64, 64}));
  EXPECT_TRUE(at::equal(p.slice(2, 0, 3).slice(3, 0, 5), x));
  // Small pads are exactly the one-shot reflection.
  auto q = reflect_pad_to_multiple(at::rand({1, 2, 60, 50}), 64);
  EXPECT_EQ(q.sizes(), (std::vector<int64_t>{1, 2, 64, 64}));
  auto one = reflect_pad_to_multiple(at::ones({1, 1, 1, 1}), 8);
  EXPECT_EQ(one.sizes(), (std::vector<int64_t>{1, 1, 8, 8}));
  auto r = at::rand({1, 1, 10, 10});
  EXPECT_TRUE(at::equal(reflect_pad_to_multiple(r, 16), at::reflection_pad2d(r, {0, 6, 0, 6})));
}

}  // namespace
}  // namespace rsd::engine
