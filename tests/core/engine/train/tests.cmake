# engine/train tests: patch dataset and the degradation pipeline (LibTorch + GoogleTest only).
rsd_add_gtest(rsd_engine_train_tests
  SOURCES
    core/engine/train/patch_dataset_test.cpp
    core/engine/train/degradation/blur_kernels_test.cpp
    core/engine/train/degradation/jpeg_test.cpp
    core/engine/train/degradation/noise_test.cpp
    core/engine/train/degradation/realesrgan_degradation_test.cpp
  LIBS rsd_engine_train
  LABELS engine)
# ResShift teacher training and RSD distillation on tiny networks.
rsd_add_gtest(rsd_engine_trainer_tests
  SOURCES core/engine/train/trainer_test.cpp core/engine/train/distiller_test.cpp
    core/engine/train/tiny_training.cpp core/engine/train/tiny_training.h
  LIBS rsd_engine_train
  LABELS engine)
