// libjpeg's fatal-error hook for the encoders in core/imaging (jpeg_writer, jpeg_row_writer):
// error_exit must not return, so it formats the message and jumps back to the caller's setjmp.
// Internal to core/imaging.
#pragma once

#include <csetjmp>
#include <cstdio>

#include <jpeglib.h>

namespace rsd::imaging::detail {

struct JpegErrorManager {
  jpeg_error_mgr base;  // first member: libjpeg sees a jpeg_error_mgr*
  std::jmp_buf jump;
  char message[JMSG_LENGTH_MAX];
};

// Install with `err.base.error_exit = jpeg_error_exit;` after jpeg_std_error(&err.base).
inline void jpeg_error_exit(j_common_ptr cinfo) {
  auto* err = reinterpret_cast<JpegErrorManager*>(cinfo->err);
  (*cinfo->err->format_message)(cinfo, err->message);
  std::longjmp(err->jump, 1);
}

}  // namespace rsd::imaging::detail
