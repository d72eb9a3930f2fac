// AboutDialog: versions (app, Qt, LibTorch runtime, OpenCV via core), the loaded model and the
// licences of what the app is built on.
#pragma once

#include <QDialog>

namespace rsd::ui {

class AboutDialog : public QDialog {
  Q_OBJECT
 public:
  // runtime: one line describing the inference runtime (threads, devices).
  AboutDialog(const QString& runtime, const QString& model, QWidget* parent = nullptr);
};

}  // namespace rsd::ui
