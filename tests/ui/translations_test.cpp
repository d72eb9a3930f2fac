// The embedded translations: every shipped language loads from :/i18n and translates the GUI.
#include <QCoreApplication>
#include <QTranslator>

#include <gtest/gtest.h>

#include "ui/translations.h"

namespace rsd::ui {
namespace {

TEST(Translations, EveryLanguageIsEmbeddedAndTranslatesTheMenus) {
  const QStringList langs = available_languages();
  for (const char* code : {"de", "es", "fr", "ja", "ru", "zh_CN"}) {
    ASSERT_TRUE(langs.contains(code)) << code;
    QTranslator t;
    ASSERT_TRUE(t.load(QStringLiteral(":/i18n/rsd_studio_%1.qm").arg(code))) << code;
    for (const char* text : {"&File", "Split", "Start", "Upscaled", "Compare with teacher"}) {
      const char* context = QByteArray(text) == "Start" ? "rsd::ui::BatchPanel"
                            : QByteArray(text) == "Upscaled" ? "rsd::ui::CompareView"
                            : QByteArray(text) == "Compare with teacher" ? "rsd::ui::RegionPreviewPanel"
                                                                       : "rsd::ui::MainWindow";
      const QString tr = t.translate(context, text);
      EXPECT_FALSE(tr.isEmpty()) << code << ": " << text;
      EXPECT_NE(tr, QString::fromUtf8(text)) << code << ": " << text;
    }
  }
  EXPECT_EQ(language_display_name("de"), "Deutsch");
}

}  // namespace
}  // namespace rsd::ui
