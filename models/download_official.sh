#!/usr/bin/env bash
# Downloads the official ResShift, SinSR and RSD weights named by the model cards into
# models/official/ (next to this script). Needs internet access and curl or wget; never run by the
# tests. Files already present are kept. Usage: models/download_official.sh [--all | NAME...]
# where NAME is one of: vq resshift-v1 resshift-v2 resshift-v3 sinsr-v1 sinsr-v2 rsd (default: all).
#
# Licences: ResShift weights S-Lab License 1.0 (non-commercial); SinSR and RSD weights
# CC BY-NC-SA 4.0. Read them before use.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
dest="$here/official"
mkdir -p "$dest"

rs=https://github.com/zsyOAOA/ResShift/releases/download/v2.0
declare -A url=(
  [vq]="$rs/autoencoder_vq_f4.pth"
  [resshift-v1]="$rs/resshift_realsrx4_s15_v1.pth"
  [resshift-v2]="$rs/resshift_realsrx4_s15_v2.pth"
  [resshift-v3]="$rs/resshift_realsrx4_s4_v3.pth"
  [sinsr-v1]="https://github.com/wyf0912/SinSR/releases/download/v1.0/SinSR_v1.pth"
  [sinsr-v2]="https://github.com/wyf0912/SinSR/releases/download/v1.0/SinSR_v2.pth"
  # Google Drive (RSD scripts/download_pretrained_rsd.sh); confirm=t skips the virus-scan page.
  [rsd]="https://drive.usercontent.google.com/download?id=1EQbO1Bw2HtGmGad4uk3g2wTFjdH22B2X&export=download&confirm=t"
)
declare -A file=(
  [vq]=autoencoder_vq_f4.pth
  [resshift-v1]=resshift_realsrx4_s15_v1.pth
  [resshift-v2]=resshift_realsrx4_s15_v2.pth
  [resshift-v3]=resshift_realsrx4_s4_v3.pth
  [sinsr-v1]=SinSR_v1.pth
  [sinsr-v2]=SinSR_v2.pth
  [rsd]=ema_model_2800.pth
)
order=(vq resshift-v1 resshift-v2 resshift-v3 sinsr-v1 sinsr-v2 rsd)

fetch() {  # fetch URL OUT: download to OUT.part, then rename, so an interrupted run leaves no file
  if command -v curl >/dev/null; then
    curl -fL --retry 3 -o "$2.part" "$1"
  elif command -v wget >/dev/null; then
    wget -O "$2.part" "$1"
  else
    echo "error: neither curl nor wget is installed" >&2
    exit 1
  fi
  # A Drive quota or login page arrives as HTML instead of a zip checkpoint.
  if ! head -c 2 "$2.part" | grep -q "PK"; then
    rm -f "$2.part"
    echo "error: $1 did not return a PyTorch checkpoint (quota page?); download it in a browser into $2" >&2
    return 1
  fi
  mv "$2.part" "$2"
}

names=("$@")
if [ ${#names[@]} -eq 0 ] || [ "${names[0]}" = "--all" ]; then names=("${order[@]}"); fi
status=0
for n in "${names[@]}"; do
  if [ -z "${url[$n]+x}" ]; then
    echo "unknown name '$n' (use: ${order[*]})" >&2
    exit 2
  fi
  out="$dest/${file[$n]}"
  if [ -s "$out" ]; then
    echo "have $out"
    continue
  fi
  echo "downloading $n -> $out"
  fetch "${url[$n]}" "$out" || status=1
done
# Students and teachers all decode with the VQ autoencoder.
if [ ! -s "$dest/${file[vq]}" ]; then echo "note: the VQ autoencoder (vq) is needed by every official card" >&2; fi
if command -v sha256sum >/dev/null; then
  echo "SHA-256 of the files (compare with, or record into, the cards' sha256 fields):"
  (cd "$dest" && sha256sum -- *.pth 2>/dev/null) || true
fi
exit $status
