#!/usr/bin/env bash
# The appliance test: the kiosk's .deb on a small Debian system set up by deploy/pi/install.sh,
# booted under QEMU on a kernel DRM display and looked at from outside (README.md here).
#
#   tests/appliance/run.sh                      everything, amd64 (about 12 minutes)
#   tests/appliance/run.sh --only vga,read-only the scenarios named (appliance.py --help)
#   tests/appliance/run.sh --arm64-image IMG    the long run: the project's own arm64 SD-card
#                                               image (deploy/image/build-image.sh) under
#                                               qemu-system-aarch64 -M virt (about 10 minutes
#                                               plus building the image, about 16)
#
# Needs root (debootstrap and chroot build the system; tests/run.sh calls it with sudo). Installs
# what it needs with apt-get. Everything it makes is under build-appliance/ in this checkout:
# host/ (a developer build: the expected screens and the buttons' places), package/ (the .deb,
# built as deploy/check-package.sh builds it), system/ (the disk images; the debootstrapped base
# is kept and reused), run/ (each scenario's screens, serial log and figures). Nothing runs
# after it ends: every QEMU it starts is stopped.
set -euo pipefail
cd "$(dirname "$0")/../.."
src=$PWD
out=$src/build-appliance
jobs=$(nproc)
only="" arm64_image=""
while [ "$#" -gt 0 ]; do
    case $1 in
    --only) only=$2; shift ;;
    --arm64-image) arm64_image=$(realpath "$2"); shift ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
    esac
    shift
done
[ "$(id -u)" = 0 ] || { echo "run.sh: run as root (sudo $0)" >&2; exit 2; }
t0=$(date +%s)
log() { printf '\n=== [%4ss] %s\n' "$(($(date +%s) - t0))" "$*"; }

log "Tools"
tools=(qemu-system-x86 qemu-utils debootstrap mtools dosfstools exfatprogs fdisk e2fsprogs python3 dpkg-dev)
[ -z "$arm64_image" ] || tools+=(qemu-system-arm)
deploy/setup-dev.sh --test "${tools[@]}"

log "Host build: the expected screens and where the buttons are"
cmake -S . -B "$out/host" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$out/host" -j"$jobs" --target kiosk layout_probe >/dev/null
driver=(tests/appliance/appliance.py --work "$out/run" --kiosk "$out/host/kiosk/kiosk"
        --probe "$out/host/tests/layout_probe" --config config/kiosk.cfg)

if [ -n "$arm64_image" ]; then
    log "The arm64 image $arm64_image"
    exec "${driver[@]}" --arm64-image "$arm64_image" --system "$out/system"
fi

log "The package (as deploy/check-package.sh builds it)"
cmake -S . -B "$out/package" -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr \
    -DKIOSK_DEV_PATHS=OFF -DBUILD_TESTING=OFF >/dev/null
cmake --build "$out/package" -j"$jobs" >/dev/null
(cd "$out/package" && rm -f ./*.deb && cpack -G DEB >/dev/null)
deb=$(ls "$out"/package/kiosk_*.deb)

log "The system: Debian 12, $(basename "$deb"), deploy/pi/install.sh"
tests/appliance/build-system.sh "$deb" "$out/system"

log "Booting it"
rm -rf "$out/run"
"${driver[@]}" --system "$out/system" ${only:+--only "$only"}
