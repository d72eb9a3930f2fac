#include "schedule_command.h"

#include <iostream>
#include <memory>

#include "engine/diffusion/schedule.h"
#include "tool_common.h"

namespace rsd::tool {
namespace {

struct ScheduleOptions {
  engine::DiffusionParams params;
};

int run_schedule(const ScheduleOptions& options) {
  auto schedule = engine::Schedule::make(options.params);
  if (!schedule) return report(schedule.error());
  const engine::DiffusionParams& p = options.params;
  // Keys are an interface: external scripts read them by name.
  nlohmann::json out;
  out["steps"] = p.steps;
  out["min_noise_level"] = p.min_noise_level;
  out["kappa"] = p.kappa;
  out["power"] = p.power;
  out["etas_end"] = p.etas_end;
  out["sqrt_eta"] = schedule->sqrt_eta;
  out["eta"] = schedule->eta;
  out["posterior_coef_xt"] = schedule->coef_xt;
  out["posterior_coef_x0"] = schedule->coef_x0;
  out["posterior_variance"] = schedule->posterior_variance;
  std::cout << out.dump(1) << "\n";
  return 0;
}

}  // namespace

void add_schedule_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<ScheduleOptions>();
  CLI::App* cmd = app.add_subcommand(
      "schedule", "Print the exponential eta schedule (index 0..T-1) as JSON");
  cmd->add_option("--steps", options->params.steps, "Number of diffusion steps T")->required();
  cmd->add_option("--min-noise", options->params.min_noise_level,
                  "min_noise_level (kappa * sqrt(eta_1) when kappa >= 1)")
      ->required();
  cmd->add_option("--kappa", options->params.kappa, "kappa")->required();
  cmd->add_option("--power", options->params.power, "power of the exponential schedule")
      ->required();
  cmd->add_option("--etas-end", options->params.etas_end, "sqrt(eta_T)")->capture_default_str();
  cmd->callback([options, &exit_code] { exit_code = run_schedule(*options); });
}

}  // namespace rsd::tool
