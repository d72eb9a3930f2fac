// The one strict way weights get into a network: load_weights() reads any supported file, and
// load_into() copies it into a torch::nn::Module only if every tensor fits.
//
// Error contract: load_into() changes nothing unless the whole state_dict fits. Otherwise it
// returns one ErrorCode::Model error listing every missing, unexpected and misshaped tensor (and
// every derived buffer whose stored value differs from what the code computes), each list
// truncated after LoadOptions::max_listed names. Threading: call from the thread that owns the
// module; no global state.
#pragma once

#include <cstddef>
#include <string>

#include "base/error.h"
#include "engine/weights/state_dict.h"

namespace torch::nn {
class Module;
}

namespace rsd::engine {

enum class WeightsFormat { Pth, Safetensors };

// Sniffs the first bytes: "PK\3\4" is a torch.save zip, a plausible u64 header length followed by
// '{' is safetensors; anything else is a Format error (legacy pickles get a re-save hint).
Result<WeightsFormat> detect_weights_format(const std::string& path);

// Reads a .pth (zip) or .safetensors file into CPU tensors, unwrapped and with 'module.' /
// '_orig_mod.' prefixes removed (see pth_loader.h). Tensors keep their stored dtype.
Result<StateDict> load_weights(const std::string& path);

struct LoadOptions {
  bool allow_missing = false;     // keep the module's own value for tensors absent from the file
  bool allow_unexpected = false;  // ignore tensors the module does not have
  // Buffers the network computes from its configuration (Swin attention masks and relative
  // position indices). They are compared, never overwritten: a difference means the file was made
  // by a network with another configuration (window size, input size) or another mask rule.
  bool check_derived_buffers = true;
  std::size_t max_listed = 16;  // names shown per category before "... and N more"
};

// True for keys ending in "attn_mask" or "relative_position_index".
bool is_derived_buffer(const std::string& key);

// Copies parameters and buffers (converted to each target's dtype and device).
Status load_into(torch::nn::Module& module, const StateDict& weights,
                 const LoadOptions& options = {});

// Parameter + buffer count and the number of parameter elements, for listings.
std::size_t count_elements(const StateDict& weights);

}  // namespace rsd::engine
