// Camera RAW through LibRaw: DNG, CR2/CR3, NEF, ARW, RAF, ORF, RW2 and the other formats LibRaw
// knows, demosaiced at full size into 16-bit sRGB.
//
// Self-contained (rsd_base + LibRaw + Little CMS only): core/imaging's decoder dispatches to it.
// Thread-safe: every call uses its own LibRaw object (the thread-safe libraw_r build). No call
// throws, whatever the bytes; LibRaw's messages to stderr are switched off.
//
// Rendering (what a photographer gets, stated in README): the camera's white balance (as shot),
// LibRaw's AHD demosaic, the camera matrix to sRGB primaries, the sRGB tone curve, no automatic
// brightening (the exposure is the camera's), highlights clipped. The ICC profile returned
// describes those pixels (sRGB, built with Little CMS), so outputs carry a matching profile.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "base/error.h"

namespace rsd::imaging::raw {

// True when LibRaw recognises the bytes as a camera RAW file it can decode (DNG and other
// TIFF-based RAWs included; a plain TIFF is not RAW). Parses the header only. LibRaw on its own
// takes some plain TIFFs (one 8- or 16-bit sample per pixel and a camera Make, as a grayscale
// scan may have) for early camera RAWs; those are refused here, and by probe() and decode().
bool sniff(const uint8_t* data, size_t size);

struct Probe {
  uint32_t width = 0;   // of the developed picture, upright (after the camera's rotation flag)
  uint32_t height = 0;
  std::string camera;   // "Make Model" as LibRaw reads it, for messages
};

// Header facts before any demosaicing. Errors: Unsupported (not a RAW LibRaw can read, with
// LibRaw's reason), Format (a RAW whose header is damaged).
Result<Probe> probe(const uint8_t* data, size_t size);

struct Decoded {
  int width = 0;
  int height = 0;
  // Interleaved 16-bit R, G, B samples (native byte order), upright, rows without padding.
  std::vector<uint16_t> samples;
  std::vector<uint8_t> icc;  // the sRGB profile that describes `samples`
  std::string camera;
};

// Develops the RAW. max_pixels (0 = no limit) is checked against the developed size and the
// sensor size before anything is unpacked. While it runs LibRaw holds about 15 bytes per pixel
// (sensor data, its 4-channel working image and the result); what is returned holds 6.
// Errors: Unsupported, Format, TooLarge, OutOfMemory (Internal only for a bug or an exception
// that escaped LibRaw).
Result<Decoded> decode(const uint8_t* data, size_t size, uint64_t max_pixels);

}  // namespace rsd::imaging::raw
