// Output file names: the name template, and the choice of a final path that never replaces an
// input and keeps existing files unless the user asked to overwrite them.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "base/error.h"
#include "imaging/image_format.h"
#include "pipeline/output_options.h"

namespace rsd::pipeline {

struct NameTokens {
  std::string stem;   // input file name without extension
  std::string ext;    // output extension without dot
  int scale = 0;
  std::string model;  // sanitised to [A-Za-z0-9._-]
  std::string date;   // YYYY-MM-DD
};

// The tokens for `input` written as `format` (the input's own extension spelling is kept when the
// format does not change: "IMG_1.JPEG" -> "JPEG").
NameTokens make_tokens(const std::filesystem::path& input, imaging::ImageFormat input_format,
                       imaging::ImageFormat format, int scale, const std::string& model);

// Expands the template. Errors (InvalidArgument): unknown token, unbalanced brace, or a result
// that is not a plain file name (empty, ".", "..", or containing '/').
Result<std::string> expand_name_template(const std::string& name_template, const NameTokens& tokens);

struct OutputPlan {
  std::filesystem::path path;  // where the output goes
  bool exists = false;         // `path` exists now (Overwrite or Skip applies)
};

// Picks the output path for `input`. Errors name the input: InvalidArgument when the template is
// bad or the only possible name is an input/protected file (with Overwrite or Skip).
Result<OutputPlan> plan_output_path(const std::filesystem::path& input, const NameTokens& tokens,
                                    const OutputOptions& options);

// True if `candidate` is `input` or one of options.protected_paths (same_file).
bool is_protected(const std::filesystem::path& candidate, const std::filesystem::path& input,
                  const OutputOptions& options);

// True if `a` and `b` name the same file (same inode, or the same canonical path).
bool same_file(const std::filesystem::path& a, const std::filesystem::path& b);

// Makes the output folder `dir` and its missing parents. Returns the folders it made, deepest
// first, so that a caller whose file then fails can take them away again with
// remove_empty_folders(); the error names the folder.
Result<std::vector<std::filesystem::path>> make_output_folders(const std::filesystem::path& dir);
// Removes each folder while it is empty, in order; never touches a folder with anything in it
// (another file's output, or something put there meanwhile). Errors are ignored.
void remove_empty_folders(const std::vector<std::filesystem::path>& folders);

}  // namespace rsd::pipeline
