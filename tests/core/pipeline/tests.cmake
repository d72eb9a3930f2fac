# core/pipeline tests: photos made at runtime go through process_file()/run_batch() with a
# bicubic stand-in for the model (no weights needed); memory_bound_test runs the shipped student.
rsd_add_gtest(rsd_pipeline_tests
  SOURCES
    core/pipeline/banded_test.cpp
    core/pipeline/camera_formats_test.cpp
    core/pipeline/exif_probe.h
    core/pipeline/batch_test.cpp
    core/pipeline/memory_bound_test.cpp
    core/pipeline/process_file_test.cpp
    core/pipeline/uncertainty_map_test.cpp
    core/imaging/test_support.cpp
    core/imaging/cmyk_fixture.cpp
    core/imaging/dng_fixture.cpp
  LIBS rsd_core rsd_heif heif ${OpenCV_LIBS} exiv2lib JPEG::JPEG TIFF::TIFF
  LABELS core)
