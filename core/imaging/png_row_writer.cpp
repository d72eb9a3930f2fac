// PNG written row by row through libpng. The donor's ancillary chunks (iCCP, and the text chunks
// in which Exiv2 stores EXIF, XMP and IPTC) follow IHDR, before the first IDAT.
#include <csetjmp>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include <png.h>
#include <zlib.h>

#include "imaging/row_writer.h"
#include "imaging/row_writer_support.h"

namespace rsd::imaging::detail {
namespace {

struct Chunk {
  std::string type;  // 4 letters
  std::vector<uint8_t> data;
};

uint32_t be32(const uint8_t* p) { return uint32_t(p[0]) << 24 | uint32_t(p[1]) << 16 | uint32_t(p[2]) << 8 | p[3]; }

// The donor's chunks other than those that describe its own pixels.
Result<std::vector<Chunk>> metadata_chunks(const std::vector<uint8_t>& png) {
  static const uint8_t kSignature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  std::vector<Chunk> out;
  if (png.empty()) return out;
  if (png.size() < 8 || std::memcmp(png.data(), kSignature, 8) != 0)
    return Error(ErrorCode::Format, "the metadata donor is not a PNG");
  size_t pos = 8;
  while (pos + 12 <= png.size()) {
    const size_t length = be32(&png[pos]);
    if (length > png.size() - pos - 12) return Error(ErrorCode::Format, "truncated PNG chunk in the metadata donor");
    const std::string type(reinterpret_cast<const char*>(&png[pos + 4]), 4);
    if (type == "IEND") break;
    if (type != "IHDR" && type != "IDAT" && type != "PLTE")
      out.push_back({type, std::vector<uint8_t>(png.begin() + long(pos) + 8, png.begin() + long(pos + 8 + length))});
    pos += 12 + length;
  }
  return out;
}

class PngRowWriter final : public RowWriter {
 public:
  PngRowWriter(AtomicFileWriter& file, const RowWriterOptions& o) : file_(file), o_(o) {
    row_.resize(size_t(o.width) * o.channels * (o.encode.bit_depth / 8));
  }
  ~PngRowWriter() override {
    if (png_) png_destroy_write_struct(&png_, info_ ? &info_ : nullptr);
  }

  Status start(const std::vector<Chunk>& chunks) {
    png_ = png_create_write_struct(PNG_LIBPNG_VER_STRING, this, on_error, on_warning);
    if (!png_) return Error(ErrorCode::OutOfMemory, "cannot create the PNG encoder");
    info_ = png_create_info_struct(png_);
    if (!info_) return Error(ErrorCode::OutOfMemory, "cannot create the PNG encoder");
    if (!write_header(chunks)) return failure();
    return {};
  }

  Status write_rows(const ImageF& rows) override {
    if (auto st = check_rows(rows, o_.width, o_.channels, written_, o_.height); !st) return st;
    if (!write_pixels(rows)) return failure();
    written_ += rows.height;
    return {};
  }

  Status finish() override {
    if (written_ != o_.height) return Error(ErrorCode::Internal, "PNG finished before its last row");
    if (!write_end()) return failure();
    return {};
  }

 private:
  static void on_error(png_structp png, png_const_charp message) {
    auto* self = static_cast<PngRowWriter*>(png_get_error_ptr(png));
    self->message_ = message ? message : "unknown error";
    png_longjmp(png, 1);
  }
  static void on_warning(png_structp, png_const_charp) {}
  // png_error longjmps out of this frame: the failed Status is moved out and destroyed first.
  static void on_write(png_structp png, png_bytep data, size_t size) {
    auto* self = static_cast<PngRowWriter*>(png_get_io_ptr(png));
    if (self->keep_failure(self->file_.write(data, size))) png_error(png, "write failed");
  }
  bool keep_failure(Status st) {
    if (st) return false;
    status_ = std::move(st);
    return true;
  }
  static void on_flush(png_structp) {}

  Status failure() const {
    if (!status_) return status_;
    return Error(ErrorCode::Internal, "the PNG encoder failed: " + message_);
  }

  // As with libjpeg: the jump target is set in each function that calls libpng, and these frames
  // hold no object with a destructor.
  bool write_header(const std::vector<Chunk>& chunks) {
    if (setjmp(png_jmpbuf(png_))) return false;
    png_set_write_fn(png_, this, on_write, on_flush);
    const int type = o_.channels == 1 ? PNG_COLOR_TYPE_GRAY : o_.channels == 3 ? PNG_COLOR_TYPE_RGB : PNG_COLOR_TYPE_RGBA;
    png_set_IHDR(png_, info_, png_uint_32(o_.width), png_uint_32(o_.height), o_.encode.bit_depth, type,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    // The level the user chose, and the run-length strategy OpenCV's PNG encoder uses.
    png_set_compression_level(png_, o_.encode.png_compression);
    png_set_compression_strategy(png_, Z_RLE);
    png_write_info(png_, info_);
    for (const Chunk& c : chunks)
      png_write_chunk(png_, reinterpret_cast<png_const_bytep>(c.type.c_str()), c.data.data(), c.data.size());
    return true;
  }

  bool write_pixels(const ImageF& rows) {
    if (setjmp(png_jmpbuf(png_))) return false;
    const size_t samples = size_t(o_.width) * o_.channels;
    for (int r = 0; r < rows.height; ++r) {
      quantize_row(rows.row(r), samples, o_.encode.bit_depth, true, row_.data());
      png_write_row(png_, row_.data());
    }
    return true;
  }

  bool write_end() {
    if (setjmp(png_jmpbuf(png_))) return false;
    png_write_end(png_, nullptr);
    return true;
  }

  AtomicFileWriter& file_;
  RowWriterOptions o_;
  png_structp png_ = nullptr;
  png_infop info_ = nullptr;
  std::vector<uint8_t> row_;
  int written_ = 0;
  Status status_;
  std::string message_;
};

}  // namespace

Result<std::unique_ptr<RowWriter>> open_png_row_writer(AtomicFileWriter& file, const RowWriterOptions& o) {
  if (o.encode.png_compression < 0 || o.encode.png_compression > 9)
    return Error(ErrorCode::InvalidArgument, "PNG compression must be 0..9");
  auto chunks = metadata_chunks(o.metadata_donor);
  if (!chunks) return chunks.error();
  auto writer = std::make_unique<PngRowWriter>(file, o);
  if (auto st = writer->start(chunks.value()); !st) return st.error();
  return std::unique_ptr<RowWriter>(std::move(writer));
}

}  // namespace rsd::imaging::detail
