# pipeline sources (paths relative to core/)
list(APPEND RSD_CORE_SOURCES
  pipeline/banded_job.cpp
  pipeline/banded_job.h
  pipeline/banded_upscale.cpp
  pipeline/banded_upscale.h
  pipeline/batch.cpp
  pipeline/batch.h
  pipeline/input_collection.cpp
  pipeline/input_collection.h
  pipeline/output_naming.cpp
  pipeline/output_naming.h
  pipeline/output_options.h
  pipeline/process_file.cpp
  pipeline/process_file.h
  pipeline/uncertainty_map.cpp
  pipeline/uncertainty_map.h
)
