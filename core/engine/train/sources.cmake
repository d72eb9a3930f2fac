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
# ResShift teacher training and RSD distillation.
target_sources(rsd_engine_train PRIVATE
  engine/train/checkpoint.cpp engine/train/checkpoint.h
  engine/train/discriminator.cpp engine/train/discriminator.h
  engine/train/ema.cpp engine/train/ema.h
  engine/train/loop_data.cpp engine/train/loop_data.h
  engine/train/loop_jobs.h
  engine/train/loop_networks.cpp engine/train/loop_networks.h
  engine/train/loop_optim.cpp engine/train/loop_optim.h
  engine/train/loop_progress.cpp engine/train/loop_progress.h
  engine/train/loop_runner.cpp engine/train/loop_runner.h
  engine/train/loop_validation.cpp engine/train/loop_validation.h
  engine/train/rsd_distiller.cpp engine/train/rsd_distiller.h
  engine/train/teacher_trainer.cpp engine/train/teacher_trainer.h
  engine/train/train_config.cpp engine/train/train_config.h)
# Model cards (engine/model_card.cpp) live in rsd_engine, which links this library: CMake repeats
# the two static libraries on link lines to resolve the cycle.
target_link_libraries(rsd_engine_train PUBLIC rsd_engine)
