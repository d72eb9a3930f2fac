# engine/weights tests: rsd_add_gtest(rsd_engine_weights_tests SOURCES core/engine/weights/..._test.cpp LIBS rsd_engine_weights LABELS engine)
