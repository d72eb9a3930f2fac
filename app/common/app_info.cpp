#include "common/app_info.h"

#include "base/version.h"
#include "engine/runtime.h"

namespace rsd::app {

std::string version_text(const std::string& program) {
  return program + " " + RSD_VERSION_STRING + " (" + RSD_PROJECT_NAME + "; " +
         engine::runtime_summary() + ")";
}

void init_runtime() { engine::configure_threads(); }

}  // namespace rsd::app
