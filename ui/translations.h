// Loads the GUI translation for a language from the embedded .qm files (:/i18n) plus Qt's own
// translations, and lists the languages the app ships.
#pragma once

#include <QString>
#include <QStringList>

class QCoreApplication;

namespace rsd::ui {

// Language codes with an embedded translation ("de", "es", "fr", "ja", "ru", "zh_CN"), plus "en".
QStringList available_languages();
// The native name of a language code for the settings dialog ("Deutsch", "日本語" ...).
QString language_display_name(const QString& code);
// Installs the translators for `language` (empty: the system locale). Returns the code used
// ("en" when no translation matched). Call once at start-up, before creating windows.
QString install_translations(QCoreApplication& app, const QString& language);

}  // namespace rsd::ui
