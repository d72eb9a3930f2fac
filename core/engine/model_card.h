// ModelCard: the JSON file in models/ that ties a model together (network config, codec, diffusion
// parameters, weights file and checksum, provenance). Torch-free header.
//
// Card format (all paths relative to the card's folder):
// {
//   "name": "rsd-lite-student", "role": "student" | "teacher",
//   "description": "...",
//   "network": { ...UNet params exactly as the official YAML `model.params`... },
//   "noise_channels": 1,                      // extra input channels of an RSD student (0 = none)
//   "codec": { "type": "vq", "params": { ...official YAML `autoencoder.params`... },
//              "weights": "autoencoder_vq_f4.pth", "sha256": "..." }
//          | { "type": "pixel_unshuffle", "factor": 4 },
//   "diffusion": { "sf": 4, "steps": 15, "kappa": 2.0, "min_noise_level": 0.04, "etas_end": 0.99,
//                  "power": 0.3, "normalize_input": true, "latent_scale": 1.0 },
//   "weights": "resshift_realsrx4_s15_v1.pth", "sha256": "...",
//   "source_url": "...", "license": "...", "notes": "...",
//   "teacher": "resshift-v1.json"             // students: the card of their teacher (optional)
// }
#pragma once

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "base/error.h"

namespace rsd::engine {

struct DiffusionParams {
  int sf = 4;
  int steps = 15;
  double kappa = 2.0;
  double min_noise_level = 0.04;
  double etas_end = 0.99;
  double power = 0.3;
  bool normalize_input = true;
  double latent_scale = 1.0;
};

struct CodecSpec {
  std::string type = "vq";        // "vq" or "pixel_unshuffle"
  nlohmann::json params;          // vq: official autoencoder.params (with nested ddconfig)
  int factor = 4;                 // pixel_unshuffle
  std::string weights;            // vq only
  std::string sha256;
};

struct ModelCard {
  std::string name;
  std::string role = "teacher";  // "teacher" (T-step sampler) or "student" (one step at t = T-1)
  std::string description;
  nlohmann::json network;        // official UNet model.params
  int noise_channels = 0;
  CodecSpec codec;
  DiffusionParams diffusion;
  std::string weights;
  std::string sha256;
  std::string source_url;
  std::string license;
  std::string notes;
  std::string teacher;           // card file of the teacher, for students
  std::filesystem::path dir;     // folder the card was read from

  bool is_student() const { return role == "student"; }
  std::filesystem::path weights_path() const { return dir / weights; }
  std::filesystem::path codec_weights_path() const { return dir / codec.weights; }

  static Result<ModelCard> load(const std::filesystem::path& card_file);
  static Result<ModelCard> from_json(const nlohmann::json& j, const std::filesystem::path& dir);
  nlohmann::json to_json() const;
};

}  // namespace rsd::engine
