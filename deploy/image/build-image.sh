#!/usr/bin/env bash
# Builds a flashable SD-card image of the kiosk for a Raspberry Pi 3, 4, 400 or Zero 2 W:
# Debian 12 (bookworm) arm64 with Debian's Raspberry Pi boot files (raspi-firmware,
# linux-image-arm64 from non-free-firmware), the kiosk's arm64 .deb installed with apt and, when
# deploy/pi/install.sh exists, configured by it (service, quiet boot, content on the FAT
# partition). Runs on an x86-64 (or arm64) Debian 12 machine as root, without loop devices or
# device-mapper: the root filesystem is made with mkfs.ext4 -d, the boot partition with
# mkfs.vfat + mcopy, the partition table with parted, and both are placed with dd.
#
#   deploy/image/build-image.sh [OPTIONS] OUTPUT.img KIOSK_ARM64.deb [SIZE]
#
#   OUTPUT.img       the image to write (replaced if it exists)
#   KIOSK_ARM64.deb  the kiosk package for arm64 (deploy/cross/build-arm64.sh builds it)
#   SIZE             the whole image, e.g. 2G or 3000M; default: what the root needs plus
#                    25 % and 256 MiB (the image does not grow itself to fill the card)
#   --work DIR       work directory (default build-image/ in this checkout); whatever an earlier
#                    run left there is unmounted and replaced; downloaded packages are kept in
#                    DIR/cache and reused
#   --mirror URL     Debian mirror (default: the one this machine's apt uses for bookworm,
#                    from deploy/image/debian-mirror.sh; deb.debian.org if it has none)
#   --hostname NAME  default kiosk
#   --timezone ZONE  e.g. Europe/London (default Etc/UTC); opening hours use local time
#   --boot-size MIB  the FAT boot partition, where staff put content (default 256)
#   --read-only      a read-only root with a RAM overlay (overlayroot), so power cuts cannot
#                    corrupt the card; passed on to deploy/pi/install.sh
#   --keep-work      keep the work directory afterwards (default: only DIR/cache is kept)
#   --raspios        print how to build a Raspberry Pi OS image instead (pi-gen) and exit
#
# Takes about 16 minutes on 2 busy cores, most of it the kernel's initramfs and debootstrap's
# second stage under qemu emulation.
# deploy/image/README.md explains the result, how to flash it, and first boot.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; }
raspios_notes() {
    cat <<EOF
Raspberry Pi OS images are built with pi-gen and the stage in $here/pi-gen/.
pi-gen downloads Raspberry Pi OS packages from archive.raspberrypi.com, which this build
machine cannot reach, so that route is documented and linted here, not run:

  git clone --branch arm64 https://github.com/RPi-Distro/pi-gen
  cp -r $here/pi-gen/stage-kiosk pi-gen/
  cp KIOSK_ARM64.deb pi-gen/stage-kiosk/00-install-kiosk/files/kiosk.deb
  cp -r $src/deploy/pi pi-gen/stage-kiosk/00-install-kiosk/files/pi     # if it exists
  cp $here/pi-gen/config.example pi-gen/config
  cd pi-gen && sudo ./build.sh        # or ./build-docker.sh

The image appears in pi-gen/deploy/. See $here/README.md ("Raspberry Pi OS route").
EOF
}

work=$src/build-image
suite=bookworm
mirror=""
hostname=kiosk
timezone=Etc/UTC
boot_mib=256
keep_work=0
read_only=0
positional=()
while [ $# -gt 0 ]; do
    case $1 in
    --work) work=$2; shift ;;
    --mirror) mirror=$2; shift ;;
    --hostname) hostname=$2; shift ;;
    --timezone) timezone=$2; shift ;;
    --boot-size) boot_mib=$2; shift ;;
    --keep-work) keep_work=1 ;;
    --read-only) read_only=1 ;;
    --raspios) raspios_notes; exit 0 ;;
    -h | --help) usage; exit 0 ;;
    -*) echo "build-image.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
    *) positional+=("$1") ;;
    esac
    shift
