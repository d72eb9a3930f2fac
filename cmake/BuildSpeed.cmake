# Build speed: a cold build is mostly the compiler instantiating and optimising the same inline
# header code (LibTorch, CLI11, GoogleTest, Qt, OpenCV) in every translation unit. -ftime-report
# of a LibTorch source, even with its headers precompiled: "lang. deferred" (instantiating the
# inline functions it uses) and "opt and generate" about half each. Unity batches compile that
# code once per batch of sources instead of once per source.
#
# Measured on the 2-core VM (README "Build times"), cold build without ccache: 600 s before,
# 255 s with unity batches of 16. Precompiled LibTorch headers were measured too and left out:
# alone they saved 2 % (600 -> 589 s; a LibTorch source compiled alone went 12.0 -> 5.8 s, but
# two compilers each loading the 0.5 GB .gch ran slower), with unity batches they made the build
# slower (296 s: the .gch is built first, serially, for 30 s), and GCC's .gch differs from one
# compile to the next, so a second clone missed ccache on every source that used it.
option(RSD_UNITY "Compile the sources of each target in unity batches" ON)
set(RSD_UNITY_BATCH 16 CACHE STRING "Sources per unity file")
set(CMAKE_UNITY_BUILD ${RSD_UNITY})
set(CMAKE_UNITY_BUILD_BATCH_SIZE ${RSD_UNITY_BATCH})
