# UI tests: item models, queue persistence/resume, settings, compare-view screenshots, the batch and
# region preview end to end (fake upscaler, and the shipped student model), GUI latency.
# Run offscreen: QT_QPA_PLATFORM=offscreen (set below and by the test's main when unset).
set(RSD_UI_TEST_SOURCES
  ui/test_main.cpp
  ui/ui_test_util.cpp
  ui/ui_test_util.h
  ui/fake_upscaler.cpp
  ui/fake_upscaler.h
  ui/latency_probe.cpp
  ui/latency_probe.h
  ui/image_convert_test.cpp
  ui/view_transform_test.cpp
  ui/output_naming_test.cpp
  ui/app_settings_test.cpp
  ui/batch_queue_test.cpp
  ui/batch_controller_test.cpp
  ui/compare_view_test.cpp
  ui/main_window_test.cpp
  ui/latency_test.cpp
  ui/translations_test.cpp
  ui/end_to_end_test.cpp
  ui/camera_photo_test.cpp
  core/imaging/cmyk_fixture.cpp
  core/imaging/dng_fixture.cpp)
add_executable(rsd_ui_tests ${RSD_UI_TEST_SOURCES})
set_target_properties(rsd_ui_tests PROPERTIES AUTOMOC ON)
target_link_libraries(rsd_ui_tests PRIVATE rsd_ui rsd_heif JPEG::JPEG TIFF::TIFF GTest::gtest rsd_warnings)
target_compile_definitions(rsd_ui_tests PRIVATE QT_NO_KEYWORDS)
# One ctest entry for the executable: each process start loads Qt and LibTorch.
add_test(NAME rsd_ui_tests COMMAND rsd_ui_tests --gtest_brief=1)
set_tests_properties(rsd_ui_tests PROPERTIES
  LABELS "ui" ENVIRONMENT "QT_QPA_PLATFORM=offscreen;OMP_NUM_THREADS=2" TIMEOUT 900)
