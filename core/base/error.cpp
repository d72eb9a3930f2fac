#include "base/error.h"

namespace rsd {

const char* to_string(ErrorCode code) {
  switch (code) {
    case ErrorCode::InvalidArgument: return "invalid argument";
    case ErrorCode::NotFound: return "not found";
    case ErrorCode::Io: return "I/O error";
    case ErrorCode::Format: return "malformed file";
    case ErrorCode::Unsupported: return "unsupported";
    case ErrorCode::TooLarge: return "too large";
    case ErrorCode::Cancelled: return "cancelled";
    case ErrorCode::OutOfMemory: return "out of memory";
    case ErrorCode::Model: return "model error";
    case ErrorCode::Internal: return "internal error";
  }
  return "unknown error";
}

std::string Error::what() const {
  if (context.empty()) return message;
  return context + ": " + message;
}

Error Error::within(const std::string& outer) const {
  Error e = *this;
  e.context = context.empty() ? outer : outer + ": " + context;
  return e;
}

}  // namespace rsd
