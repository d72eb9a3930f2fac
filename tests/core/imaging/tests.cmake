# core/imaging tests. The tests link OpenCV and Exiv2 themselves to build fixtures and to check
# results with an independent reader; test_support is shared with the metadata and pipeline tests.
rsd_add_gtest(rsd_imaging_tests
  SOURCES
    core/imaging/atomic_file_writer_test.cpp
    core/imaging/cmyk_alpha_test.cpp
    core/imaging/cmyk_fixture.cpp
    core/imaging/cmyk_fixture.h
    core/imaging/codec_test.cpp
    core/imaging/file_io_test.cpp
    core/imaging/header_probe_test.cpp
    core/imaging/orientation_test.cpp
    core/imaging/row_writer_test.cpp
    core/imaging/test_support.cpp
  LIBS rsd_core ${OpenCV_LIBS} exiv2lib JPEG::JPEG TIFF::TIFF PkgConfig::LCMS2
  LABELS core)

# The camera and phone formats on their own: fixtures are made by the libraries themselves
# (libheif encodes HEIC/AVIF; libtiff writes a small DNG), so these need no other project code.
rsd_add_gtest(rsd_heif_tests
  SOURCES core/imaging/heif_test.cpp
  LIBS rsd_heif heif
  LABELS core)
rsd_add_gtest(rsd_raw_tests
  SOURCES core/imaging/raw_test.cpp core/imaging/dng_fixture.cpp core/imaging/dng_fixture.h
  LIBS rsd_raw TIFF::TIFF PkgConfig::LIBRAW
  LABELS core)
