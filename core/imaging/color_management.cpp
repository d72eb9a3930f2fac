#include "imaging/color_management.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <memory>
#include <mutex>

#include <lcms2.h>

namespace rsd::imaging {
namespace fs = std::filesystem;
namespace {

struct ProfileCloser {
  void operator()(void* p) const { if (p) cmsCloseProfile(p); }
};
struct TransformDeleter {
  void operator()(void* t) const { if (t) cmsDeleteTransform(t); }
};
using Profile = std::unique_ptr<void, ProfileCloser>;
using Transform = std::unique_ptr<void, TransformDeleter>;

std::vector<uint8_t> profile_bytes(cmsHPROFILE profile) {
  cmsUInt32Number size = 0;
  if (!profile || !cmsSaveProfileToMem(profile, nullptr, &size) || size == 0) return {};
  std::vector<uint8_t> out(size);
  if (!cmsSaveProfileToMem(profile, out.data(), &size)) return {};
  out.resize(size);
  return out;
}

std::vector<uint8_t> read_small_file(const fs::path& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec) || fs::file_size(path, ec) > (uint64_t(16) << 20) || ec) return {};
  std::ifstream in(path, std::ios::binary);
  if (!in) return {};
  std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return bytes;
}

// A profile that Little CMS can open and that describes CMYK device values; else null.
Profile open_cmyk_profile(const std::vector<uint8_t>& bytes) {
  if (bytes.size() < 132) return nullptr;
  Profile p(cmsOpenProfileFromMem(bytes.data(), cmsUInt32Number(bytes.size())));
  if (!p || cmsGetColorSpace(p.get()) != cmsSigCmykData) return nullptr;
  return p;
}

// The default CMYK profile's bytes (read for each photo that needs them: a few hundred KB).
std::vector<uint8_t> default_cmyk_bytes() {
  const fs::path path = default_cmyk_profile_path();
  return path.empty() ? std::vector<uint8_t>() : read_small_file(path);
}

void approximate(const uint8_t* cmyk, size_t pixels, bool inverted, uint8_t* bgr) {
  for (size_t i = 0; i < pixels; ++i, cmyk += 4, bgr += 3) {
    const int flip = inverted ? 255 : 0;
    const int k = 255 - (cmyk[3] ^ flip);
    for (int c = 0; c < 3; ++c) bgr[2 - c] = uint8_t(((255 - (cmyk[c] ^ flip)) * k + 127) / 255);
  }
}

}  // namespace

const std::vector<uint8_t>& srgb_icc_profile() {
  static const std::vector<uint8_t> bytes = [] {
    Profile p(cmsCreate_sRGBProfile());
    return profile_bytes(p.get());
  }();
  return bytes;
}

fs::path default_cmyk_profile_path() {
  if (const char* env = std::getenv("RSD_CMYK_PROFILE"); env != nullptr && *env != '\0') return env;
  static const char* const kCandidates[] = {
      "/usr/share/color/icc/ghostscript/default_cmyk.icc",
      "/usr/share/color/icc/ghostscript/ps_cmyk.icc",
  };
  std::error_code ec;
  for (const char* c : kCandidates)
    if (fs::is_regular_file(c, ec)) return c;
  return {};
}

Result<CmykConversion> cmyk_to_srgb(const uint8_t* cmyk, size_t pixels, bool inverted,
                                    const std::vector<uint8_t>& profile, uint8_t* bgr) {
  CmykConversion result;
  Profile input = open_cmyk_profile(profile);
  if (!input) {
    result.used_default_profile = true;
    input = open_cmyk_profile(default_cmyk_bytes());
  }
  if (!input) {
    approximate(cmyk, pixels, inverted, bgr);
    result.approximated = true;
    result.warning = "CMYK converted to RGB without a colour profile (none embedded, no default CMYK profile "
                     "installed): colours are approximate";
    return result;
  }
  if (result.used_default_profile)
    result.warning = std::string("the CMYK photo embeds no usable colour profile; converted with ") +
                     (std::getenv("RSD_CMYK_PROFILE") ? "$RSD_CMYK_PROFILE" : "the standard SWOP press profile");
  Profile srgb(cmsCreate_sRGBProfile());
  // Little CMS keeps no global state that this touches; one transform per call is thread-safe.
  Transform t(cmsCreateTransform(input.get(), inverted ? TYPE_CMYK_8_REV : TYPE_CMYK_8, srgb.get(), TYPE_BGR_8,
                                 INTENT_RELATIVE_COLORIMETRIC, cmsFLAGS_BLACKPOINTCOMPENSATION));
  if (!t) return Error(ErrorCode::Internal, "Little CMS could not build the CMYK to sRGB transform");
  // In slices, so the count stays within cmsUInt32Number for any photo size.
  constexpr size_t kSlice = size_t(1) << 24;
  for (size_t done = 0; done < pixels; done += kSlice) {
    const size_t n = std::min(kSlice, pixels - done);
    cmsDoTransform(t.get(), cmyk + done * 4, bgr + done * 3, cmsUInt32Number(n));
  }
  return result;
}

}  // namespace rsd::imaging
