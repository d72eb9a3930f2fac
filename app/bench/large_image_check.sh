#!/usr/bin/env bash
# Peak memory (and time) of rsd-upscale on large photos: makes synthetic 3:2 JPEG photos of the
# given sizes with `rsd-bench synth-photo`, upscales each x4 with the shipped student on the CPU
# and prints one Markdown table row per size. Large outputs go through the banded, streamed path
# (core/pipeline/banded_job.h), so the peak should stay flat as the input grows.
#
#   app/bench/large_image_check.sh                     # 4 and 16 MP inputs (64 and 256 MP outputs)
#   app/bench/large_image_check.sh --sizes 100         # the 100 MP check: a 48988 x 32660 output,
#                                                      # about 50 min on an idle 2-core machine
#   app/bench/large_image_check.sh --max-memory 2048   # passed on to rsd-upscale
#
# Options: --build DIR (default build), --sizes "MP ..." (input megapixels), --max-memory MiB,
# --format jpg|png|tif (output), --work DIR (default: a temporary folder, removed at the end).
# Peak RSS is the kernel's high-water mark of the rsd-upscale process (GNU time's %M, or VmHWM
# sampled from /proc when /usr/bin/time is missing); it includes LibTorch and the model.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
build="$root/build"
sizes="4 16"
max_memory=""
format=""
work=""
while [ $# -gt 0 ]; do
  case "$1" in
    --build) build="$(cd "$2" && pwd)"; shift 2 ;;
    --sizes) sizes="$2"; shift 2 ;;
    --max-memory) max_memory="$2"; shift 2 ;;
    --format) format="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) echo "large_image_check: unknown option $1" >&2; exit 2 ;;
  esac
done

bench="$build/app/bench/rsd-bench"
upscale="$build/app/upscale/rsd-upscale"
for exe in "$bench" "$upscale"; do
  [ -x "$exe" ] || { echo "large_image_check: $exe not found (build it, or pass --build DIR)" >&2; exit 2; }
done
if [ -z "$work" ]; then
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
fi
mkdir -p "$work/out"

args=(--model "$root/models/rsd-lite-student.json" --device cpu --quiet --overwrite -o "$work/out")
[ -n "$max_memory" ] && args+=(--max-memory "$max_memory")
[ -n "$format" ] && args+=(-f "$format")

# Runs rsd-upscale on $1; sets seconds and peak_kib.
measure() {
  local input="$1" start end
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "%e %M" -o "$work/time.txt" "$upscale" "${args[@]}" "$input"
    read -r seconds peak_kib < "$work/time.txt"
  else
    start=$(date +%s.%N)
    "$upscale" "${args[@]}" "$input" & local pid=$! hwm
    peak_kib=0
    while kill -0 "$pid" 2>/dev/null; do
      hwm=$(awk '/^VmHWM:/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
      [ -n "$hwm" ] && peak_kib=$hwm
      sleep 0.5
    done
    wait "$pid"
    end=$(date +%s.%N)
    seconds=$(echo "$end - $start" | bc)
  fi
}

echo "| input | output | output MP | seconds | output MP/s | peak RSS (MiB) | output file (MB) |"
echo "|---|---|---|---|---|---|---|"
for mp in $sizes; do
  width=$(awk -v mp="$mp" 'BEGIN { printf "%d", sqrt(mp * 1e6 * 1.5) + 0.5 }')
  height=$(awk -v w="$width" 'BEGIN { printf "%d", w / 1.5 + 0.5 }')
  input="$work/photo_${mp}mp.jpg"
  "$bench" synth-photo --width "$width" --height "$height" "$input" > /dev/null
  measure "$input"
  output="$(ls -1 "$work/out"/photo_${mp}mp_x4.* | head -1)"
  out_mp=$(awk -v w="$width" -v h="$height" 'BEGIN { printf "%.1f", w * 4 * h * 4 / 1e6 }')
  echo "| ${width}x${height} ($mp MP) | $((width * 4))x$((height * 4)) | $out_mp | $seconds |" \
       "$(awk -v m="$out_mp" -v s="$seconds" 'BEGIN { printf "%.2f", m / s }') |" \
       "$((peak_kib / 1024)) | $(( $(stat -c %s "$output") / 1000000 )) |"
  rm -f "$input" "$output"
done
echo
shown="--model models/rsd-lite-student.json --device cpu${max_memory:+ --max-memory $max_memory}${format:+ -f $format}"
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)," \
     "rsd-upscale $shown"
