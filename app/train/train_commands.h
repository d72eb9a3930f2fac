// `rsd-train teacher` (ResShift teacher training) and `rsd-train distill` (RSD distillation into a
// one-step student): thin command-line front ends over engine/train/loop_jobs.h.
#pragma once

namespace CLI {
class App;
}

namespace rsd::app::train {

// Registers both subcommands on `app`. Each runs its job from its parse callback and ends the
// parse with CLI::Success (exit code 0) or CLI::RuntimeError (exit code 1, message on stderr),
// so main() needs nothing else. Ctrl-C cancels a run after writing a checkpoint.
void add_train_commands(CLI::App& app);

}  // namespace rsd::app::train
