# engine/weights tests: safetensors, .pth loading, strict loading, SHA-256, parity with the
# official ResShift networks on the fixtures in tests/data/parity, and rsd-tool end to end.
list(APPEND RSD_ENGINE_TEST_SOURCES
  core/engine/weights/pth_loader_test.cpp
  core/engine/weights/safetensors_test.cpp
  core/engine/weights/sha256_test.cpp
  core/engine/weights/state_dict_loader_test.cpp
  core/engine/weights/test_files.h
  core/engine/weights/parity_test.cpp
  core/engine/weights/rsd_tool_test.cpp)
