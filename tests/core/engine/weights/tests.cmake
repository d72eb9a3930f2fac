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
