// TIFF written strip by strip through libtiff, with the donor's IFD0 metadata kept byte for byte.
//
// libtiff can set a few metadata tags, but not copy arbitrary IFD entries (EXIF and GPS sub-IFDs,
// maker notes with absolute offsets, private tags). So the donor TIFF, as the metadata writer
// made it, is written first, verbatim, at offset 0; libtiff then writes its header over the
// donor's 8-byte header, appends the strips and its own IFD0 after it. Finally a merged IFD0 is
// appended: libtiff's entries describe the pixels, the donor's other entries the metadata, and
// every offset in either still points at the same bytes. The header is pointed at the merged IFD;
// the two old IFDs stay as a few unreferenced bytes.
#include <algorithm>
#include <array>
#include <cstdarg>
#include <cstdio>
#include <set>
#include <string>
#include <vector>

#include <tiffio.h>

#include "imaging/row_writer.h"
#include "imaging/row_writer_support.h"

namespace rsd::imaging::detail {
namespace {

using Entry = std::array<uint8_t, 12>;

struct ByteOrder {
  bool big = false;
  uint16_t u16(const uint8_t* p) const { return big ? uint16_t(p[0] << 8 | p[1]) : uint16_t(p[1] << 8 | p[0]); }
  uint32_t u32(const uint8_t* p) const {
    return big ? uint32_t(p[0]) << 24 | uint32_t(p[1]) << 16 | uint32_t(p[2]) << 8 | p[3]
               : uint32_t(p[3]) << 24 | uint32_t(p[2]) << 16 | uint32_t(p[1]) << 8 | p[0];
  }
  void put16(uint8_t* p, uint16_t v) const {
    p[big ? 0 : 1] = uint8_t(v >> 8);
    p[big ? 1 : 0] = uint8_t(v);
  }
  void put32(uint8_t* p, uint32_t v) const {
    for (int i = 0; i < 4; ++i) p[big ? i : 3 - i] = uint8_t(v >> (24 - 8 * i));
  }
};

// The entries of the IFD at `offset` in bytes[0, size).
Result<std::vector<Entry>> read_ifd(const uint8_t* bytes, size_t size, uint64_t offset, const ByteOrder& bo) {
  if (offset + 2 > size) return Error(ErrorCode::Format, "TIFF directory outside the file");
  const size_t count = bo.u16(bytes + offset);
  if (offset + 2 + 12 * count > size) return Error(ErrorCode::Format, "truncated TIFF directory");
  std::vector<Entry> out(count);
  for (size_t i = 0; i < count; ++i) std::copy_n(bytes + offset + 2 + 12 * i, 12, out[i].begin());
  return out;
}

// IFD0 tags that describe a TIFF's pixels: libtiff's own values replace the donor's.
bool describes_pixels(uint16_t tag) {
  static const std::set<uint16_t> kTags = {254, 255, 256, 257, 258, 259, 262, 263, 266, 273, 277, 278, 279,
                                           280, 281, 284, 317, 320, 322, 323, 324, 325, 330, 338, 339,
                                           347, 513, 514, 530, 531, 532};
  return kTags.count(tag) != 0;
}

// The first SHORT value of a tag in the donor's IFD0, or -1 when it has none.
int donor_short(const std::vector<Entry>& ifd, uint16_t tag, const ByteOrder& bo) {
  for (const Entry& e : ifd)
    if (bo.u16(e.data()) == tag && bo.u16(e.data() + 2) == TIFF_SHORT && bo.u32(e.data() + 4) >= 1)
      return bo.u16(e.data() + 8);
  return -1;
}

class TiffRowWriter final : public RowWriter {
 public:
  TiffRowWriter(AtomicFileWriter& file, const RowWriterOptions& o) : file_(file), o_(o) {
    row_.resize(size_t(o.width) * o.channels * (o.encode.bit_depth / 8));
  }
  ~TiffRowWriter() override {
    if (tif_) TIFFCleanup(tif_);  // an unfinished file is discarded: nothing more to write
    if (options_) TIFFOpenOptionsFree(options_);
  }

