#!/usr/bin/env bash
# Installs the Debian packages the validator and its tests use, when apt-get is usable
# (root or sudo). Every package the tests need is here, so a fresh machine is set up by
# `make run` or `make test` alone:
#   tesseract-ocr, -vie, -osd   OCR, the Vietnamese model, page orientation (OSD)
#   antiword, catdoc            Word 97-2003 .doc text
#   libreoffice-writer-nogui    .doc with legacy fonts; building samples/
#   fonts-liberation2           Times-metric fonts with Vietnamese capitals (scan fixtures)
#   chromium, chromium-driver   the HTML report and web-page tests (selenium)
# Usage: scripts/install-system-packages.sh [extra packages...]
set -u
packages=(tesseract-ocr tesseract-ocr-vie tesseract-ocr-osd antiword catdoc
          libreoffice-writer-nogui fonts-liberation2 chromium chromium-driver "$@")
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
  echo "Không có apt-get: hãy tự cài ${missing[*]} / No apt-get: please install ${missing[*]}" >&2
  exit 0
fi
if [ "$(id -u)" -eq 0 ]; then sudo=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo"
else
  echo "Cần quyền root để cài: sudo apt-get install ${missing[*]}" >&2
  echo "Root needed to install: sudo apt-get install ${missing[*]}" >&2
  exit 0
fi
echo "Installing Debian packages: ${missing[*]}" >&2
$sudo apt-get update -qq >/dev/null
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
