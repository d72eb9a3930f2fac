# Networks: UNetModelSwin, VQModelTorch, pixel_unshuffle codec, configs.
rsd_engine_area(rsd_engine_nn
  SOURCES
    engine/nn/denoiser.h
    engine/nn/codec.h
    engine/nn/config.cpp
    engine/nn/config.h
    engine/nn/basic_ops.cpp
    engine/nn/basic_ops.h
    engine/nn/resample.cpp
    engine/nn/resample.h
    engine/nn/res_block.cpp
    engine/nn/res_block.h
    engine/nn/swin_transformer.cpp
    engine/nn/swin_transformer.h
    engine/nn/unet_swin.cpp
    engine/nn/unet_swin.h
)