done
if [ "${#positional[@]}" -lt 2 ] || [ "${#positional[@]}" -gt 3 ]; then
    usage >&2
    exit 2
fi
# The build machine's own mirror (and security mirror) unless one is given.
if [ -z "$mirror" ]; then
    mirror=$("$here/debian-mirror.sh" "$suite")
    security_mirror=$("$here/debian-mirror.sh" --security "$suite")
else
    security_mirror=${mirror%/debian}/debian-security
fi
output=$(realpath -m "${positional[0]}")
deb=$(realpath -m "${positional[1]}")
size=${positional[2]:-auto}
work=$(realpath -m "$work")
[ -f "$deb" ] || { echo "build-image.sh: no package at $deb" >&2; exit 2; }
[ "$(dpkg-deb --field "$deb" Architecture)" = arm64 ] ||
    { echo "build-image.sh: $deb is not an arm64 package" >&2; exit 2; }
if ! [[ $boot_mib =~ ^[0-9]+$ ]] || [ "$boot_mib" -lt 64 ]; then
    echo "build-image.sh: --boot-size needs a number of MiB, at least 64" >&2
    exit 2
fi
[ "$(id -u)" = 0 ] || { echo "build-image.sh: run as root (debootstrap and chroot need it)" >&2; exit 1; }
if [ "$read_only" = 1 ] && [ ! -x "$src/deploy/pi/install.sh" ]; then
    echo "build-image.sh: --read-only needs deploy/pi/install.sh" >&2
    exit 2
fi
case $work in
/ | /usr | /home | /root | /tmp | "$src") echo "build-image.sh: refusing work dir $work" >&2; exit 2 ;;
esac

root=$work/rootfs
bootfs=$work/bootfs
t_start=$(date +%s)
log() { printf '\n=== [%4ss] %s\n' "$(($(date +%s) - t_start))" "$*"; }

# --- Host tools ----------------------------------------------------------------------------------
tools=(debootstrap qemu-user-static dosfstools mtools parted e2fsprogs fdisk)
missing=()
for p in "${tools[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
    log "Installing host tools: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# arm64 programs in the chroot run through qemu-user via binfmt_misc. The F flag in Debian's
# qemu-aarch64.conf opens the interpreter now, so the chroot needs no copy of qemu.
if [ "$(uname -m)" != aarch64 ] && [ ! -e /proc/sys/fs/binfmt_misc/qemu-aarch64 ]; then
    log "Registering qemu-aarch64 with binfmt_misc"
    [ -e /proc/sys/fs/binfmt_misc/register ] ||
        mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc
    cat /usr/lib/binfmt.d/qemu-aarch64.conf >/proc/sys/fs/binfmt_misc/register
fi

# --- Work directory: undo whatever an earlier run left ------------------------------------------
mounts_inside() { awk -v r="$root/" 'index($2, r) == 1 { print $2 }' /proc/mounts | sort -r; }
unmount_all() {
    local m
    # Deepest first; only mounts inside this work dir.
    mounts_inside | while read -r m; do umount "$m" || umount -l "$m" || true; done
    if [ -n "$(mounts_inside)" ]; then
        echo "build-image.sh: still mounted inside $root:" >&2
        mounts_inside >&2
        return 1
    fi
}
remove_work() { # never follows a mount (the host's /dev is bound into the root while building)
    unmount_all && rm -rf --one-file-system "$root" "$bootfs" "$work/root.img" "$work/boot.img" "$@"
}
cleanup() {
    if [ "$keep_work" = 0 ]; then remove_work; else unmount_all; fi
}
trap cleanup EXIT
log "Work directory $work"
remove_work "$work/image.img"
mkdir -p "$root" "$bootfs" "$work/cache"

