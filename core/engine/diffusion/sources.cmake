# Diffusion: the residual-shifting schedule, samplers, tiling.
rsd_engine_area(rsd_engine_diffusion
  SOURCES
    engine/diffusion/placeholder_remove_me.cpp
  DEPS rsd_engine_nn)
