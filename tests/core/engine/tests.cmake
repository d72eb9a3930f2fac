# Engine tests: each area's list lives in its folder.
include(${CMAKE_CURRENT_LIST_DIR}/nn/tests.cmake)
include(${CMAKE_CURRENT_LIST_DIR}/weights/tests.cmake)
include(${CMAKE_CURRENT_LIST_DIR}/diffusion/tests.cmake)
include(${CMAKE_CURRENT_LIST_DIR}/train/tests.cmake)
rsd_add_gtest(rsd_engine_tests
  SOURCES core/engine/runtime_test.cpp
  LIBS rsd_engine
  LABELS engine)
