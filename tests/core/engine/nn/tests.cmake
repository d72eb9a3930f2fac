# engine/nn tests: rsd_add_gtest(rsd_engine_nn_tests SOURCES core/engine/nn/..._test.cpp LIBS rsd_engine_nn LABELS engine)
