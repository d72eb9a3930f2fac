#include "ui/settings_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QVBoxLayout>

#include "engine/model_locator.h"
#include "imaging/image_format.h"
#include "ui/translations.h"

namespace rsd::ui {
namespace {

void select_data(QComboBox* box, const QString& data) {
  const int i = box->findData(data);
  if (i >= 0) box->setCurrentIndex(i);
}

QWidget* with_button(QWidget* field, QPushButton* button) {
  auto* w = new QWidget;
  auto* h = new QHBoxLayout(w);
  h->setContentsMargins(0, 0, 0, 0);
  h->addWidget(field, 1);
  h->addWidget(button);
  return w;
}

}  // namespace

SettingsDialog::SettingsDialog(const AppSettings& s, bool cuda, QWidget* parent)
    : QDialog(parent), base_(s) {
  setWindowTitle(tr("Settings"));
  setObjectName("settingsDialog");

  models_folder_ = new QLineEdit(s.models_folder, this);
  model_ = new QComboBox(this);
  teacher_ = new QComboBox(this);
  fillModels(s.model, model_, QStringLiteral("student"));
  fillModels(s.teacher, teacher_, QStringLiteral("teacher"));
  auto* browse_model = new QPushButton(tr("Other…"), this);
  connect(browse_model, &QPushButton::clicked, this, [this] { browseModel(model_); });

  device_ = new QComboBox(this);
  device_->addItem(tr("Automatic"), "auto");
  device_->addItem(tr("CPU"), "cpu");
  device_->addItem(cuda ? tr("CUDA GPU") : tr("CUDA GPU (not available)"), "cuda");
  if (!cuda) qobject_cast<QStandardItemModel*>(device_->model())->item(2)->setEnabled(false);
  select_data(device_, s.device);
  precision_ = new QComboBox(this);
  precision_->addItem(tr("Automatic"), "auto");
  precision_->addItem(QStringLiteral("fp32"), "fp32");
  precision_->addItem(QStringLiteral("bf16"), "bf16");
  precision_->addItem(tr("fp16 (GPU only)"), "fp16");
  if (!cuda) qobject_cast<QStandardItemModel*>(precision_->model())->item(3)->setEnabled(false);
  precision_->setToolTip(tr("Number format of the network: Automatic takes bf16 or fp16 on a GPU "
                            "and fp32 on most CPUs; lower precision is faster and differs from "
                            "fp32 by a fraction of a level."));
  select_data(precision_, s.precision);

  tile_ = new QSpinBox(this);
  tile_->setRange(0, 2048);
  tile_->setSingleStep(64);
  tile_->setSpecialValueText(tr("Automatic"));
  tile_->setSuffix(tr(" px"));
  tile_->setValue(s.tile);
  samples_ = new QSpinBox(this);
  samples_->setObjectName("samples");
  samples_->setRange(1, 16);
  samples_->setValue(s.samples);
  samples_->setToolTip(tr("How many samples, each with its own noise, the Detail control blends and "
                          "the map of invented detail compares. Each costs one more model run."));
  seed_ = new QLineEdit(QString::number(s.seed), this);
  seed_->setValidator(nullptr);

  output_ = new QLineEdit(s.output_folder, this);
  output_->setPlaceholderText(tr("Next to each photo"));
  auto* browse_out = new QPushButton(tr("Browse…"), this);
  connect(browse_out, &QPushButton::clicked, this, [this] {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Output folder"), output_->text());
    if (!dir.isEmpty()) output_->setText(dir);
  });
  format_ = new QComboBox(this);
  format_->addItem(tr("Same as the photo"), "same");
  format_->addItem("JPEG", "jpeg");
  format_->addItem("PNG", "png");
  format_->addItem("TIFF", "tiff");
  format_->addItem("WebP", "webp");
  if (imaging::can_write(imaging::ImageFormat::Heif)) format_->addItem("HEIF (HEIC)", "heic");
  if (imaging::can_write(imaging::ImageFormat::Avif)) format_->addItem("AVIF", "avif");
  select_data(format_, s.format);
  quality_ = new QSpinBox(this);
  quality_->setRange(1, 100);
  quality_->setValue(s.quality);
  naming_ = new QLineEdit(s.naming, this);
  naming_->setToolTip(tr("Tokens: {stem} photo name, {ext} output extension, {scale} factor, {model} model name, {date} today"));
  metadata_ = new QComboBox(this);
  metadata_->addItem(tr("Keep all metadata"), "keep");
  metadata_->addItem(tr("Keep all but GPS location"), "strip-gps");
  metadata_->addItem(tr("Strip all metadata (keep the colour profile)"), "strip-all");
  select_data(metadata_, s.metadata);

  language_ = new QComboBox(this);
  language_->addItem(tr("System language"), QString());
  for (const QString& code : available_languages()) language_->addItem(language_display_name(code), code);
  select_data(language_, s.language);
  theme_ = new QComboBox(this);
  theme_->addItem(tr("System"), "system");
  theme_->addItem(tr("Light"), "light");
  theme_->addItem(tr("Dark"), "dark");
  select_data(theme_, s.theme);
  bicubic_ = new QCheckBox(tr("Show the original enlarged bicubic (else nearest neighbour)"), this);
  bicubic_->setChecked(s.bicubic_lr);
  notify_ = new QCheckBox(tr("Notify me when a long batch ends"), this);
  notify_->setChecked(s.notify);
  maps_ = new QCheckBox(tr("Also write a map of invented detail (_uncertainty.png) beside each output"), this);
  maps_->setObjectName("uncertaintyMaps");
  maps_->setChecked(s.uncertainty_maps);

  auto* form = new QFormLayout;
  form->addRow(tr("Model:"), with_button(model_, browse_model));
  form->addRow(tr("Teacher for comparison:"), teacher_);
  form->addRow(tr("Extra models folder:"), models_folder_);
  form->addRow(tr("Device:"), device_);
  form->addRow(tr("Precision:"), precision_);
  form->addRow(tr("Tile size:"), tile_);
  form->addRow(tr("Seed:"), seed_);
  form->addRow(tr("Samples for Detail:"), samples_);
  form->addRow(tr("Output folder:"), with_button(output_, browse_out));
  form->addRow(tr("Format:"), format_);
  form->addRow(tr("Quality (JPEG, WebP, HEIF, AVIF):"), quality_);
  form->addRow(tr("File name:"), naming_);
  form->addRow(tr("Metadata:"), metadata_);
  form->addRow(QString(), maps_);
  form->addRow(tr("Language:"), language_);
  form->addRow(QString(), new QLabel(tr("A new language applies when RSD Studio restarts."), this));
  form->addRow(tr("Theme:"), theme_);
  form->addRow(QString(), bicubic_);
  form->addRow(QString(), notify_);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(buttons);
}

void SettingsDialog::fillModels(const QString& current, QComboBox* box, const QString& role) {
  box->addItem(role == QLatin1String("student") ? tr("RSD lite (shipped, one step)")
                                                 : tr("ResShift lite teacher (shipped)"),
               role);
  for (const auto& card : engine::list_model_cards(base_.models_folder.toStdString())) {
    const QString path = QString::fromStdString(card.string());
    if (box->findData(path) < 0) box->addItem(QFileInfo(path).completeBaseName(), path);
  }
  if (box->findData(current) < 0) box->addItem(QFileInfo(current).completeBaseName(), current);
  select_data(box, current);
}

void SettingsDialog::browseModel(QComboBox* box) {
  const QString file = QFileDialog::getOpenFileName(this, tr("Model card"), QString(), tr("Model cards (*.json)"));
  if (file.isEmpty()) return;
  if (box->findData(file) < 0) box->addItem(QFileInfo(file).completeBaseName(), file);
  select_data(box, file);
}

AppSettings SettingsDialog::settings() const {
  AppSettings s = base_;
  s.model = model_->currentData().toString();
  s.teacher = teacher_->currentData().toString();
  s.models_folder = models_folder_->text();
  s.device = device_->currentData().toString();
  s.precision = precision_->currentData().toString();
  s.tile = tile_->value();
  bool ok = false;
  const quint64 seed = seed_->text().toULongLong(&ok);
  if (ok) s.seed = seed;
  s.output_folder = output_->text();
  s.format = format_->currentData().toString();
  s.quality = quality_->value();
  s.naming = naming_->text().trimmed().isEmpty() ? AppSettings().naming : naming_->text().trimmed();
  s.metadata = metadata_->currentData().toString();
  s.language = language_->currentData().toString();
  s.theme = theme_->currentData().toString();
  s.bicubic_lr = bicubic_->isChecked();
  s.notify = notify_->isChecked();
  s.samples = samples_->value();
  s.uncertainty_maps = maps_->isChecked();
  return s;
}

}  // namespace rsd::ui
