# metrics sources (paths relative to core/)
list(APPEND RSD_CORE_SOURCES
  metrics/benchmark_images.cpp
  metrics/benchmark_images.h
  metrics/data_files.cpp
  metrics/data_files.h
  metrics/image_file.cpp
  metrics/image_file.h
  metrics/matlab_resize.cpp
  metrics/matlab_resize.h
  metrics/niqe.cpp
  metrics/niqe.h
  metrics/niqe_features.cpp
  metrics/niqe_features.h
  metrics/plane.cpp
  metrics/plane.h
  metrics/psnr_ssim.cpp
  metrics/psnr_ssim.h
)
# Last place the metrics look for their data files: the source tree, so tests and tools run from a
# build folder without installing (see metrics/data_files.h for the full search order).
set_source_files_properties(metrics/data_files.cpp PROPERTIES
  COMPILE_DEFINITIONS "RSD_METRICS_SOURCE_DATA_DIR=\"${PROJECT_SOURCE_DIR}/tests/data/metrics\"")
