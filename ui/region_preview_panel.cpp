#include "ui/region_preview_panel.h"

#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPixmap>
#include <QPushButton>
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
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addLayout(top);
  layout->addLayout(grid, 1);
  retranslate();
}

void RegionPreviewPanel::setRegion(const QImage& lr_region, int scale, const QRect& lr_rect) {
  lr_ = lr_region;
  scale_ = scale;
  rect_ = lr_rect;
  images_[0] = enlarge(lr_region, scale, LrScaling::Nearest);
  images_[1] = images_[2] = QImage();
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
    caption_text_[i] = tr("%1 on %2 · %3 s")
                           .arg(r.model, r.device, QLocale().toString(r.seconds, 'f', 2));
  }
  if (i == 2) teacher_->setEnabled(true);
  refreshPixmaps();
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
  region_label_->setText(lr_.isNull() ? tr("Shift+drag a rectangle on the photo to preview that region.")
                                      : tr("Region %1, %2 · %3×%4 px")
                                            .arg(rect_.x()).arg(rect_.y()).arg(rect_.width()).arg(rect_.height()));
}

}  // namespace rsd::ui
