#include "metadata/exiv2_support.h"

#include <mutex>

namespace rsd::metadata::detail {
namespace {

std::mutex g_xmp_mutex;

void xmp_lock(void* data, bool lock) {
  auto* m = static_cast<std::mutex*>(data);
  if (lock)
    m->lock();
  else
    m->unlock();
}

}  // namespace

void ensure_exiv2_initialized() {
  static std::once_flag once;
  std::call_once(once, [] {
    Exiv2::XmpParser::initialize(xmp_lock, &g_xmp_mutex);
    Exiv2::LogMsg::setLevel(Exiv2::LogMsg::mute);
    // ISO-BMFF files (HEIF, AVIF, Canon CR3): Exiv2 0.27 reads their EXIF and XMP only when
    // asked to (it cannot write them; the HEIF encoder does that, see container_metadata()).
    Exiv2::enableBMFF(true);
  });
}

Error from_exiv2(const Exiv2::AnyError& e, ErrorCode code, const std::string& what) {
  return Error(code, what + ": " + e.what());
}

}  // namespace rsd::metadata::detail
