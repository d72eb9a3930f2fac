#include "engine/weights/pickle_rewriter.h"

#include <cstdint>
#include <set>
#include <string_view>
#include <vector>

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

// Stack effect of an opcode: how many items it pops (kToMark: down to and including the last MARK)
// and how many it pushes.
constexpr int kToMark = -1;
struct Effect {
  int pops = 0;
  int pushes = 0;
};

Effect stack_effect(unsigned char op) {
  switch (op) {
    case '(':  // MARK
      return {0, 1};
    case '.': case 0x80: case 0x95: case 'q': case 'r': case 'p': case 0x94:  // STOP PROTO FRAME puts
      return {0, 0};
    case '0': case 'a': case 'b':  // POP APPEND BUILD
      return {1, 0};
    case '1': case 'e': case 'u': case 0x90:  // POP_MARK APPENDS SETITEMS ADDITEMS
      return {kToMark, 0};
    case 's':  // SETITEM
      return {2, 0};
    case '2':  // DUP
      return {0, 1};
    case 't': case 'l': case 'd': case 0x91: case 'o': case 'i':  // built from the marked items
      return {kToMark, 1};
    case 0x85: case 'Q':  // TUPLE1 BINPERSID
      return {1, 1};
    case 0x86: case 'R': case 0x81: case 0x93:  // TUPLE2 REDUCE NEWOBJ STACK_GLOBAL
      return {2, 1};
    case 0x87: case 0x92:  // TUPLE3 NEWOBJ_EX
      return {3, 1};
    default:  // constants, GLOBAL, memo gets, empty containers, PERSID, EXT*
      return {0, 1};
  }
}

// torch.save writes pickle protocol 2, which reaches a class or function only through GLOBAL,
// and LibTorch's unpickler refuses every GLOBAL it does not know by name. These opcodes reach
// callables in other ways, where the unpickler would only say "unknown opcode": refused here, by
// name where the pickle spells it out. Nothing is ever called either way.
const char* foreign_call_opcode(unsigned char op) {
  switch (op) {
    case 0x93: return "STACK_GLOBAL";
    case 'i': return "INST";
    case 'o': return "OBJ";
    case 0x82: case 0x83: case 0x84: return "EXT";
    default: return nullptr;
  }
}

// "module.name" from INST's two text lines after `pos`, or "".
std::string inst_target(const std::string& in, std::size_t pos) {
  const std::size_t nl1 = in.find('\n', pos + 1);
  const std::size_t nl2 = nl1 == std::string::npos ? nl1 : in.find('\n', nl1 + 1);
  if (nl2 == std::string::npos) return {};
  return in.substr(pos + 1, nl1 - pos - 1) + "." + in.substr(nl1 + 1, nl2 - nl1 - 1);
}

std::uint64_t little_endian(const std::string& s, std::size_t pos, int bytes) {
  std::uint64_t v = 0;
  for (int i = bytes - 1; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(s[pos + i]);
  return v;
}

}  // namespace

