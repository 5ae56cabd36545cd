#!/usr/bin/env bash
# Builds the small bootable system the appliance test boots: Debian 12 (amd64, minbase) with
# systemd and a stock kernel, the kiosk's .deb installed with apt, then set up by the project's
# own deploy/pi/install.sh --root exactly as on a Raspberry Pi: kiosk.service enabled, no getty
# on tty1, the content folder on a FAT boot partition, the quiet-boot words in cmdline.txt.
# Only two things are added that a Pi does not have, both for the test to look in from outside:
# qemu-guest-agent (runs commands on QEMU's request over a virtio serial port, no network) and
# strace. overlayroot is installed, as build-image.sh --read-only does, so that the same system
# can be booted with a read-only root.
#
#   tests/appliance/build-system.sh KIOSK.deb OUT_DIR
#
# Writes to OUT_DIR: root.img (ext4, label KIOSKROOT), boot.img (FAT32, label KIOSKBOOT, with
# cmdline.txt, config.txt and kiosk/kiosk.cfg as install.sh leaves them), boot-ro.img (the same
# after install.sh --read-only), vmlinuz and initrd.img (QEMU boots them directly: they stand
# in for the Pi's firmware, which reads cmdline.txt from the boot partition; run.sh passes that
# file's line to the kernel). Needs root (debootstrap, chroot). No loop devices: mkfs.ext4 -d
# and mcopy. The debootstrapped base (about 3-4 minutes with downloads) is kept in
# OUT_DIR/base and reused while its package list is the same; the packages in OUT_DIR/cache.
set -euo pipefail
deb=$(realpath "$1")
out=$(realpath -m "$2")
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
[ -f "$deb" ] || { echo "build-system.sh: no package at $deb" >&2; exit 2; }
[ "$(id -u)" = 0 ] || { echo "build-system.sh: run as root (debootstrap, chroot)" >&2; exit 2; }
t0=$(date +%s)
log() { printf '=== [%4ss] %s\n' "$(($(date +%s) - t0))" "$*"; }

suite=bookworm
mirror=$("$src/deploy/image/debian-mirror.sh" "$suite")
packages=systemd-sysv,udev,kmod,initramfs-tools,zstd,busybox,overlayroot,linux-image-amd64
packages+=,qemu-guest-agent,strace
base=$out/base
stamp="$suite $mirror $packages"
mkdir -p "$out/cache"

chroot_mounts() { # mount | umount
    local r=$1
    if [ "$2" = mount ]; then
        mount -t proc proc "$r/proc"
        mount -t sysfs sysfs "$r/sys"
        mount --bind /dev "$r/dev"
        mount --bind /dev/pts "$r/dev/pts"
    else
        for m in dev/pts dev sys proc; do
            if mountpoint -q "$r/$m"; then umount "$r/$m" || umount -l "$r/$m"; fi
        done
    fi
}
sys=$out/system
cleanup() {
    chroot_mounts "$sys" umount 2>/dev/null || true
    chroot_mounts "$base" umount 2>/dev/null || true
}
trap cleanup EXIT

# --- The base: debootstrap, kept while the package list is the same --------------------------
if [ -f "$base/.kiosk-stamp" ] && [ "$(cat "$base/.kiosk-stamp")" = "$stamp" ]; then
    log "Base system: reusing $base"
else
    log "Base system: debootstrap $suite amd64 minbase from $mirror"
    rm -rf --one-file-system "$base"
    # Everything with an initramfs hook (overlayroot, busybox) comes in with the kernel, so
    # the initramfs is built once, with them.
    debootstrap --arch=amd64 --variant=minbase --cache-dir="$out/cache" \
        --include="$packages" "$suite" "$base" "$mirror" >"$out/debootstrap.log" 2>&1 ||
        { tail -20 "$out/debootstrap.log"; exit 1; }
    echo "$stamp" >"$base/.kiosk-stamp"
fi

# --- The system: the base, the kiosk package, install.sh ---------------------------------------
log "System: the base plus $(basename "$deb")"
rm -rf --one-file-system "$sys" "$out/bootfs"
cp -a "$base" "$sys"
rm -f "$sys/.kiosk-stamp"
chroot_mounts "$sys" mount
cp /etc/resolv.conf "$sys/etc/resolv.conf" # apt fetches the kiosk's dependencies
printf '#!/bin/sh\nexit 101\n' >"$sys/usr/sbin/policy-rc.d" # no service starts in the chroot
chmod 755 "$sys/usr/sbin/policy-rc.d"
cat >"$sys/etc/apt/sources.list" <<EOF
deb $mirror $suite main
deb $mirror $suite-updates main
EOF
cp "$deb" "$sys/tmp/kiosk.deb"
chroot "$sys" env DEBIAN_FRONTEND=noninteractive apt-get update -qq >"$out/apt.log" 2>&1
chroot "$sys" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
    --no-install-recommends /tmp/kiosk.deb >>"$out/apt.log" 2>&1 ||
    { tail -20 "$out/apt.log"; exit 1; }
rm -f "$sys/tmp/kiosk.deb" "$sys/usr/sbin/policy-rc.d" "$sys/etc/resolv.conf"
chroot "$sys" apt-get clean
rm -rf "$sys/var/lib/apt/lists/"*
chroot_mounts "$sys" umount

# The boot partition as a Pi's firmware partition starts: a one-line cmdline.txt and a
# config.txt. The root by label, as build-image.sh does on the Pi (RASPIROOT there).
mkdir -p "$out/bootfs"
echo "console=tty1 root=LABEL=KIOSKROOT rootfstype=ext4 fsck.repair=yes rootwait" \
    >"$out/bootfs/cmdline.txt"
printf '# The firmware settings of a Pi; the test machine has no firmware to read them.\n' \
    >"$out/bootfs/config.txt"
log "deploy/pi/install.sh --root"
"$src/deploy/pi/install.sh" --root "$sys" --boot "$out/bootfs" >"$out/install.log"
cat >"$sys/etc/fstab" <<'EOF'
# The test machine's disks: the root and the boot partition (staff content) by label.
LABEL=KIOSKROOT  /               ext4  rw,noatime,errors=remount-ro  0  1
LABEL=KIOSKBOOT  /boot/firmware  vfat  rw,noatime,umask=0022,flush   0  2
EOF
echo kiosk >"$sys/etc/hostname"
: >"$sys/etc/machine-id"
# The read-only variant of the boot partition: what install.sh --read-only adds to it.
rm -rf "$out/bootfs-ro"
cp -a "$out/bootfs" "$out/bootfs-ro"
"$src/deploy/pi/install.sh" --root "$sys" --boot "$out/bootfs-ro" --read-only >>"$out/install.log"

log "Images"
cp "$sys"/boot/vmlinuz-* "$out/vmlinuz"
cp "$sys"/boot/initrd.img-* "$out/initrd.img"
used=$(du -s --block-size=1M "$sys" | cut -f1)
rm -f "$out/root.img"
mkfs.ext4 -q -F -L KIOSKROOT -d "$sys" "$out/root.img" "$((used * 5 / 4 + 256))M"
export MTOOLS_SKIP_CHECK=1
for variant in "" -ro; do
    rm -f "$out/boot$variant.img"
    mkfs.vfat -F 32 -n KIOSKBOOT -C "$out/boot$variant.img" $((64 * 1024)) >/dev/null
    mcopy -s -i "$out/boot$variant.img" "$out/bootfs$variant"/* ::/
done
rm -rf --one-file-system "$sys"
log "Done: $out (root $used MiB)"
