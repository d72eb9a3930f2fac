// Writes random (untrained) weights in the shape of the lite model cards, for tests and for
// starting a training run from scratch:
//   rsd_make_lite_weights <dir> [--force]
// writes rsd-lite-teacher.safetensors (seed 20260101) and rsd-lite-student.safetensors
// (seed 20260102, one extra noise channel). Deterministic: same LibTorch, same bytes.
// Existing files are kept unless --force is given: models/ holds the trained weights.
#include <filesystem>
#include <iostream>
#include <string>

#include "lite_models.h"

int main(int argc, char** argv) {
  const bool force = argc == 3 && std::string(argv[2]) == "--force";
  if (argc != 2 && !force) {
    std::cerr << "usage: rsd_make_lite_weights <dir> [--force]\n";
    return 2;
  }
  const std::string dir = argv[1];
  const auto params = rsd::models::lite_unet_params();
  for (const auto& [name, noise, seed] :
       {std::tuple{"rsd-lite-teacher", 0, 20260101ull}, std::tuple{"rsd-lite-student", 1, 20260102ull}}) {
    const std::string path = dir + "/" + name + ".safetensors";
    if (!force && std::filesystem::exists(path)) {
      std::cerr << path << " exists (trained weights?); not replaced without --force\n";
      return 1;
    }
    auto st = rsd::models::write_random_unet(params, noise, seed, path);
    if (!st.ok()) {
      std::cerr << st.error().what() << "\n";
      return 1;
    }
    std::cout << "wrote " << path << "\n";
  }
  return 0;
}
