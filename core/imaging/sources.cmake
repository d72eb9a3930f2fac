# imaging sources (paths relative to core/)
list(APPEND RSD_CORE_SOURCES
  imaging/channel_ops.cpp
  imaging/channel_ops.h
  imaging/decoded_image.h
  imaging/file_io.cpp
  imaging/file_io.h
  imaging/header_probe.cpp
  imaging/header_probe.h
  imaging/image_decoder.cpp
  imaging/image_decoder.h
  imaging/image_encoder.cpp
  imaging/image_encoder.h
  imaging/image_format.cpp
  imaging/image_format.h
  imaging/jpeg_writer.cpp
  imaging/jpeg_writer.h
  imaging/mat_bridge.cpp
  imaging/mat_bridge.h
  imaging/orientation.cpp
  imaging/orientation.h
)
