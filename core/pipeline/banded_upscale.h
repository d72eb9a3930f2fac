// upscale_pixels() for photos whose output is too large to hold: the input, kept as 8/16-bit
// samples, goes through the model in horizontal bands of rows, and finished output rows are
// handed to a sink (the streaming encoder) as soon as no later band can change them.
//
// Bands overlap by BandOptions::overlap input rows and are cross-faded with the tiler's
// raised-cosine ramps (engine/diffusion/tile_planner.h: tile_starts, blend_ramp), so band seams
// are as invisible as tile seams. Alpha is resampled per chunk from the input rows it depends on
// (bicubic reads two rows either side), which gives exactly the whole-image result.
//
// Threading: runs on the caller's thread (the inference worker), like upscale_pixels().
#pragma once

#include <functional>

#include "base/error.h"
#include "base/image.h"
#include "base/image_upscaler.h"
#include "base/job_context.h"
#include "imaging/decoded_image.h"
#include "imaging/integer_image.h"
#include "pipeline/output_options.h"

namespace rsd::pipeline {

// Receives the output top to bottom, a few rows at a time, with the channel layout
// upscale_pixels() gives (gray 1, colour 3, with alpha 4).
using RowSink = std::function<Status(const ImageF& rows)>;

// BandOptions::memory_bytes, or its default (1 GiB) when 0.
int64_t band_memory_bytes(const BandOptions& options);

// Input rows per band (overlap included) for an input `width` pixels wide upscaled x`scale`;
// `sampled`: several samples per band (or a map), which need more memory per row.
int band_rows(int width, int height, int scale, const BandOptions& options, bool sampled = false);

// `layout` says how to read `pixels` (gray, alpha); its own pixels are not used. With
// `spread_sink`, each band's samples are drawn with upscale_with_spread() and the spread rows
// (1 channel, cross-faded like the pixels) go there, in step with `sink`. Errors: those of the
// upscaler and the sinks, Cancelled (checked between bands and chunks), Internal when the model
// returns the wrong size.
Status upscale_in_bands(const imaging::IntegerImage& pixels, const imaging::DecodedImage& layout,
                        ImageUpscaler& upscaler, const BandOptions& options, const RowSink& sink,
                        const JobContext& ctx, const RowSink* spread_sink = nullptr);

// True when the pipeline draws several samples for an upscale: sampling().samples > 1, or the
// spread (a map) is wanted.
bool draws_samples(const ImageUpscaler& upscaler, bool spread_wanted);

// What the pipeline upscales rgb to: with more than one sample (sampling().samples) or `spread`
// asked for, the samples drawn by upscale_samples() blended at sampling().detail, their spread
// stored in *spread when given; else one upscale().
Result<ImageF> upscale_with_spread(ImageUpscaler& upscaler, const ImageF& rgb, const JobContext& ctx,
                                   ImageF* spread);

// Upscaled RGB (and the upscaled alpha plane, when the photo has one) in the photo's own channel
// layout; shared with upscale_pixels().
ImageF restore_layout(ImageF rgb, const ImageF* alpha, bool gray);

}  // namespace rsd::pipeline