Result<std::string> rewrite_ordered_dicts(const std::string& in) {
  std::string out;
  out.reserve(in.size() + in.size() / 16);
  // Output offset where the expression of each stack slot begins, so a MARK can be inserted
  // before a SETITEM's key (SETITEM k v == MARK k v SETITEMS, and only the latter is supported).
  struct Slot {
    std::size_t start;
    bool mark;
  };
  std::vector<Slot> stack;
  std::set<std::uint64_t> class_memo;  // memo slots holding the OrderedDict class
  bool class_on_top = false;           // the last thing pushed is the OrderedDict class
  std::size_t pos = 0;
  bool stopped = false;
  const Error truncated(ErrorCode::Format, "truncated or malformed pickle");
  // LibTorch's unpickler keeps MARKs apart from its stack and pops, swaps and pairs items without
  // checking, so an opcode that reads a MARK slot or below the bottom, or an odd number of dict
  // items, would make it read and write outside its stack. Python refuses these pickles too.
  const auto operands_ok = [&stack](std::size_t n) {
    if (stack.size() < n) return false;
    for (std::size_t i = 1; i <= n; ++i)
      if (stack[stack.size() - i].mark) return false;
    return true;
  };
  const auto underflow = [&pos] {
    return Error(ErrorCode::Format, "malformed pickle: opcode at byte " + std::to_string(pos) +
                                        " takes more operands than the stack holds");
  };
  std::vector<std::string> recent_strings;  // the last (up to two) text constants pushed
  while (pos < in.size() && !stopped) {
    const unsigned char op = static_cast<unsigned char>(in[pos]);
    OpInfo info;
    if (!op_info(op, info)) {
      return Error(ErrorCode::Format, "unknown pickle opcode " + std::to_string(op) +
                                          " at byte " + std::to_string(pos));
    }
    if (const char* name = foreign_call_opcode(op)) {
      std::string target = op == 'i' ? inst_target(in, pos) : "";
      if (op == 0x93 && recent_strings.size() == 2) target = recent_strings[0] + "." + recent_strings[1];
      return Error(ErrorCode::Format, std::string("refused: ") + name + (target.empty() ? "" : " " + target) +
                                          " at byte " + std::to_string(pos) +
                                          " (torch.save writes pickle protocol 2; nothing in a checkpoint is called)");
    }
    std::size_t end = pos + 1;
    if (info.kind == Arg::Fixed) {
      end += info.bytes;
    } else if (info.kind == Arg::Sized) {
      if (end + info.bytes > in.size()) return truncated;
      const std::uint64_t n = little_endian(in, end, info.bytes);
      if (n > in.size()) return truncated;
      end += info.bytes + n;
    } else if (info.kind == Arg::Line || info.kind == Arg::TwoLines) {
      for (int line = 0; line < (info.kind == Arg::Line ? 1 : 2); ++line) {
        const std::size_t nl = in.find('\n', end);
        if (nl == std::string::npos) return truncated;
        end = nl + 1;
      }
    }
    if (end > in.size()) return truncated;
    if ((op == 'q' || op == 'r') && little_endian(in, pos + 1, op == 'q' ? 1 : 4) > in.size()) {
      // Python numbers memo slots from 0 and each PUT takes two bytes or more, so a larger index
      // is hostile: LibTorch's unpickler would reserve a memo table of that many slots.
      return Error(ErrorCode::Format, "memo index out of range at byte " + std::to_string(pos));
    }
    const std::string_view whole(in.data() + pos, end - pos);
    const std::size_t start = out.size();
    Effect effect = stack_effect(op);

    bool keep_class_on_top = false;
    if (op == 'c' && whole == "ccollections\nOrderedDict\n") {
      out.push_back('}');  // stands in for the class; becomes the dict once REDUCE is skipped
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
      effect = {0, 0};
    } else if (op == 'b') {
      // BUILD sets attributes (`_metadata`), which a dict cannot hold, and the unpickler has no
      // POP. Store the state under a non-tensor key instead: MARK '__build_state__' state SETITEMS.
      if (!operands_ok(2)) return underflow();  // the object and its state
      const std::string key = "__build_state__";
      std::string prefix = "(X";
      for (int i = 0; i < 4; ++i) prefix.push_back(static_cast<char>((key.size() >> (8 * i)) & 0xff));
      out.insert(stack.back().start, prefix + key);
      out.push_back('u');
    } else if (op == 's') {
      if (!operands_ok(3)) return underflow();  // dict, key, value
      out.insert(stack[stack.size() - 2].start, 1, '(');
      out.push_back('u');
    } else {
      if (op == 'q' || op == 'r') class_memo.erase(little_endian(in, pos + 1, op == 'q' ? 1 : 4));
      out.append(whole);
    }
    class_on_top = keep_class_on_top;

    // Track the stack: each pushed slot starts where its first operand started.
    std::size_t first = start;
    if (effect.pops == kToMark) {
      std::size_t items = 0;
      for (; !stack.empty() && !stack.back().mark; ++items) stack.pop_back();
      if (stack.empty()) return truncated;
      if ((op == 'd' || op == 'u') && items % 2 != 0) {  // DICT, SETITEMS
        return Error(ErrorCode::Format, "malformed pickle: odd number of dict items at byte " + std::to_string(pos));
      }
      first = stack.back().start;
      stack.pop_back();
    } else {
      if (!operands_ok(static_cast<std::size_t>(effect.pops))) return underflow();
      if (effect.pops > 0) first = stack[stack.size() - effect.pops].start;
      stack.resize(stack.size() - effect.pops);
    }
    for (int i = 0; i < effect.pushes; ++i) stack.push_back({first, op == '('});
    if (op == 'X' || op == 0x8c || op == 0x8d) {  // BINUNICODE, SHORT_BINUNICODE, BINUNICODE8
      recent_strings.push_back(std::string(whole.substr(1 + info.bytes)));
      if (recent_strings.size() > 2) recent_strings.erase(recent_strings.begin());
    } else if (op != 'p' && op != 'q' && op != 'r' && op != 0x94) {  // memo puts leave the stack as is
      recent_strings.clear();
    }
    stopped = op == '.';
    pos = end;
  }
  if (!stopped) return truncated;
  return out;
}

}  // namespace rsd::engine
