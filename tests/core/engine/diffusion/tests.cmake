# engine/diffusion tests: schedule, samplers, tile planning and the tiled runner.
list(APPEND RSD_ENGINE_TEST_SOURCES
  core/engine/diffusion/fakes.h
  core/engine/diffusion/sampler_test.cpp
  core/engine/diffusion/schedule_test.cpp
  core/engine/diffusion/tile_planner_test.cpp
  core/engine/diffusion/tiled_runner_test.cpp)

# Timing of execution modes (channels-last, NoGradGuard vs InferenceMode); a program, not a test.
add_executable(rsd_bench_inference_modes core/engine/diffusion/bench_inference_modes.cpp)
target_link_libraries(rsd_bench_inference_modes PRIVATE rsd_engine rsd_warnings)
