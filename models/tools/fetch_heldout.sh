#!/usr/bin/env bash
# Builds the held-out evaluation set of real photographs for judging x4 super-resolution
# models (see models/HELDOUT-DATA.md). None of these photos is used for training.
#
# Usage (from the repository root):  models/tools/fetch_heldout.sh [OUT_DIR]   (default data/heldout)
#
# Downloads the Debian 12 (bookworm) packages with `apt-get download` into data/heldout-pkgs,
# unpacks them with `dpkg -x` into data/heldout-root, checks the md5 of every source photo and
# writes one 512x512 RGB PNG crop per photo to OUT_DIR/<short-name>.png. Idempotent: packages
# already downloaded or unpacked are reused, the crops are rewritten byte-identically.
#
# No photo comes from python3-skimage's data or from OpenCV's sample images (opencv-doc): those
# are kept out on purpose, as an independent test set.
set -euo pipefail

OUT=${1:-data/heldout}
PKGS=data/heldout-pkgs
ROOT=data/heldout-root
CONVERT=/usr/bin/convert
IDENTIFY=/usr/bin/identify

if [ ! -f models/TRAINING-DATA.md ] || [ ! -d models/tools ]; then
  echo "fetch_heldout.sh: run it from the repository root" >&2
  exit 1
fi
for tool in apt-get dpkg dd md5sum bzcat "$CONVERT" "$IDENTIFY"; do
  command -v "$tool" >/dev/null || { echo "fetch_heldout.sh: $tool is missing" >&2; exit 1; }
done

# package  version-known-to-work (the recipe checks file md5s, so a newer version that ships
# the same files is fine)
PACKAGES=(
  "lxqt-themes 1.2.0-1"
  "gcompris-qt-data 3.1-2"
  "palapeli-data 4:22.12.3-1"
  "kphotoalbum 5.9.1-1"
  "tuxpaint-data 1:0.9.28-sdl2-1"
  "python3-scipy 1.10.1-2"
  "labelme-examples 5.1.1-1"
)

# name | package | path in package | md5 of the source file | crop x | crop y | kind
#   kind: img = any image ImageMagick reads; rawface = scipy's bzip2-compressed raw 1024x768 RGB
#   raccoon image; rcc:OFFSET:SIZE = an image stored uncompressed inside a Qt resource bundle
#   (.rcc) at byte OFFSET, SIZE bytes long: it is cut out with dd, and the md5 is that of the
#   cut-out image (ImageMagick recognises its format by its magic bytes)
PHOTOS=(
  "flowers|lxqt-themes|usr/share/lxqt/wallpapers/flowers.png|e9f89b4c6c7fcded0a912302a16af730|1620|460|img"
  "hawa_mahal|gcompris-qt-data|usr/share/gcompris-qt/rcc/explore_monuments.rcc|56dabe71f20051135173e333c6e8dc3b|256|128|rcc:1687365:120372"
  "castle|palapeli-data|usr/share/palapeli/collection/castle-maintenon.jpg|e08f02bc94e18adb031e8ed8876da94e|330|169|img"
  "face|kphotoalbum|usr/share/kphotoalbum/demo/jesper.jpg|820e9f0c8dad791786c03c0601901347|150|0|img"
  "knit_sweater|kphotoalbum|usr/share/kphotoalbum/demo/bar55_2.jpg|b58171a20ca7e407ea96a62b1517e734|120|88|img"
  "ocean_wave|tuxpaint-data|usr/share/tuxpaint/templates/ocean_waves.jpg|6b835f3e04aab2f91591212add343312|220|120|img"
  "packaging_text|labelme-examples|usr/share/doc/labelme-examples/examples/tutorial/apc2016_obj3.jpg|82b57b7df00995b85578184cf8f46581|392|395|img"
  "raccoon|python3-scipy|usr/lib/python3/dist-packages/scipy/misc/face.dat|55f6b72345023de0129fe7a264a6a37d|380|80|rawface"
  "honeybee|palapeli-data|usr/share/palapeli/collection/european-honey-bee.jpg|cb534b0f6d90e7a90dadce59dd6c7618|320|360|img"
  "citrus|palapeli-data|usr/share/palapeli/collection/citrus-fruits.jpg|c95a1c48f6531ccd5f74e21ee22ef1bb|220|230|img"
  "cliff|tuxpaint-data|usr/share/tuxpaint/templates/cliff.jpg|410efec70f60fbe3328ad550a507eba0|740|230|img"
  "chameleon|palapeli-data|usr/share/palapeli/collection/panther-chameleon-female.jpg|f77bffc041923fd701407f9d546abdbe|280|40|img"
)

mkdir -p "$PKGS" "$ROOT" "$OUT"

# 1. download and unpack
for entry in "${PACKAGES[@]}"; do
  read -r pkg version <<<"$entry"
  if ! compgen -G "$PKGS/${pkg}_*.deb" >/dev/null; then
    echo "downloading $pkg"
    if ! (cd "$PKGS" && apt-get download "$pkg=$version"); then
      echo "fetch_heldout.sh: $pkg=$version is not available, trying the current version" >&2
      (cd "$PKGS" && apt-get download "$pkg")
    fi
  fi
  deb=$(compgen -G "$PKGS/${pkg}_*.deb" | sort -V | tail -n 1)
  stamp="$ROOT/.unpacked-$(basename "$deb")"
  if [ ! -e "$stamp" ]; then
    echo "unpacking $(basename "$deb")"
    dpkg -x "$deb" "$ROOT"
    touch "$stamp"
  fi
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# 2. check the sources and write the crops
status=0
for entry in "${PHOTOS[@]}"; do
  IFS='|' read -r name pkg path md5 x y kind <<<"$entry"
  src="$ROOT/$path"
  if [ ! -f "$src" ]; then
    echo "fetch_heldout.sh: $src (package $pkg) is missing" >&2; status=1; continue
  fi
  what=$src
  case $kind in
    rcc:*) # cut the image out of the resource bundle; the md5 below checks the cut-out image
           IFS=: read -r _ offset size <<<"$kind"
           dd if="$src" of="$tmp/$name.member" iflag=skip_bytes,count_bytes skip="$offset" \
              count="$size" bs=64K status=none
           src="$tmp/$name.member"
           what="$what (the $size bytes at offset $offset)" ;;
  esac
  actual=$(md5sum "$src" | cut -d' ' -f1)
  if [ "$actual" != "$md5" ]; then
    echo "fetch_heldout.sh: $what (package $pkg) has md5 $actual, expected $md5" >&2
    status=1; continue
  fi
  dst="$OUT/$name.png"
  # shellcheck disable=SC2054  # the comma is part of the ImageMagick define
  common=(-crop "512x512+$x+$y" +repage -strip -define png:exclude-chunks=date,time "PNG24:$dst")
  case $kind in
    img|rcc:*) "$CONVERT" "$src" -auto-orient "${common[@]}" ;;
    rawface)   bzcat "$src" > "$tmp/face.rgb"
               "$CONVERT" -size 1024x768 -depth 8 "rgb:$tmp/face.rgb" "${common[@]}" ;;
    *)         echo "fetch_heldout.sh: unknown kind $kind" >&2; exit 1 ;;
  esac
  geom=$("$IDENTIFY" -format '%w %h %[channels]' "$dst")
  if [ "$geom" != "512 512 srgb" ]; then
    echo "fetch_heldout.sh: $dst is '$geom', expected 512x512 RGB" >&2; status=1; continue
  fi
  echo "wrote $dst"
done
exit $status
