#include "metadata/metadata_writer.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <ctime>
#include <stdexcept>
#include <string>

#include "base/version.h"
#include "metadata/exiv2_support.h"
#include "metadata/png_iccp.h"
#include "metadata/webp_icc.h"

namespace rsd::metadata {
namespace {

using detail::MetadataRecords;

// IFD0 tags that describe how a TIFF stores its pixels (or embed other records we write
// separately); copied to another file they would describe the wrong data.
bool is_structure_tag(const std::string& key) {
  static const char* const kKeys[] = {
      "Exif.Image.NewSubfileType", "Exif.Image.SubfileType", "Exif.Image.BitsPerSample",
      "Exif.Image.Compression", "Exif.Image.PhotometricInterpretation", "Exif.Image.FillOrder",
      "Exif.Image.StripOffsets", "Exif.Image.SamplesPerPixel", "Exif.Image.RowsPerStrip",
      "Exif.Image.StripByteCounts", "Exif.Image.PlanarConfiguration", "Exif.Image.Predictor",
      "Exif.Image.TileWidth", "Exif.Image.TileLength", "Exif.Image.TileOffsets",
      "Exif.Image.TileByteCounts", "Exif.Image.ExtraSamples", "Exif.Image.SampleFormat",
      "Exif.Image.JPEGTables", "Exif.Image.SubIFDs", "Exif.Image.XMLPacket",
      "Exif.Image.IPTCNAA", "Exif.Image.ImageResources", "Exif.Image.InterColorProfile",
      "Exif.Image.JPEGInterchangeFormat", "Exif.Image.JPEGInterchangeFormatLength",
      "Exif.Image.YCbCrSubSampling", "Exif.Image.YCbCrPositioning", "Exif.Image.YCbCrCoefficients",
      "Exif.Image.TransferFunction", "Exif.Image.ColorMap"};
  return std::find(std::begin(kKeys), std::end(kKeys), key) != std::end(kKeys);
}

// Tags of a camera RAW's IFD0 that describe its sensor data: CFA layout (33421, 33422), the DNG
// tags (50706 DNGVersion up to 52543, the DNG 1.6 range), Sony/Adobe private data.
bool is_raw_sensor_tag(const Exiv2::Exifdatum& d) {
  if (d.groupName() != "Image") return false;
  const uint16_t tag = d.tag();
  return tag == 33421 || tag == 33422 || (tag >= 50706 && tag <= 52543) || tag == 0x7200 || tag == 0x7221 ||
         tag == 0x7222;
}

// Other images of a multi-image TIFF (Image2.., SubImage1..) do not exist in the output.
bool is_other_image_group(const std::string& group) {
  return group.rfind("SubImage", 0) == 0 || group.rfind("SubThumb", 0) == 0 ||
         (group.size() > 5 && group.rfind("Image", 0) == 0 && std::isdigit(static_cast<unsigned char>(group[5])));
}

std::string utc_now_iso8601() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

template <class Data, class Pred>
void erase_if(Data& data, Pred pred) {
  for (auto it = data.begin(); it != data.end();) it = pred(*it) ? data.erase(it) : std::next(it);
}

void prepare_exif(Exiv2::ExifData& exif, const MetadataPolicy& policy, const OutputFacts& facts,
                  bool drop_maker_note) {
  Exiv2::ExifThumb(exif).erase();
  erase_if(exif, [&](const Exiv2::Exifdatum& d) {
    const std::string group = d.groupName();
    if (is_structure_tag(d.key()) || is_other_image_group(group) || is_raw_sensor_tag(d)) return true;
    if (policy.strip_gps && (group == "GPSInfo" || d.key() == "Exif.Image.GPSTag")) return true;
    if (drop_maker_note && (d.key() == "Exif.Photo.MakerNote" || Exiv2::ExifTags::isMakerGroup(group)))
      return true;
    return false;
  });
  auto set_if_present = [&](const char* key, uint32_t v) {
    auto it = exif.findKey(Exiv2::ExifKey(key));
    if (it != exif.end()) it->setValue(std::to_string(v));
  };
  set_if_present("Exif.Image.ImageWidth", uint32_t(facts.width));
  set_if_present("Exif.Image.ImageLength", uint32_t(facts.height));
  exif["Exif.Photo.PixelXDimension"] = uint32_t(facts.width);
  exif["Exif.Photo.PixelYDimension"] = uint32_t(facts.height);
  exif["Exif.Image.Orientation"] = uint16_t(1);
  exif["Exif.Image.Software"] = software_tag(facts);
}

int next_history_index(const Exiv2::XmpData& xmp) {
  const std::string prefix = "Xmp.xmpMM.History[";
  int last = 0;
  for (const auto& d : xmp) {
    const std::string& key = d.key();
    if (key.rfind(prefix, 0) != 0) continue;
    last = std::max(last, std::atoi(key.c_str() + prefix.size()));
  }
  return last + 1;
}

void prepare_xmp(Exiv2::XmpData& xmp, const MetadataPolicy& policy, const OutputFacts& facts) {
  if (policy.strip_gps)
    erase_if(xmp, [](const Exiv2::Xmpdatum& d) { return d.key().find("GPS") != std::string::npos; });
  auto set_if_present = [&](const char* key, const std::string& v) {
    auto it = xmp.findKey(Exiv2::XmpKey(key));
    if (it != xmp.end()) it->setValue(v);
  };
  set_if_present("Xmp.tiff.ImageWidth", std::to_string(facts.width));
  set_if_present("Xmp.tiff.ImageLength", std::to_string(facts.height));
  set_if_present("Xmp.exif.PixelXDimension", std::to_string(facts.width));
  set_if_present("Xmp.exif.PixelYDimension", std::to_string(facts.height));
  set_if_present("Xmp.tiff.Orientation", "1");

  // One stEvt entry appended to xmpMM:History (an ordered array of ResourceEvent structs).
  const int index = next_history_index(xmp);
  if (index == 1 && xmp.findKey(Exiv2::XmpKey("Xmp.xmpMM.History")) == xmp.end()) {
    Exiv2::XmpTextValue seq;
    seq.setXmpArrayType(Exiv2::XmpValue::xaSeq);
    xmp.add(Exiv2::XmpKey("Xmp.xmpMM.History"), &seq);
  }
  const std::string item = "Xmp.xmpMM.History[" + std::to_string(index) + "]/stEvt:";
  xmp[item + "action"] = "resized";
  xmp[item + "when"] = facts.when.empty() ? utc_now_iso8601() : facts.when;
  xmp[item + "softwareAgent"] = software_tag(facts);
  xmp[item + "parameters"] = "upscaled x" + std::to_string(facts.scale) + " to " +
                             std::to_string(facts.width) + "x" + std::to_string(facts.height) +
                             " with model " + facts.model_name;
}

std::vector<uint8_t> io_bytes(Exiv2::BasicIo& io) {
  io.open();
  io.seek(0, Exiv2::BasicIo::beg);
  std::vector<uint8_t> out(static_cast<size_t>(io.size()));
  if (!out.empty()) io.read(out.data(), long(out.size()));
  io.close();
  return out;
}

std::vector<uint8_t> write_once(const std::vector<uint8_t>& encoded, const MetadataRecords& src,
                                const MetadataPolicy& policy, const OutputFacts& facts,
                                bool drop_maker_note) {
  Exiv2::Image::AutoPtr image = Exiv2::ImageFactory::open(encoded.data(), long(encoded.size()));
  image->readMetadata();  // what the encoder itself wrote (TIFF structure tags)
  const int type = image->imageType();
  auto writable = [&](Exiv2::MetadataId id) {
    const Exiv2::AccessMode mode = Exiv2::ImageFactory::checkMode(type, id);
    return mode == Exiv2::amWrite || mode == Exiv2::amReadWrite;
  };
  if (!policy.strip_all) {
    if (writable(Exiv2::mdExif)) {
      Exiv2::ExifData copied = src.exif;
      prepare_exif(copied, policy, facts, drop_maker_note);
      // Start from what the encoder wrote (a TIFF's own structure tags) and lay the copy over it.
      Exiv2::ExifData merged = image->exifData();
      for (const auto& d : copied) {
        auto it = merged.findKey(Exiv2::ExifKey(d.key()));
        if (it != merged.end()) merged.erase(it);
        merged.add(d);
      }
      image->setExifData(merged);
    }
    if (writable(Exiv2::mdXmp)) {
      Exiv2::XmpData xmp = src.xmp;
      prepare_xmp(xmp, policy, facts);
      image->setXmpData(xmp);
    }
    if (writable(Exiv2::mdIptc) && !src.iptc.empty()) image->setIptcData(src.iptc);
  }
  const bool icc = !src.icc.empty() && (!policy.strip_all || policy.keep_icc);
  // Exiv2 0.27's access table has no ICC column; every format we write can hold a profile.
  // WebP's is written by write_webp_icc (see webp_icc.h).
  const bool webp = type == Exiv2::ImageType::webp;
  if (icc && !webp) {
    Exiv2::DataBuf buf(src.icc.data(), long(src.icc.size()));
    image->setIccProfile(buf, false);
  }
  image->writeMetadata();
  std::vector<uint8_t> out = io_bytes(image->io());
  if (icc && type == Exiv2::ImageType::png) {
    auto named = name_png_icc_profile(out);
    if (!named) throw std::runtime_error(named.error().message);
    out = std::move(named.value());
  }
  if (webp && icc) {
    auto with_icc = write_webp_icc(out, src.icc);
    if (!with_icc) throw std::runtime_error(with_icc.error().message);
    out = std::move(with_icc.value());
  }
  return out;
}

}  // namespace

std::string software_tag(const OutputFacts& facts) {
  std::string s = facts.software.empty() ? std::string(RSD_PROJECT_NAME) + " " + RSD_VERSION_STRING
                                         : facts.software;
  if (!facts.model_name.empty()) s += " (" + facts.model_name + ")";
  return s;
}

Result<ContainerMetadata> container_metadata(const PhotoMetadata& source, const MetadataPolicy& policy,
                                             const OutputFacts& facts) {
  detail::ensure_exiv2_initialized();
  const MetadataRecords& src = source.records();
  ContainerMetadata out;
  if (!src.icc.empty() && (!policy.strip_all || policy.keep_icc)) out.icc = src.icc;
  if (policy.strip_all) return out;
  out.dropped_iptc = !src.iptc.empty();
  auto encode_exif = [&](bool drop_maker_note) {
    Exiv2::ExifData exif = src.exif;
    prepare_exif(exif, policy, facts, drop_maker_note);
    Exiv2::Blob blob;
    Exiv2::ExifParser::encode(blob, Exiv2::littleEndian, exif);
    return std::vector<uint8_t>(blob.begin(), blob.end());
  };
  try {
    try {
      out.exif = encode_exif(false);
    } catch (const Exiv2::AnyError&) {
      out.exif = encode_exif(true);  // as embed_metadata(): the maker note is the one loss
      out.dropped_maker_note = true;
    }
    Exiv2::XmpData xmp = src.xmp;
    prepare_xmp(xmp, policy, facts);
    std::string packet;
    if (Exiv2::XmpParser::encode(packet, xmp, Exiv2::XmpParser::useCompactFormat) != 0)
      return Error(ErrorCode::Internal, "cannot serialise the XMP packet");
    out.xmp.assign(packet.begin(), packet.end());
  } catch (const Exiv2::AnyError& e) {
    return detail::from_exiv2(e, ErrorCode::Format, "cannot prepare the metadata");
  } catch (const std::exception& e) {
    return Error(ErrorCode::Internal, std::string("cannot prepare the metadata: ") + e.what());
  }
  return out;
}

Result<std::vector<uint8_t>> embed_metadata(const std::vector<uint8_t>& encoded,
                                            imaging::ImageFormat format,
                                            const PhotoMetadata& source,
                                            const MetadataPolicy& policy, const OutputFacts& facts,
                                            bool* dropped_maker_note) {
  detail::ensure_exiv2_initialized();
  if (dropped_maker_note) *dropped_maker_note = false;
  const std::string what = std::string("cannot write metadata into the ") + imaging::to_string(format);
  const MetadataRecords& src = source.records();
  try {
    return write_once(encoded, src, policy, facts, false);
  } catch (const Exiv2::AnyError& first) {
    // Maker notes are vendor blobs Exiv2 sometimes cannot re-serialise; everything else is
    // worth more than they are.
    const bool has_maker_note = src.exif.findKey(Exiv2::ExifKey("Exif.Photo.MakerNote")) != src.exif.end() ||
        std::any_of(src.exif.begin(), src.exif.end(),
                    [](const Exiv2::Exifdatum& d) { return Exiv2::ExifTags::isMakerGroup(d.groupName()); });
    if (!has_maker_note || policy.strip_all) return detail::from_exiv2(first, ErrorCode::Format, what);
    try {
      auto bytes = write_once(encoded, src, policy, facts, true);
      if (dropped_maker_note) *dropped_maker_note = true;
      return bytes;
    } catch (const Exiv2::AnyError& second) {
      return detail::from_exiv2(second, ErrorCode::Format, what);
    } catch (const std::exception& e) {
      return Error(ErrorCode::Internal, what + ": " + e.what());
    }
  } catch (const std::exception& e) {
    return Error(ErrorCode::Internal, what + ": " + e.what());
  }
}

}  // namespace rsd::metadata
