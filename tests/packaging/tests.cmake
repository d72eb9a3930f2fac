# Packaging: the desktop entry and AppStream metainfo validate, and the .deb made by cpack
# installs into a scratch root where the packaged rsd-upscale runs.
find_program(DESKTOP_FILE_VALIDATE desktop-file-validate)
find_program(APPSTREAMCLI appstreamcli)
if(DESKTOP_FILE_VALIDATE)
  add_test(NAME packaging.desktop_file_validates
    COMMAND ${DESKTOP_FILE_VALIDATE} ${PROJECT_SOURCE_DIR}/packaging/rsd-studio.desktop)
endif()
if(APPSTREAMCLI)
  add_test(NAME packaging.metainfo_validates
    COMMAND ${APPSTREAMCLI} validate --no-net
            ${PROJECT_SOURCE_DIR}/packaging/io.github.rsdstudio.RsdStudio.metainfo.xml)
endif()
add_test(NAME packaging.deb_installs_and_runs
  COMMAND ${CMAKE_COMMAND} -E env bash ${CMAKE_CURRENT_LIST_DIR}/deb_test.sh ${PROJECT_BINARY_DIR})
set_tests_properties(packaging.deb_installs_and_runs PROPERTIES LABELS packaging TIMEOUT 600)
