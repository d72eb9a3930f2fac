// Error and Result: the error contract of every core function.
// Core never throws across its public API; it returns Result<T> carrying an Error with a code, a
// human-readable message and the context (path, tensor key, stage) the message refers to.
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace rsd {

enum class ErrorCode {
  InvalidArgument,  // a caller passed something that cannot work (bad option, bad size)
  NotFound,         // a file, key or model that should exist does not
  Io,               // reading or writing failed
  Format,           // a file exists but its contents are malformed
  Unsupported,      // well-formed but not something we handle (CMYK, unknown dtype)
  TooLarge,         // refused before doing the work because of a size limit
  Cancelled,        // the job's cancel token was set
  OutOfMemory,      // an allocation failed (host or device)
  Model,            // weights do not fit the network (missing/unexpected/misshaped tensors)
  Internal,         // a bug or an unexpected exception from a library
};

const char* to_string(ErrorCode code);

struct Error {
  ErrorCode code = ErrorCode::Internal;
  std::string message;
  std::string context;  // what the message is about: a path, a tensor key, a stage

  Error() = default;
  Error(ErrorCode c, std::string msg, std::string ctx = {})
      : code(c), message(std::move(msg)), context(std::move(ctx)) {}

  // "context: message" (or just the message when there is no context).
  std::string what() const;
  // A copy with `outer` prepended to the context, e.g. a file path around a tensor key.
  Error within(const std::string& outer) const;
};

// Minimal expected<T, Error>. Accessing value() on an error (or error() on a value) is a bug and
// asserts in debug builds.
template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Error error) : data_(std::move(error)) {}  // NOLINT

  bool ok() const { return data_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { assert(ok()); return std::get<0>(data_); }
  const T& value() const& { assert(ok()); return std::get<0>(data_); }
  T&& value() && { assert(ok()); return std::get<0>(std::move(data_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  const Error& error() const { assert(!ok()); return std::get<1>(data_); }

 private:
  std::variant<T, Error> data_;
};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)) {}  // NOLINT

  bool ok() const { return !error_.has_value(); }
  explicit operator bool() const { return ok(); }
  const Error& error() const { assert(!ok()); return *error_; }

 private:
  std::optional<Error> error_;
};

using Status = Result<void>;

}  // namespace rsd
