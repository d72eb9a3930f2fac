// ResShift teacher training on a tiny UNet (pixel_unshuffle latent, 32x32 patches made at run
// time): config parsing, EMA, checkpoints, falling loss, exact resume and export.
#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>
#include <ATen/Parallel.h>
#include <gtest/gtest.h>
#include <torch/optim/adamw.h>
#include <torch/utils.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "engine/diffusion/sampler.h"
#include "engine/model_card.h"
#include "engine/nn/denoiser.h"
#include "engine/nn/factory.h"
#include "engine/nn/unet_swin.h"
#include "engine/train/checkpoint.h"
#include "engine/train/ema.h"
#include "engine/train/loop_networks.h"
#include "engine/train/loop_progress.h"
#include "engine/train/patch_dataset.h"
#include "engine/train/teacher_trainer.h"
#include "engine/train/train_config.h"
#include "engine/weights/state_dict_loader.h"
#include "tiny_training.h"

namespace rsd::engine::train {
namespace {

namespace fs = std::filesystem;

using testing::tiny_teacher_card;
using testing::write_pattern_dataset;

class TrainerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // Tiny networks gain nothing from a second thread, and OpenMP barriers make them crawl
    // when the machine is busy.
    at::set_num_threads(1);
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() / ("rsd_trainer_" + std::to_string(::getpid()) + "_" + info->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    write_pattern_dataset((dir_ / "set.rsdp").string(), 24, 4);
    config_.data = (dir_ / "set.rsdp").string();
    config_.out = (dir_ / "out").string();
    config_.device = "cpu";
    config_.seed = 7;
    config_.batch_size = 4;
    config_.steps = 24;
    config_.lr = 2e-3;
    config_.warmup_steps = 2;
    config_.checkpoint_interval = 0;
    config_.val_interval = 0;
    config_.val_count = 4;
    config_.log_interval = 5;
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::unique_ptr<TeacherTrainer> make(bool resume = false) {
    auto t = TeacherTrainer::create(tiny_teacher_card(dir_), config_, resume);
    EXPECT_TRUE(t.ok()) << t.error().what();
    return t.ok() ? std::move(*t) : nullptr;
  }

  // The uninterrupted run: two steps, a checkpoint, then the step a resumed run must reproduce.
  struct Reference {
    double loss = 0.0;
    StateDict model, ema;
  };
  Reference checkpoint_after_two_steps_then_one_more() {
    Reference ref;
    auto a = make();
    EXPECT_NE(a, nullptr);
    if (!a) return ref;
    EXPECT_TRUE(a->train_step().ok());
    EXPECT_TRUE(a->train_step().ok());
    EXPECT_TRUE(a->save_checkpoint().ok());
    auto l = a->train_step();
    EXPECT_TRUE(l.ok());
    ref.loss = l.ok() ? *l : 0.0;
    ref.model = module_state_dict(a->model());
    ref.ema = a->ema().shadow();
    return ref;
  }

  fs::path dir_;
  TrainConfig config_;
};

double max_abs_diff(const StateDict& a, const StateDict& b) {
  double m = 0.0;
  for (const auto& [k, v] : a) m = std::max(m, (v.to(at::kDouble) - b.at(k).to(at::kDouble)).abs().max().item<double>());
  return m;
}

TEST(TrainConfigTest, ParsesKeysAndNamesBadOnes) {
  auto c = TrainConfig::from_json(nlohmann::json{{"batch_size", 16}, {"lr_schedule", "cosine"},
                                                 {"betas", {0.9, 0.95}}, {"distill", {{"fake_updates", 1}}}});
  ASSERT_TRUE(c.ok()) << c.error().what();
  EXPECT_EQ(c->batch_size, 16);
  EXPECT_EQ(c->lr_schedule, LrSchedule::Cosine);
  EXPECT_DOUBLE_EQ(c->beta2, 0.95);
  EXPECT_EQ(c->distill.fake_updates, 1);
  EXPECT_EQ(c->distill.num_steps, 4);

  auto unknown = TrainConfig::from_json(nlohmann::json{{"bach_size", 16}});
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().context, "bach_size");
  auto wrong_type = TrainConfig::from_json(nlohmann::json{{"steps", "many"}});
  ASSERT_FALSE(wrong_type.ok());
  EXPECT_EQ(wrong_type.error().context, "steps");
  auto nested = TrainConfig::from_json(nlohmann::json{{"distill", {{"fake_updates", 0}}}});
  ASSERT_FALSE(nested.ok());
  EXPECT_EQ(nested.error().context, "distill.fake_updates");
  auto anchor = TrainConfig::from_json(nlohmann::json{{"distill", {{"pixel_weight", -1.0}}}});
  ASSERT_FALSE(anchor.ok());
  EXPECT_EQ(anchor.error().context, "distill.pixel_weight");
  EXPECT_DOUBLE_EQ(TrainConfig::from_json(nlohmann::json{{"distill", {{"pixel_weight", 0.5}}}})
                       ->distill.pixel_weight, 0.5);
  auto lowpass = TrainConfig::from_json(nlohmann::json{{"distill", {{"pixel_lowpass", 0}}}});
  ASSERT_FALSE(lowpass.ok());
  EXPECT_EQ(lowpass.error().context, "distill.pixel_lowpass");
  EXPECT_EQ(TrainConfig::from_json(nlohmann::json{{"distill", {{"pixel_lowpass", 4}}}})
                ->distill.pixel_lowpass, 4);
  auto mode = TrainConfig::from_json(nlohmann::json{{"degradation", "jpeg"}});
  ASSERT_FALSE(mode.ok());
  EXPECT_EQ(mode.error().context, "degradation");

