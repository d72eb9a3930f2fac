#include "metadata/photo_metadata.h"

#include "imaging/heif_codec.h"
#include "metadata/exiv2_support.h"
#include "metadata/webp_icc.h"

namespace rsd::metadata {
namespace {

const detail::MetadataRecords& empty_records() {
  static const detail::MetadataRecords empty;
  return empty;
}

int valid_orientation(long v) { return v >= 1 && v <= 8 ? int(v) : 1; }

}  // namespace

PhotoMetadata::PhotoMetadata() = default;
PhotoMetadata::~PhotoMetadata() = default;
PhotoMetadata::PhotoMetadata(const PhotoMetadata&) = default;
PhotoMetadata& PhotoMetadata::operator=(const PhotoMetadata&) = default;
PhotoMetadata::PhotoMetadata(PhotoMetadata&&) noexcept = default;
PhotoMetadata& PhotoMetadata::operator=(PhotoMetadata&&) noexcept = default;
PhotoMetadata::PhotoMetadata(std::shared_ptr<const detail::MetadataRecords> records)
    : records_(std::move(records)) {}

const detail::MetadataRecords& PhotoMetadata::records() const {
  return records_ ? *records_ : empty_records();
}

bool PhotoMetadata::has_exif() const { return !records().exif.empty(); }
bool PhotoMetadata::has_xmp() const { return !records().xmp.empty(); }
bool PhotoMetadata::has_iptc() const { return !records().iptc.empty(); }

bool PhotoMetadata::has_gps() const {
  for (const auto& d : records().exif)
    if (d.groupName() == "GPSInfo") return true;
  for (const auto& d : records().xmp)
    if (d.key().find("GPS") != std::string::npos) return true;
  return false;
}

int PhotoMetadata::orientation() const {
  const auto& r = records();
  auto it = r.exif.findKey(Exiv2::ExifKey("Exif.Image.Orientation"));
  if (it != r.exif.end() && it->count() > 0) return valid_orientation(it->toLong());
  auto xit = r.xmp.findKey(Exiv2::XmpKey("Xmp.tiff.Orientation"));
  if (xit != r.xmp.end() && xit->count() > 0) return valid_orientation(xit->toLong());
  return 1;
}

const std::vector<uint8_t>& PhotoMetadata::icc_profile() const { return records().icc; }

PhotoMetadata PhotoMetadata::with_icc_profile(std::vector<uint8_t> icc) const {
  auto copy = std::make_shared<detail::MetadataRecords>(records());
  copy->icc = std::move(icc);
  return PhotoMetadata(std::move(copy));
}

std::optional<std::string> PhotoMetadata::value(const std::string& key) const {
  const auto& r = records();
  try {
    if (key.rfind("Exif.", 0) == 0) {
      auto it = r.exif.findKey(Exiv2::ExifKey(key));
      if (it != r.exif.end()) return it->toString();
    } else if (key.rfind("Xmp.", 0) == 0) {
      auto it = r.xmp.findKey(Exiv2::XmpKey(key));
      if (it != r.xmp.end()) return it->toString();
    } else if (key.rfind("Iptc.", 0) == 0) {
      auto it = r.iptc.findKey(Exiv2::IptcKey(key));
      if (it != r.iptc.end()) return it->toString();
    }
  } catch (const Exiv2::AnyError&) {
    // An unknown key name: the documented answer is "absent".
  }
  return std::nullopt;
}

namespace {

// HEIF and AVIF: libheif finds the items (Exiv2 0.27.6's BMFF reader finds no EXIF in them) and
// Exiv2 parses their contents.
Result<PhotoMetadata> read_heif_metadata(const uint8_t* data, size_t size) {
  auto items = imaging::heif::read_metadata(data, size);
  if (!items) return Error(ErrorCode::Format, "cannot read the metadata: " + items.error().message);
  auto records = std::make_shared<detail::MetadataRecords>();
  try {
    if (!items->exif.empty())
      Exiv2::ExifParser::decode(records->exif, items->exif.data(), uint32_t(items->exif.size()));
    if (!items->xmp.empty() &&
        Exiv2::XmpParser::decode(records->xmp, std::string(items->xmp.begin(), items->xmp.end())) != 0)
      return Error(ErrorCode::Format, "cannot read the metadata: the XMP packet does not parse");
  } catch (const Exiv2::AnyError& e) {
    return detail::from_exiv2(e, ErrorCode::Format, "cannot read the metadata");
  } catch (const std::exception& e) {
    return Error(ErrorCode::Format, std::string("cannot read the metadata: ") + e.what());
  }
  records->icc = std::move(items->icc);
  return PhotoMetadata(std::move(records));
}

}  // namespace

Result<PhotoMetadata> read_metadata(const uint8_t* data, size_t size) {
  detail::ensure_exiv2_initialized();
  auto records = std::make_shared<detail::MetadataRecords>();
  if (data == nullptr || size == 0) return PhotoMetadata();
  if (imaging::heif::sniff(data, size)) return read_heif_metadata(data, size);
  try {
    if (Exiv2::ImageFactory::getType(data, long(size)) == Exiv2::ImageType::none)
      return PhotoMetadata();
    Exiv2::Image::AutoPtr image = Exiv2::ImageFactory::open(data, long(size));
    image->readMetadata();
    records->exif = image->exifData();
    records->xmp = image->xmpData();
    records->iptc = image->iptcData();
    if (image->imageType() == Exiv2::ImageType::webp) {
      records->icc = read_webp_icc(data, size);  // Exiv2 0.27 does not read WebP's ICCP chunk
    } else if (image->iccProfileDefined()) {
      const Exiv2::DataBuf* icc = image->iccProfile();
      records->icc.assign(icc->pData_, icc->pData_ + icc->size_);
    }
  } catch (const Exiv2::AnyError& e) {
    return detail::from_exiv2(e, ErrorCode::Format, "cannot read the metadata");
  } catch (const std::exception& e) {
    return Error(ErrorCode::Format, std::string("cannot read the metadata: ") + e.what());
  }
  return PhotoMetadata(std::move(records));
}

}  // namespace rsd::metadata
