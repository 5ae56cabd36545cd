#!/usr/bin/env bash
# Turns a Raspberry Pi running Raspberry Pi OS Lite (Bookworm, 64-bit) into a kiosk. Run it as
# root on the Pi, with the kiosk package built for arm64:
#
#   sudo deploy/pi/install.sh kiosk_0.1.0-1_arm64.deb             set up, then reboot
#   sudo deploy/pi/install.sh --read-only kiosk_0.1.0-1_arm64.deb also make the root read-only
#   deploy/pi/install.sh --dry-run kiosk_0.1.0-1_arm64.deb        only say what it would change
#   deploy/pi/install.sh --root /mnt/image [kiosk_...deb]         set up a mounted image instead
#
# What it does (deploy/README.md explains each step):
#   1. installs the package with apt-get, which brings in its dependencies;
#   2. creates /boot/firmware/kiosk/ with a copy of /etc/kiosk/kiosk.cfg (only when there is no
#      kiosk.cfg yet: staff edits are never overwritten) and a README.txt for staff; pictures
#      go beside the config in that folder;
#   3. points kiosk.service at that file (a drop-in in /etc/systemd/system/kiosk.service.d/),
#      and lets kiosk-store write that folder (its drop-in in kiosk-store.service.d/);
#   4. enables kiosk.service and kiosk-store.service (which keeps CHECK.txt and the last good copy
#      beside the config) and disables the login prompt on tty1 (getty@tty1);
#   5. cmdline.txt: consoleblank=0 (the console never blanks the screen), quiet boot
#      (quiet loglevel=3 logo.nologo vt.global_cursor_default=0) and usbcore.autosuspend=-1
#      (the touch panel never dozes off);
#   6. config.txt: disable_splash=1 and dtoverlay=vc4-kms-v3d (the KMS driver SDL draws with);
#   7. with --read-only: an overlay over the root file system (raspi-config's overlay file
#      system), so power cuts cannot corrupt the SD card.
# It is idempotent: every step looks first and changes only what is not yet as wanted, so a
# second run changes nothing. It prints each step and ends with the number of changes.
# Nothing starts now: reboot to start the kiosk (the boot settings need a reboot anyway, and
# starting it here would end a login on tty1, perhaps the one running this script).
#
# Options:
#   --root DIR   work on the root file system mounted at DIR (an SD-card image, a chroot)
#                instead of this system; systemctl works on DIR's files (systemctl --root)
#                and nothing running is touched. Installing a .deb there runs apt-get in a
#                chroot, which needs DIR to be runnable here (arm64: qemu-user binfmt).
#   --boot DIR   the boot partition (default: ROOT/boot/firmware)
#   --read-only  also enable the read-only overlay root (see above and deploy/README.md)
#   --dry-run    change nothing; print what would change
#   -h, --help   this text
# Exit status: 0 done (or nothing to do), 1 a step failed, 2 wrong command line.
set -euo pipefail

prog=install.sh
root="" boot="" deb="" read_only=0 dry_run=0
changes=0

say() { printf '%s: %s\n' "$prog" "$*"; }
die() {
    printf '%s: error: %s\n' "$prog" "$*" >&2
    exit 1
}
usage_error() {
    printf '%s: %s (see --help)\n' "$prog" "$*" >&2
    exit 2
}

while [ "$#" -gt 0 ]; do
    case $1 in
    --root)
        [ "$#" -ge 2 ] || usage_error "--root needs a directory"
        root=$2
        shift
        ;;
    --root=*) root=${1#--root=} ;;
    --boot)
        [ "$#" -ge 2 ] || usage_error "--boot needs a directory"
        boot=$2
        shift
        ;;
    --boot=*) boot=${1#--boot=} ;;
    --read-only) read_only=1 ;;
    --dry-run) dry_run=1 ;;
    -h | --help)
        sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'
        exit 0
        ;;
    -*) usage_error "unknown option '$1'" ;;
    *)
        [ -z "$deb" ] || usage_error "only one package, please ('$deb' and '$1')"
        deb=$1
        ;;
    esac
    shift
