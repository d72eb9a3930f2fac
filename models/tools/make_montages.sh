#!/bin/bash
# Side-by-side montages of the held-out results, one per degradation:
#   LR (nearest) | bicubic | student | teacher | HR   for every photo, a SIZE-pixel crop each.
#
#   rsd-bench quality --hr data/heldout --models student,teacher --save-images --out data/bench/q
#   models/tools/make_montages.sh data/bench/q/images models/training [SIZE] [METHODS...]
#
# IMAGES is the folder rsd-bench quality --save-images wrote (images/<photo>/<name>.png); the
# montages go to OUT/montage-<degradation>.png. SIZE (default 160) is the side of the crop, taken
# at the centre of each HR photo; METHODS (default: bicubic student teacher) are the method
# names as rsd-bench reports them. Needs ImageMagick (Debian package imagemagick).
set -euo pipefail
images=${1:?usage: make_montages.sh IMAGES OUT [SIZE] [METHODS...]}
out=${2:?usage: make_montages.sh IMAGES OUT [SIZE] [METHODS...]}
size=${3:-160}
shift $(( $# >= 3 ? 3 : $# ))
methods=("$@")
[ ${#methods[@]} -gt 0 ] || methods=(bicubic student teacher)
convert=/usr/bin/convert
montage=/usr/bin/montage
for tool in "$convert" "$montage"; do
  [ -x "$tool" ] || { echo "make_montages.sh: $tool not found (apt-get install imagemagick)" >&2; exit 1; }
done
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for deg in bicubic realistic; do
  tiles=()
  for photo in "$images"/*/; do
    name=$(basename "$photo")
    hr="$photo/hr.png"
    [ -f "$hr" ] || continue
    read -r w h < <("$convert" "$hr" -format '%w %h\n' info:)
    # Crop origin at the centre, on the x4 grid so that the LR crop lines up.
    x=$(( (w - size) / 2 / 4 * 4 )); y=$(( (h - size) / 2 / 4 * 4 ))
    q=$(( size / 4 ))
    "$convert" "$photo/lr_$deg.png" -crop "${q}x${q}+$((x / 4))+$((y / 4))" +repage \
      -filter point -resize 400% "$tmp/$name-0-lr.png"
    tiles+=("-label" "$name: LR (nearest)" "$tmp/$name-0-lr.png")
    i=1
    for m in "${methods[@]}"; do
      # rsd-bench writes the method name as a file-name slug ("teacher (T=4)" -> teacher_T_4).
      src=$(ls "$photo/${deg}_$m".png "$photo/${deg}_${m}"_*.png 2>/dev/null | head -1 || true)
      if [ -z "$src" ]; then echo "make_montages.sh: no ${deg}_$m image in $photo" >&2; exit 1; fi
      label=$(basename "$src" .png); label=${label#"${deg}_"}
      "$convert" "$src" -crop "${size}x${size}+$x+$y" +repage "$tmp/$name-$i.png"
      tiles+=("-label" "$label" "$tmp/$name-$i.png")
      i=$((i + 1))
    done
    "$convert" "$hr" -crop "${size}x${size}+$x+$y" +repage "$tmp/$name-$i-hr.png"
    tiles+=("-label" "HR" "$tmp/$name-$i-hr.png")
  done
  [ ${#tiles[@]} -gt 0 ] || { echo "make_montages.sh: no photos in $images" >&2; exit 1; }
  cols=$(( ${#methods[@]} + 2 ))
  "$montage" "${tiles[@]}" -tile "${cols}x" -geometry "${size}x${size}+4+4" -pointsize 11 \
    -background white "$out/montage-$deg.png"
  echo "wrote $out/montage-$deg.png"
done
