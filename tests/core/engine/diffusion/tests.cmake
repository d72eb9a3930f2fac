# engine/diffusion tests: rsd_add_gtest(rsd_engine_diffusion_tests SOURCES core/engine/diffusion/..._test.cpp LIBS rsd_engine_diffusion LABELS engine)
