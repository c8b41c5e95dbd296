#!/usr/bin/env bash
# Installs the Debian packages the tests use, only those missing (idempotent):
# Chromium for end-to-end tests and fixture rendering, CJK fonts for the templates,
# poppler-utils (pdftoppm/pdftotext) and unzip to read packs back, qpdf to make an
# encrypted PDF for the bad-input tests, and the native
# tesseract CLI as the OCR benchmark's baseline.
set -euo pipefail

PACKAGES=(chromium fonts-noto-cjk poppler-utils qpdf unzip tesseract-ocr tesseract-ocr-chi-sim)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-test-deps: all Debian packages present"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "install-test-deps: installing ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
