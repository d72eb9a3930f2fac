// Absolute paths of this build (source tree, test data, build tree, built executables), for tests
// and the development-tree fallback of the model locator. A target that needs them calls
// rsd_build_paths() (cmake/BuildPaths.cmake), which generates the one file that defines get() with
// that target's paths. Keeping them out of -D flags keeps compiler command lines identical in every
// clone, so ccache hits for a fresh clone in another folder.
#pragma once

namespace rsd::build_paths {

// The named path. Aborts with a message naming it when the target defines no such path.
// Safe to call during static initialisation: the table is constant-initialised.
const char* get(const char* name);

}  // namespace rsd::build_paths

#define RSD_SOURCE_DIR ::rsd::build_paths::get("RSD_SOURCE_DIR")
#define RSD_TEST_DATA_DIR ::rsd::build_paths::get("RSD_TEST_DATA_DIR")
#define RSD_BINARY_DIR ::rsd::build_paths::get("RSD_BINARY_DIR")
