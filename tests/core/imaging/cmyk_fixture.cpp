#include "cmyk_fixture.h"

#include <cstdio>
#include <cstdlib>

#include <jpeglib.h>

namespace rsd::test {

std::vector<uint8_t> cmyk_test_jpeg(bool adobe_inverted, bool ycck, const std::vector<uint8_t>& icc) {
  jpeg_compress_struct c{};
  jpeg_error_mgr err{};
  c.err = jpeg_std_error(&err);
  jpeg_create_compress(&c);
  unsigned char* out = nullptr;
  unsigned long size = 0;
  jpeg_mem_dest(&c, &out, &size);
  c.image_width = 8 * kCmykPatches;
  c.image_height = 8;
  c.input_components = 4;
  c.in_color_space = JCS_CMYK;
  jpeg_set_defaults(&c);
  jpeg_set_colorspace(&c, ycck ? JCS_YCCK : JCS_CMYK);
  jpeg_set_quality(&c, 100, TRUE);
  for (int i = 0; i < c.num_components; ++i) c.comp_info[i].h_samp_factor = c.comp_info[i].v_samp_factor = 1;
  c.write_Adobe_marker = adobe_inverted || ycck;
  jpeg_start_compress(&c, TRUE);
  if (!icc.empty()) jpeg_write_icc_profile(&c, icc.data(), unsigned(icc.size()));
  std::vector<uint8_t> row(size_t(c.image_width) * 4);
  for (int x = 0; x < int(c.image_width); ++x)
    for (int k = 0; k < 4; ++k) row[size_t(x) * 4 + k] = uint8_t(kCmykInks[x / 8][k] ^ (adobe_inverted ? 255 : 0));
  while (c.next_scanline < c.image_height) {
    JSAMPROW r = row.data();
    jpeg_write_scanlines(&c, &r, 1);
  }
  jpeg_finish_compress(&c);
  std::vector<uint8_t> bytes(out, out + size);
  jpeg_destroy_compress(&c);
  std::free(out);
  return bytes;
}

}  // namespace rsd::test
