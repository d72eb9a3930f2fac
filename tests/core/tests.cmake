# Core (non-engine) tests: each area's list lives in its folder.
include(${CMAKE_CURRENT_LIST_DIR}/imaging/tests.cmake)
include(${CMAKE_CURRENT_LIST_DIR}/metadata/tests.cmake)
include(${CMAKE_CURRENT_LIST_DIR}/pipeline/tests.cmake)
include(${CMAKE_CURRENT_LIST_DIR}/metrics/tests.cmake)