done

if [ -n "$root" ]; then
    [ -d "$root" ] || die "--root $root is not a directory"
    root=$(cd "$root" && pwd)
    [ "$root" != / ] || root=""
fi
boot=${boot:-$root/boot/firmware}
# Paths as the kiosk sees them when it runs (the drop-in and the config hold these).
boot_runtime=/boot/firmware
kiosk_dir_runtime=$boot_runtime/kiosk
dropin_dir=$root/etc/systemd/system/kiosk.service.d
dropin=$dropin_dir/10-boot-firmware.conf # deploy/debian/postrm removes it on purge
store_dropin=$root/etc/systemd/system/kiosk-store.service.d/10-boot-firmware.conf # the same
usb_dropin=$root/etc/systemd/system/kiosk-usb@.service.d/10-boot-firmware.conf # the same
here=$(cd "$(dirname "$0")" && pwd)

# On this system only root can do it; under --root the tree's permissions decide.
if [ "$dry_run" = 0 ] && [ -z "$root" ] && [ "$(id -u)" != 0 ]; then
    die "run me as root (sudo $0 ...), or with --dry-run to see what I would change"
fi
if [ -n "$deb" ] && [ ! -f "$deb" ]; then
    die "no such package: $deb"
fi
# Under the read-only overlay (raspi-config's: overlayroot, or boot=overlay before Bookworm)
# every change to the root would vanish at the next reboot.
if [ -z "$root" ] && [ "$dry_run" = 0 ] &&
    grep -Eq '(^|[[:space:]])(overlayroot=tmpfs|boot=overlay)' /proc/cmdline; then
    die "the root file system is the read-only overlay: changes would be lost at reboot. Turn it
off first (sudo raspi-config nonint do_overlayfs 1), reboot, run me again, reboot."
fi
# In an image the overlay needs the overlayroot package: check before changing anything.
if [ -n "$root" ] && [ "$read_only" = 1 ] &&
    ! dpkg-query --admindir="$root/var/lib/dpkg" -W -f='${db:Status-Status}' overlayroot \
        2>/dev/null | grep -qx installed; then
    die "--read-only with --root: install the overlayroot package in the image first"
fi

# Runs a command that changes something, or says what it would run.
change() {
    changes=$((changes + 1))
    if [ "$dry_run" = 1 ]; then
        say "  would run: $*"
    else
        say "  running: $*"
        "$@"
    fi
}

# Writes stdin to FILE unless FILE already has exactly that content.
put_file() {
    local file=$1 what=$2 tmp
    tmp=$(mktemp)
    cat >"$tmp"
    if [ -f "$file" ] && cmp -s "$tmp" "$file"; then
        say "ok: $what ($file)"
        rm -f "$tmp"
        return 0
    fi
    changes=$((changes + 1))
    if [ "$dry_run" = 1 ]; then
        say "would write $what: $file"
    else
        say "writing $what: $file"
        mkdir -p "$(dirname "$file")"
        cp "$tmp" "$file"
        chmod 0644 "$file"
    fi
    rm -f "$tmp"
}

# systemctl on the files under --root, or on this system.
systemctl_=(systemctl)
[ -z "$root" ] || systemctl_=(systemctl --root="$root")

