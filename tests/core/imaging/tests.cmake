# core/imaging tests: rsd_add_gtest(rsd_imaging_tests SOURCES core/imaging/..._test.cpp LIBS rsd_core LABELS core)
