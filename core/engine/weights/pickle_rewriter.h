// Rewrites a Python pickle stream so LibTorch's restricted unpickler can read state_dicts.
//
// Python's state_dict() is a collections.OrderedDict carrying a `_metadata` attribute. LibTorch
// 1.13's unpickler turns every OrderedDict into None (it only expects them as unused tensor hook
// tables), so the SETITEMS that follow fail. This pass walks the opcode stream and replaces
//   GLOBAL 'collections OrderedDict' ... EMPTY_TUPLE REDUCE   ->  EMPTY_DICT
// (including later BINGET references to the memoized class). BUILD (setting `_metadata`) has no
// meaning for a dict and the unpickler has no POP, so the state is stored under the non-tensor key
// '__build_state__' (MARK key state SETITEMS), which the state_dict unwrapping ignores. SETITEM (one-entry dicts such as the `_metadata` values), which
// the unpickler lacks, becomes MARK key value SETITEMS: a symbolic stack of output offsets tells
// where the key began. Nothing else changes, and no opcode is executed here: unknown classes are
// still refused by the unpickler afterwards.
#pragma once

#include <string>

#include "base/error.h"

namespace rsd::engine {

// `pickle` holds one pickle (protocol 2, what torch.save writes). Format error on a truncated or
// unknown opcode.
Result<std::string> rewrite_ordered_dicts(const std::string& pickle);

}  // namespace rsd::engine
