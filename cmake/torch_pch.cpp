// The one translation unit of rsd_torch_pch, the target that owns the precompiled LibTorch
// headers (cmake/BuildSpeed.cmake); it defines nothing.
