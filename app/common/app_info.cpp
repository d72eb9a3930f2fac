#include "common/app_info.h"

#include "base/version.h"
#include "engine/runtime.h"

namespace rsd::app {

std::string version_text(const std::string& program) {
  init_runtime();
  return program + " " + RSD_VERSION_STRING + " (" + RSD_PROJECT_NAME + "; " +
         engine::runtime_summary() + ")";
}

void init_runtime() {
  static const int threads = engine::configure_threads();
  (void)threads;
}

}  // namespace rsd::app