# --- 1. The package -------------------------------------------------------------------------
step_package() {
    local want have
    if [ -z "$deb" ]; then
        if [ -e "$root/usr/bin/kiosk" ]; then
            say "ok: kiosk is installed (no package given)"
            return 0
        fi
        [ "$dry_run" = 1 ] || die "kiosk is not installed: give the kiosk_*.deb to install"
        say "kiosk is not installed and no package was given: the real run would stop here"
        return 0
    fi
    want=$(dpkg-deb --field "$deb" Version)
    have=$(dpkg-query --admindir="$root/var/lib/dpkg" -W -f='${Version} ${db:Status-Status}' \
        kiosk 2>/dev/null || true)
    if [ "$have" = "$want installed" ]; then
        say "ok: kiosk $want is installed"
        return 0
    fi
    say "installing kiosk $want (and what it depends on)"
    if [ -z "$root" ]; then
        # The ./ or absolute path tells apt-get it is a file, not a package name.
        change env DEBIAN_FRONTEND=noninteractive apt-get install -y "$(realpath "$deb")"
    else
        local name
        name=$(basename "$deb")
        if [ "$dry_run" = 0 ]; then
            cp "$deb" "$root/tmp/$name"
        fi
        change chroot "$root" env DEBIAN_FRONTEND=noninteractive apt-get install -y "/tmp/$name"
        rm -f "$root/tmp/$name"
    fi
}

# --- 2. The content folder on the boot partition ---------------------------------------------
step_content() {
    local dir=$boot/kiosk
    [ -d "$dir" ] || change mkdir -p "$dir"
    if [ -f "$dir/kiosk.cfg" ]; then
        say "ok: $dir/kiosk.cfg exists (never overwritten: staff may have edited it)"
    else
        local from=$root/etc/kiosk/kiosk.cfg
        [ -f "$from" ] || [ "$dry_run" = 1 ] || die "$from is missing: is kiosk installed?"
        change cp "$from" "$dir/kiosk.cfg"
    fi
    if [ -f "$dir/README.txt" ]; then
        say "ok: $dir/README.txt exists"
    else
        change cp "$here/boot-README.txt" "$dir/README.txt"
    fi
}

# --- 3. The service reads the boot partition's config -----------------------------------------
step_dropin() {
    local before=$changes
    put_file "$dropin" "drop-in pointing kiosk.service at $kiosk_dir_runtime/kiosk.cfg" <<EOF
# Written by deploy/pi/install.sh (purging the kiosk package removes it).
# The kiosk shows the config on the boot partition, which staff can edit from any laptop;
# pictures go in the same folder.
[Unit]
# Start only once the boot partition is mounted.
RequiresMountsFor=$kiosk_dir_runtime

[Service]
Environment=KIOSK_CONFIG=$kiosk_dir_runtime/kiosk.cfg
EOF
    put_file "$store_dropin" "drop-in letting kiosk-store keep CHECK.txt and last-good/ in $kiosk_dir_runtime" <<EOF
# Written by deploy/pi/install.sh (purging the kiosk package removes it).
# kiosk-store copies the kiosk's check result (CHECK.txt) and its last good content (last-good/)
# beside the config on the boot partition: staff read CHECK.txt on their laptop, and the last
# good copy outlives a reboot of the read-only root. This folder is all it may write.
[Unit]
RequiresMountsFor=$kiosk_dir_runtime

[Service]
Environment=KIOSK_CONFIG=$kiosk_dir_runtime/kiosk.cfg
ReadWritePaths=$kiosk_dir_runtime
EOF
    put_file "$usb_dropin" "drop-in letting kiosk-usb install a USB stick's content into $kiosk_dir_runtime" <<EOF
# Written by deploy/pi/install.sh (purging the kiosk package removes it).
# kiosk-usb@.service, started by udev for a USB stick, installs the content of the stick's kiosk
# folder here (keeping what was here in before-usb-update/) and writes kiosk-receipt.txt.
[Unit]
RequiresMountsFor=$kiosk_dir_runtime

[Service]
Environment=KIOSK_CONFIG=$kiosk_dir_runtime/kiosk.cfg
ReadWritePaths=$kiosk_dir_runtime
EOF
    # A running systemd reads drop-ins only when told to.
    if [ "$changes" != "$before" ] && [ -z "$root" ] && [ -d /run/systemd/system ]; then
        change systemctl daemon-reload
    fi
}

