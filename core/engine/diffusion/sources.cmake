# Diffusion: the residual-shifting schedule, samplers, tiling.
rsd_engine_area(rsd_engine_diffusion
  SOURCES
    engine/diffusion/memory_budget.cpp
    engine/diffusion/memory_budget.h
    engine/diffusion/noise_source.cpp
    engine/diffusion/noise_source.h
    engine/diffusion/sampler.cpp
    engine/diffusion/sampler.h
    engine/diffusion/schedule.cpp
    engine/diffusion/schedule.h
    engine/diffusion/tile_planner.cpp
    engine/diffusion/tile_planner.h
    engine/diffusion/tiled_runner.cpp
    engine/diffusion/tiled_runner.h
  DEPS rsd_engine_nn)
