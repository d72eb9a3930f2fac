// RegionPreviewPanel: the region preview and the teacher comparison — LR (enlarged nearest),
// student and teacher results of the same region side by side, each captioned with its model,
// device and time. Below them the detail control: a Detail slider that re-blends the student's
// K cached samples at once (0 % = their mean, most faithful; 100 % = one sample, most detail),
// and the map of invented detail (where the samples disagree) drawn over the result at an
// adjustable opacity.
#pragma once

#include <QColorSpace>
#include <QImage>
#include <QWidget>

#include <memory>

#include "ui/inference_types.h"

class QCheckBox;
class QLabel;
class QPushButton;
class QSlider;

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
  // Detail in percent; setting it re-blends the cached samples (no signal).
  int detail() const;
  void setDetail(int percent);
  bool overlayShown() const;
  int overlayOpacity() const;
  void setOverlay(bool shown, int opacity_percent);
  int sampleCount() const { return samples_ ? samples_->samples : 0; }

 Q_SIGNALS:
  void teacherRequested();
  // "Whole photo": the map of invented detail for the whole photo, through the batch.
  void wholePhotoMapRequested();
  // The student's image changed (new detail or overlay): the compare view shows it too.
  void studentImageChanged(const QImage& image);
  void detailChanged(int percent);
  // The map overlay was switched or its opacity changed (the whole-photo result follows it).
  void overlayChanged();

 protected:
  void changeEvent(QEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;

 private:
  void retranslate();
  void refreshPixmaps();
  void reblend();
  void updateDetailLabels();
  QLabel* titles_[3] = {};
  QLabel* images_label_[3] = {};
  QLabel* captions_[3] = {};
  QImage images_[3];
  QString caption_text_[3];
  QLabel* region_label_ = nullptr;
  QPushButton* teacher_ = nullptr;
  QSlider* detail_ = nullptr;
  QSlider* opacity_ = nullptr;
  QCheckBox* overlay_ = nullptr;
  QLabel* detail_label_ = nullptr;
  QLabel* detail_value_ = nullptr;
  QLabel* opacity_label_ = nullptr;
  QPushButton* whole_photo_ = nullptr;
  std::shared_ptr<const SampleSet> samples_;
  QColorSpace space_;
  QImage lr_;
  int scale_ = 4;
  QRect rect_;
};

}  // namespace rsd::ui