  auto round = TrainConfig::from_json(c->to_json());
  ASSERT_TRUE(round.ok()) << round.error().what();
  EXPECT_EQ(round->to_json(), c->to_json());
  EXPECT_DOUBLE_EQ(TrainConfig::defaults_for_distill().beta2, 0.95);
}

TEST(TrainConfigTest, LearningRateWarmsUpAndDecays) {
  TrainConfig c;
  c.lr = 1e-3;
  c.lr_min = 1e-4;
  c.warmup_steps = 10;
  c.steps = 110;
  EXPECT_NEAR(c.lr_at(0), 1e-4, 1e-12);
  EXPECT_NEAR(c.lr_at(9), 1e-3, 1e-12);
  EXPECT_NEAR(c.lr_at(50), 1e-3, 1e-12);  // constant without a schedule
  c.lr_schedule = LrSchedule::Cosine;
  EXPECT_NEAR(c.lr_at(10), 1e-3, 1e-12);
  EXPECT_NEAR(c.lr_at(60), 0.5 * (1e-3 + 1e-4), 1e-12);
  EXPECT_NEAR(c.lr_at(110), 1e-4, 1e-12);
}

TEST(EmaTest, MovesTowardsTheParameters) {
  auto lin = std::make_shared<torch::nn::Module>();
  auto w = lin->register_parameter("w", at::zeros({3}));
  Ema ema(*lin, 0.9);
  {
    torch::NoGradGuard g;
    w.fill_(1.0);
  }
  ema.update(*lin);
  ema.update(*lin);
  EXPECT_NEAR(ema.shadow().at("w")[0].item<double>(), 1.0 - 0.81, 1e-6);
  EXPECT_FALSE(ema.load_shadow({{"v", at::zeros({3})}}).ok());
  ASSERT_TRUE(ema.load_shadow({{"w", at::full({3}, 0.5)}}).ok());
  EXPECT_NEAR(ema.state_dict(*lin).at("w")[2].item<double>(), 0.5, 1e-7);
}

// A denoiser whose prediction is a fixed affine map of what it is given, so the loss of the
// teacher and of RSD's fake model can be worked out by hand.
class AffineDenoiser : public Denoiser {
 public:
  torch::Tensor denoise(const torch::Tensor& x, const torch::Tensor&, const torch::Tensor&,
                        const std::optional<torch::Tensor>&) override {
    return 0.5 * x + 0.1;
  }
  int latent_channels() const override { return 1; }
  int noise_channels() const override { return 0; }
  torch::nn::Module& module() override { return module_; }

