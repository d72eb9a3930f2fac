# Training: patch datasets, Real-ESRGAN degradation, ResShift teacher training, RSD distillation.
rsd_engine_area(rsd_engine_train
  SOURCES
    engine/train/placeholder_remove_me.cpp
  DEPS rsd_engine_nn rsd_engine_weights rsd_engine_diffusion)
