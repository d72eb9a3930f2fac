// .pth loader: checkpoints written by Python `torch.save` in the zip format (torch >= 1.6).
//
// The pickle inside is decoded by LibTorch's restricted unpickler, which only rebuilds tensors and
// plain containers (dict, list, tuple, str, numbers); any other class makes it fail instead of
// running code, so opening an untrusted file never executes anything. Legacy (pre-1.6, non-zip)
// pickles and TorchScript archives are refused with an explanation.
//
// Unwrapping, in this order (ResShift sampler.py / RSD trainer.py layouts):
//   {'state_dict': X}          -> X          (ResShift / RSD training checkpoints)
//   {'student': X, ...}        -> X          (RSD: state_dict holds {'student', 'fake'})
//   raw dict / OrderedDict of tensors
// then every key loses leading 'module.' (DataParallel/DDP) and '_orig_mod.' (torch.compile).
// Non-tensor values next to tensors (step counters, `_metadata`) are ignored; a dict that holds no
// tensor at all is an error listing its keys, so a wrong nesting never loads silently as nothing.
#pragma once

#include <string>

#include "base/error.h"
#include "engine/weights/state_dict.h"

namespace c10 {
struct IValue;
}

namespace rsd::engine {

Result<StateDict> load_pth(const std::string& path);

// The unwrapping above applied to an already decoded object (tests build these in memory).
Result<StateDict> state_dict_from_ivalue(const c10::IValue& root);

// Leading 'module.' / '_orig_mod.' removed from every key (repeatedly, in any order). Two keys that
// collapse onto the same name are an error.
Result<StateDict> strip_wrapper_prefixes(StateDict tensors);

}  // namespace rsd::engine
