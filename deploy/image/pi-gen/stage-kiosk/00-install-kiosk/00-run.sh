#!/bin/bash -e
# pi-gen sub-stage: installs the kiosk's arm64 .deb into Raspberry Pi OS Lite (bookworm, arm64)
# with apt, configures it with deploy/pi/install.sh --root when that script was copied in, and
# makes the image an appliance: no login for anyone, no network services.
# pi-gen runs this on the build host, in this directory, with ROOTFS_DIR set and on_chroot
# defined (see pi-gen's README, "How the build process works").
#
# Put beside this script before building (deploy/image/README.md, "Raspberry Pi OS route"):
#   files/kiosk.deb   the kiosk package for arm64 (deploy/cross/build-arm64.sh builds it)
#   files/pi/         a copy of deploy/pi/ (optional; without it the kiosk is installed only)
# Settings, from pi-gen's config file (deploy/image/pi-gen/config.example):
#   KIOSK_KEEP_NETWORK=1   keep Raspberry Pi OS's networking and ssh (default: masked)
: "${ROOTFS_DIR:?pi-gen sets ROOTFS_DIR}"
deb=files/kiosk.deb
if [ ! -f "$deb" ]; then
    echo "stage-kiosk: put the kiosk's arm64 package at $(pwd)/$deb" >&2
    exit 1
fi
if [ "$(dpkg-deb --field "$deb" Architecture)" != arm64 ]; then
    echo "stage-kiosk: $deb is not an arm64 package" >&2
    exit 1
fi

install -m 644 "$deb" "${ROOTFS_DIR}/tmp/kiosk.deb"
on_chroot <<'CHROOT'
apt-get install -y --no-install-recommends /tmp/kiosk.deb
rm -f /tmp/kiosk.deb
CHROOT
test -x "${ROOTFS_DIR}/usr/bin/kiosk"

if [ -x files/pi/install.sh ]; then
    # Configures the mounted tree: the service, quiet boot, content on the FAT partition
    # (ROOTFS_DIR/boot/firmware in bookworm).
    files/pi/install.sh --root "${ROOTFS_DIR}"
else
    echo "stage-kiosk: files/pi/install.sh not found: the kiosk is installed but not configured" >&2
fi

# No one logs in: lock root and the first user pi-gen created (config.example gives it a random
# password and DISABLE_FIRST_BOOT_USER_RENAME=1, so the first-boot user wizard never runs).
on_chroot <<CHROOT
passwd -l root >/dev/null
if id -u "${FIRST_USER_NAME:-pi}" >/dev/null 2>&1; then passwd -l "${FIRST_USER_NAME:-pi}" >/dev/null; fi
CHROOT

if [ "${KIOSK_KEEP_NETWORK:-0}" != 1 ]; then
    # The kiosk needs no network; nothing should listen or ask for one.
    on_chroot <<'CHROOT'
for unit in ssh.service sshswitch.service avahi-daemon.service avahi-daemon.socket \
    NetworkManager.service NetworkManager-wait-online.service wpa_supplicant.service \
    dhcpcd.service bluetooth.service hciuart.service ModemManager.service \
    systemd-timesyncd.service rpi-connect.service; do
    systemctl mask "$unit" >/dev/null 2>&1 || true
done
CHROOT
fi
