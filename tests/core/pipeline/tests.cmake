# core/pipeline tests: rsd_add_gtest(rsd_pipeline_tests SOURCES core/pipeline/..._test.cpp LIBS rsd_core LABELS core)
