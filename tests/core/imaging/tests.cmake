# core/imaging tests. The tests link OpenCV and Exiv2 themselves to build fixtures and to check
# results with an independent reader; test_support is shared with the metadata and pipeline tests.
rsd_add_gtest(rsd_imaging_tests
  SOURCES
    core/imaging/atomic_file_writer_test.cpp
    core/imaging/codec_test.cpp
    core/imaging/file_io_test.cpp
    core/imaging/header_probe_test.cpp
    core/imaging/orientation_test.cpp
    core/imaging/row_writer_test.cpp
    core/imaging/test_support.cpp
  LIBS rsd_core ${OpenCV_LIBS} exiv2lib
  LABELS core)