# --- Debian arm64 root: debootstrap in two stages -----------------------------------------------
log "debootstrap (first stage, $suite arm64, minbase)"
# systemd as init, udev and kmod for the hardware, initramfs-tools for the kernel; no network
# services (no ifupdown, no ssh, no timesyncd).
debootstrap --arch=arm64 --foreign --variant=minbase --components=main,non-free-firmware \
    --cache-dir="$work/cache" \
    --include=systemd-sysv,udev,kmod,initramfs-tools,zstd \
    "$suite" "$root" "$mirror"

log "debootstrap (second stage, under qemu)"
chroot "$root" /debootstrap/debootstrap --second-stage

in_root() { chroot "$root" /usr/bin/env DEBIAN_FRONTEND=noninteractive LC_ALL=C.UTF-8 "$@"; }
# apt inside the root: never ask (keep the config files written here: --force-confold).
apt_in_root() {
    in_root apt-get -y -qq -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "$@"
}
mount -t proc proc "$root/proc"
mount -t sysfs sysfs "$root/sys"
mount --bind /dev "$root/dev"
mount --bind /dev/pts "$root/dev/pts"
mount --bind "$work/cache" "$root/var/cache/apt/archives"
# No service starts inside the chroot.
printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
chmod 755 "$root/usr/sbin/policy-rc.d"

log "Base configuration (apt sources, hostname, fstab, time zone)"
cat >"$root/etc/apt/sources.list" <<EOF
deb $mirror $suite main non-free-firmware
deb $mirror $suite-updates main non-free-firmware
deb $security_mirror $suite-security main non-free-firmware
EOF
cat >"$root/etc/apt/apt.conf.d/90kiosk" <<'EOF'
APT::Install-Recommends "false";
APT::Install-Suggests "false";
EOF
echo "$hostname" >"$root/etc/hostname"
cat >"$root/etc/hosts" <<EOF
127.0.0.1	localhost
127.0.1.1	$hostname
::1		localhost ip6-localhost ip6-loopback
EOF
cat >"$root/etc/fstab" <<'EOF'
# The kiosk's SD card: labels set by deploy/image/build-image.sh.
LABEL=RASPIROOT  /              ext4  rw,noatime,errors=remount-ro  0  1
LABEL=RASPIFIRM  /boot/firmware vfat  rw,noatime,umask=0022,flush   0  2
EOF
[ -e "$root/usr/share/zoneinfo/$timezone" ] ||
    { echo "build-image.sh: unknown time zone $timezone" >&2; exit 2; }
ln -sf "/usr/share/zoneinfo/$timezone" "$root/etc/localtime"
echo "$timezone" >"$root/etc/timezone"
# raspi-firmware's kernel hook rewrites config.txt and cmdline.txt in /boot/firmware on every
# kernel or initramfs update, from these three files; what is set here survives that.
mkdir -p "$root/etc/default" "$root/boot/firmware" "$root/etc/kernel/postinst.d" \
    "$root/etc/initramfs/post-update.d"
