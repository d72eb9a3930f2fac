# Crash safety: rsd-upscale and the GUI batch killed with SIGKILL at random moments (issue #8).
# Runs the real binaries with the shipped student, so it needs the full build (core + UI).
if(RSD_BUILD_UI AND TARGET rsd-upscale AND TARGET rsd-studio)
  rsd_add_gtest(rsd_crash_safety_tests
    SOURCES crash/crash_safety_test.cpp core/imaging/test_support.cpp
    LIBS rsd_core ${OpenCV_LIBS} exiv2lib nlohmann_json::nlohmann_json
    LABELS reliability
    PATHS RSD_UPSCALE_EXE "$<TARGET_FILE:rsd-upscale>" RSD_STUDIO_EXE "$<TARGET_FILE:rsd-studio>")
  add_dependencies(rsd_crash_safety_tests rsd-upscale rsd-studio)
endif()
