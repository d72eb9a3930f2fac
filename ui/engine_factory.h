// The production UpscalerFactory: resolves a model card ("student", "teacher", a card path) and
// loads it with the engine on the requested device. Called on the inference worker thread.
#pragma once

#include "ui/inference_types.h"

namespace rsd::ui {

UpscalerFactory make_engine_factory();

}  // namespace rsd::ui
