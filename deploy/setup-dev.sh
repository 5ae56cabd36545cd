#!/usr/bin/env bash
# Installs what building and testing the kiosk needs on Debian 12 or Raspberry Pi OS
# (Bookworm). Safe to run again: it installs only what is missing.
#   deploy/setup-dev.sh          build dependencies
#   deploy/setup-dev.sh --test   also what the tests use (Xvfb, xdotool, ImageMagick, strace;
#                                clang and its libFuzzer runtime for tests/fuzz, llvm to
#                                symbolize; valgrind for the memcheck pass; clang-format,
#                                clang-tidy and cppcheck for tests/lint.sh)
#   deploy/setup-dev.sh [--test] PACKAGE...
#                                and these packages too (tests/appliance/run.sh: QEMU, ...)
set -euo pipefail
packages=(build-essential cmake pkg-config libsdl2-dev libsdl2-ttf-dev libsdl2-image-dev
          libconfig-dev libfribidi-dev libpng-dev fonts-dejavu-core fonts-noto-ui-core)
if [ "${1:-}" = "--test" ]; then
    packages+=(xvfb xdotool x11-apps imagemagick strace clang libclang-rt-14-dev llvm valgrind
               clang-format clang-tidy cppcheck)
    shift
fi
packages+=("$@")
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
    sudo=""
    [ "$(id -u)" = 0 ] || sudo="sudo"
    echo "Installing: ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
