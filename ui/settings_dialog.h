// SettingsDialog: edits AppSettings (model, device, tiles, output, naming, metadata, seed,
// language, theme). The caller applies what changed; the language applies on restart.
#pragma once

#include <QDialog>

#include "ui/app_settings.h"

class QCheckBox;
class QComboBox;
class QLineEdit;
class QSpinBox;

namespace rsd::ui {

class SettingsDialog : public QDialog {
  Q_OBJECT
 public:
  // cuda: whether a CUDA device is usable (the CUDA entry is disabled otherwise).
  SettingsDialog(const AppSettings& settings, bool cuda, QWidget* parent = nullptr);
  AppSettings settings() const;

 private:
  void fillModels(const QString& current, QComboBox* box, const QString& role);
  void browseModel(QComboBox* box);
  QComboBox *model_ = nullptr, *teacher_ = nullptr, *device_ = nullptr, *precision_ = nullptr,
            *format_ = nullptr, *metadata_ = nullptr, *language_ = nullptr, *theme_ = nullptr;
  QSpinBox *tile_ = nullptr, *quality_ = nullptr, *samples_ = nullptr;
  QLineEdit *output_ = nullptr, *naming_ = nullptr, *seed_ = nullptr, *models_folder_ = nullptr;
  QCheckBox *bicubic_ = nullptr, *notify_ = nullptr, *maps_ = nullptr;
  AppSettings base_;
};

}  // namespace rsd::ui
