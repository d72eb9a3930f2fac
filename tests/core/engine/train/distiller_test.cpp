// RSD distillation on a tiny teacher (pixel_unshuffle latent, 32x32 patches made at run time):
// the losses against the paper's formulas, multistep timesteps, student == teacher at init,
// gradients (frozen teacher), student updates pulling toward the teacher, discriminator shapes,
// exact resume and export.
#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>
#include <ATen/Parallel.h>
#include <gtest/gtest.h>
#include <torch/utils.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>

#include "engine/model_card.h"
#include "engine/train/checkpoint.h"
#include "engine/nn/factory.h"
#include "engine/nn/unet_swin.h"
#include "engine/train/ema.h"
#include "engine/train/patch_dataset.h"
#include "engine/train/rsd_distiller.h"
#include "engine/train/teacher_trainer.h"
#include "engine/weights/safetensors.h"
#include "engine/weights/state_dict_loader.h"
#include "tiny_training.h"

namespace rsd::engine::train {
namespace {

namespace fs = std::filesystem;

using testing::tiny_teacher_card;
using testing::write_pattern_dataset;

bool has_grad(const at::Tensor& p) { return p.grad().defined() && p.grad().abs().sum().item<double>() > 0; }

class DistillerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // Tiny networks gain nothing from a second thread, and OpenMP barriers make them crawl
    // when the machine is busy.
    at::set_num_threads(1);
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() / ("rsd_distiller_" + std::to_string(::getpid()) + "_" + info->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    write_pattern_dataset((dir_ / "set.rsdp").string(), 24, 4);
    config_ = TrainConfig::defaults_for_distill();
    config_.data = (dir_ / "set.rsdp").string();
    config_.device = "cpu";
    config_.seed = 11;
    config_.batch_size = 4;
    config_.val_count = 4;
    config_.checkpoint_interval = 0;
    config_.val_interval = 0;
    config_.log_interval = 5;
    config_.distill.fake_updates = 2;
    // The teacher: a few ResShift steps from random init, so it predicts something sensible.
    TrainConfig tc = config_;
    tc.out = (dir_ / "teacher").string();
    tc.steps = 12;
    tc.lr = 2e-3;
    tc.beta2 = 0.999;
    tc.warmup_steps = 0;
    auto t = TeacherTrainer::create(tiny_teacher_card(dir_), tc, false);
    ASSERT_TRUE(t.ok()) << t.error().what();
    for (int i = 0; i < tc.steps; ++i) ASSERT_TRUE((*t)->train_step().ok());
    ASSERT_TRUE(write_safetensors((dir_ / "tiny-teacher.safetensors").string(),
                                  module_state_dict((*t)->model())).ok());
    config_.out = (dir_ / "student").string();
    config_.lr = 5e-4;
    config_.distill.fake_lr = 5e-4;
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::unique_ptr<RsdDistiller> make(bool resume = false) {
    auto d = RsdDistiller::create(tiny_teacher_card(dir_), dir_ / "tiny-teacher.json", config_, resume);
    EXPECT_TRUE(d.ok()) << d.error().what();
    return d.ok() ? std::move(*d) : nullptr;
  }

  fs::path dir_;
  TrainConfig config_;
};

TEST(MultistepTest, EvenlySpacedEndingAtTheLastStep) {
  EXPECT_EQ(multistep_indices(15, 4), (std::vector<int>{3, 7, 10, 14}));
  EXPECT_EQ(multistep_indices(4, 4), (std::vector<int>{0, 1, 2, 3}));
  EXPECT_EQ(multistep_indices(15, 1), (std::vector<int>{14}));
  EXPECT_EQ(multistep_indices(4, 8), (std::vector<int>{0, 1, 2, 3}));
}

TEST(DiscriminatorTest, ShapesAndLosses) {
  auto card = tiny_teacher_card(fs::temp_directory_path());
  auto net = make_unet(card.network, 0);
  ASSERT_TRUE(net.ok());
  auto x = at::randn({2, 48, 8, 8});
  auto t = at::zeros({2}, at::kLong);
  auto lq = at::rand({2, 3, 8, 8}) * 2 - 1;
  auto feats = unet_bottleneck_features(**net, x, t, lq);
  EXPECT_EQ(feats.sizes(), (at::IntArrayRef{2, 64, 4, 4}));
  EXPECT_EQ(unet_bottleneck_channels((*net)->config()), 64);
  DiscriminatorHead head(64, 16);
  auto logits = head.forward(feats);
  EXPECT_EQ(logits.sizes(), (at::IntArrayRef{2, 1, 2, 2}));
  auto zeros = at::zeros({2, 1, 2, 2});
  EXPECT_NEAR(gan_generator_loss(zeros).item<double>(), std::log(2.0), 1e-6);
  EXPECT_NEAR(gan_discriminator_loss(zeros, zeros).item<double>(), 2 * std::log(2.0), 1e-6);
  EXPECT_LT(gan_discriminator_loss(at::full({2, 1}, 5.0), at::full({2, 1}, -5.0)).item<double>(), 0.02);
}

// Eq. 34 written out element by element for a batch of two 1x2x2 predictions (values chosen by
// hand), against rsd_student_loss and its gradient.
TEST(RsdStudentLossTest, MatchesThePaperFormulaAndItsGradient) {
  const std::vector<float> fs = {0.5f, -0.2f, 0.1f, 0.9f, -0.7f, 0.3f, 0.0f, 0.4f};
  const std::vector<float> fp = {0.1f, 0.2f, 0.3f, -0.4f, 0.6f, 0.3f, -0.5f, 0.2f};
  const std::vector<float> xs = {0.2f, 0.0f, -0.1f, 0.5f, 0.1f, -0.2f, 0.3f, 0.6f};
  auto f_star = at::tensor(fs).view({2, 1, 2, 2});
  auto f_phi = at::tensor(fp).view({2, 1, 2, 2});
  for (bool sid : {false, true}) {
    auto x0_hat = at::tensor(xs).view({2, 1, 2, 2}).set_requires_grad(true);
    auto loss = rsd_student_loss(f_star, f_phi, x0_hat, sid);
    loss.backward();
    double expected = 0.0;
    std::vector<double> expected_grad(8);
    for (int b = 0; b < 2; ++b) {
      double d_star = 0.0, d_phi = 0.0, abs_star = 0.0;
      for (int i = 4 * b; i < 4 * b + 4; ++i) {
        d_star += (fs[i] - xs[i]) * (fs[i] - xs[i]) / 4.0;
        d_phi += (fp[i] - xs[i]) * (fp[i] - xs[i]) / 4.0;
        abs_star += std::abs(fs[i] - xs[i]) / 4.0;
      }
      const double norm = sid ? abs_star + 1e-8 : 1.0;
      expected += (d_star - d_phi) / norm / 2.0;
      // d/dx of the per-sample term with the normaliser detached, then the batch mean's 1/2.
      for (int i = 4 * b; i < 4 * b + 4; ++i) expected_grad[i] = 2.0 * (fp[i] - fs[i]) / 4.0 / norm / 2.0;
    }
    EXPECT_NEAR(loss.item<double>(), expected, 1e-6) << "sid " << sid;
    auto grad = x0_hat.grad().flatten();
    for (int i = 0; i < 8; ++i) EXPECT_NEAR(grad[i].item<double>(), expected_grad[i], 1e-6) << i;
  }
}

// The GAN terms by their definition: softplus(v) = log(1 + e^v), means over all logits.
TEST(DiscriminatorTest, LossesMatchTheNonSaturatingFormulas) {
  const std::vector<float> real = {1.5f, -0.5f, 0.25f};
  const std::vector<float> fake = {-2.0f, 0.75f, 3.0f};
  double g = 0.0, d = 0.0;
  for (int i = 0; i < 3; ++i) {
    g += std::log1p(std::exp(-double(fake[i]))) / 3.0;
    d += (std::log1p(std::exp(-double(real[i]))) + std::log1p(std::exp(double(fake[i])))) / 3.0;
  }
  EXPECT_NEAR(gan_generator_loss(at::tensor(fake)).item<double>(), g, 1e-6);
  EXPECT_NEAR(gan_discriminator_loss(at::tensor(real), at::tensor(fake)).item<double>(), d, 1e-6);
}

TEST_F(DistillerTest, StudentEqualsTeacherAtInit) {
  auto d = make();
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->timesteps(), (std::vector<int>{0, 1, 2, 3}));
  auto w = d->student().named_parameters()["input_blocks.0.0.weight"];
  EXPECT_EQ(w.size(1), 48 + 3 + 1);
  EXPECT_EQ(w.select(1, 51).abs().sum().item<double>(), 0.0);
  torch::NoGradGuard g;
  d->student().eval();
  auto x = at::randn({2, 48, 8, 8});
  auto t = at::full({2}, 3, at::kLong);
  auto lq = at::rand({2, 3, 8, 8}) * 2 - 1;
  auto a = d->teacher().forward(x, t, lq);
  auto b = d->student().forward(x, t, lq, at::randn({2, 1, 8, 8}));
  auto f = d->fake().forward(x, t, lq);
  EXPECT_TRUE(at::allclose(a, b, 1e-5, 1e-6));
  EXPECT_TRUE(at::equal(a, f));
}

TEST_F(DistillerTest, GradientsReachStudentAndFakeButNotTheTeacher) {
  auto d = make();
  ASSERT_NE(d, nullptr);
  auto s = d->student_step();
  ASSERT_TRUE(s.ok()) << s.error().what();
  EXPECT_TRUE(std::isfinite(s->student));
  EXPECT_GT(s->gan, 0.0);
  for (const auto& p : d->teacher().parameters()) {
    EXPECT_FALSE(p.requires_grad());
    EXPECT_FALSE(p.grad().defined());
  }
  auto student_params = d->student().named_parameters();
  EXPECT_TRUE(has_grad(student_params["input_blocks.0.0.weight"]));
  EXPECT_TRUE(has_grad(student_params["out.2.weight"]));
  // The zero-initialised noise channel gets a gradient, so the student can learn to use it.
  EXPECT_GT(student_params["input_blocks.0.0.weight"].grad().select(1, 51).abs().sum().item<double>(), 0.0);
  for (const auto& p : d->fake().parameters()) EXPECT_FALSE(p.grad().defined());
  for (const auto& p : d->fake().parameters()) EXPECT_TRUE(p.requires_grad());

  auto f = d->fake_step();
  ASSERT_TRUE(f.ok()) << f.error().what();
  EXPECT_GT(f->fake, 0.0);
  EXPECT_GT(f->disc, 0.0);
  EXPECT_TRUE(has_grad(d->fake().named_parameters()["out.2.weight"]));
  EXPECT_TRUE(has_grad(d->fake().named_parameters()["middle_block.0.in_layers.2.weight"]));
  for (const auto& p : d->discriminator().parameters()) EXPECT_TRUE(has_grad(p));
  for (const auto& p : d->teacher().parameters()) EXPECT_FALSE(p.grad().defined());
}

// A student whose samples sit `shift` above the teacher's prediction, and a fake model that has
// learnt exactly that (the teacher plus the same shift): student updates alone (fake frozen, no
// pixel or GAN term) must pull the student's output back toward the teacher's.
TEST_F(DistillerTest, StudentUpdatesMoveItsOutputTowardTheTeacher) {
  config_.distill.pixel_weight = 0.0;
  config_.distill.gan_weight = 0.0;
  config_.lr = 5e-4;
  config_.grad_clip = 0.0;
  auto d = make();
  ASSERT_NE(d, nullptr);
  const double shift = 0.3;
  {
    torch::NoGradGuard no_grad;
    d->student().named_parameters()["out.2.bias"].add_(shift);
    d->fake().named_parameters()["out.2.bias"].add_(shift);
  }
  // A fixed input: the teacher's and the student's x0 prediction at the last timestep.
  at::manual_seed(5);
  const int steps = 4;
  auto z = at::randn({2, 48, 8, 8});
  auto lq = at::rand({2, 3, 8, 8}) * 2 - 1;
  auto t = at::full({2}, steps - 1, at::kLong);
  auto gap = [&] {
    torch::NoGradGuard no_grad;
    d->student().eval();
    d->teacher().eval();
    auto s = d->student().forward(z, t, lq, at::zeros({2, 1, 8, 8}));
    return (s - d->teacher().forward(z, t, lq)).mean().item<double>();
  };
  const double before = gap();
  EXPECT_NEAR(before, shift, 1e-4);
  // Each update brings the student's output closer to the teacher's (AdamW moves every
  // parameter by about lr a step, so a small lr keeps the steps from overshooting).
  double last = before;
  for (int i = 0; i < 4; ++i) {
    ASSERT_TRUE(d->student_step().ok());
    const double now = gap();
    EXPECT_LT(std::abs(now), std::abs(last)) << "update " << i << ": " << last << " -> " << now;
    last = now;
  }
  EXPECT_LT(std::abs(last), 0.8 * before) << "before " << before << ", after " << last;
}

TEST_F(DistillerTest, ResumeReproducesTheNextStep) {
  config_.distill.fake_updates = 1;
  double loss_a = 0.0;
  StateDict student_a, fake_a;
  {
    auto a = make();
    ASSERT_NE(a, nullptr);
    ASSERT_TRUE(a->train_step().ok());
    ASSERT_TRUE(a->save_checkpoint().ok());
    auto l = a->train_step();
    ASSERT_TRUE(l.ok());
    loss_a = l->total();
    student_a = module_state_dict(a->student());
    fake_a = module_state_dict(a->fake());
  }
  auto b = make(/*resume=*/true);
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(b->steps_done(), 1);
  auto l = b->train_step();
  ASSERT_TRUE(l.ok());
  EXPECT_NEAR(l->total(), loss_a, 1e-6 * std::max(1.0, std::abs(loss_a)));
  auto student_b = module_state_dict(b->student());
  auto fake_b = module_state_dict(b->fake());
  for (const auto& [k, v] : student_a) EXPECT_TRUE(at::allclose(v, student_b.at(k), 0, 1e-6)) << k;
  for (const auto& [k, v] : fake_a) EXPECT_TRUE(at::allclose(v, fake_b.at(k), 0, 1e-6)) << k;
}

// The compact copy leaves the fake model's optimizer out; resumed from it, the run goes on (the
// fake optimizer starts afresh) and the student's next update stays close to the uninterrupted one.
TEST_F(DistillerTest, CompactCopyResumesWithoutTheFakeOptimizer) {
  config_.distill.fake_updates = 1;
  StateDict student_a;
  {
    auto a = make();
    ASSERT_NE(a, nullptr);
    ASSERT_TRUE(a->train_step().ok());
    ASSERT_TRUE(a->save_checkpoint().ok());
    ASSERT_TRUE(a->train_step().ok());
    student_a = module_state_dict(a->student());
  }
  const auto [full_bytes, compact_bytes] = testing::resume_from_compact_copy(config_.out);
  EXPECT_LT(compact_bytes, full_bytes / 2) << full_bytes << " vs " << compact_bytes;
  auto r = CheckpointReader::open(*latest_checkpoint(config_.out));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->state().at("left_out"), nlohmann::json::array({"fake.optim"}));
  auto b = make(/*resume=*/true);
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(b->steps_done(), 1);
  ASSERT_TRUE(b->train_step().ok());
  const auto student_b = module_state_dict(b->student());
  double worst = 0.0;
  for (const auto& [k, v] : student_a) worst = std::max(worst, (v - student_b.at(k)).abs().max().item<double>());
  EXPECT_LT(worst, 5e-3);
}

