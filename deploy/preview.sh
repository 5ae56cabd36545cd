#!/usr/bin/env bash
# Sets up, builds and starts the kiosk in a window with the shipped content: the first thing
# to run on a fresh Debian 12 or Raspberry Pi OS machine. Extra arguments go to the kiosk,
# e.g. deploy/preview.sh --windowed=800x480
set -euo pipefail
cd "$(dirname "$0")/.."
deploy/setup-dev.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)" --target kiosk
if [ "$#" -eq 0 ]; then set -- --windowed; fi
exec build/kiosk/kiosk --config config/kiosk.cfg "$@"
