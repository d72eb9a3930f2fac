# Engine tests: each area's list lives in its folder.
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

# Regenerates models/rsd-lite-*.safetensors (untrained placeholders); not a test.
add_executable(rsd_make_lite_weights ${PROJECT_SOURCE_DIR}/models/tools/make_lite_weights.cpp)
target_link_libraries(rsd_make_lite_weights PRIVATE rsd_lite_models rsd_warnings)

rsd_add_gtest(rsd_engine_tests
  SOURCES
    core/engine/model_card_test.cpp
    core/engine/runtime_test.cpp
    core/engine/upscaler_test.cpp
  LIBS rsd_engine rsd_lite_models
  LABELS engine)

# Full-size official-config model with random weights, 64x64 end to end (slow; run by hand).
add_executable(rsd_official_smoke core/engine/official_smoke.cpp)
target_link_libraries(rsd_official_smoke PRIVATE rsd_engine rsd_warnings)
target_compile_definitions(rsd_official_smoke PRIVATE RSD_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
