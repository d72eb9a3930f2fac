# metadata sources (paths relative to core/)
list(APPEND RSD_CORE_SOURCES
)