 private:
  torch::nn::Module module_;
};

// ResShift's x0 loss (the teacher's, and the fake model's on student samples), written out: the
// forward process z_t = x0 + eta_t (y - x0) + kappa sqrt(eta_t) eps, the network input
// z_t / sqrt(kappa^2 eta_t + 1), and the per-sample mean squared error to x0, averaged.
TEST(ResShiftLossTest, MatchesTheForwardProcessAndTheX0Loss) {
  DiffusionParams params;
  params.steps = 4;
  params.kappa = 0.5;
  auto schedule = Schedule::make(params);
  ASSERT_TRUE(schedule.ok());
  ResShiftSampler diffusion(*schedule, SamplerConfig{});
  const std::vector<float> x0 = {0.2f, -0.4f, 0.9f, 0.0f};
  const std::vector<float> y = {0.5f, 0.1f, 0.3f, -0.6f};
  const std::vector<float> eps = {1.2f, -0.3f, 0.4f, -1.5f};
  const std::vector<int64_t> ts = {0, 3};
  AffineDenoiser net;
  auto loss = resshift_loss(net, diffusion, at::tensor(x0).view({2, 1, 1, 2}), at::tensor(y).view({2, 1, 1, 2}),
                            at::zeros({2, 3, 1, 2}), at::tensor(ts), at::tensor(eps).view({2, 1, 1, 2}));
  double expected = 0.0;
  for (int b = 0; b < 2; ++b) {
    const double eta = schedule->eta[ts[b]];
    for (int i = 2 * b; i < 2 * b + 2; ++i) {
      const double z = x0[i] + eta * (y[i] - x0[i]) + params.kappa * std::sqrt(eta) * eps[i];
      const double pred = 0.5 * z / std::sqrt(params.kappa * params.kappa * eta + 1.0) + 0.1;
      expected += (pred - x0[i]) * (pred - x0[i]) / 2.0 / 2.0;
    }
  }
  EXPECT_NEAR(loss.item<double>(), expected, 1e-6);
}

TEST(ZeroInitTest, FreshUNetStartsAtZeroOrAtTheBicubicResidual) {
  torch::NoGradGuard no_grad;
  ModelCard card = tiny_teacher_card(fs::temp_directory_path());
  auto net = build_unet(card, 0);
  ASSERT_TRUE(net.ok()) << net.error().what();
  // Two residual blocks down, one middle pair, three up: 2 tensors each, + out.2 weight/bias.
  const int zeroed = zero_init_like_reference(**net);
  EXPECT_GE(zeroed, 6);
  EXPECT_EQ(zeroed % 2, 0);
  auto x = at::randn({2, 48, 8, 8});
  auto lq = at::rand({2, 3, 8, 8}) * 2 - 1;
  auto t = at::tensor({0, 3}, at::kLong);
  EXPECT_EQ((*net)->forward(x, t, lq).abs().max().item<double>(), 0.0);
  card.network["lq_residual_factor"] = 4;
  auto res = build_unet(card, 0);
  ASSERT_TRUE(res.ok()) << res.error().what();
  zero_init_like_reference(**res);
  auto up = at::pixel_unshuffle(at::upsample_bicubic2d(lq, {32, 32}, false, 4.0, 4.0), 4);
  EXPECT_TRUE(at::allclose((*res)->forward(x, t, lq), up, 1e-6, 1e-6));
}

TEST(ProgressMeterTest, FormatsLineAndDurations) {
  EXPECT_EQ(ProgressMeter::format_duration(42), "42s");
  EXPECT_EQ(ProgressMeter::format_duration(125), "2m05s");
  EXPECT_EQ(ProgressMeter::format_duration(3 * 3600 + 7 * 60), "3h07m");
  ProgressMeter m(0, 100);
  m.record(1, 0.5);
  m.record(2, 0.25);
  const auto line = m.line(1e-4);
  EXPECT_NE(line.find("step 2/100"), std::string::npos) << line;
  EXPECT_NE(line.find("avg 0.37500"), std::string::npos) << line;
  EXPECT_NE(line.find("ETA"), std::string::npos) << line;
}

TEST_F(TrainerTest, CheckpointRoundTripAndPruning) {
  auto module = std::make_shared<torch::nn::Module>();
  auto w = module->register_parameter("w", at::randn({4, 3}));
  torch::optim::AdamW opt({w}, torch::optim::AdamWOptions(1e-2));
  w.sum().backward();
  opt.step();
  auto gen = at::make_generator<at::CPUGeneratorImpl>(5);
  for (int step : {3, 6, 9}) {
    CheckpointWriter cw(config_.out, step);
    cw.add_weights("model", module_state_dict(*module));
    cw.add_weights("rng", {{"train", generator_state(gen)}});
    cw.add_optimizer("opt", opt);
    cw.set_state({{"note", "x"}});
    ASSERT_TRUE(cw.commit(2).ok());
  }
  fs::create_directories(fs::path(config_.out) / "checkpoints" / "step-00000012.partial");
  auto latest = latest_checkpoint(config_.out);
  ASSERT_TRUE(latest.has_value());
  EXPECT_EQ(latest->filename(), "step-00000009");
  EXPECT_FALSE(fs::exists(fs::path(config_.out) / "checkpoints" / "step-00000003"));
  EXPECT_TRUE(fs::exists(fs::path(config_.out) / "checkpoints" / "step-00000006"));

  auto r = CheckpointReader::open(*latest);
  ASSERT_TRUE(r.ok()) << r.error().what();
  EXPECT_EQ(r->step(), 9);
  EXPECT_EQ(r->state().at("note"), "x");
  auto weights = r->weights("model");
  ASSERT_TRUE(weights.ok());
  EXPECT_TRUE(at::equal(weights->at("w"), w.detach()));
  auto expected_draw = at::rand({4}, gen);
  set_generator_state(gen, r->weights("rng")->at("train"));
  EXPECT_TRUE(at::equal(at::rand({4}, gen), expected_draw));

  auto module2 = std::make_shared<torch::nn::Module>();
  auto w2 = module2->register_parameter("w", w.detach().clone());
  torch::optim::AdamW opt2({w2}, torch::optim::AdamWOptions(1e-2));
  ASSERT_TRUE(r->load_optimizer("opt", opt2).ok());
  w.grad().fill_(0.3);
  w2.mutable_grad() = at::full({4, 3}, 0.3);
  opt.step();
  opt2.step();
  EXPECT_TRUE(at::allclose(w, w2, 0, 0));
  EXPECT_FALSE(r->load_optimizer("missing", opt2).ok());
}

TEST_F(TrainerTest, TeacherLossFalls) {
  auto t = make();
  ASSERT_NE(t, nullptr);
  std::vector<double> losses;
  for (int i = 0; i < 24; ++i) {
    auto loss = t->train_step();
    ASSERT_TRUE(loss.ok()) << loss.error().what();
    losses.push_back(*loss);
  }
  const double first = (losses[0] + losses[1] + losses[2]) / 3;
  const double last = (losses[21] + losses[22] + losses[23]) / 3;
  EXPECT_LT(last, 0.7 * first) << "first " << first << " last " << last;
  EXPECT_EQ(t->steps_done(), 24);
}

TEST_F(TrainerTest, ResumeReproducesTheNextStep) {
  const Reference ref = checkpoint_after_two_steps_then_one_more();
  const double loss_a = ref.loss;
  const StateDict& model_a = ref.model;
  const StateDict& ema_a = ref.ema;
  EXPECT_FALSE(TeacherTrainer::create(tiny_teacher_card(dir_), config_, /*resume=*/false).ok())
      << "an out folder with checkpoints must not be reused without resume";
  auto b = make(/*resume=*/true);
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(b->steps_done(), 2);
  auto l = b->train_step();
  ASSERT_TRUE(l.ok());
  EXPECT_NEAR(*l, loss_a, 1e-6 * std::max(1.0, std::abs(loss_a)));
  EXPECT_LE(max_abs_diff(model_a, module_state_dict(b->model())), 1e-6);
  EXPECT_LE(max_abs_diff(ema_a, b->ema().shadow()), 1e-6);
}

// The compact copy (float16 weights, bfloat16 moments, no derived buffers) is about half the
// full checkpoint (2 of 4 bytes per value) and, put in its place, resumes the run: the next step matches the uninterrupted
// one to within the rounding.
TEST_F(TrainerTest, CompactCopyResumesTheRun) {
  const Reference ref = checkpoint_after_two_steps_then_one_more();
  const double loss_a = ref.loss;
  const StateDict& model_a = ref.model;
  const auto [full_bytes, compact_bytes] = testing::resume_from_compact_copy(config_.out);
  EXPECT_LT(compact_bytes * 20, full_bytes * 11) << full_bytes << " vs " << compact_bytes;
  auto r = CheckpointReader::open(*latest_checkpoint(config_.out));
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->compact());
  EXPECT_EQ(r->weights("model")->at("out.2.weight").scalar_type(), at::kHalf);
  EXPECT_EQ(r->weights("ema")->at("out.2.weight").scalar_type(), at::kHalf);
  EXPECT_EQ(r->weights("optimizer.optim")->at("0.0.exp_avg_sq").scalar_type(), at::kBFloat16);
  auto b = make(/*resume=*/true);
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(b->steps_done(), 2);
  auto l = b->train_step();
  ASSERT_TRUE(l.ok());
  EXPECT_NEAR(*l, loss_a, 2e-2 * std::abs(loss_a));
  EXPECT_LE(max_abs_diff(model_a, module_state_dict(b->model())), 5e-3);
}

