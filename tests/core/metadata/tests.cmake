# core/metadata tests: rsd_add_gtest(rsd_metadata_tests SOURCES core/metadata/..._test.cpp LIBS rsd_core LABELS core)
