# Precompiled LibTorch headers. Parsing the LibTorch headers is most of a LibTorch translation
# unit's compile time (measured: -fsyntax-only 15-26 s of a 17-29 s -O3 compile), so they are
# compiled once, in rsd_torch_pch, and every LibTorch target reuses that precompiled header
# (REUSE_FROM: same compiler flags, so one .gch serves them all).
#
# rsd_torch_pch(<target>) makes <target> reuse it. Sources of the target that include no LibTorch
# header, directly or through a project header they include, skip it: loading the 0.3 GB header
# costs them more than they parse. RSD_PCH=OFF turns it off (the build is the same, only slower).
option(RSD_PCH "Precompile the LibTorch headers once for all LibTorch targets" ON)
option(RSD_UNITY "Compile the sources of each LibTorch target in unity batches" ON)
set(RSD_UNITY_BATCH 8 CACHE STRING "Sources per unity file of the LibTorch targets")

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
  if(RSD_UNITY)
    set_target_properties(${target} PROPERTIES UNITY_BUILD ON UNITY_BUILD_BATCH_SIZE ${RSD_UNITY_BATCH})
  endif()
  if(NOT RSD_PCH)
    return()
  endif()
  target_precompile_headers(${target} REUSE_FROM rsd_torch_pch)
  if(RSD_UNITY)
    return()  # a unity file mixes the target's sources; it takes the header when any of them does
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
