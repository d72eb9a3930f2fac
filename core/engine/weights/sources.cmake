# Weights: .safetensors reader/writer, .pth loader, strict state_dict loading, SHA-256.
rsd_engine_area(rsd_engine_weights
  SOURCES
    engine/weights/pth_loader.cpp
    engine/weights/pickle_rewriter.cpp
    engine/weights/pickle_rewriter.h
    engine/weights/pth_loader.h
    engine/weights/safetensors.cpp
    engine/weights/safetensors.h
    engine/weights/sha256.cpp
    engine/weights/sha256.h
    engine/weights/state_dict.h
    engine/weights/state_dict_loader.cpp
    engine/weights/state_dict_loader.h
)
target_link_libraries(rsd_engine_weights PRIVATE OpenSSL::Crypto)
