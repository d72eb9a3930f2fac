# core/metrics tests: rsd_add_gtest(rsd_metrics_tests SOURCES core/metrics/..._test.cpp LIBS rsd_core LABELS core)