# Root by label (the card's device name differs between models), boot messages on tty1 only.
cat >"$root/etc/default/raspi-firmware" <<'EOF'
ROOTPART=LABEL=RASPIROOT
CONSOLES="tty1"
EOF
# The kiosk's screen: never blank the console, no boot text, no cursor, no logo, and no USB
# autosuspend for the touch panel (deploy/pi/install.sh checks for the same settings in
# cmdline.txt and says why). With --read-only the root
# is mounted read-only ("ro" after the hook's "rw": the last one counts) under overlayroot's
# RAM overlay; with "rw" overlayroot would leave the SD card's root mounted writable beneath.
extra_cmdline="consoleblank=0 quiet loglevel=3 logo.nologo vt.global_cursor_default=0"
extra_cmdline+=" usbcore.autosuspend=-1"
[ "$read_only" = 0 ] || extra_cmdline+=" ro overlayroot=tmpfs"
echo "$extra_cmdline" >"$root/etc/default/raspi-extra-cmdline"
# The hook adds cma=64M, which the Pi 3 and Zero 2 W need for the display; on a Pi 4, 400 or
# CM4 a cma= on the command line leaves the vc4 display driver unable to allocate its buffers,
# and the device tree's own CMA pool is right. So those boards read cmdline-pi4.txt, the same
# line without cma=, which the hook below keeps in step with cmdline.txt.
cat >"$root/etc/default/raspi-firmware-custom" <<'EOF'
disable_splash=1
[pi4]
cmdline=cmdline-pi4.txt
[all]
EOF
cat >"$root/etc/kernel/postinst.d/z51-kiosk-cmdline-pi4" <<'EOF'
#!/bin/sh
# Keeps /boot/firmware/cmdline-pi4.txt (Pi 4, 400, CM4) equal to cmdline.txt less cma=, after
# raspi-firmware's z50 hook rewrote cmdline.txt. Installed by deploy/image/build-image.sh.
set -e
[ -f /boot/firmware/cmdline.txt ] || exit 0
sed -e 's/ cma=[^ ]*//g' /boot/firmware/cmdline.txt >/boot/firmware/cmdline-pi4.txt
EOF
chmod 755 "$root/etc/kernel/postinst.d/z51-kiosk-cmdline-pi4"
ln -sf ../../kernel/postinst.d/z51-kiosk-cmdline-pi4 \
    "$root/etc/initramfs/post-update.d/z51-kiosk-cmdline-pi4"
# The initramfs checks the root file system before mounting it (power cuts): its fsck hook
# cannot tell the root's type in a chroot, so say it.
mkdir -p "$root/etc/initramfs-tools/conf.d"
echo "FSTYPE=ext4" >"$root/etc/initramfs-tools/conf.d/kiosk-fstype"
# Some updates (security) may be newer than the first-stage packages.
apt_in_root update

log "Raspberry Pi boot files, then the kernel (slow: its initramfs is built under emulation)"
extra=()
# overlayroot's initramfs hook mounts the root read-only under a RAM overlay.
[ "$read_only" = 0 ] || extra+=(overlayroot)
# fake-hwclock: the Pi has no battery clock and the kiosk no network time; it restores the last
# saved time at boot instead of 1970 (it saves at shutdown).
# busybox: the initramfs's shell tools (grep, ...), which initramfs-tools only recommends;
# without them overlayroot's boot script cannot work and the initramfs has no rescue shell.
# Everything with an initramfs hook goes in before the kernel: installed together, dpkg would
# build the initramfs twice (the kernel's own, then the hooks' trigger), 15 minutes each.
apt_in_root install raspi-firmware fake-hwclock busybox "${extra[@]}"
apt_in_root install linux-image-arm64

log "The kiosk package"
cp "$deb" "$root/tmp/kiosk_arm64.deb"
apt_in_root install /tmp/kiosk_arm64.deb
rm -f "$root/tmp/kiosk_arm64.deb"
[ -x "$root/usr/bin/kiosk" ] || { echo "build-image.sh: the package put no /usr/bin/kiosk" >&2; exit 1; }

if [ -x "$src/deploy/pi/install.sh" ]; then
    log "Configuring with deploy/pi/install.sh --root"
    options=(--root "$root")
    [ "$read_only" = 0 ] || options+=(--read-only)
    "$src/deploy/pi/install.sh" "${options[@]}"
else
    log "deploy/pi/install.sh not found: the kiosk is installed but not configured"
fi

# install.sh may have edited cmdline.txt: bring cmdline-pi4.txt in step.
in_root /etc/kernel/postinst.d/z51-kiosk-cmdline-pi4

log "User-less, network-less appliance"
# No accounts to log in with: root stays locked (debootstrap leaves '*'), no other users.
in_root passwd -l root >/dev/null
# Nothing listens on the network; nothing configures it.
for unit in systemd-networkd.service systemd-networkd.socket systemd-resolved.service \
    systemd-timesyncd.service ssh.service; do
    in_root systemctl mask "$unit" >/dev/null 2>&1 || true
done
# Each card makes its own machine id on first boot.
: >"$root/etc/machine-id"
rm -f "$root/var/lib/dbus/machine-id"

