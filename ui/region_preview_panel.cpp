#include "ui/region_preview_panel.h"

#include <QEvent>
#include <QCheckBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPixmap>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSlider>
#include <QVBoxLayout>

#include <algorithm>

#include "ui/image_convert.h"

namespace rsd::ui {

RegionPreviewPanel::RegionPreviewPanel(QWidget* parent) : QWidget(parent) {
  setObjectName("regionPreview");
  auto* grid = new QGridLayout;
  for (int i = 0; i < 3; ++i) {
    titles_[i] = new QLabel(this);
    titles_[i]->setAlignment(Qt::AlignCenter);
    QFont f = titles_[i]->font();
    f.setBold(true);
    titles_[i]->setFont(f);
    images_label_[i] = new QLabel(this);
    images_label_[i]->setAlignment(Qt::AlignCenter);
    images_label_[i]->setMinimumSize(120, 120);
    images_label_[i]->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);
    captions_[i] = new QLabel(this);
    captions_[i]->setAlignment(Qt::AlignCenter);
    captions_[i]->setWordWrap(true);
    grid->addWidget(titles_[i], 0, i);
    grid->addWidget(images_label_[i], 1, i);
    grid->addWidget(captions_[i], 2, i);
    grid->setColumnStretch(i, 1);
  }
  grid->setRowStretch(1, 1);
  images_label_[1]->setObjectName("previewStudent");
  images_label_[2]->setObjectName("previewTeacher");
  region_label_ = new QLabel(this);
  teacher_ = new QPushButton(this);
  teacher_->setObjectName("compareTeacher");
  teacher_->setEnabled(false);
  connect(teacher_, &QPushButton::clicked, this, &RegionPreviewPanel::teacherRequested);
  auto* top = new QHBoxLayout;
  top->addWidget(region_label_, 1);
  top->addWidget(teacher_);

  detail_label_ = new QLabel(this);
  detail_ = new QSlider(Qt::Horizontal, this);
  detail_->setObjectName("detailSlider");
  detail_->setRange(0, 100);
  detail_->setValue(100);
  detail_value_ = new QLabel(this);
  detail_value_->setMinimumWidth(40);
  overlay_ = new QCheckBox(this);
  overlay_->setObjectName("uncertaintyOverlay");
  opacity_label_ = new QLabel(this);
  opacity_ = new QSlider(Qt::Horizontal, this);
  opacity_->setObjectName("overlayOpacity");
  opacity_->setRange(0, 100);
  opacity_->setValue(70);
  opacity_->setEnabled(false);
  connect(detail_, &QSlider::valueChanged, this, [this](int v) {
    updateDetailLabels();
    reblend();
    Q_EMIT detailChanged(v);
  });
  connect(overlay_, &QCheckBox::toggled, this, [this](bool on) {
    opacity_->setEnabled(on);
    reblend();
    Q_EMIT overlayChanged();
  });
  connect(opacity_, &QSlider::valueChanged, this, [this] {
    reblend();
    Q_EMIT overlayChanged();
  });
  whole_photo_ = new QPushButton(this);
  whole_photo_->setObjectName("wholePhotoMap");
  connect(whole_photo_, &QPushButton::clicked, this, &RegionPreviewPanel::wholePhotoMapRequested);
  auto* controls = new QHBoxLayout;
  controls->addWidget(detail_label_);
  controls->addWidget(detail_, 2);
  controls->addWidget(detail_value_);
  controls->addSpacing(12);
  controls->addWidget(overlay_);
  controls->addWidget(opacity_label_);
  controls->addWidget(opacity_, 1);
  controls->addWidget(whole_photo_);

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addLayout(top);
  layout->addLayout(grid, 1);
  layout->addLayout(controls);
  retranslate();
}

void RegionPreviewPanel::setRegion(const QImage& lr_region, int scale, const QRect& lr_rect) {
  lr_ = lr_region;
  scale_ = scale;
  rect_ = lr_rect;
  images_[0] = enlarge(lr_region, scale, LrScaling::Nearest);
  images_[1] = images_[2] = QImage();
  samples_.reset();
  caption_text_[0] = tr("%1×%2 px, nearest neighbour").arg(lr_rect.width()).arg(lr_rect.height());
  caption_text_[1] = tr("Working…");
  caption_text_[2].clear();
  teacher_->setEnabled(true);
  retranslate();
  refreshPixmaps();
}

void RegionPreviewPanel::setTeacherRunning() {
  images_[2] = QImage();
  caption_text_[2] = tr("Working… (the teacher takes many steps)");
  teacher_->setEnabled(false);
  refreshPixmaps();
}

