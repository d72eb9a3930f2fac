// JPEG written scanline by scanline through libjpeg(-turbo), 4:4:4 like encode_jpeg_444(). The
// donor's APPn and COM segments (JFIF, EXIF, XMP, ICC, IPTC) replace libjpeg's own JFIF header.
#include <csetjmp>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include <jpeglib.h>
#include <jerror.h>

#include "imaging/jpeg_error.h"
#include "imaging/row_writer.h"
#include "imaging/row_writer_support.h"

namespace rsd::imaging::detail {
namespace {

struct Segment {
  int marker = 0;
  std::vector<uint8_t> data;
};

// The APPn/COM segments between SOI and the first other marker of a JPEG.
Result<std::vector<Segment>> header_segments(const std::vector<uint8_t>& jpeg) {
  std::vector<Segment> out;
  if (jpeg.empty()) return out;
  if (jpeg.size() < 4 || jpeg[0] != 0xFF || jpeg[1] != 0xD8)
    return Error(ErrorCode::Format, "the metadata donor is not a JPEG");
  size_t pos = 2;
  while (pos + 4 <= jpeg.size()) {
    if (jpeg[pos] != 0xFF) return Error(ErrorCode::Format, "malformed JPEG segment in the metadata donor");
    const int marker = jpeg[pos + 1];
    if (marker == 0xFF) {  // fill byte
      ++pos;
      continue;
    }
    const bool app_or_com = (marker >= JPEG_APP0 && marker <= JPEG_APP0 + 15) || marker == JPEG_COM;
    if (!app_or_com) break;
    const size_t length = (size_t(jpeg[pos + 2]) << 8) | jpeg[pos + 3];
    if (length < 2 || pos + 2 + length > jpeg.size())
      return Error(ErrorCode::Format, "truncated JPEG segment in the metadata donor");
    out.push_back({marker, std::vector<uint8_t>(jpeg.begin() + long(pos) + 4, jpeg.begin() + long(pos + 2 + length))});
    pos += 2 + length;
  }
  return out;
}

// libjpeg's output goes through a 64 KiB buffer into the AtomicFileWriter; a failed write is kept
// and turned into a libjpeg error, which unwinds through jpeg_error_exit.
struct Destination {
  jpeg_destination_mgr mgr;
  AtomicFileWriter* file = nullptr;
  std::vector<JOCTET> buffer = std::vector<JOCTET>(size_t(1) << 16);
  Status status;
};

void init_destination(j_compress_ptr cinfo) {
  auto* d = static_cast<Destination*>(cinfo->client_data);
  d->mgr.next_output_byte = d->buffer.data();
  d->mgr.free_in_buffer = d->buffer.size();
}

// Keeps a failed write's Status in the destination; true when it failed.
bool keep_failure(Destination* d, Status st) {
  if (st) return false;
  d->status = std::move(st);
  return true;
}

// ERREXIT longjmps out of this frame, so no object with a destructor may live here.
void put(j_compress_ptr cinfo, size_t count) {
  auto* d = static_cast<Destination*>(cinfo->client_data);
  if (keep_failure(d, d->file->write(d->buffer.data(), count))) ERREXIT(cinfo, JERR_FILE_WRITE);
}

boolean empty_output_buffer(j_compress_ptr cinfo) {
  auto* d = static_cast<Destination*>(cinfo->client_data);
  put(cinfo, d->buffer.size());
  init_destination(cinfo);
  return TRUE;
}

void term_destination(j_compress_ptr cinfo) {
  auto* d = static_cast<Destination*>(cinfo->client_data);
  put(cinfo, d->buffer.size() - d->mgr.free_in_buffer);
}

class JpegRowWriter final : public RowWriter {
 public:
  JpegRowWriter(AtomicFileWriter& file, const RowWriterOptions& o) : o_(o) {
    dest_.file = &file;
    dest_.mgr.init_destination = init_destination;
    dest_.mgr.empty_output_buffer = empty_output_buffer;
    dest_.mgr.term_destination = term_destination;
    row_.resize(size_t(o.width) * o.channels);
  }
  ~JpegRowWriter() override { jpeg_destroy_compress(&cinfo_); }

