// rsd-train: training data and training runs for RSD Studio.
#include <CLI/CLI.hpp>

#include <iostream>
#include <sstream>
#include <string>

#include "common/app_info.h"
#include "train/train_commands.h"
#ifdef RSD_TRAIN_HAS_PACK
#include "train/pack_command.h"
#endif

int main(int argc, char** argv) {
  CLI::App app{"rsd-train: training data and training runs for RSD Studio"};
  app.set_version_flag("--version", [] { return rsd::app::version_text("rsd-train"); });

#ifdef RSD_TRAIN_HAS_PACK
  rsd::app::train::PackOptions pack_options;
  CLI::App* pack = app.add_subcommand(
      "pack",
      "Cut JPEG/PNG photos into a patch dataset (DATA.rsdp) with a manifest (DATA.rsdp.json). "
      "Crops: 'native' = size x size at the photo's resolution; 'rescale' = ResShift's square of "
      "side max(min(h,w), size) area-resized to size; 'mix' (default) = 10% rescale, else "
      "size/s crops for s in {1, 0.75, 0.5} area-resized to size.");
  pack->add_option("--out", pack_options.out, "Dataset file to write")->required();
  pack->add_option("--size", pack_options.size, "Patch side in pixels")->capture_default_str();
  pack->add_option("--per-image", pack_options.per_image, "Patches per photo")->capture_default_str();
  pack->add_option("--seed", pack_options.seed, "Random seed for the crops")->capture_default_str();
  pack->add_option("--crop", pack_options.crop, "native | rescale | mix")
      ->check(CLI::IsMember({"native", "rescale", "mix"}))
      ->capture_default_str();
  // One comma-separated token, so the option cannot swallow the positional inputs after it.
  std::string val_files;
  pack->add_option("--val-files", val_files,
                   "Photos held out for validation: file names, stems or folder names, comma-separated");
  pack->add_option("inputs", pack_options.inputs, "Photo files or folders (searched recursively)")->required();
#endif

  // `teacher` and `distill` run from their parse callbacks and end the parse with their exit code.
  rsd::app::train::add_train_commands(app);
  CLI11_PARSE(app, argc, argv);
  rsd::app::init_runtime();
#ifdef RSD_TRAIN_HAS_PACK
  if (pack->parsed()) {
    std::stringstream list(val_files);
    for (std::string entry; std::getline(list, entry, ',');) {
      if (!entry.empty()) pack_options.val_files.push_back(entry);
    }
    return rsd::app::train::run_pack(pack_options);
  }
#endif
  std::cout << app.help();
  return 0;
}
