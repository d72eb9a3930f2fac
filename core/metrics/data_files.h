// Where the metrics find their data files (NIQE's pristine model) at run time.
#pragma once

#include <string>
#include <vector>

#include "base/error.h"

namespace rsd::metrics {

// Folders searched, in order:
//   1. $RSD_DATA_DIR (an explicit override),
//   2. the folder of the running executable,
//   3. <executable folder>/../share/rsd-studio (the installed layout),
//   4. the source tree's tests/data/metrics (running from a build folder).
std::vector<std::string> metrics_data_dirs();

// The first existing `<dir>/<name>` over metrics_data_dirs().
// Errors: NotFound, listing the folders searched.
Result<std::string> find_metrics_data_file(const std::string& name);

}  // namespace rsd::metrics