  Status start() {
    const std::vector<uint8_t>& donor = o_.metadata_donor;
    if (!donor.empty()) {
      if (donor.size() < 8 || !((donor[0] == 'I' && donor[1] == 'I') || (donor[0] == 'M' && donor[1] == 'M')))
        return Error(ErrorCode::Format, "the metadata donor is not a TIFF");
      order_.big = donor[0] == 'M';
      if (order_.u16(donor.data() + 2) != 42) return Error(ErrorCode::Format, "the metadata donor is not a classic TIFF");
      auto ifd = read_ifd(donor.data(), donor.size(), order_.u32(donor.data() + 4), order_);
      if (!ifd) return ifd.error();
      donor_ifd_ = std::move(ifd.value());
      if (auto st = file_.write(donor.data(), donor.size()); !st) return st;
    }
    options_ = TIFFOpenOptionsAlloc();
    TIFFOpenOptionsSetErrorHandlerExtR(options_, on_error, this);
    TIFFOpenOptionsSetWarningHandlerExtR(options_, on_warning, this);
    tif_ = TIFFClientOpenExt("output", order_.big ? "wbm" : "wlm", this, on_read, on_write, on_seek, on_close,
                             on_size, on_map, on_unmap, options_);
    if (!tif_) return failure();
    const bool compressed = o_.encode.tiff_compression != TiffCompression::None;
    const uint16_t compression = o_.encode.tiff_compression == TiffCompression::Lzw       ? COMPRESSION_LZW
                                 : o_.encode.tiff_compression == TiffCompression::Deflate ? COMPRESSION_ADOBE_DEFLATE
                                                                                        : COMPRESSION_NONE;
    const uint32_t rows_per_strip = uint32_t(std::max<size_t>(1, (size_t(256) << 10) / row_.size()));
    bool ok = TIFFSetField(tif_, TIFFTAG_IMAGEWIDTH, uint32_t(o_.width)) &&
              TIFFSetField(tif_, TIFFTAG_IMAGELENGTH, uint32_t(o_.height)) &&
              TIFFSetField(tif_, TIFFTAG_BITSPERSAMPLE, uint16_t(o_.encode.bit_depth)) &&
              TIFFSetField(tif_, TIFFTAG_SAMPLESPERPIXEL, uint16_t(o_.channels)) &&
              TIFFSetField(tif_, TIFFTAG_PHOTOMETRIC, o_.channels == 1 ? PHOTOMETRIC_MINISBLACK : PHOTOMETRIC_RGB) &&
              TIFFSetField(tif_, TIFFTAG_PLANARCONFIG, PLANARCONFIG_CONTIG) &&
              TIFFSetField(tif_, TIFFTAG_COMPRESSION, compression) &&
              TIFFSetField(tif_, TIFFTAG_ROWSPERSTRIP, rows_per_strip);
    // Predictor as the in-memory encoder chose in the donor; RGBA always labelled "unassociated
    // alpha", as the in-memory encoder (tiff_encoder.cpp) writes it, so readers know the fourth
    // sample is alpha.
    int predictor = donor_short(donor_ifd_, TIFFTAG_PREDICTOR, order_);
    if (donor_ifd_.empty()) predictor = PREDICTOR_HORIZONTAL;
    if (ok && compressed && predictor > PREDICTOR_NONE) ok = TIFFSetField(tif_, TIFFTAG_PREDICTOR, uint16_t(predictor));
    if (ok && o_.channels == 4) {
      const uint16_t value = EXTRASAMPLE_UNASSALPHA;
      ok = TIFFSetField(tif_, TIFFTAG_EXTRASAMPLES, uint16_t(1), &value);
    }
    if (!ok) return failure();
    return {};
  }

  Status write_rows(const ImageF& rows) override {
    if (auto st = check_rows(rows, o_.width, o_.channels, written_, o_.height); !st) return st;
    const size_t samples = size_t(o_.width) * o_.channels;
    for (int r = 0; r < rows.height; ++r) {
      quantize_row(rows.row(r), samples, o_.encode.bit_depth, false, row_.data());
      if (TIFFWriteScanline(tif_, row_.data(), uint32_t(written_ + r), 0) < 0) return failure();
    }
    written_ += rows.height;
    return {};
  }

  Status finish() override {
    if (written_ != o_.height) return Error(ErrorCode::Internal, "TIFF finished before its last row");
    if (!TIFFFlush(tif_)) return failure();
    TIFFClose(tif_);
    tif_ = nullptr;
    if (!io_status_) return io_status_;
    return donor_ifd_.empty() ? Status() : merge_directories();
  }