// The supervised L1 anchor (distill.pixel_weight) is reported, enters the optimised total and
// moves the student: from the same seed, one update with and one without it end apart. At weight
// 0 it is not computed.
TEST_F(DistillerTest, PixelAnchorEntersTheLoss) {
  config_.distill.fake_updates = 1;
  config_.distill.gan_weight = 0.0;
  auto one_update = [&](double weight, DistillLosses& losses) {
    fs::remove_all(config_.out);
    config_.distill.pixel_weight = weight;
    auto d = make();
    EXPECT_NE(d, nullptr);
    auto l = d->train_step();
    EXPECT_TRUE(l.ok()) << l.error().what();
    if (l.ok()) losses = *l;
    return d->student().named_parameters()["input_blocks.0.0.weight"].clone();
  };
  DistillLosses plain, anchored;
  auto w_plain = one_update(0.0, plain);
  auto w_anchored = one_update(2.0, anchored);
  EXPECT_EQ(plain.pixel, 0.0);
  EXPECT_DOUBLE_EQ(plain.total(), plain.student);
  EXPECT_GT(anchored.pixel, 0.0);
  EXPECT_TRUE(std::isfinite(anchored.pixel));
  EXPECT_DOUBLE_EQ(anchored.total(), anchored.student + 2.0 * anchored.pixel);
  EXPECT_FALSE(at::allclose(w_plain, w_anchored, 0, 1e-9));
}

