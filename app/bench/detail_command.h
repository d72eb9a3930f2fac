// rsd-bench detail: the fidelity-detail control measured. For K samples per photo (different
// seeds) and detail D, the blend (1 - D) x mean + D x first sample is scored on the held-out set
// (PSNR-Y, NIQE), with the time of K samples, the mean spread (a collapsed distillation would
// show none) and how well the spread map predicts where the output is wrong (per photo, the
// correlation of the map and the absolute error against HR in 16x16 blocks).
#pragma once

#include <CLI/CLI.hpp>

namespace rsd::bench {

void add_detail_command(CLI::App& app, int& exit_code);

}  // namespace rsd::bench
