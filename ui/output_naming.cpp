#include "ui/output_naming.h"

#include <QDate>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

#include "imaging/header_probe.h"
#include "imaging/image_format.h"
#include "pipeline/output_naming.h"
#include "pipeline/output_options.h"

namespace rsd::ui {
namespace {

bool is_photo(const QFileInfo& fi) {
  return imaging::format_from_extension(fi.suffix().toStdString()) != imaging::ImageFormat::Unknown &&
         !fi.fileName().startsWith('.');
}

// A 10/12-bit HEIF or AVIF is written as 16-bit TIFF (the core's choice, pipeline/output_options.h),
// which only its header tells; other inputs are named from their suffix.
QString deep_heif_extension(const QString& input) {
  const auto format = imaging::format_from_extension(QFileInfo(input).suffix().toStdString());
  if (!imaging::is_heif_family(format)) return {};
  QFile file(input);
  if (!file.open(QIODevice::ReadOnly)) return {};
  const QByteArray bytes = file.readAll();
  auto header = imaging::probe_header(reinterpret_cast<const uint8_t*>(bytes.constData()), size_t(bytes.size()));
  if (!header || header->bit_depth <= 8) return {};
  return QString::fromLatin1(
      imaging::canonical_extension(pipeline::output_format(header->format, header->bit_depth, pipeline::OutputOptions())));
}

}  // namespace

QString output_extension(const QString& format, const QString& input_suffix) {
  const QString f = format.toLower();
  if (f == "jpeg" || f == "jpg") return QStringLiteral("jpg");
  if (f == "png") return QStringLiteral("png");
  if (f == "tiff" || f == "tif") return QStringLiteral("tif");
  if (f == "webp") return QStringLiteral("webp");
  if (f == "heic" || f == "heif") return QStringLiteral("heic");
  if (f == "avif") return QStringLiteral("avif");
  const QString s = input_suffix.toLower();
  if (s == "jpg" || s == "jpeg" || s == "png" || s == "tif" || s == "tiff" || s == "webp") return s;
  // The rest as the core chooses for the input's format: BMP becomes PNG, camera RAW 16-bit TIFF,
  // HEIF/AVIF their own format where libheif can write it (JPEG otherwise).
  const imaging::ImageFormat written =
      pipeline::output_format(imaging::format_from_extension(s.toStdString()), pipeline::OutputOptions());
  if (written == imaging::ImageFormat::Unknown) return QStringLiteral("png");
  return QString::fromLatin1(imaging::canonical_extension(written));
}

QString output_path(const QString& input, const OutputPlan& plan) {
  const QFileInfo fi(input);
  const QString folder = plan.folder.isEmpty() ? fi.absolutePath() : plan.folder;
  pipeline::NameTokens tokens;
  tokens.stem = fi.completeBaseName().toStdString();
  const QString deep = plan.format == QLatin1String("same") ? deep_heif_extension(input) : QString();
  tokens.ext = (deep.isEmpty() ? output_extension(plan.format, fi.suffix()) : deep).toStdString();
  tokens.scale = plan.scale;
  QString model = plan.model;
  model.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]")), QStringLiteral("_"));
  tokens.model = model.toStdString();
  tokens.date = QDate::currentDate().toString(Qt::ISODate).toStdString();
  auto name = pipeline::expand_name_template(plan.naming.toStdString(), tokens);
  if (!name) name = pipeline::expand_name_template("{stem}_x{scale}.{ext}", tokens);
  QString path = QDir(folder).filePath(QString::fromStdString(*name));
  if (QFileInfo(path).absoluteFilePath() == fi.absoluteFilePath())
    path = QDir(folder).filePath(QString::fromStdString(tokens.stem) + QStringLiteral("_x%1.").arg(plan.scale) +
                                 QString::fromStdString(tokens.ext));
  return path;
}

QStringList collect_photo_files(const QStringList& paths) {
  QStringList files;
  QSet<QString> seen;
  auto add = [&](const QFileInfo& fi) {
    const QString p = fi.absoluteFilePath();
    if (!seen.contains(p)) {
      seen.insert(p);
      files.append(p);
    }
  };
  for (const QString& path : paths) {
    const QFileInfo fi(path);
    if (fi.isDir()) {
      QStringList found;
      QDirIterator it(fi.absoluteFilePath(), QDir::Files, QDirIterator::Subdirectories);
      while (it.hasNext()) {
        const QFileInfo f(it.next());
        if (is_photo(f)) found.append(f.absoluteFilePath());
      }
      std::sort(found.begin(), found.end());
      for (const QString& f : found) add(QFileInfo(f));
    } else if (fi.isFile() && is_photo(fi)) {
      add(fi);
    }
  }
  return files;
}

}  // namespace rsd::ui