// The low-pass anchor (distill.pixel_lowpass f) compares f x f box averages of the decoded
// sample and HR: by the triangle inequality it is at most the full-resolution L1 of the same
// update (pixel_unshuffle latent, latent_scale 1: latent L1 = pixel L1), it is still positive and
// it still moves the student, differently from the full-resolution anchor.
TEST_F(DistillerTest, LowPassAnchorComparesBoxAverages) {
  config_.distill.fake_updates = 1;
  config_.distill.gan_weight = 0.0;
  config_.distill.pixel_weight = 1.0;
  auto one_update = [&](int lowpass, DistillLosses& losses) {
    fs::remove_all(config_.out);
    config_.distill.pixel_lowpass = lowpass;
    auto d = make();
    EXPECT_NE(d, nullptr);
    auto l = d->train_step();
    EXPECT_TRUE(l.ok()) << l.error().what();
    if (l.ok()) losses = *l;
    return d->student().named_parameters()["input_blocks.0.0.weight"].clone();
  };
  DistillLosses full, coarse;
  auto w_full = one_update(1, full);
  auto w_coarse = one_update(4, coarse);
  EXPECT_GT(coarse.pixel, 0.0);
  EXPECT_LT(coarse.pixel, full.pixel);
  EXPECT_DOUBLE_EQ(coarse.student, full.student);  // same seed: same sample before the update
  EXPECT_FALSE(at::allclose(w_full, w_coarse, 0, 1e-9));
}

