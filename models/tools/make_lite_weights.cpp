// Regenerates the untrained placeholder weights of the lite model cards:
//   rsd_make_lite_weights <models dir>
// writes rsd-lite-teacher.safetensors (seed 20260101) and rsd-lite-student.safetensors
// (seed 20260102, one extra noise channel). Deterministic: same LibTorch, same bytes.
#include <iostream>
#include <string>

#include "lite_models.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: rsd_make_lite_weights <models dir>\n";
    return 2;
  }
  const std::string dir = argv[1];
  const auto params = rsd::models::lite_unet_params();
  for (const auto& [name, noise, seed] :
       {std::tuple{"rsd-lite-teacher", 0, 20260101ull}, std::tuple{"rsd-lite-student", 1, 20260102ull}}) {
    const std::string path = dir + "/" + name + ".safetensors";
    auto st = rsd::models::write_random_unet(params, noise, seed, path);
    if (!st.ok()) {
      std::cerr << st.error().what() << "\n";
      return 1;
    }
    std::cout << "wrote " << path << "\n";
  }
  return 0;
}