void RegionPreviewPanel::setResult(const PreviewResult& r) {
  const int i = r.role == ModelRole::Teacher ? 2 : 1;
  if (r.cancelled) {
    caption_text_[i] = tr("Cancelled");
  } else if (!r.error.isEmpty()) {
    caption_text_[i] = tr("Failed: %1").arg(r.error);
  } else {
    images_[i] = r.image;
    const QString seconds = QLocale().toString(r.seconds, 'f', 2);
    caption_text_[i] = r.partial ? tr("%1 on %2 · %3 s, more samples coming…").arg(r.model, r.device, seconds)
                       : r.samples && r.samples->samples > 1
                           ? tr("%1 on %2 · %3 s, samples: %4").arg(r.model, r.device, seconds).arg(r.samples->samples)
                           : tr("%1 on %2 · %3 s").arg(r.model, r.device, seconds);
    if (i == 1) {  // the student's samples, kept for the Detail control and the map
      samples_ = r.samples;
      space_ = r.color_space;
      reblend();
      return;
    }
  }
  if (i == 2) teacher_->setEnabled(true);
  refreshPixmaps();
}

int RegionPreviewPanel::detail() const { return detail_->value(); }

void RegionPreviewPanel::setDetail(int percent) {
  const QSignalBlocker block(detail_);
  detail_->setValue(percent);
  updateDetailLabels();
  reblend();
}

bool RegionPreviewPanel::overlayShown() const { return overlay_->isChecked(); }
int RegionPreviewPanel::overlayOpacity() const { return opacity_->value(); }

void RegionPreviewPanel::setOverlay(bool shown, int opacity_percent) {
  opacity_->setValue(opacity_percent);
  overlay_->setChecked(shown);
}

void RegionPreviewPanel::reblend() {
  if (!samples_) return;
  QImage image = blended_display(*samples_, detail_->value() / 100.0, space_);
  if (overlay_->isChecked()) image = with_uncertainty_overlay(image, *samples_, opacity_->value() / 100.0);
  images_[1] = image;
  refreshPixmaps();
  Q_EMIT studentImageChanged(image);
}

void RegionPreviewPanel::updateDetailLabels() {
  detail_value_->setText(QStringLiteral("%1 %").arg(detail_->value()));
}

void RegionPreviewPanel::refreshPixmaps() {
  for (int i = 0; i < 3; ++i) {
    captions_[i]->setText(caption_text_[i]);
    if (images_[i].isNull()) {
      images_label_[i]->setPixmap(QPixmap());
      continue;
    }
    const QSize box = images_label_[i]->size();
    // Shrink to fit but never enlarge smoothly: above 1:1, repeat pixels so detail is judged honestly.
    const double fit = std::min(box.width() / double(images_[i].width()), box.height() / double(images_[i].height()));
    const Qt::TransformationMode mode = fit >= 1.0 ? Qt::FastTransformation : Qt::SmoothTransformation;
    images_label_[i]->setPixmap(
        QPixmap::fromImage(images_[i].scaled(images_[i].size() * fit, Qt::KeepAspectRatio, mode)));
  }
}

void RegionPreviewPanel::resizeEvent(QResizeEvent* event) {
  QWidget::resizeEvent(event);
  refreshPixmaps();
}

void RegionPreviewPanel::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

void RegionPreviewPanel::retranslate() {
  titles_[0]->setText(tr("Original"));
  titles_[1]->setText(tr("Student (one step)"));
  titles_[2]->setText(tr("Teacher (multi-step)"));
  teacher_->setText(tr("Compare with teacher"));
  detail_label_->setText(tr("Detail:"));
  detail_->setToolTip(tr("0 %: the mean of several samples, most faithful to the photo and softest. "
                         "100 %: a single sample, with the most (partly invented) detail."));
  overlay_->setText(tr("Show invented detail"));
  overlay_->setToolTip(tr("Colours the places where the samples disagree: the model invented detail "
                          "there that the photo does not hold (black: all samples agree)."));
  opacity_label_->setText(tr("Opacity:"));
  whole_photo_->setText(tr("Map the whole photo"));
  whole_photo_->setToolTip(tr("Upscales the whole photo with its map of invented detail (through the batch "
                              "queue) and shows the map over the result."));
  updateDetailLabels();
  region_label_->setText(lr_.isNull() ? tr("Shift+drag a rectangle on the photo to preview that region.")
                                      : tr("Region %1, %2 · %3×%4 px")
                                            .arg(rect_.x()).arg(rect_.y()).arg(rect_.width()).arg(rect_.height()));
}

}  // namespace rsd::ui
