# engine/train tests: rsd_add_gtest(rsd_engine_train_tests SOURCES core/engine/train/..._test.cpp LIBS rsd_engine_train LABELS engine)
