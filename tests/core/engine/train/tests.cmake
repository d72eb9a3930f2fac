# engine/train tests: patch dataset and the degradation pipeline.
list(APPEND RSD_ENGINE_TEST_SOURCES
  core/engine/train/patch_dataset_test.cpp
  core/engine/train/degradation/blur_kernels_test.cpp
  core/engine/train/degradation/jpeg_test.cpp
  core/engine/train/degradation/noise_test.cpp
  core/engine/train/degradation/realesrgan_degradation_test.cpp)
# ResShift teacher training and RSD distillation on tiny networks (their own executable).
set(RSD_ENGINE_TRAINER_TEST_SOURCES
  core/engine/train/trainer_test.cpp core/engine/train/distiller_test.cpp
  core/engine/train/tiny_training.cpp core/engine/train/tiny_training.h)
