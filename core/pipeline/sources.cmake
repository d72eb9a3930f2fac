# pipeline sources (paths relative to core/)
list(APPEND RSD_CORE_SOURCES
  pipeline/batch.cpp
  pipeline/batch.h
  pipeline/input_collection.cpp
  pipeline/input_collection.h
  pipeline/output_naming.cpp
  pipeline/output_naming.h
  pipeline/output_options.h
  pipeline/process_file.cpp
  pipeline/process_file.h
)
