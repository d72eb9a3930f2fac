# Weights: .safetensors reader/writer, .pth loader, strict state_dict loading.
rsd_engine_area(rsd_engine_weights
  SOURCES
    engine/weights/placeholder_remove_me.cpp
)
