#!/usr/bin/env bash
# Renders every screen of the sample config at 800x480, in English and in Arabic, and compares
# them with the golden PNGs.
# After an intended visual change, look at the new images, then refresh the golden ones with:
#   KIOSK_UPDATE_GOLDEN=1 ctest --test-dir build -R render_golden
# Usage: render_golden.sh KIOSK COMPARE_PNG TESTS_DIR WORKDIR
set -euo pipefail
kiosk=$1 compare=$2 tests=$3 work=$4
rm -rf "$work"
"$kiosk" --config "$tests/data/sample.cfg" --render "$work/800x480" --size 800x480 --no-proof
mkdir -p "$tests/golden/800x480"
"$compare" "$tests/golden/800x480" "$work/800x480"
# The same screens in Arabic: mirrored, right to left, shaped by HarfBuzz in Noto Sans Arabic.
"$kiosk" --config "$tests/data/sample.cfg" --render "$work/800x480-ar" --size 800x480 --lang ar --no-proof
mkdir -p "$tests/golden/800x480-ar"
"$compare" "$tests/golden/800x480-ar" "$work/800x480-ar"
