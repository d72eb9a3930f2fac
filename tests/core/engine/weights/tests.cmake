# engine/weights tests: safetensors, .pth loading, strict loading, SHA-256.
rsd_add_gtest(rsd_engine_weights_tests
  SOURCES
    core/engine/weights/pth_loader_test.cpp
    core/engine/weights/safetensors_test.cpp
    core/engine/weights/sha256_test.cpp
    core/engine/weights/state_dict_loader_test.cpp
    core/engine/weights/test_files.h
  LIBS rsd_engine_weights
  LABELS engine)

# Parity with the official ResShift networks on the fixtures in tests/data/parity.
rsd_add_gtest(rsd_engine_parity_tests
  SOURCES core/engine/weights/parity_test.cpp
  LIBS rsd_engine_nn rsd_engine_weights
  LABELS engine parity)

# rsd-tool end to end (its command line is an interface for external scripts).
rsd_add_gtest(rsd_tool_tests
  SOURCES core/engine/weights/rsd_tool_test.cpp
  LIBS rsd_engine_weights
  LABELS engine tool)
target_compile_definitions(rsd_tool_tests PRIVATE RSD_TOOL_PATH="$<TARGET_FILE:rsd-tool>")
add_dependencies(rsd_tool_tests rsd-tool)
