rsd_add_gtest(rsd_engine_diffusion_tests
  SOURCES
    core/engine/diffusion/fakes.h
    core/engine/diffusion/sampler_test.cpp
    core/engine/diffusion/schedule_test.cpp
  LIBS rsd_engine_diffusion
  LABELS engine)
