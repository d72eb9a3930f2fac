// AppSettings: every user preference of the app, read from and written to QSettings. A plain
// value so the batch can copy what it needs per item and tests can round-trip it.
#pragma once

#include <QSettings>
#include <QString>

namespace rsd::ui {

struct AppSettings {
  QString model = QStringLiteral("student");    // "student", "teacher" or a model card path
  QString teacher = QStringLiteral("teacher");  // the model of the teacher comparison
  QString device = QStringLiteral("auto");      // auto | cpu | cuda
  QString precision = QStringLiteral("auto");   // auto | fp32 | fp16 | bf16 (engine::Precision)
  int tile = 0;                                 // LR tile side; 0 = automatic
  quint64 seed = 12345;
  int samples = 4;                              // K of the detail control and the uncertainty map
  int detail = 100;                             // D in percent (100: the first sample, as always)
  bool uncertainty_maps = false;                // the batch writes {output}_uncertainty.png too
  QString output_folder;                        // empty: next to each photo
  QString format = QStringLiteral("same");      // same | jpeg | png | tiff | webp
  int quality = 95;
  QString naming = QStringLiteral("{stem}_x{scale}.{ext}");
  QString metadata = QStringLiteral("keep");    // keep | strip-gps | strip-all
  QString language;                             // empty: the system locale; else "de", "zh_CN" ...
  QString theme = QStringLiteral("system");     // system | light | dark
  bool bicubic_lr = false;                      // compare view: LR enlarged bicubic (else nearest)
  bool notify = true;                           // desktop notification when a long batch ends
  QString models_folder;                        // extra folder searched for model cards

  static AppSettings load(QSettings& settings);
  void save(QSettings& settings) const;
  bool operator==(const AppSettings& o) const;
};

}  // namespace rsd::ui