log "Cleaning up the root"
# Keep the downloaded packages in $work/cache for the next run, then empty apt's cache.
umount "$root/var/cache/apt/archives"
in_root apt-get clean
# Built with the build machine's DNS; the kiosk has no network.
rm -f "$root/etc/resolv.conf"
rm -f "$root/usr/sbin/policy-rc.d"
rm -rf "$root/var/lib/apt/lists/"* "$root/tmp/"* "$root/var/tmp/"* "$root/var/log/"*.log \
    "$root/var/cache/debconf/"*-old "$root/debootstrap"
unmount_all

# --- Partitions: FAT boot (RASPIFIRM) and ext4 root (RASPIROOT) ----------------------------------
log "Boot partition (FAT32, $boot_mib MiB)"
# /boot/firmware is the FAT partition's mount point: its files go there, the directory stays.
shopt -s dotglob nullglob
mv "$root/boot/firmware/"* "$bootfs/"
shopt -u dotglob nullglob
for f in config.txt cmdline.txt cmdline-pi4.txt start.elf start4.elf bootcode.bin; do
    [ -f "$bootfs/$f" ] || { echo "build-image.sh: no $f in the boot files" >&2; exit 1; }
done
echo "cmdline.txt:      $(cat "$bootfs/cmdline.txt")"
echo "cmdline-pi4.txt:  $(cat "$bootfs/cmdline-pi4.txt")"
ls "$bootfs"/*.dtb >/dev/null || { echo "build-image.sh: no device trees in the boot files" >&2; exit 1; }
boot_used=$(du -s --block-size=1M "$bootfs" | cut -f1)
[ "$boot_used" -lt $((boot_mib - 16)) ] ||
    { echo "build-image.sh: boot files need $boot_used MiB; use --boot-size" >&2; exit 1; }
mkfs.vfat -F 32 -n RASPIFIRM -C "$work/boot.img" $((boot_mib * 1024)) >/dev/null
export MTOOLS_SKIP_CHECK=1
mcopy -s -p -m -i "$work/boot.img" "$bootfs/"* ::/

start_mib=4
root_start=$((start_mib + boot_mib))
root_used=$(du -s --block-size=1M "$root" | cut -f1)
if [ "$size" = auto ]; then
    root_mib=$(((root_used * 5 / 4 + 256 + 63) / 64 * 64))
    total_mib=$((root_start + root_mib))
else
    total_mib=$(numfmt --from=iec "$size")
    total_mib=$((total_mib / 1048576))
    root_mib=$((total_mib - root_start))
    [ "$root_mib" -gt $((root_used * 11 / 10)) ] ||
        { echo "build-image.sh: $size is too small; the root alone needs $root_used MiB" >&2; exit 1; }
fi
log "Root partition (ext4, $root_mib MiB, $root_used MiB used)"
mkfs.ext4 -q -F -L RASPIROOT -d "$root" "$work/root.img" "${root_mib}M"

log "Image ($total_mib MiB): partition table, then both partitions"
truncate -s "${total_mib}M" "$work/image.img"
parted -s "$work/image.img" mklabel msdos \
    mkpart primary fat32 "${start_mib}MiB" "${root_start}MiB" \
    set 1 lba on \
    mkpart primary ext4 "${root_start}MiB" 100%
dd if="$work/boot.img" of="$work/image.img" bs=1M seek="$start_mib" conv=notrunc,sparse status=none
dd if="$work/root.img" of="$work/image.img" bs=1M seek="$root_start" conv=notrunc,sparse status=none
mkdir -p "$(dirname "$output")"
mv "$work/image.img" "$output"

log "Done: $output"
parted -s "$output" unit MiB print
echo "Boot partition:"
mdir -i "$output@@${start_mib}M" -/ -b ::/ | sed -n '1,12p;$p' | sed 's/^/  /'
echo "Flash it: see deploy/image/README.md (Raspberry Pi Imager \"Use custom\", or dd)."
