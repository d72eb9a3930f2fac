// EmptyStateWidget: what the main window shows before any photo is loaded — it explains how to
// get photos in (drag and drop, Open, paste) rather than showing a blank canvas.
#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace rsd::ui {

class EmptyStateWidget : public QWidget {
  Q_OBJECT
 public:
  explicit EmptyStateWidget(QWidget* parent = nullptr);

 Q_SIGNALS:
  void openRequested();

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();
  QLabel* title_ = nullptr;
  QLabel* hint_ = nullptr;
  QPushButton* open_ = nullptr;
};

}  // namespace rsd::ui
