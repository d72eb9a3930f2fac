# Build speed (measured on the 2-core VM, README "Build times"): a cold build is mostly the
# compiler instantiating and optimising the same inline header code (LibTorch, CLI11, GoogleTest,
# Qt) in every translation unit; -ftime-report of a LibTorch source with the headers precompiled:
# "lang. deferred" and "opt and generate" about half each. Two levers, each with an option:
#
# - Precompiled LibTorch headers, compiled once in rsd_torch_pch and reused (REUSE_FROM: same
#   flags, so one .gch serves all) by every LibTorch target through rsd_torch_pch(<target>);
#   a LibTorch source alone: 12.0 s -> 5.8 s. Sources that include no LibTorch header, directly
#   or through a project header they include, skip it when unity batches are off.
# - Unity batches for every target, so that inline code is compiled once per batch of sources.
#
# Both OFF gives the same program, only slower to build.
option(RSD_PCH "Precompile the LibTorch headers once for all LibTorch targets" ON)
# Unity batches for every target: each header-heavy library (LibTorch, CLI11, GoogleTest, Qt,
# OpenCV) is parsed and its inline code instantiated and optimised once per batch instead of once
# per source, which is most of a translation unit's time here (-ftime-report: "lang. deferred"
# and "opt and generate" about half each once the headers are precompiled).
option(RSD_UNITY "Compile the sources of each target in unity batches" ON)
set(RSD_UNITY_BATCH 16 CACHE STRING "Sources per unity file")
set(CMAKE_UNITY_BUILD ${RSD_UNITY})
set(CMAKE_UNITY_BUILD_BATCH_SIZE ${RSD_UNITY_BATCH})

if(RSD_PCH)
  # The headers the engine, tests and tools include, as system headers so the generated
  # cmake_pch.hxx names no path of this checkout (a second clone then shares ccache entries).
  add_library(rsd_torch_pch STATIC ${CMAKE_CURRENT_LIST_DIR}/torch_pch.cpp)
  target_link_libraries(rsd_torch_pch PRIVATE torch)
  target_precompile_headers(rsd_torch_pch PRIVATE
    <ATen/ATen.h>
    <torch/nn/module.h>
    <torch/nn/modules/activation.h>
    <torch/nn/modules/container/modulelist.h>
    <torch/nn/modules/container/sequential.h>
    <torch/nn/modules/conv.h>
    <torch/nn/modules/dropout.h>
    <torch/nn/modules/embedding.h>
    <torch/nn/modules/linear.h>
    <torch/nn/modules/normalization.h>
    <torch/optim/adamw.h>
    <torch/types.h>
    <torch/utils.h>)
endif()

# True when `file` includes a LibTorch header itself or through a project header it names.
function(_rsd_uses_torch file out)
  set(${out} FALSE PARENT_SCOPE)
  if(NOT EXISTS "${file}")
    return()
  endif()
  file(STRINGS "${file}" includes REGEX "^#include [<\"]")
  foreach(line IN LISTS includes)
    if(line MATCHES "^#include <(torch|ATen|c10)/")
      set(${out} TRUE PARENT_SCOPE)
      return()
    endif()
    if(line MATCHES "^#include \"([^\"]+)\"")
      foreach(root "${PROJECT_SOURCE_DIR}/core" "${PROJECT_SOURCE_DIR}")
        set(header "${root}/${CMAKE_MATCH_1}")
        if(EXISTS "${header}" AND NOT IS_DIRECTORY "${header}")
          file(STRINGS "${header}" torch_lines REGEX "^#include <(torch|ATen|c10)/")
          if(torch_lines)
            set(${out} TRUE PARENT_SCOPE)
            return()
          endif()
        endif()
      endforeach()
    endif()
  endforeach()
endfunction()

function(rsd_torch_pch target)
  if(NOT RSD_PCH)
    return()
  endif()
  target_precompile_headers(${target} REUSE_FROM rsd_torch_pch)
  if(RSD_UNITY)
    return()  # a unity batch mixes the target's sources; it takes the header if any of them needs it
  endif()
  get_target_property(sources ${target} SOURCES)
  get_target_property(source_dir ${target} SOURCE_DIR)
  foreach(src IN LISTS sources)
    if(NOT src MATCHES "\\.(cpp|cc|cxx)$")
      continue()
    endif()
    if(IS_ABSOLUTE "${src}")
      set(path "${src}")
    else()
      set(path "${source_dir}/${src}")
    endif()
    _rsd_uses_torch("${path}" uses)
    if(NOT uses)
      set_source_files_properties(${src} TARGET_DIRECTORY ${target} PROPERTIES SKIP_PRECOMPILE_HEADERS ON)
    endif()
  endforeach()
endfunction()
