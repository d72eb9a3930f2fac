rsd_add_gtest(rsd_engine_diffusion_tests
  SOURCES
    core/engine/diffusion/fakes.h
    core/engine/diffusion/sampler_test.cpp
    core/engine/diffusion/schedule_test.cpp
    core/engine/diffusion/tile_planner_test.cpp
    core/engine/diffusion/tiled_runner_test.cpp
  LIBS rsd_engine_diffusion
  LABELS engine)

# Timing of execution modes (channels-last, NoGradGuard vs InferenceMode); a program, not a test.
add_executable(rsd_bench_inference_modes core/engine/diffusion/bench_inference_modes.cpp)
target_link_libraries(rsd_bench_inference_modes PRIVATE rsd_engine rsd_warnings)