 private:
  // The merged IFD0 (see the file comment), appended, and the header pointed at it.
  Status merge_directories() {
    std::array<uint8_t, 8> header{};
    auto got = file_.read_at(0, header.data(), header.size());
    if (!got || got.value() != header.size()) return Error(ErrorCode::Io, "cannot read back the TIFF header");
    const uint64_t at = order_.u32(header.data() + 4);
    std::vector<uint8_t> ifd_bytes(2);
    got = file_.read_at(at, ifd_bytes.data(), 2);
    if (!got || got.value() != 2) return Error(ErrorCode::Io, "cannot read back the TIFF directory");
    ifd_bytes.resize(2 + 12 * size_t(order_.u16(ifd_bytes.data())));
    got = file_.read_at(at, ifd_bytes.data(), ifd_bytes.size());
    if (!got || got.value() != ifd_bytes.size()) return Error(ErrorCode::Io, "cannot read back the TIFF directory");
    auto own = read_ifd(ifd_bytes.data(), ifd_bytes.size(), 0, order_);
    if (!own) return own.error();

    std::vector<Entry> merged = own.value();
    std::set<uint16_t> present;
    for (const Entry& e : merged) present.insert(order_.u16(e.data()));
    for (const Entry& e : donor_ifd_) {
      const uint16_t tag = order_.u16(e.data());
      if (!describes_pixels(tag) && present.insert(tag).second) merged.push_back(e);
    }
    std::sort(merged.begin(), merged.end(),
              [&](const Entry& a, const Entry& b) { return order_.u16(a.data()) < order_.u16(b.data()); });

    const size_t pad = size_t(file_.size() % 2);  // IFDs start on a word boundary
    const uint64_t offset = file_.size() + pad;
    std::vector<uint8_t> out(pad + 2 + 12 * merged.size() + 4, 0);
    uint8_t* p = out.data() + pad;
    order_.put16(p, uint16_t(merged.size()));
    for (size_t i = 0; i < merged.size(); ++i) std::copy(merged[i].begin(), merged[i].end(), p + 2 + 12 * i);
    order_.put32(p + 2 + 12 * merged.size(), 0);  // no further images
    if (offset + out.size() > 0xFFFFFFFFull) return too_large();
    if (auto st = file_.write(out.data(), out.size()); !st) return st;
    uint8_t pointer[4];
    order_.put32(pointer, uint32_t(offset));
    return file_.write_at(4, pointer, 4);
  }

  static Status too_large() {
    return Error(ErrorCode::TooLarge, "this TIFF would exceed 4 GiB, the most a classic TIFF can hold: choose PNG or JPEG");
  }

  Status failure() const {
    if (!io_status_) return io_status_;
    if (error_.find("Maximum TIFF file size exceeded") != std::string::npos) return too_large();
    return Error(ErrorCode::Internal, "the TIFF encoder failed: " + (error_.empty() ? std::string("unknown error") : error_));
  }

  static int on_error(TIFF*, void* self, const char* module, const char* fmt, va_list ap) {
    char message[512];
    std::vsnprintf(message, sizeof message, fmt, ap);
    auto* w = static_cast<TiffRowWriter*>(self);
    if (w->error_.empty()) w->error_ = std::string(module ? module : "libtiff") + ": " + message;
    return 1;
  }
  static int on_warning(TIFF*, void*, const char*, const char*, va_list) { return 1; }

  // libtiff's file access, on the AtomicFileWriter.
  static tmsize_t on_read(thandle_t h, void* buf, tmsize_t n) {
    auto* w = static_cast<TiffRowWriter*>(h);
    auto got = w->file_.read_at(w->pos_, static_cast<uint8_t*>(buf), size_t(n));
    if (!got) return -1;
    w->pos_ += got.value();
    return tmsize_t(got.value());
  }
  static tmsize_t on_write(thandle_t h, void* buf, tmsize_t n) {
    auto* w = static_cast<TiffRowWriter*>(h);
    const auto* data = static_cast<const uint8_t*>(buf);
    Status st = w->pos_ == w->file_.size() ? w->file_.write(data, size_t(n)) : w->file_.write_at(w->pos_, data, size_t(n));
    if (!st) {
      if (w->io_status_) w->io_status_ = st;
      return -1;
    }
    w->pos_ += uint64_t(n);
    return n;
  }
  static toff_t on_seek(thandle_t h, toff_t offset, int whence) {
    auto* w = static_cast<TiffRowWriter*>(h);
    const uint64_t base = whence == SEEK_CUR ? w->pos_ : whence == SEEK_END ? w->file_.size() : 0;
    w->pos_ = base + offset;
    return w->pos_;
  }
  static int on_close(thandle_t) { return 0; }
  static toff_t on_size(thandle_t h) { return static_cast<TiffRowWriter*>(h)->file_.size(); }
  static int on_map(thandle_t, void**, toff_t*) { return 0; }
  static void on_unmap(thandle_t, void*, toff_t) {}

  AtomicFileWriter& file_;
  RowWriterOptions o_;
  ByteOrder order_;
  std::vector<Entry> donor_ifd_;
  TIFFOpenOptions* options_ = nullptr;
  TIFF* tif_ = nullptr;
  uint64_t pos_ = 0;
  std::vector<uint8_t> row_;
  int written_ = 0;
  Status io_status_;
  std::string error_;
};

}  // namespace

Result<std::unique_ptr<RowWriter>> open_tiff_row_writer(AtomicFileWriter& file, const RowWriterOptions& o) {
  auto writer = std::make_unique<TiffRowWriter>(file, o);
  if (auto st = writer->start(); !st) return st.error();
  return std::unique_ptr<RowWriter>(std::move(writer));
}

}  // namespace rsd::imaging::detail
