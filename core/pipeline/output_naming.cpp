#include "pipeline/output_naming.h"

#include <cctype>
#include <ctime>

namespace rsd::pipeline {
namespace fs = std::filesystem;
namespace {

std::string local_date() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

std::string sanitize(const std::string& s) {
  std::string out;
  for (unsigned char c : s) out += std::isalnum(c) || c == '.' || c == '_' || c == '-' ? char(c) : '-';
  return out;
}

// "name.ext" -> "name_2.ext"
fs::path numbered(const fs::path& dir, const std::string& name, int n) {
  const fs::path p(fs::u8path(name));
  const std::string stem = p.stem().u8string(), ext = p.extension().u8string();
  return dir / fs::u8path(stem + "_" + std::to_string(n) + ext);
}

}  // namespace

bool is_protected(const fs::path& candidate, const fs::path& input, const OutputOptions& options) {
  if (same_file(candidate, input)) return true;
  for (const auto& p : options.protected_paths)
    if (same_file(candidate, p)) return true;
  return false;
}

imaging::ImageFormat output_format(imaging::ImageFormat input_format, int input_bit_depth, const OutputOptions& options) {
  using imaging::ImageFormat;
  if (options.format != ImageFormat::Unknown) return options.format;
  if (input_format == ImageFormat::Raw) return ImageFormat::Tiff;
  if (imaging::is_heif_family(input_format)) {
    if (input_bit_depth > 8) return ImageFormat::Tiff;
    return imaging::can_write(input_format) ? input_format : ImageFormat::Jpeg;
  }
  return imaging::can_write(input_format) ? input_format : ImageFormat::Png;
}

NameTokens make_tokens(const fs::path& input, imaging::ImageFormat input_format,
                       imaging::ImageFormat format, int scale, const std::string& model) {
  NameTokens t;
  t.stem = input.stem().u8string();
  const std::string input_ext = input.extension().u8string();
  const bool keep_spelling = format == input_format && input_ext.size() > 1 &&
                             imaging::format_from_extension(input_ext) == format;
  t.ext = keep_spelling ? input_ext.substr(1) : imaging::canonical_extension(format);
  t.scale = scale;
  t.model = sanitize(model);
  t.date = local_date();
  return t;
}

Result<std::string> expand_name_template(const std::string& name_template, const NameTokens& tokens) {
  std::string out;
  for (size_t i = 0; i < name_template.size(); ++i) {
    const char c = name_template[i];
    if (c == '}') return Error(ErrorCode::InvalidArgument, "unbalanced '}' in the name template", name_template);
    if (c != '{') {
      out += c;
      continue;
    }
    const size_t close = name_template.find('}', i);
    if (close == std::string::npos)
      return Error(ErrorCode::InvalidArgument, "unbalanced '{' in the name template", name_template);
    const std::string token = name_template.substr(i + 1, close - i - 1);
    if (token == "stem") out += tokens.stem;
    else if (token == "ext") out += tokens.ext;
    else if (token == "scale") out += std::to_string(tokens.scale);
    else if (token == "model") out += tokens.model;
    else if (token == "date") out += tokens.date;
    else
      return Error(ErrorCode::InvalidArgument,
                   "unknown token {" + token + "} (use {stem}, {ext}, {scale}, {model}, {date})", name_template);
    i = close;
  }
  if (out.empty() || out == "." || out == ".." || out.find('/') != std::string::npos ||
      out.find('\0') != std::string::npos)
    return Error(ErrorCode::InvalidArgument, "the name template must give a plain file name, got \"" + out + "\"",
                 name_template);
  return out;
}

bool same_file(const fs::path& a, const fs::path& b) {
  std::error_code ec;
  if (fs::equivalent(a, b, ec)) return true;  // same device and inode (hard links, symlinks)
  const fs::path ca = fs::weakly_canonical(a, ec);
  if (ec) return false;
  const fs::path cb = fs::weakly_canonical(b, ec);
  return !ec && ca == cb;
}

Result<OutputPlan> plan_output_path(const fs::path& input, const NameTokens& tokens,
                                    const OutputOptions& options) {
  auto name = expand_name_template(options.name_template, tokens);
  if (!name) return name.error().within(input.u8string());
  fs::path dir = options.output_dir.empty() ? input.parent_path() : options.output_dir;
  if (dir.empty()) dir = ".";
  const fs::path first = dir / fs::u8path(name.value());
  std::error_code ec;
  auto exists = [&](const fs::path& p) { return fs::symlink_status(p, ec).type() != fs::file_type::not_found; };

  if (options.existing != ExistingOutput::KeepBoth) {
    if (is_protected(first, input, options))
      return Error(ErrorCode::InvalidArgument,
                   "the output name " + first.u8string() + " is an input file; choose another name or folder",
                   input.u8string());
    return OutputPlan{first, exists(first)};
  }
  if (!exists(first) && !is_protected(first, input, options)) return OutputPlan{first, false};
  for (int n = 2; n < 100000; ++n) {
    const fs::path candidate = numbered(dir, name.value(), n);
    if (!exists(candidate) && !is_protected(candidate, input, options)) return OutputPlan{candidate, false};
  }
  return Error(ErrorCode::Io, "no free output name", first.u8string());
}

Result<std::vector<fs::path>> make_output_folders(const fs::path& dir) {
  std::vector<fs::path> made;
  std::error_code ec;
  for (fs::path p = dir; !p.empty() && !fs::exists(p, ec); p = p.parent_path()) {
    made.push_back(p);
    if (p == p.parent_path()) break;
  }
  fs::create_directories(dir, ec);
  if (ec) return Error(ErrorCode::Io, "cannot create the folder: " + ec.message(), dir.u8string());
  return made;
}

void remove_empty_folders(const std::vector<fs::path>& folders) {
  for (const auto& f : folders) {
    std::error_code ec;
    fs::remove(f, ec);  // fails, harmlessly, on a folder that is not empty
  }
}

}  // namespace rsd::pipeline
