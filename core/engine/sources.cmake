# Engine areas (paths relative to core/). Each area keeps its own list in <area>/sources.cmake
# and becomes its own static library; rsd_engine ties them together behind torch-free headers.
include(${CMAKE_CURRENT_LIST_DIR}/nn/sources.cmake)        # rsd_engine_nn
include(${CMAKE_CURRENT_LIST_DIR}/weights/sources.cmake)   # rsd_engine_weights
include(${CMAKE_CURRENT_LIST_DIR}/diffusion/sources.cmake) # rsd_engine_diffusion (+ tiling)
include(${CMAKE_CURRENT_LIST_DIR}/train/sources.cmake)     # rsd_engine_train

rsd_engine_area(rsd_engine
  SOURCES
    engine/loaded_model.cpp
    engine/loaded_model.h
    engine/model_card.cpp
    engine/model_card.h
    engine/model_locator.cpp
    engine/model_locator.h
    engine/runtime.cpp
    engine/runtime.h
    engine/upscaler.cpp
    engine/upscaler.h
  DEPS rsd_engine_nn rsd_engine_weights rsd_engine_diffusion rsd_engine_train)
# The model locator falls back on the source tree's models/ when running from a build tree.
rsd_build_paths(rsd_engine)
