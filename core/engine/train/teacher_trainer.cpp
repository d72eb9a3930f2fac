#include "engine/train/teacher_trainer.h"

#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>
#include <c10/util/Exception.h>
#include <torch/optim/adamw.h>
#include <torch/utils.h>

#include <chrono>
#include <cmath>

#include "engine/runtime.h"
#include "engine/train/checkpoint.h"
#include "engine/train/loop_jobs.h"
#include "engine/train/loop_networks.h"
#include "engine/train/loop_optim.h"
#include "engine/train/loop_progress.h"
#include "engine/train/loop_runner.h"
#include "engine/weights/state_dict_loader.h"

namespace rsd::engine::train {
namespace fs = std::filesystem;

torch::Tensor resshift_loss(Denoiser& net, const ResShiftSampler& diffusion, const torch::Tensor& x0,
                            const torch::Tensor& zy, const torch::Tensor& lq, const torch::Tensor& t,
                            const torch::Tensor& noise) {
  auto x_t = diffusion.q_sample(x0, zy, t, noise);
  auto pred = net.denoise(diffusion.scale_input(x_t, t), t, lq, std::nullopt);  // [N, C, h, w]
  return (pred - x0).pow(2).flatten(1).mean(1).mean();
}

TeacherTrainer::~TeacherTrainer() = default;

Result<std::unique_ptr<TeacherTrainer>> TeacherTrainer::create(const ModelCard& card,
                                                               const TrainConfig& config,
                                                               bool resume, const JobContext& ctx) {
  std::unique_ptr<TeacherTrainer> t(new TeacherTrainer());
  t->card_ = card;
  t->config_ = config;
  auto device = training_device(config.device);
  if (!device) return device.error();
  t->device_ = *device;
  auto schedule = Schedule::make(card.diffusion);
  if (!schedule) return schedule.error().within("diffusion");
  SamplerConfig sc;
  sc.sf = card.diffusion.sf;
  sc.latent_scale = card.diffusion.latent_scale;
  t->diffusion_.emplace(*schedule, sc);

  auto model = build_unet(card, 0);
  if (!model) return model.error();
  t->model_ = *model;
  const bool have_weights = !card.weights.empty() && fs::exists(card.weights_path());
  if (config.init == InitMode::Card || (config.init == InitMode::Auto && have_weights)) {
    if (auto st = load_card_weights(card, *t->model_); !st) return st.error();
    ctx.info("initialised from " + card.weights_path().string());
  } else {
    const int zeroed = zero_init_like_reference(*t->model_);
    ctx.info("initialised with random weights (" + std::to_string(zeroed) +
             " output tensors zeroed as in the reference)");
  }
  auto ema_model = build_unet(card, 0);
  if (!ema_model) return ema_model.error();
  t->ema_model_ = *ema_model;
  auto codec = build_codec(card, t->device_);
  if (!codec) return codec.error();
  t->codec_ = *codec;
  auto data = BatchSource::open(config.data, config, card.diffusion.sf);
  if (!data) return data.error();
  t->data_ = std::move(*data);
  if (t->codec_->downsample_factor() != card.diffusion.sf)
    return Error(ErrorCode::InvalidArgument, "the codec's downsampling factor must equal sf", "codec");

  try {
    t->model_->to(t->device_);
    t->ema_model_->to(t->device_);
    set_requires_grad(*t->ema_model_, false);
    t->model_->train();
    t->optimizer_ = make_adamw(t->model_->parameters(), config.lr_at(0), config.beta1,
                               config.beta2, config.weight_decay);
    t->ema_ = std::make_unique<Ema>(*t->model_, config.ema_rate);
    t->gen_ = at::make_generator<at::CPUGeneratorImpl>(config.seed);
  } catch (const c10::Error& e) {
    return Error(ErrorCode::Internal, e.what_without_backtrace(), "trainer setup");
  }
  auto val = t->data_->validation(config.val_count, t->device_);
  if (!val) return val.error();
  t->val_ = std::move(*val);

  const auto latest = latest_checkpoint(config.out);
  if (latest && !resume)
    return Error(ErrorCode::InvalidArgument,
                 "the output folder already holds checkpoints; resume or choose another folder",
                 config.out);
  if (resume && latest) {
    if (auto st = t->resume_from(*latest); !st) return st.error();
    ctx.info("resumed from " + latest->string() + " at step " + std::to_string(t->step_));
  } else if (resume) {
    ctx.info("no checkpoint in " + config.out + ": starting from step 0");
  }
  return t;
}

Result<double> TeacherTrainer::train_step() {
  try {
    auto batch = data_->next(gen_, *codec_, card_.diffusion.latent_scale, device_);
    if (!batch) return batch.error();
    const int64_t n = batch->z0.size(0);
    const auto cpu_long = at::TensorOptions().dtype(at::kLong);
    auto t = at::randint(diffusion_->schedule().steps, {n}, gen_, cpu_long).to(device_);
    auto noise = at::randn(batch->z0.sizes(), gen_, at::TensorOptions().dtype(at::kFloat)).to(device_);

    set_learning_rate(*optimizer_, config_.lr_at(step_));
    model_->train();
    optimizer_->zero_grad();
    auto loss = resshift_loss(*model_, *diffusion_, batch->z0, batch->zy, batch->lq, t, noise);
    const double value = loss.item<double>();
    if (!std::isfinite(value))
      return Error(ErrorCode::Internal, "loss is not finite at step " + std::to_string(step_ + 1));
    loss.backward();
    if (config_.grad_clip > 0) clip_gradients(model_->parameters(), config_.grad_clip);
    optimizer_->step();
    ema_->update(*model_);
    ++step_;
    return value;
  } catch (const c10::Error& e) {
    return Error(ErrorCode::Internal, e.what_without_backtrace(), "training step");
  }
}

Result<ValidationResult> TeacherTrainer::validate() {
  if (auto st = load_into(*ema_model_, ema_->state_dict(*model_)); !st) return st.error();
  auto r = run_validation(*ema_model_, *codec_, diffusion_->schedule(), card_.diffusion, val_,
                          config_.batch_size, /*multi_step=*/true);
  if (r) last_val_ = *r;
  return r;
}

Result<fs::path> TeacherTrainer::save_checkpoint() {
  CheckpointWriter w(config_.out, step_);
  w.add_module("model", *model_);
  w.add_weights("ema", ema_->shadow());
  w.add_weights("rng", {{"train", generator_state(gen_)},
                        {"default_cpu", generator_state(at::detail::getDefaultCPUGenerator())}});
  w.add_optimizer("optimizer", *optimizer_);
  w.set_state({{"kind", "teacher"},
               {"card", card_.name},
               {"wall_seconds", wall_seconds_},
               {"config", config_.to_json()},
               {"validation", last_val_.to_json()}});
  auto saved = w.commit(config_.keep_checkpoints);
  if (!saved) return saved;
  if (auto compact = w.write_compact(fs::path(config_.out) / kCompactCheckpointFolder); !compact) return compact.error();
  return saved;
}

Status TeacherTrainer::resume_from(const fs::path& folder) {
  auto r = CheckpointReader::open(folder);
  if (!r) return r.error();
  auto model = r->weights("model");
  if (!model) return model.error();
  if (auto st = load_into(*model_, *model); !st) return st.error().within(folder.string());
  auto ema = r->weights("ema");
  if (!ema) return ema.error();
  if (auto st = ema_->load_shadow(*ema); !st) return st.error().within(folder.string());
  if (auto st = r->load_optimizer("optimizer", *optimizer_); !st) return st;
  auto rng = r->weights("rng");
  if (!rng) return rng.error();
  try {
    set_generator_state(gen_, rng->at("train"));
    auto def = at::detail::getDefaultCPUGenerator();
    set_generator_state(def, rng->at("default_cpu"));
  } catch (const std::exception& e) {
    return Error(ErrorCode::Format, std::string("bad RNG state: ") + e.what(), folder.string());
  }
  step_ = r->step();
  wall_seconds_ = r->state().value("wall_seconds", 0.0);
  return {};
}

Status TeacherTrainer::export_model() {
  nlohmann::json training = {
      {"kind", "resshift-teacher"},
      {"data", config_.data},
      {"train_patches", data_->train_count()},
      {"validation_patches", data_->validation_count()},
      {"patch_size", data_->dataset().geometry().height},
      {"degradation", to_string(config_.degradation)},
      {"steps", step_},
      {"batch_size", config_.batch_size},
      {"wall_seconds", wall_seconds_},
      {"hardware", hardware_summary(device_)},
      {"validation", last_val_.to_json()},
      {"config", config_.to_json()}};
  ModelCard card = card_;
  card.role = "teacher";
  card.noise_channels = 0;
  return export_card(card, config_.out, card_.name, ema_->state_dict(*model_), training);
}

Status TeacherTrainer::run(const JobContext& ctx) {
  LoopHooks hooks;
  hooks.title = "teacher training";
  hooks.cancel_noun = "training";
  hooks.patches = std::to_string(data_->train_count()) + " train / " + std::to_string(data_->validation_count()) +
                  " held-out patches, " + hardware_summary(device_);
  hooks.exported_card = fs::path(config_.out) / (card_.name + ".json");
  hooks.step = [this]() -> Result<StepOutcome> {
    auto loss = train_step();
    if (!loss) return loss.error();
    return StepOutcome{*loss, {}};
  };
  hooks.validate = [this] { return validate(); };
  hooks.save_checkpoint = [this] { return save_checkpoint(); };
  hooks.export_model = [this] { return export_model(); };
  return run_training_loop(config_, step_, wall_seconds_, hooks, ctx);
}

Result<TrainConfig> resolve_job_config(const TrainJobSpec& spec, const TrainConfig& base) {
  auto config = spec.config.empty() ? Result<TrainConfig>(base) : TrainConfig::load(spec.config, base);
  if (!config) return config;
  if (!spec.data.empty()) config->data = spec.data;
  if (!spec.out.empty()) config->out = spec.out;
  if (config->data.empty()) return Error(ErrorCode::InvalidArgument, "no dataset given (data)");
  if (config->out.empty()) return Error(ErrorCode::InvalidArgument, "no output folder given (out)");
  if (config->threads > 0) configure_threads(config->threads);
  return config;
}

Status run_teacher_training(const TrainJobSpec& spec, const JobContext& ctx) {
  auto card = ModelCard::load(spec.card);
  if (!card) return card.error();
  auto config = resolve_job_config(spec, TrainConfig{});
  if (!config) return config.error();
  auto trainer = TeacherTrainer::create(*card, *config, spec.resume, ctx);
  if (!trainer) return trainer.error();
  return (*trainer)->run(ctx);
}

}  // namespace rsd::engine::train
