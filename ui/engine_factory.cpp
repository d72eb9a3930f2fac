#include "ui/engine_factory.h"

#include "engine/model_locator.h"
#include "engine/model_card.h"
#include "engine/runtime.h"
#include "engine/upscaler.h"

namespace rsd::ui {

UpscalerFactory make_engine_factory() {
  return [](const ModelSpec& spec, ModelRole role) -> Result<std::unique_ptr<ImageUpscaler>> {
    std::string name = spec.card.toStdString();
    if (name.empty()) name = role == ModelRole::Teacher ? "teacher" : "student";
    auto path = engine::locate_model_card(name);
    if (!path) return path.error();
    auto card = engine::ModelCard::load(*path);
    if (!card) return card.error();
    auto device = engine::parse_device(spec.device.isEmpty() ? "auto" : spec.device.toStdString());
    if (!device) return device.error();
    engine::UpscaleOptions options;
    options.tile = spec.tile;
    options.seed = spec.seed;
    options.precision = spec.precision.isEmpty() ? "auto" : spec.precision.toStdString();
    auto up = engine::Upscaler::create(*card, *device, options);
    if (!up) return up.error();
    return std::unique_ptr<ImageUpscaler>(std::move(up.value()));
  };
}

}  // namespace rsd::ui