# --- 4. Start the kiosk at boot, with no login prompt on its console --------------------------
step_units() {
    local state
    state=$("${systemctl_[@]}" is-enabled kiosk.service 2>/dev/null || true)
    if [ "$state" = enabled ]; then
        say "ok: kiosk.service is enabled"
    else
        say "enabling kiosk.service (it starts at the next boot)"
        change "${systemctl_[@]}" enable kiosk.service
    fi
    state=$("${systemctl_[@]}" is-enabled kiosk-store.service 2>/dev/null || true)
    if [ "$state" = enabled ]; then
        say "ok: kiosk-store.service is enabled"
    else
        say "enabling kiosk-store.service (keeps CHECK.txt and the last good copy on the card)"
        change "${systemctl_[@]}" enable kiosk-store.service
    fi
    state=$("${systemctl_[@]}" is-enabled getty@tty1.service 2>/dev/null || true)
    if [ "$state" = enabled ]; then
        say "disabling the login prompt on tty1 (getty@tty1), the kiosk's console"
        change "${systemctl_[@]}" disable getty@tty1.service
    else
        say "ok: getty@tty1.service is not enabled (${state:-no unit})"
    fi
}

# --- 5. cmdline.txt: one line of kernel parameters ---------------------------------------------
# Prints the line with WORD set: a key=value word replaces the word with the same key (there
# is then one, with the value wanted), a plain word is added if it is not there.
with_param() {
    local want=$2 key=${2%%=*} out="" word found=0 words=()
    read -r -a words <<<"$1"
    for word in "${words[@]}"; do
        if [ "$word" = "$want" ] || { [ "$key" != "$want" ] && [ "${word%%=*}" = "$key" ]; }; then
            [ "$found" = 1 ] && continue
            found=1
            word=$want
        fi
        out="${out:+$out }$word"
    done
    [ "$found" = 1 ] || out="${out:+$out }$want"
    printf '%s' "$out"
}

step_cmdline() {
    local file=$boot/cmdline.txt line new param rest
    [ -f "$file" ] || die "$file not found: is $boot the boot partition? (see --boot)"
    line=$(head -n 1 "$file")
    rest=$(tail -n +2 "$file")
    [ -z "$rest" ] || say "warning: $file has more than one line; the firmware reads only the first"
    new=$line
    # consoleblank=0: the kernel never blanks the screen after 10 minutes without keys.
    # usbcore.autosuspend=-1: no USB device is put to sleep when idle. A dozing touch panel
    # must be woken by the touch itself, and some never wake: QEMU's tablet on an emulated arm64
    # board (udev's hwdb turns autosuspend on for it) sent nothing more until its power/control
    # was set to "on". A release lost that way leaves a finger "down", under which no visit
    # times out (tests/appliance/README.md). A kiosk runs on mains power.
    # quiet loglevel=3: only errors on the console. logo.nologo: no raspberries. No cursor.
    for param in consoleblank=0 quiet loglevel=3 logo.nologo vt.global_cursor_default=0 \
        usbcore.autosuspend=-1; do
        new=$(with_param "$new" "$param")
    done
    if [ "$read_only" = 1 ] && [ -n "$root" ]; then
        new=$(with_param "$new" overlayroot=tmpfs)
    fi
    if [ "$new" = "$line" ]; then
        say "ok: $file has the kiosk's parameters"
        return 0
    fi
    changes=$((changes + 1))
    if [ "$dry_run" = 1 ]; then
        say "would change $file to: $new"
        return 0
    fi
    say "changing $file to: $new"
    # In place (same file, same inode): the FAT partition keeps one cmdline.txt.
    { printf '%s\n' "$new"; [ -z "$rest" ] || printf '%s\n' "$rest"; } >"$file.kiosk-new"
    cat "$file.kiosk-new" >"$file"
    rm -f "$file.kiosk-new"
}

