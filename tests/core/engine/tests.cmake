# Engine tests (LibTorch + GoogleTest only, which proves the engine builds without Qt/OpenCV/Exiv2).
# Each area keeps its list in its folder; they build into two executables, not one per area: every
# executable compiles the LibTorch and GoogleTest headers once per unity batch and links the whole
# engine, which was a third of a cold build with eight of them (README "Build times"). The
# trainer tests stay apart because they run longest, so ctest -j2 runs them beside the rest.
set(RSD_ENGINE_TEST_SOURCES
  core/engine/model_card_test.cpp
  core/engine/runtime_test.cpp
  core/engine/upscaler_test.cpp)
include(${CMAKE_CURRENT_LIST_DIR}/nn/tests.cmake)
include(${CMAKE_CURRENT_LIST_DIR}/weights/tests.cmake)
include(${CMAKE_CURRENT_LIST_DIR}/diffusion/tests.cmake)
include(${CMAKE_CURRENT_LIST_DIR}/train/tests.cmake)

# The lite models' network params and their seeded random initialisation (models/tools).
add_library(rsd_lite_models STATIC
  ${PROJECT_SOURCE_DIR}/models/tools/lite_models.cpp
  ${PROJECT_SOURCE_DIR}/models/tools/lite_models.h)
target_include_directories(rsd_lite_models PUBLIC ${PROJECT_SOURCE_DIR}/models)
target_link_libraries(rsd_lite_models PUBLIC rsd_engine PRIVATE rsd_warnings)

# Writes random (untrained) lite weights for tests and for training from scratch; it keeps the
# trained files in models/ unless --force is given. Not a test.
add_executable(rsd_make_lite_weights ${PROJECT_SOURCE_DIR}/models/tools/make_lite_weights.cpp)
target_link_libraries(rsd_make_lite_weights PRIVATE rsd_lite_models rsd_warnings)

rsd_add_gtest(rsd_engine_tests
  SOURCES ${RSD_ENGINE_TEST_SOURCES}
  LIBS rsd_engine rsd_lite_models
  LABELS engine parity tool
  PATHS RSD_TOOL_PATH "$<TARGET_FILE:rsd-tool>")
# rsd-tool end to end (its command line is an interface for external scripts).
add_dependencies(rsd_engine_tests rsd-tool)

# ResShift teacher training and RSD distillation on tiny networks.
rsd_add_gtest(rsd_engine_trainer_tests
  SOURCES ${RSD_ENGINE_TRAINER_TEST_SOURCES}
  LIBS rsd_engine_train
  LABELS engine)

# Full-size official-config model with random weights, 64x64 end to end (slow; run by hand).
add_executable(rsd_official_smoke core/engine/official_smoke.cpp)
target_link_libraries(rsd_official_smoke PRIVATE rsd_engine rsd_warnings)
rsd_build_paths(rsd_official_smoke)
