#include "ui/app_settings.h"

#include <algorithm>

namespace rsd::ui {

AppSettings AppSettings::load(QSettings& s) {
  AppSettings d;
  AppSettings a;
  a.model = s.value("model/name", d.model).toString();
  a.teacher = s.value("model/teacher", d.teacher).toString();
  a.device = s.value("model/device", d.device).toString();
  a.precision = s.value("model/precision", d.precision).toString();
  a.tile = s.value("model/tile", d.tile).toInt();
  a.seed = s.value("model/seed", d.seed).toULongLong();
  a.samples = std::clamp(s.value("model/samples", d.samples).toInt(), 1, 16);
  a.detail = std::clamp(s.value("model/detail", d.detail).toInt(), 0, 100);
  a.uncertainty_maps = s.value("output/uncertainty_maps", d.uncertainty_maps).toBool();
  a.models_folder = s.value("model/folder", d.models_folder).toString();
  a.output_folder = s.value("output/folder", d.output_folder).toString();
  a.format = s.value("output/format", d.format).toString();
  a.quality = s.value("output/quality", d.quality).toInt();
  a.naming = s.value("output/naming", d.naming).toString();
  a.metadata = s.value("output/metadata", d.metadata).toString();
  a.language = s.value("ui/language", d.language).toString();
  a.theme = s.value("ui/theme", d.theme).toString();
  a.bicubic_lr = s.value("ui/bicubic_lr", d.bicubic_lr).toBool();
  a.notify = s.value("ui/notify", d.notify).toBool();
  return a;
}

void AppSettings::save(QSettings& s) const {
  s.setValue("model/name", model);
  s.setValue("model/teacher", teacher);
  s.setValue("model/device", device);
  s.setValue("model/precision", precision);
  s.setValue("model/tile", tile);
  s.setValue("model/seed", seed);
  s.setValue("model/samples", samples);
  s.setValue("model/detail", detail);
  s.setValue("output/uncertainty_maps", uncertainty_maps);
  s.setValue("model/folder", models_folder);
  s.setValue("output/folder", output_folder);
  s.setValue("output/format", format);
  s.setValue("output/quality", quality);
  s.setValue("output/naming", naming);
  s.setValue("output/metadata", metadata);
  s.setValue("ui/language", language);
  s.setValue("ui/theme", theme);
  s.setValue("ui/bicubic_lr", bicubic_lr);
  s.setValue("ui/notify", notify);
  s.sync();
}

bool AppSettings::operator==(const AppSettings& o) const {
  return model == o.model && teacher == o.teacher && device == o.device &&
         precision == o.precision && tile == o.tile &&
         seed == o.seed && samples == o.samples && detail == o.detail &&
         uncertainty_maps == o.uncertainty_maps && output_folder == o.output_folder && format == o.format &&
         quality == o.quality && naming == o.naming && metadata == o.metadata &&
         language == o.language && theme == o.theme && bicubic_lr == o.bicubic_lr &&
         notify == o.notify && models_folder == o.models_folder;
}

}  // namespace rsd::ui