// Eq. 34 is a difference of two regressions: it is 0 while the fake model equals the teacher and
// moves as the fake model tracks the student, so it is not a loss that falls. What must hold:
// every loss stays finite, the student leaves the teacher (the noise channel comes alive), the
// teacher does not move, and the EMA student validates.
TEST_F(DistillerTest, DistillationTrainsTheStudentOnly) {
  config_.distill.fake_updates = 1;
  auto d = make();
  ASSERT_NE(d, nullptr);
  const auto teacher_before = module_state_dict(d->teacher());
  for (int i = 0; i < 6; ++i) {
    auto l = d->train_step();
    ASSERT_TRUE(l.ok()) << l.error().what();
    EXPECT_TRUE(std::isfinite(l->fake) && std::isfinite(l->disc) && std::isfinite(l->student) &&
                std::isfinite(l->gan));
  }
  EXPECT_EQ(d->steps_done(), 6);
  const auto teacher_after = module_state_dict(d->teacher());
  for (const auto& [k, v] : teacher_before) EXPECT_TRUE(at::equal(v, teacher_after.at(k))) << k;
  auto w = d->student().named_parameters()["input_blocks.0.0.weight"];
  EXPECT_GT(w.select(1, 51).abs().sum().item<double>(), 0.0);
  auto v = d->validate();
  ASSERT_TRUE(v.ok()) << v.error().what();
  EXPECT_EQ(v->count, 4);
  EXPECT_TRUE(std::isfinite(v->psnr_one_step));
  EXPECT_EQ(v->steps, 0);

  ASSERT_TRUE(d->export_model().ok());
  auto card = ModelCard::load(fs::path(config_.out) / "tiny-teacher-rsd.json");
  ASSERT_TRUE(card.ok()) << card.error().what();
  EXPECT_TRUE(card->is_student());
  EXPECT_EQ(card->noise_channels, 1);
  EXPECT_EQ(card->teacher, "../tiny-teacher.json");
  EXPECT_NE(card->notes.find("LPIPS"), std::string::npos);
  auto net = make_unet(card->network, card->noise_channels);
  ASSERT_TRUE(net.ok());
  auto weights = load_weights(card->weights_path().string());
  ASSERT_TRUE(weights.ok()) << card->weights_path() << ": " << weights.error().what();
  EXPECT_TRUE(load_into(**net, *weights).ok());
}

}  // namespace
}  // namespace rsd::engine::train
