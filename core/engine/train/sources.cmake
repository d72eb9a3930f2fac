# Training: patch datasets, Real-ESRGAN degradation, ResShift teacher training, RSD distillation.
rsd_engine_area(rsd_engine_train
  SOURCES
    engine/train/patch_dataset.cpp
    engine/train/patch_dataset.h
    engine/train/degradation/blur_kernels.cpp
    engine/train/degradation/blur_kernels.h
    engine/train/degradation/degradation_config.cpp
    engine/train/degradation/degradation_config.h
    engine/train/degradation/degradation_rng.cpp
    engine/train/degradation/degradation_rng.h
    engine/train/degradation/image_ops.cpp
    engine/train/degradation/image_ops.h
    engine/train/degradation/jpeg.cpp
    engine/train/degradation/jpeg.h
    engine/train/degradation/noise.cpp
    engine/train/degradation/noise.h
    engine/train/degradation/realesrgan_degradation.cpp
    engine/train/degradation/realesrgan_degradation.h
  DEPS rsd_engine_nn rsd_engine_weights rsd_engine_diffusion)
