// RegionPreviewPanel: the region preview and the teacher comparison — LR (enlarged nearest),
// student and teacher results of the same region side by side, each captioned with its model,
// device and time.
#pragma once

#include <QImage>
#include <QWidget>

#include "ui/inference_types.h"

class QLabel;
class QPushButton;

namespace rsd::ui {

class RegionPreviewPanel : public QWidget {
  Q_OBJECT
 public:
  explicit RegionPreviewPanel(QWidget* parent = nullptr);

  // A new region: shows its LR pixels, marks the student as running, clears the teacher.
  void setRegion(const QImage& lr_region, int scale, const QRect& lr_rect);
  void setTeacherRunning();
  void setResult(const PreviewResult& result);
  bool hasRegion() const { return !lr_.isNull(); }
  QImage studentImage() const { return images_[1]; }
  QImage teacherImage() const { return images_[2]; }

 Q_SIGNALS:
  void teacherRequested();

 protected:
  void changeEvent(QEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;

 private:
  void retranslate();
  void refreshPixmaps();
  QLabel* titles_[3] = {};
  QLabel* images_label_[3] = {};
  QLabel* captions_[3] = {};
  QImage images_[3];
  QString caption_text_[3];
  QLabel* region_label_ = nullptr;
  QPushButton* teacher_ = nullptr;
  QImage lr_;
  int scale_ = 4;
  QRect rect_;
};

}  // namespace rsd::ui
