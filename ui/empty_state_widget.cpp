#include "ui/empty_state_widget.h"

#include <QEvent>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace rsd::ui {

EmptyStateWidget::EmptyStateWidget(QWidget* parent) : QWidget(parent) {
  setObjectName("emptyState");
  auto* icon = new QLabel(this);
  icon->setPixmap(QIcon(":/icons/rsd-studio.svg").pixmap(128, 128));
  icon->setAlignment(Qt::AlignCenter);

  title_ = new QLabel(this);
  title_->setAlignment(Qt::AlignCenter);
  QFont f = title_->font();
  f.setPointSizeF(f.pointSizeF() * 1.6);
  f.setBold(true);
  title_->setFont(f);

  hint_ = new QLabel(this);
  hint_->setObjectName("emptyStateHint");
  hint_->setAlignment(Qt::AlignCenter);
  hint_->setWordWrap(true);

  open_ = new QPushButton(this);
  open_->setObjectName("emptyStateOpen");
  connect(open_, &QPushButton::clicked, this, &EmptyStateWidget::openRequested);

  auto* layout = new QVBoxLayout(this);
  layout->addStretch(2);
  layout->addWidget(icon);
  layout->addSpacing(12);
  layout->addWidget(title_);
  layout->addWidget(hint_);
  layout->addSpacing(12);
  layout->addWidget(open_, 0, Qt::AlignCenter);
  layout->addStretch(3);
  retranslate();
}

void EmptyStateWidget::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

void EmptyStateWidget::retranslate() {
  title_->setText(tr("Drop photos here"));
  hint_->setText(
      tr("Drag photos or folders onto this window to upscale them 4×.\n"
         "You can also open files, or paste an image from the clipboard (Ctrl+V).\n"
         "Supported: JPEG, PNG, TIFF, WebP and BMP, 8 or 16 bits, with metadata kept."));
  open_->setText(tr("Open Photos…"));
}

}  // namespace rsd::ui