# --- 6. config.txt: firmware settings ---------------------------------------------------------
step_config_txt() {
    local file=$boot/config.txt missing=()
    [ -f "$file" ] || die "$file not found: is $boot the boot partition? (see --boot)"
    if grep -Eq '^[[:space:]]*dtoverlay=vc4-fkms-v3d' "$file"; then
        say "warning: $file uses the old fake-KMS driver (vc4-fkms-v3d); the kiosk needs vc4-kms-v3d"
    fi
    if grep -Eq '^[[:space:]]*dtoverlay=vc4-kms-v3d([,:].*)?[[:space:]]*$' "$file"; then
        say "ok: $file loads vc4-kms-v3d"
    else
        missing+=(dtoverlay=vc4-kms-v3d)
    fi
    if grep -Eq '^[[:space:]]*disable_splash=1[[:space:]]*$' "$file"; then
        say "ok: $file has disable_splash=1"
    elif grep -Eq '^[[:space:]]*disable_splash=' "$file"; then
        changes=$((changes + 1))
        if [ "$dry_run" = 1 ]; then
            say "would set disable_splash=1 in $file"
        else
            say "setting disable_splash=1 in $file"
            sed 's/^\([[:space:]]*\)disable_splash=.*/\1disable_splash=1/' "$file" >"$file.kiosk-new"
            cat "$file.kiosk-new" >"$file"
            rm -f "$file.kiosk-new"
        fi
    else
        missing+=(disable_splash=1)
    fi
    [ "${#missing[@]}" -gt 0 ] || return 0
    changes=$((changes + 1))
    if [ "$dry_run" = 1 ]; then
        say "would add to $file: ${missing[*]}"
        return 0
    fi
    say "adding to $file: ${missing[*]}"
    # [all]: the lines must not land in a section for one board model ([pi4], [cm4], ...).
    {
        printf '\n# Added by the kiosk installer (deploy/pi/install.sh): the KMS display driver\n'
        printf '# the kiosk draws with, and no rainbow splash at boot.\n[all]\n'
        printf '%s\n' "${missing[@]}"
    } >>"$file"
}

# --- 7. Read-only root ------------------------------------------------------------------------
step_read_only() {
    [ "$read_only" = 1 ] || return 0
    if [ -n "$root" ]; then
        # raspi-config works on the running system only. In an image, do what it does: the
        # overlayroot package (its initramfs hook; checked at the start) plus overlayroot=tmpfs
        # on the kernel command line, which step_cmdline added.
        say "ok: overlayroot is installed; cmdline.txt turns the overlay on"
        return 0
    fi
    if grep -Eq '(^|[[:space:]])overlayroot=' "$boot/cmdline.txt"; then
        say "ok: the overlay root is enabled ($boot/cmdline.txt has overlayroot=)"
        return 0
    fi
    command -v raspi-config >/dev/null ||
        die "--read-only needs raspi-config (Raspberry Pi OS); it is not installed"
    if ! dpkg-query -W -f='${db:Status-Status}' overlayroot 2>/dev/null | grep -qx installed; then
        # raspi-config's non-interactive mode does not install it, and without its initramfs
        # hook overlayroot=tmpfs would do nothing.
        change env DEBIAN_FRONTEND=noninteractive apt-get install -y overlayroot
    fi
    say "enabling the read-only overlay root (at the next boot)"
    change raspi-config nonint do_overlayfs 0
}

[ "$dry_run" = 0 ] || say "dry run: nothing is changed"
say "setting up the kiosk on ${root:-this system} (boot partition: $boot)"
step_package
step_content
step_dropin
step_units
step_cmdline
step_config_txt
step_read_only
if [ "$changes" = 0 ]; then
    say "done: nothing to change, all was already set up"
elif [ "$dry_run" = 1 ]; then
    say "dry run done: $changes change(s) would be made"
elif [ -n "$root" ]; then
    say "done: $changes change(s) in $root; the kiosk starts when that system boots"
else
    say "done: $changes change(s). Reboot to start the kiosk: sudo reboot"
fi
