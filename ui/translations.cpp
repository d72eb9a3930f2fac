#include "ui/translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace rsd::ui {

QStringList available_languages() {
  QStringList codes{QStringLiteral("en")};
  for (const QString& file : QDir(QStringLiteral(":/i18n")).entryList({"rsd_studio_*.qm"}, QDir::Files, QDir::Name))
    codes.append(file.mid(11, file.size() - 11 - 3));
  return codes;
}

QString language_display_name(const QString& code) {
  const QLocale locale(code);
  QString name = locale.nativeLanguageName();
  if (code.contains('_')) name += QStringLiteral(" (%1)").arg(locale.nativeTerritoryName());
  return name.isEmpty() ? code : name;
}

QString install_translations(QCoreApplication& app, const QString& language) {
  const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
  auto* own = new QTranslator(&app);
  // QTranslator::load(QLocale, ...) tries "rsd_studio_zh_CN", then "rsd_studio_zh", and so on.
  if (!own->load(locale, QStringLiteral("rsd_studio"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
    delete own;
    return QStringLiteral("en");
  }
  app.installTranslator(own);
  auto* qt = new QTranslator(&app);
  if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
               QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
    app.installTranslator(qt);
  else
    delete qt;
  QLocale::setDefault(locale);
  const QString file = QFileInfo(own->filePath()).completeBaseName();
  return file.mid(11);
}

}  // namespace rsd::ui