  Status start(const std::vector<Segment>& segments) {
    if (!start_compress(segments)) return failure();
    return {};
  }

  Status write_rows(const ImageF& rows) override {
    if (auto st = check_rows(rows, o_.width, o_.channels, written_, o_.height); !st) return st;
    if (!write_scanlines(rows)) return failure();
    written_ += rows.height;
    return {};
  }

  Status finish() override {
    if (written_ != o_.height) return Error(ErrorCode::Internal, "JPEG finished before its last row");
    if (!finish_compress()) return failure();
    return {};
  }

 private:
  Status failure() const {
    if (!dest_.status) return dest_.status;
    return Error(ErrorCode::Internal, std::string("the JPEG encoder failed: ") + err_.message);
  }

  // Each function that calls into libjpeg sets the jump target itself and keeps no object with a
  // destructor in its frame, so a longjmp skips nothing.
  bool start_compress(const std::vector<Segment>& segments) {
    cinfo_.err = jpeg_std_error(&err_.base);
    err_.base.error_exit = jpeg_error_exit;
    if (setjmp(err_.jump)) return false;
    jpeg_create_compress(&cinfo_);
    cinfo_.client_data = &dest_;
    cinfo_.dest = &dest_.mgr;
    cinfo_.image_width = JDIMENSION(o_.width);
    cinfo_.image_height = JDIMENSION(o_.height);
    cinfo_.input_components = o_.channels;
    cinfo_.in_color_space = o_.channels == 3 ? JCS_RGB : JCS_GRAYSCALE;
    jpeg_set_defaults(&cinfo_);
    jpeg_set_quality(&cinfo_, o_.encode.jpeg_quality, TRUE);
    cinfo_.optimize_coding = o_.jpeg_optimize ? TRUE : FALSE;
    for (int i = 0; i < cinfo_.num_components; ++i) {
      cinfo_.comp_info[i].h_samp_factor = 1;
      cinfo_.comp_info[i].v_samp_factor = 1;
    }
    // The donor holds the JFIF header the in-memory encoder wrote, in its place among the others.
    cinfo_.write_JFIF_header = segments.empty() ? TRUE : FALSE;
    jpeg_start_compress(&cinfo_, TRUE);
    for (const Segment& s : segments)
      jpeg_write_marker(&cinfo_, s.marker, s.data.data(), unsigned(s.data.size()));
    return true;
  }

  bool write_scanlines(const ImageF& rows) {
    if (setjmp(err_.jump)) return false;
    for (int r = 0; r < rows.height; ++r) {
      quantize_row(rows.row(r), row_.size(), 8, false, row_.data());
      JSAMPROW ptr[1] = {row_.data()};
      jpeg_write_scanlines(&cinfo_, ptr, 1);
    }
    return true;
  }

  bool finish_compress() {
    if (setjmp(err_.jump)) return false;
    jpeg_finish_compress(&cinfo_);
    return true;
  }

  RowWriterOptions o_;
  jpeg_compress_struct cinfo_{};
  JpegErrorManager err_{};
  Destination dest_;
  std::vector<JSAMPLE> row_;
  int written_ = 0;
};

}  // namespace

Result<std::unique_ptr<RowWriter>> open_jpeg_row_writer(AtomicFileWriter& file, const RowWriterOptions& o) {
  if (o.channels != 1 && o.channels != 3) return Error(ErrorCode::InvalidArgument, "JPEG stores 1 or 3 channels");
  if (o.encode.jpeg_quality < 1 || o.encode.jpeg_quality > 100)
    return Error(ErrorCode::InvalidArgument, "JPEG quality must be 1..100");
  auto segments = header_segments(o.metadata_donor);
  if (!segments) return segments.error();
  auto writer = std::make_unique<JpegRowWriter>(file, o);
  if (auto st = writer->start(segments.value()); !st) return st.error();
  return std::unique_ptr<RowWriter>(std::move(writer));
}

}  // namespace rsd::imaging::detail
