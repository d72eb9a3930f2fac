// libFuzzer target: the metadata copier (core/metadata/*) as the pipeline uses it. The fuzzed
// bytes are the input photo: read_metadata() parses its EXIF/XMP/IPTC/ICC (HEIF/AVIF: through
// libheif), then embed_metadata()
// writes that metadata into a small valid output image (made once with OpenCV) of the input's
// format, or PNG when the input's format cannot be written, exactly like an upscale of it would.
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include "imaging/image_format.h"
#include "metadata/metadata_writer.h"
#include "metadata/photo_metadata.h"

namespace {

using rsd::imaging::ImageFormat;

constexpr int kOutputSide = 8;

// One small encoded image per writable format.
const std::vector<std::uint8_t>& output_image(ImageFormat format) {
  static const std::map<ImageFormat, std::vector<std::uint8_t>> images = [] {
    std::map<ImageFormat, std::vector<std::uint8_t>> out;
    cv::Mat pixels(kOutputSide, kOutputSide, CV_8UC3);
    cv::randu(pixels, 0, 255);
    const std::pair<ImageFormat, const char*> kinds[] = {
        {ImageFormat::Jpeg, ".jpg"}, {ImageFormat::Png, ".png"},
        {ImageFormat::Tiff, ".tif"}, {ImageFormat::Webp, ".webp"}};
    for (const auto& [format, ext] : kinds) {
      if (!cv::imencode(ext, pixels, out[format])) std::abort();
    }
    return out;
  }();
  return images.at(format);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto source = rsd::metadata::read_metadata(data, size);
  if (!source) return 0;  // the pipeline warns and goes on without metadata
  // The accessors the pipeline and the UI call.
  (void)source->orientation();
  (void)source->has_gps();
  (void)source->icc_profile().size();
  for (const char* key : {"Exif.Image.Make", "Exif.Photo.DateTimeOriginal", "Xmp.dc.title",
                          "Iptc.Application2.Keywords", "Exif.Bogus.Key"})
    (void)source->value(key);

  ImageFormat format = rsd::imaging::sniff_format(data, size);
  rsd::metadata::MetadataPolicy policy;
  policy.strip_gps = size % 3 == 1;
  policy.strip_all = size % 3 == 2;
  rsd::metadata::OutputFacts facts;
  facts.width = kOutputSide;
  facts.height = kOutputSide;
  facts.scale = 4;
  facts.model_name = "fuzz";
  facts.when = "2026-01-01T00:00:00Z";
  if (rsd::imaging::is_heif_family(format)) {
    // As the pipeline does for HEIF/AVIF outputs: the records serialised for the encoder.
    auto container = rsd::metadata::container_metadata(*source, policy, facts);
    (void)container;
    return 0;
  }
  if (!rsd::imaging::can_write(format)) format = ImageFormat::Png;
  auto written = rsd::metadata::embed_metadata(output_image(format), format, *source, policy, facts);
  if (written) {
    // The output must be a readable image again.
    auto again = rsd::metadata::read_metadata(written->data(), written->size());
    (void)again;
  }
  return 0;
}
