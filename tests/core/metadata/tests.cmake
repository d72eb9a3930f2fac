# core/metadata tests (fixtures are written with Exiv2 directly; exiftool, when installed, reads
# the results independently).
rsd_add_gtest(rsd_metadata_tests
  SOURCES
    core/metadata/metadata_roundtrip_test.cpp
    core/metadata/webp_icc_test.cpp
    core/imaging/test_support.cpp
  LIBS rsd_core ${OpenCV_LIBS} exiv2lib
  LABELS core)
