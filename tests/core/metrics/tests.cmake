# core/metrics tests. OpenCV is linked only to build an independent SSIM reference in the test.
rsd_add_gtest(rsd_metrics_tests
  SOURCES
    core/metrics/benchmark_images_test.cpp
    core/metrics/matlab_resize_test.cpp
    core/metrics/niqe_test.cpp
    core/metrics/psnr_ssim_test.cpp
    core/metrics/test_images.cpp
    core/metrics/test_images.h
  LIBS rsd_core ${OpenCV_LIBS}
  LABELS core)

# The command line: `rsd-bench niqe` prints "<path>\t<value>" per image. The value must lie within
# 0.01 of the MATLAB reference 5.7296 for baboon.png, i.e. in [5.7196, 5.7396].
if(TARGET rsd-bench)
  add_test(NAME rsd_bench_niqe_baboon
    COMMAND rsd-bench niqe ${RSD_TEST_DATA_DIR}/metrics/baboon.png)
  set_tests_properties(rsd_bench_niqe_baboon PROPERTIES
    LABELS "core;app"
    ENVIRONMENT "OMP_NUM_THREADS=2"
    PASS_REGULAR_EXPRESSION "^[^\n]*/baboon\\.png\t5\\.7(19[6-9]|2[0-9]|3[0-8]|39[0-6])[0-9]*\n$")
endif()
