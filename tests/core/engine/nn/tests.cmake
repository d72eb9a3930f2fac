# engine/nn tests: configs, Swin layers (reference mask rule, reference forward), UNet and codecs.
list(APPEND RSD_ENGINE_TEST_SOURCES
  core/engine/nn/official_configs.h
  core/engine/nn/param_count.h
  core/engine/nn/config_test.cpp
  core/engine/nn/swin_transformer_test.cpp
  core/engine/nn/unet_swin_test.cpp
  core/engine/nn/codec_test.cpp)
