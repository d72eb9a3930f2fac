#include "metric_commands.h"

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "metrics/image_file.h"
#include "metrics/niqe.h"

namespace rsd::bench {
namespace {

struct NiqeArgs {
  std::vector<std::string> images;
  std::string params;  // empty: the installed / default file
  int crop_border = 0;
};

// One line per image: "<path>\t<value>". Failures go to stderr and make the exit code 1, but the
// remaining images are still measured.
int run_niqe(const NiqeArgs& args) {
  Result<metrics::NiqeModel> model = args.params.empty() ? metrics::load_default_niqe_model()
                                                         : metrics::load_niqe_model(args.params);
  if (!model) {
    std::fprintf(stderr, "rsd-bench: NIQE parameters: %s\n", model.error().what().c_str());
    return 2;
  }
  metrics::NiqeOptions options;
  options.crop_border = args.crop_border;
  int status = 0;
  for (const std::string& path : args.images) {
    Result<ImageF> image = metrics::read_image_rgb(path);
    if (!image) {
      std::fprintf(stderr, "rsd-bench: %s\n", image.error().what().c_str());
      status = 1;
      continue;
    }
    const Result<double> q = metrics::niqe(*image, *model, options);
    if (!q) {
      std::fprintf(stderr, "rsd-bench: %s: %s\n", path.c_str(), q.error().what().c_str());
      status = 1;
      continue;
    }
    std::printf("%s\t%.6f\n", path.c_str(), *q);
    std::fflush(stdout);
  }
  return status;
}

}  // namespace

void add_metric_commands(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<NiqeArgs>();
  CLI::App* niqe = app.add_subcommand(
      "niqe", "No-reference NIQE of each image (Y channel, MATLAB-compatible; lower is better)");
  niqe->add_option("images", args->images, "Image files")->required()->check(CLI::ExistingFile);
  niqe->add_option("--crop-border", args->crop_border, "Pixels ignored on each side")
      ->check(CLI::NonNegativeNumber);
  niqe->add_option("--params", args->params,
                   "NIQE pristine-model JSON (default: niqe_pris_params.json from RSD_DATA_DIR, "
                   "next to the executable, or share/rsd-studio)")
      ->check(CLI::ExistingFile);
  niqe->callback([args, &exit_code] { exit_code = run_niqe(*args); });
}

}  // namespace rsd::bench
