#include "engine/weights/pickle_rewriter.h"

#include <cstdint>
#include <set>

namespace rsd::engine {
namespace {

// Argument layout of each opcode (Python Lib/pickletools.py).
enum class Arg { None, Fixed, Sized, Line, TwoLines };

struct OpInfo {
  Arg kind = Arg::None;
  int bytes = 0;  // Fixed: argument size; Sized: size of the length prefix
};

bool op_info(unsigned char op, OpInfo& info) {
  switch (op) {
    case '(': case '.': case '0': case '1': case '2': case 'N': case 'R': case 'a': case 'b':
    case 'd': case '}': case 'e': case 'l': case ']': case 'o': case 's': case 't': case ')':
    case 'u': case 'Q': case 0x81: case 0x85: case 0x86: case 0x87: case 0x88: case 0x89:
    case 0x8f: case 0x90: case 0x91: case 0x92: case 0x93: case 0x94:
      info = {Arg::None, 0};
      return true;
    case 'K': case 'h': case 'q': case 0x80: case 0x82:
      info = {Arg::Fixed, 1};
      return true;
    case 'M': case 0x83:
      info = {Arg::Fixed, 2};
      return true;
    case 'J': case 'j': case 'r': case 0x84:
      info = {Arg::Fixed, 4};
      return true;
    case 'G': case 0x95:
      info = {Arg::Fixed, 8};
      return true;
    case 'U': case 'C': case 0x8c: case 0x8a:
      info = {Arg::Sized, 1};
      return true;
    case 'T': case 'X': case 'B': case 0x8b:
      info = {Arg::Sized, 4};
      return true;
    case 0x8d: case 0x8e: case 0x96:
      info = {Arg::Sized, 8};
      return true;
    case 'I': case 'L': case 'S': case 'V': case 'F': case 'g': case 'p': case 'P':
      info = {Arg::Line, 0};
      return true;
    case 'c': case 'i':
      info = {Arg::TwoLines, 0};
      return true;
    default:
      return false;
  }
}

std::uint64_t little_endian(const std::string& s, std::size_t pos, int bytes) {
  std::uint64_t v = 0;
  for (int i = bytes - 1; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(s[pos + i]);
  return v;
}

}  // namespace

Result<std::string> rewrite_ordered_dicts(const std::string& in) {
  std::string out;
  out.reserve(in.size());
  std::set<std::uint64_t> class_memo;  // memo slots holding the OrderedDict class
  bool class_on_top = false;           // the last thing pushed is the OrderedDict class
  std::size_t pos = 0;
  while (pos < in.size()) {
    const unsigned char op = static_cast<unsigned char>(in[pos]);
    OpInfo info;
    if (!op_info(op, info)) {
      return Error(ErrorCode::Format, "unknown pickle opcode " + std::to_string(op) +
                                          " at byte " + std::to_string(pos));
    }
    std::size_t end = pos + 1;
    if (info.kind == Arg::Fixed) {
      end += info.bytes;
    } else if (info.kind == Arg::Sized) {
      if (end + info.bytes > in.size()) break;
      const std::uint64_t n = little_endian(in, end, info.bytes);
      if (n > in.size()) break;
      end += info.bytes + n;
    } else if (info.kind == Arg::Line || info.kind == Arg::TwoLines) {
      for (int line = 0; line < (info.kind == Arg::Line ? 1 : 2); ++line) {
        const std::size_t nl = in.find('\n', end);
        if (nl == std::string::npos) return Error(ErrorCode::Format, "truncated pickle");
        end = nl + 1;
      }
    }
    if (end > in.size()) return Error(ErrorCode::Format, "truncated pickle");
    const std::string_view whole(in.data() + pos, end - pos);

    bool keep_class_on_top = false;
    if (op == 'c' && whole == "ccollections\nOrderedDict\n") {
      out.push_back('}');  // stands in for the class; replaced by a fresh dict at REDUCE
      keep_class_on_top = true;
    } else if ((op == 'h' || op == 'j') &&
               class_memo.count(little_endian(in, pos + 1, op == 'h' ? 1 : 4))) {
      out.push_back('}');
      keep_class_on_top = true;
    } else if ((op == 'q' || op == 'r') && class_on_top) {
      class_memo.insert(little_endian(in, pos + 1, op == 'q' ? 1 : 4));
      out.append(whole);
      keep_class_on_top = true;
    } else if (op == ')' && class_on_top && end < in.size() && in[end] == 'R') {
      // OrderedDict() -> the EMPTY_DICT already on the stack; skip EMPTY_TUPLE and REDUCE.
      end += 1;
    } else if (op == 'b') {
      out.push_back('0');  // drop the attribute state (`_metadata`)
    } else {
      if (op == 'q' || op == 'r') class_memo.erase(little_endian(in, pos + 1, op == 'q' ? 1 : 4));
      out.append(whole);
    }
    class_on_top = keep_class_on_top;
    pos = end;
    if (op == '.') break;  // STOP
  }
  if (pos > in.size() || out.empty() || out.back() != '.') {
    return Error(ErrorCode::Format, "truncated pickle");
  }
  return out;
}

}  // namespace rsd::engine