TEST_F(TrainerTest, RunValidatesAndExportsALoadableCard) {
  config_.steps = 3;
  config_.log_interval = 1;
  std::vector<std::string> log;
  JobContext ctx;
  ctx.log = [&](LogLevel, std::string_view m) { log.emplace_back(m); };
  auto t = TeacherTrainer::create(tiny_teacher_card(dir_), config_, false, ctx);
  ASSERT_TRUE(t.ok()) << t.error().what();
  ASSERT_TRUE((*t)->run(ctx).ok());
  bool saw_progress = false, saw_val = false;
  for (const auto& m : log) {
    saw_progress |= m.find("step/s") != std::string::npos && m.find("ETA") != std::string::npos;
    saw_val |= m.find("4-step") != std::string::npos && m.find("1-step") != std::string::npos;
  }
  EXPECT_TRUE(saw_progress);
  EXPECT_TRUE(saw_val);

  auto card = ModelCard::load(fs::path(config_.out) / "tiny-teacher.json");
  ASSERT_TRUE(card.ok()) << card.error().what();
  EXPECT_EQ(card->weights, "tiny-teacher.safetensors");
  EXPECT_EQ(card->sha256.size(), 64u);
  EXPECT_NE(card->notes.find("Trained 3 steps"), std::string::npos) << card->notes;
  auto net = make_unet(card->network, 0);
  ASSERT_TRUE(net.ok());
  auto weights = load_weights(card->weights_path().string());
  ASSERT_TRUE(weights.ok());
  EXPECT_TRUE(load_into(**net, *weights).ok());
  EXPECT_LE(max_abs_diff(*weights, (*t)->ema().state_dict((*t)->model())), 0.0);

  std::ifstream record(fs::path(config_.out) / "tiny-teacher.training.json");
  nlohmann::json rec;
  record >> rec;
  EXPECT_EQ(rec.at("steps"), 3);
  EXPECT_EQ(rec.at("validation").at("count"), 4);
  EXPECT_GT(rec.at("validation").at("psnr_bicubic").get<double>(), 10.0);
  EXPECT_TRUE(rec.at("validation").contains("psnr_multi_step"));
}

}  // namespace
}  // namespace rsd::engine::train
