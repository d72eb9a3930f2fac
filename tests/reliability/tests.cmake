# Reliability: hostile photos through the batch pipeline, the file system around it and the CLI;
# hostile model files through the weights loaders. Fixtures are made at test time. A few seconds.
if(NOT RSD_ENGINE_ONLY)
  rsd_add_gtest(rsd_reliability_tests
    SOURCES
      reliability/hostile_files.cpp
      reliability/hostile_files.h
      reliability/input_snapshot.h
      reliability/hostile_images_test.cpp
      reliability/hostile_folders_test.cpp
      reliability/hostile_cli_test.cpp
      core/imaging/test_support.cpp
    LIBS rsd_core ${OpenCV_LIBS} exiv2lib
    LABELS reliability
    PATHS RSD_UPSCALE_PATH "$<TARGET_FILE:rsd-upscale>")
  add_dependencies(rsd_reliability_tests rsd-upscale)
endif()

rsd_add_gtest(rsd_reliability_model_tests
  SOURCES
    reliability/hostile_models_test.cpp
    reliability/hostile_pickles.h
  LIBS rsd_engine_weights
  LABELS reliability)
