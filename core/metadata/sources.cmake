# metadata sources (paths relative to core/)
list(APPEND RSD_CORE_SOURCES
  metadata/exiv2_support.cpp
  metadata/exiv2_support.h
  metadata/metadata_writer.cpp
  metadata/metadata_writer.h
  metadata/photo_metadata.cpp
  metadata/photo_metadata.h
  metadata/png_iccp.cpp
  metadata/png_iccp.h
  metadata/webp_icc.cpp
  metadata/webp_icc.h
)
