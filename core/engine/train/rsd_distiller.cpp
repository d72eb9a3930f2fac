#include "engine/train/rsd_distiller.h"

#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>
#include <c10/util/Exception.h>
#include <torch/optim/adamw.h>
#include <torch/utils.h>

#include <chrono>
#include <cmath>
#include <cstdio>

#include "engine/train/checkpoint.h"
#include "engine/train/loop_jobs.h"
#include "engine/train/loop_networks.h"
#include "engine/train/loop_optim.h"
#include "engine/train/loop_progress.h"
#include "engine/train/loop_runner.h"
#include "engine/train/teacher_trainer.h"
#include "engine/weights/state_dict_loader.h"

namespace rsd::engine::train {
namespace fs = std::filesystem;

std::vector<int> multistep_indices(int steps, int num_steps) {
  std::vector<int> out;
  const int n = std::max(1, std::min(num_steps, steps));
  for (int i = 1; i <= n; ++i) {
    const int t = static_cast<int>(std::lround(double(i) * steps / n)) - 1;
    if (out.empty() || out.back() != t) out.push_back(std::max(0, t));
  }
  return out;
}

torch::Tensor rsd_student_loss(const torch::Tensor& f_star, const torch::Tensor& f_phi,
                               const torch::Tensor& x0_hat, bool sid_normalization) {
  const auto to_teacher = (f_star - x0_hat).flatten(1);
  auto per_sample = to_teacher.pow(2).mean(1) - (f_phi - x0_hat).flatten(1).pow(2).mean(1);
  if (sid_normalization) per_sample = per_sample / (to_teacher.abs().mean(1).detach() + 1e-8);
  return per_sample.mean();
}

double DistillLosses::total() const { return student + gan_weight * gan + pixel_weight * pixel; }

RsdDistiller::~RsdDistiller() = default;

Result<std::unique_ptr<RsdDistiller>> RsdDistiller::create(const ModelCard& teacher_card,
                                                           const fs::path& teacher_card_file,
                                                           const TrainConfig& config, bool resume,
                                                           const JobContext& ctx) {
  std::unique_ptr<RsdDistiller> d(new RsdDistiller());
  d->card_ = teacher_card;
  d->teacher_card_file_ = teacher_card_file;
  d->config_ = config;
  if (teacher_card.noise_channels != 0 || teacher_card.is_student())
    return Error(ErrorCode::InvalidArgument, "the teacher card must describe a teacher (no noise channels)",
                 teacher_card.name);
  auto device = training_device(config.device);
  if (!device) return device.error();
  d->device_ = *device;
  auto schedule = Schedule::make(teacher_card.diffusion);
  if (!schedule) return schedule.error().within("diffusion");
  SamplerConfig sc;
  sc.sf = teacher_card.diffusion.sf;
  sc.latent_scale = teacher_card.diffusion.latent_scale;
  d->diffusion_.emplace(*schedule, sc);
  d->t_set_ = multistep_indices(schedule->steps, config.distill.num_steps);

  auto teacher = build_unet(teacher_card, 0);
  if (!teacher) return teacher.error();
  d->teacher_ = *teacher;
  if (auto st = load_card_weights(teacher_card, *d->teacher_); !st) return st.error();
  for (auto* slot : {&d->fake_, &d->student_, &d->ema_student_}) {
    auto net = build_unet(teacher_card, slot == &d->fake_ ? 0 : 1);
    if (!net) return net.error();
    *slot = *net;
    if (auto st = copy_unet_weights(*d->teacher_, **slot); !st) return st.error();
  }
  auto codec = build_codec(teacher_card, d->device_);
  if (!codec) return codec.error();
  d->codec_ = *codec;
  if (d->codec_->downsample_factor() != teacher_card.diffusion.sf)
    return Error(ErrorCode::InvalidArgument, "the codec's downsampling factor must equal sf", "codec");
  auto data = BatchSource::open(config.data, config, teacher_card.diffusion.sf);
  if (!data) return data.error();
  d->data_ = std::move(*data);

  try {
    d->disc_ = std::make_shared<DiscriminatorHead>(
        unet_bottleneck_channels(d->teacher_->config()), config.distill.disc_channels);
    for (torch::nn::Module* m : std::initializer_list<torch::nn::Module*>{
             d->teacher_.get(), d->student_.get(), d->fake_.get(), d->ema_student_.get(), d->disc_.get()})
      m->to(d->device_);
    set_requires_grad(*d->teacher_, false);
    set_requires_grad(*d->ema_student_, false);
    d->teacher_->eval();
    const auto& c = config;
    d->student_opt_ = make_adamw(d->student_->parameters(), c.lr_at(0), c.beta1, c.beta2, c.weight_decay);
    auto fake_params = d->fake_->parameters();
    for (auto& p : d->disc_->parameters()) fake_params.push_back(p);
    d->fake_opt_ = make_adamw(fake_params, c.distill.fake_lr, c.beta1, c.beta2, c.weight_decay);
    d->ema_ = std::make_unique<Ema>(*d->student_, c.ema_rate);
    d->gen_ = at::make_generator<at::CPUGeneratorImpl>(c.seed);
  } catch (const c10::Error& e) {
    return Error(ErrorCode::Internal, e.what_without_backtrace(), "distiller setup");
  }
  auto val = d->data_->validation(config.val_count, d->device_);
  if (!val) return val.error();
  d->val_ = std::move(*val);

  const auto latest = latest_checkpoint(config.out);
  if (latest && !resume)
    return Error(ErrorCode::InvalidArgument,
                 "the output folder already holds checkpoints; resume or choose another folder",
                 config.out);
  if (resume && latest) {
    if (auto st = d->resume_from(*latest); !st) return st.error();
    ctx.info("resumed from " + latest->string() + " at step " + std::to_string(d->step_));
  } else if (resume) {
    ctx.info("no checkpoint in " + config.out + ": starting from step 0");
  }
  std::string ts;
  for (int t : d->t_set_) ts += (ts.empty() ? "" : ", ") + std::to_string(t);
  ctx.info("multistep timesteps (0-based): {" + ts + "}, K = " +
           std::to_string(config.distill.fake_updates));
  return d;
}

torch::Tensor RsdDistiller::draw_t(int64_t n) {
  auto pick = at::randint(static_cast<int64_t>(t_set_.size()), {n}, gen_, at::kLong);
  auto table = at::tensor(std::vector<int64_t>(t_set_.begin(), t_set_.end()), at::kLong);
  return table.index_select(0, pick).to(device_);
}

torch::Tensor RsdDistiller::randn_like_cpu(const torch::Tensor& like) {
  // Drawn on the CPU from the run's generator, so a resumed run and any device draw the same.
  return at::randn(like.sizes(), gen_, at::TensorOptions().dtype(at::kFloat)).to(like.device());
}

torch::Tensor RsdDistiller::student_sample(const TrainingBatch& batch, bool with_grad) {
  const int64_t n = batch.z0.size(0);
  auto t_n = draw_t(n);
  auto eps = randn_like_cpu(batch.z0);
  auto noise_in = at::randn({n, 1, batch.z0.size(2), batch.z0.size(3)}, gen_,
                            at::TensorOptions().dtype(at::kFloat)).to(device_);
  auto z_tn = diffusion_->q_sample(batch.z0, batch.zy, t_n, eps);
  torch::AutoGradMode grad_mode(with_grad);
  return student_->forward(diffusion_->scale_input(z_tn, t_n), t_n, batch.lq, noise_in);
}

Result<DistillLosses> RsdDistiller::fake_step() {
  try {
    auto batch = data_->next(gen_, *codec_, card_.diffusion.latent_scale, device_);
    if (!batch) return batch.error();
    const int64_t n = batch->z0.size(0);
    student_->eval();
    auto x0_hat = student_sample(*batch, /*with_grad=*/false).detach();
    auto t = at::randint(diffusion_->schedule().steps, {n}, gen_, at::kLong).to(device_);
    auto eps = randn_like_cpu(x0_hat);
    fake_->train();
    fake_opt_->zero_grad();
    DistillLosses out;
    out.gan_weight = config_.distill.gan_weight;
    auto loss = resshift_loss(*fake_, *diffusion_, x0_hat, batch->zy, batch->lq, t, eps);
    out.fake = loss.item<double>();
    if (config_.distill.gan_weight > 0) {
      // Real and generated latents through the fake model's encoder at t = 0.
      auto t0 = at::zeros({n}, at::TensorOptions().dtype(at::kLong).device(device_));
      auto real = unet_bottleneck_features(*fake_, diffusion_->scale_input(batch->z0, t0), t0, batch->lq);
      auto gen = unet_bottleneck_features(*fake_, diffusion_->scale_input(x0_hat, t0), t0, batch->lq);
      auto d_loss = gan_discriminator_loss(disc_->forward(real), disc_->forward(gen));
      out.disc = d_loss.item<double>();
      loss = loss + config_.distill.gan_weight * d_loss;
    }
    if (!std::isfinite(loss.item<double>())) return Error(ErrorCode::Internal, "fake loss is not finite");
    loss.backward();
    fake_opt_->step();
    return out;
  } catch (const c10::Error& e) {
    return Error(ErrorCode::Internal, e.what_without_backtrace(), "fake update");
  }
}

torch::Tensor RsdDistiller::pixel_anchor(const torch::Tensor& x0_hat, const TrainingBatch& batch) {
  const int f = config_.distill.pixel_lowpass;
  if (f <= 1) return (x0_hat - batch.z0).abs().mean();
  auto image = codec_->decode(x0_hat / card_.diffusion.latent_scale);
  auto coarse = at::avg_pool2d(image, {f, f}, {f, f});
  auto target = at::avg_pool2d(batch.hr.to(image.dtype()), {f, f}, {f, f});
  return (coarse - target).abs().mean();
}

Result<DistillLosses> RsdDistiller::student_step() {
  try {
    auto batch = data_->next(gen_, *codec_, card_.diffusion.latent_scale, device_);
    if (!batch) return batch.error();
    const int64_t n = batch->z0.size(0);
    // The fake model and the discriminator are fixed during the student update; gradients
    // still flow through them into x0_hat.
    set_requires_grad(*fake_, false);
    set_requires_grad(*disc_, false);
    struct Restore {
      RsdDistiller* d;
      ~Restore() {
        set_requires_grad(*d->fake_, true);
        set_requires_grad(*d->disc_, true);
      }
    } restore{this};

    set_learning_rate(*student_opt_, config_.lr_at(step_));
    student_->train();
    fake_->eval();
    student_opt_->zero_grad();
    auto x0_hat = student_sample(*batch, /*with_grad=*/true);
    auto t = at::randint(diffusion_->schedule().steps, {n}, gen_, at::kLong).to(device_);
    auto z_t = diffusion_->q_sample(x0_hat, batch->zy, t, randn_like_cpu(x0_hat));
    auto in = diffusion_->scale_input(z_t, t);
    auto f_star = teacher_->forward(in, t, batch->lq);
    auto f_phi = fake_->forward(in, t, batch->lq);
    DistillLosses out;
    out.gan_weight = config_.distill.gan_weight;
    out.pixel_weight = config_.distill.pixel_weight;
    auto loss = rsd_student_loss(f_star, f_phi, x0_hat, config_.distill.sid_normalization);
    out.student = loss.item<double>();
    if (config_.distill.pixel_weight > 0) {
      auto l1 = pixel_anchor(x0_hat, *batch);
      out.pixel = l1.item<double>();
      loss = loss + config_.distill.pixel_weight * l1;
    }
    if (config_.distill.gan_weight > 0) {
      auto t0 = at::zeros({n}, at::TensorOptions().dtype(at::kLong).device(device_));
      auto feats = unet_bottleneck_features(*fake_, diffusion_->scale_input(x0_hat, t0), t0, batch->lq);
      auto g = gan_generator_loss(disc_->forward(feats));
      out.gan = g.item<double>();
      loss = loss + config_.distill.gan_weight * g;
    }
    if (!std::isfinite(loss.item<double>())) return Error(ErrorCode::Internal, "student loss is not finite");
    loss.backward();
    if (config_.grad_clip > 0) clip_gradients(student_->parameters(), config_.grad_clip);
    student_opt_->step();
    ema_->update(*student_);
    return out;
  } catch (const c10::Error& e) {
    return Error(ErrorCode::Internal, e.what_without_backtrace(), "student update");
  }
}

Result<DistillLosses> RsdDistiller::train_step() {
  DistillLosses last;
  for (int k = 0; k < config_.distill.fake_updates; ++k) {
    auto f = fake_step();
    if (!f) return f.error();
    last = *f;
  }
  auto s = student_step();
  if (!s) return s.error();
  s->fake = last.fake;
  s->disc = last.disc;
  ++step_;
  return s;
}

Result<ValidationResult> RsdDistiller::validate() {
  if (auto st = load_into(*ema_student_, ema_->state_dict(*student_)); !st) return st.error();
  auto r = run_validation(*ema_student_, *codec_, diffusion_->schedule(), card_.diffusion, val_,
                          config_.batch_size, /*multi_step=*/false);
  if (r) last_val_ = *r;
  return r;
}

Result<fs::path> RsdDistiller::save_checkpoint() {
  CheckpointWriter w(config_.out, step_);
  w.add_module("student", *student_);
  w.add_weights("student_ema", ema_->shadow());
  w.add_module("fake", *fake_);
  w.add_module("discriminator", *disc_);
  w.add_weights("rng", {{"train", generator_state(gen_)},
                        {"default_cpu", generator_state(at::detail::getDefaultCPUGenerator())}});
  w.add_optimizer("student", *student_opt_);
  // Left out of the compact copy (it would not fit in 10 MB): the fake model's moments rebuild
  // within its first updates after a resume.
  w.add_optimizer("fake", *fake_opt_, /*compact=*/false);
  w.set_state({{"kind", "rsd"},
               {"teacher", card_.name},
               {"wall_seconds", wall_seconds_},
               {"config", config_.to_json()},
               {"validation", last_val_.to_json()}});
  auto saved = w.commit(config_.keep_checkpoints);
  if (!saved) return saved;
  if (auto compact = w.write_compact(fs::path(config_.out) / kCompactCheckpointFolder); !compact) return compact.error();
  return saved;
}

Status RsdDistiller::resume_from(const fs::path& folder) {
  auto r = CheckpointReader::open(folder);
  if (!r) return r.error();
  auto load = [&](const char* name, torch::nn::Module& m) -> Status {
    auto w = r->weights(name);
    if (!w) return w.error();
    if (auto st = load_into(m, *w); !st) return st.error().within(folder.string());
    return {};
  };
  if (auto st = load("student", *student_); !st) return st;
  if (auto st = load("fake", *fake_); !st) return st;
  if (auto st = load("discriminator", *disc_); !st) return st;
  auto ema = r->weights("student_ema");
  if (!ema) return ema.error();
  if (auto st = ema_->load_shadow(*ema); !st) return st.error().within(folder.string());
  if (auto st = r->load_optimizer("student", *student_opt_); !st) return st;
  if (auto st = r->load_optimizer("fake", *fake_opt_); !st && !(r->compact() && st.error().code == ErrorCode::NotFound))
    return st;
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

Status RsdDistiller::export_model() {
  std::string ts;
  for (int t : t_set_) ts += (ts.empty() ? "" : ",") + std::to_string(t);
  nlohmann::json training = {
      {"kind", "rsd-distillation"},
      {"data", config_.data},
      {"train_patches", data_->train_count()},
      {"validation_patches", data_->validation_count()},
      {"patch_size", data_->dataset().geometry().height},
      {"degradation", to_string(config_.degradation)},
      {"steps", step_},
      {"fake_updates_per_step", config_.distill.fake_updates},
      {"multistep_timesteps", t_set_},
      {"batch_size", config_.batch_size},
      {"wall_seconds", wall_seconds_},
      {"hardware", hardware_summary(device_)},
      {"validation", last_val_.to_json()},
      {"config", config_.to_json()}};
  ModelCard card = card_;
  card.role = "student";
  card.noise_channels = 1;
  card.teacher = teacher_card_file_.empty() ? std::string()
                                            : fs::relative(fs::absolute(teacher_card_file_), card_.dir).string();
  card.description = "One-step RSD student distilled from " + card_.name;
  card.notes = "RSD distillation (Eq. 34 with SiD normalisation, multistep t_n = {" + ts +
               "}, GAN head on fake-model bottleneck features, weight " +
               std::to_string(config_.distill.gan_weight) + ", L1 anchor to HR weight " +
               std::to_string(config_.distill.pixel_weight) +
               (config_.distill.pixel_lowpass > 1
                    ? " on " + std::to_string(config_.distill.pixel_lowpass) + "x" +
                          std::to_string(config_.distill.pixel_lowpass) + " box averages"
                    : std::string()) +
               "). The LPIPS term of the paper is left out: no pretrained VGG/AlexNet can be shipped.";
  return export_card(card, config_.out, student_name(), ema_->state_dict(*student_), training);
}

Status RsdDistiller::run(const JobContext& ctx) {
  LoopHooks hooks;
  hooks.title = "RSD distillation";
  hooks.cancel_noun = "distillation";
  hooks.patches = std::to_string(data_->train_count()) + " train / " + std::to_string(data_->validation_count()) +
                  " held-out patches, " + hardware_summary(device_);
  hooks.exported_card = fs::path(config_.out) / (student_name() + ".json");
  hooks.step = [this]() -> Result<StepOutcome> {
    auto losses = train_step();
    if (!losses) return losses.error();
    char extra[160];
    std::snprintf(extra, sizeof extra, " | fake %.5f disc %.4f gan %.4f l1 %.4f", losses->fake,
                  losses->disc, losses->gan, losses->pixel);
    return StepOutcome{losses->total(), extra};
  };
  hooks.validate = [this] { return validate(); };
  hooks.save_checkpoint = [this] { return save_checkpoint(); };
  hooks.export_model = [this] { return export_model(); };
  return run_training_loop(config_, step_, wall_seconds_, hooks, ctx);
}

Status run_rsd_distillation(const TrainJobSpec& spec, const JobContext& ctx) {
  auto card = ModelCard::load(spec.card);
  if (!card) return card.error();
  auto config = resolve_job_config(spec, TrainConfig::defaults_for_distill());
  if (!config) return config.error();
  auto d = RsdDistiller::create(*card, spec.card, *config, spec.resume, ctx);
  if (!d) return d.error();
  return (*d)->run(ctx);
}

}  // namespace rsd::engine::train
