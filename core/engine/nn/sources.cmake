# Networks: UNetModelSwin, VQModelTorch, pixel_unshuffle codec, configs.
rsd_engine_area(rsd_engine_nn
  SOURCES
    engine/nn/denoiser.h
    engine/nn/codec.h
    engine/nn/placeholder_remove_me.cpp
)
