#include "ui/about_dialog.h"

#include <QDialogButtonBox>
#include <QIcon>
#include <QLabel>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <QtGlobal>

#include "base/version.h"

namespace rsd::ui {

AboutDialog::AboutDialog(const QString& runtime, const QString& model, QWidget* parent) : QDialog(parent) {
  setWindowTitle(tr("About RSD Studio"));
  setObjectName("aboutDialog");
  auto* icon = new QLabel(this);
  icon->setPixmap(QIcon(":/icons/rsd-studio.svg").pixmap(96, 96));
  auto* title = new QLabel(tr("<h2>RSD Studio %1</h2><p>Photo upscaling with one-step residual shifting "
                              "diffusion (RSD, arXiv:2503.13358), distilled from ResShift.</p>")
                               .arg(QStringLiteral(RSD_VERSION_STRING)),
                           this);
  title->setWordWrap(true);
  auto* text = new QTextBrowser(this);
  text->setOpenExternalLinks(true);
  text->setHtml(
      tr("<p><b>Versions</b><br>Qt %1 (runtime %2)<br>%3<br>Model: %4</p>"
         "<p><b>Licences</b><br>"
         "Qt 6: LGPL-3.0<br>"
         "LibTorch (PyTorch): BSD-3-Clause<br>"
         "OpenCV: Apache-2.0<br>"
         "Exiv2: GPL-2.0-or-later<br>"
         "nlohmann/json: MIT<br>"
         "Model weights: see each model card's licence field.</p>")
          .arg(QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion()), runtime.toHtmlEscaped(),
               model.toHtmlEscaped()));
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(icon, 0, Qt::AlignHCenter);
  layout->addWidget(title);
  layout->addWidget(text, 1);
  layout->addWidget(buttons);
  resize(480, 460);
}

}  // namespace rsd::ui
