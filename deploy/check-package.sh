#!/usr/bin/env bash
# Builds the kiosk's Debian package and checks it, its systemd unit and the Raspberry Pi install
# script. From a clean checkout on Debian 12:
#
#   deploy/check-package.sh              build and check (any user; apt-get via sudo if needed)
#   sudo deploy/check-package.sh --install
#                                        also install the package on this machine, check the
#                                        kiosk user and files, run `kiosk --check` as that user,
#                                        purge it and check that nothing is left
#   sudo deploy/check-package.sh --systemd
#                                        also run the service under a real systemd: boot this
#                                        machine's own system in a throwaway container
#                                        (systemd-nspawn --volatile=overlay; nothing is kept)
#
# What it checks:
#   1. the build (Release, -DCMAKE_INSTALL_PREFIX=/usr -DKIOSK_DEV_PATHS=OFF, in build-package/)
#      and `cpack -G DEB`;
#   2. the .deb: name, architecture, Depends, conffiles, maintainer scripts, every file it must
#      hold (the manual page, copyright and changelog among them), and that the binary holds no
#      path of this source tree;
#   3. lintian on the .deb: no error and no warning (the overrides in
#      deploy/debian/lintian-overrides, each with its reason, all still needed);
#   4. `systemd-analyze verify` on the packaged unit, alone and with install.sh's drop-in;
#   5. shellcheck on every shell script under deploy/ and the maintainer scripts;
#   6. deploy/pi/install.sh --root on a scratch tree that imitates a Pi (the package unpacked,
#      /boot/firmware/cmdline.txt and config.txt as Raspberry Pi OS ships them, getty@tty1
#      enabled): the first run sets everything up, a second run changes nothing, a staff edit
#      survives, --dry-run changes nothing;
#   7. with --install (root only): apt-get install, the user and groups, the files and
#      `man kiosk`, the unit not enabled (but recorded by deb-systemd-helper for purge),
#      `kiosk --check` as the kiosk user, a reinstall and a remove that keep the enablement,
#      then purge and the system as before;
#   8. with --systemd (root only): in a container booted with systemd, install.sh on the
#      running system (twice), the service started with the dummy video driver (the container
#      has no display or tty1): READY from sd_notify, the config from /boot/firmware, the state
#      directory and its last-good.cfg, no capabilities, no network; kiosk-store copying
#      CHECK.txt and the last good copy to /boot/firmware/kiosk, and a restart with a broken
#      file and an empty state folder (a read-only root's reboot) showing that kept copy; a
#      frozen kiosk killed by the watchdog and restarted; `apt-get purge` while it runs leaving
#      nothing behind but the staff's folder.
# Every step is timed. Exit status 0 only if every check passed; the first failure stops the
# run with a message that says what was expected.
set -euo pipefail
cd "$(dirname "$0")/.."
src=$PWD
build=$src/build-package
jobs=${JOBS:-2}
install=0 systemd_test=0
for arg in "$@"; do
    case $arg in
    --install) install=1 ;;
    --systemd) systemd_test=1 ;;
    -h | --help)
        sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'
        exit 0
        ;;
    *)
        echo "check-package.sh: unknown option '$arg' (see --help)" >&2
        exit 2
        ;;
    esac
done
if [ "$install$systemd_test" != 00 ] && [ "$(id -u)" != 0 ]; then
    echo "check-package.sh: --install and --systemd need root" >&2
    exit 2
fi

sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo"
work=$(mktemp -d /tmp/kiosk-check-package.XXXXXX)
installed_here=0
cleanup() {
    # Never leave the package installed on this machine after a failure: other builds and tests
    # here would find /etc/kiosk/kiosk.cfg first.
    if [ "$installed_here" = 1 ]; then
        echo "check-package.sh: purging the kiosk package installed by this run"
        DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq kiosk >/dev/null 2>&1 || true
    fi
    if mountpoint -q "$work/ct/root" 2>/dev/null; then
        umount "$work/ct/root" || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

t_start=$(date +%s.%N)
t_step=$t_start
summary=()
step() { # NAME: starts a step, closing the previous one
    local now
    now=$(date +%s.%N)
    [ -z "${step_name:-}" ] || summary+=("$(awk -v a="$t_step" -v b="$now" -v n="$step_name" 'BEGIN { printf "%6.1f s  %s", b - a, n }')")
    step_name=$1
    t_step=$now
    [ -z "$step_name" ] || printf '\n=== %s\n' "$step_name"
}
fail() {
    printf '\ncheck-package.sh: FAILED (%s): %s\n' "${step_name:-}" "$*" >&2
    exit 1
}
ok() { printf 'ok: %s\n' "$*"; }
trap 'fail "unexpected error at line $LINENO: $BASH_COMMAND"' ERR

# --- tools -------------------------------------------------------------------------------------
step "install what the check needs"
deploy/setup-dev.sh
need=(dpkg-dev fakeroot file binutils shellcheck systemd lintian)
missing=()
for p in "${need[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
    echo "Installing: ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
ok "tools present"

# --- 1. build and package ------------------------------------------------------------------------
step "configure and build (Release, /usr, KIOSK_DEV_PATHS=OFF)"
cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr \
    -DKIOSK_DEV_PATHS=OFF -DBUILD_TESTING=OFF >/dev/null
nice cmake --build "$build" -j"$jobs"

step "cpack -G DEB"
rm -f "$build"/kiosk_*.deb
(cd "$build" && cpack -G DEB) || fail "cpack -G DEB failed"
debs=("$build"/kiosk_*.deb)
[ -f "${debs[0]}" ] || fail "cpack wrote no kiosk_*.deb in $build"
[ "${#debs[@]}" = 1 ] || fail "more than one .deb in $build: ${debs[*]}"
deb=${debs[0]}
ok "built $deb ($(du -k "$deb" | cut -f1) KiB)"

# --- 2. what the package holds --------------------------------------------------------------------
step "package metadata and contents (dpkg-deb -I / -c)"
arch=$(dpkg --print-architecture)
dpkg-deb --field "$deb" | sed 's/^/    /'
field() { dpkg-deb --field "$deb" "$1"; }
[ "$(field Package)" = kiosk ] || fail "Package is '$(field Package)', want kiosk"
[ "$(field Architecture)" = "$arch" ] || fail "Architecture is '$(field Architecture)', want $arch"
[ "$(basename "$deb")" = "kiosk_$(field Version)_$arch.deb" ] ||
    fail "file name $(basename "$deb") is not kiosk_VERSION_ARCH.deb"
depends=$(field Depends)
depends_names=$(tr ',' '\n' <<<"$depends" | sed 's/^ *//; s/ .*//')
for d in libc6 libsdl2-2.0-0 libsdl2-ttf-2.0-0 libsdl2-image-2.0-0 libconfig9 libfribidi0 libpng16-16 \
    fonts-dejavu-core fonts-noto-ui-core libegl1 libgles2 libgl1-mesa-dri libudev1 passwd; do
    grep -qx "$d" <<<"$depends_names" ||
        fail "Depends lacks $d: $depends"
done
ok "Depends: $depends"
ctrl=$work/control
dpkg-deb --control "$deb" "$ctrl"
[ "$(cat "$ctrl/conffiles")" = /etc/kiosk/kiosk.cfg ] ||
    fail "conffiles is '$(cat "$ctrl/conffiles" 2>/dev/null)', want /etc/kiosk/kiosk.cfg"
for s in postinst prerm postrm; do
    [ -x "$ctrl/$s" ] || fail "the package has no executable $s"
    cmp -s "$ctrl/$s" "deploy/debian/$s" || fail "$s in the package differs from deploy/debian/$s"
done
ok "conffiles: /etc/kiosk/kiosk.cfg; postinst, prerm, postrm present and executable"

listing=$(dpkg-deb --contents "$deb")
contents=$(printf '%s\n' "$listing" | awk '{print $NF}')
want_files=(./usr/bin/kiosk ./usr/share/kiosk/config/kiosk.cfg ./etc/kiosk/kiosk.cfg
    ./lib/systemd/system/kiosk.service ./lib/udev/rules.d/70-kiosk-backlight.rules
    ./usr/libexec/kiosk/kiosk-store ./lib/systemd/system/kiosk-store.service
    ./usr/libexec/kiosk/kiosk-usb ./lib/systemd/system/kiosk-usb@.service
    ./lib/udev/rules.d/71-kiosk-usb.rules
    ./usr/share/man/man1/kiosk.1.gz ./usr/share/doc/kiosk/copyright
    ./usr/share/doc/kiosk/changelog.Debian.gz ./usr/share/lintian/overrides/kiosk)
for f in assets/*; do want_files+=("./usr/share/kiosk/$f"); done
for f in "${want_files[@]}"; do
    grep -qxF "$f" <<<"$contents" || fail "the package lacks $f"
done
ok "${#want_files[@]} files present, among them every one of assets/ ($(find assets -type f | wc -l))"
# Nothing outside the places a Debian package may use (no /usr/local, no build paths).
places='usr/bin|usr/libexec/kiosk|usr/share/kiosk|usr/share/doc/kiosk|usr/share/man/man1|usr/share/lintian/overrides|etc/kiosk|lib/systemd/system|lib/udev/rules\.d'
stray=$(printf '%s\n' "$contents" | grep -v '/$' | grep -Ev "^\./($places)/" || true)
[ -z "$stray" ] || fail "unexpected files in the package: $stray"
ok "no file outside /usr/bin, /usr/libexec/kiosk, /usr/share/{kiosk,doc/kiosk,man/man1,lintian/overrides}, /etc/kiosk, /lib/systemd/system, /lib/udev/rules.d"
grep -q '^-rwxr-xr-x root/root .* \./usr/bin/kiosk$' <<<"$listing" ||
    fail "./usr/bin/kiosk is not root-owned 0755"
for helper in kiosk-store kiosk-usb; do
    grep -q "^-rwxr-xr-x root/root .* \./usr/libexec/kiosk/$helper\$" <<<"$listing" ||
        fail "./usr/libexec/kiosk/$helper is not root-owned 0755"
done

unpacked=$work/unpacked
dpkg-deb --extract "$deb" "$unpacked"
cmp -s "$unpacked/etc/kiosk/kiosk.cfg" config/kiosk.cfg || fail "/etc/kiosk/kiosk.cfg is not config/kiosk.cfg"
for unit in kiosk.service kiosk-store.service kiosk-usb@.service; do
    cmp -s "$unpacked/lib/systemd/system/$unit" "deploy/systemd/$unit" ||
        fail "the packaged $unit is not deploy/systemd/$unit"
done
# The documents are the checkout's; the manual page and the changelog compressed (gzip -9n).
cmp -s "$unpacked/usr/share/doc/kiosk/copyright" deploy/debian/copyright ||
    fail "/usr/share/doc/kiosk/copyright is not deploy/debian/copyright"
cmp -s "$unpacked/usr/share/lintian/overrides/kiosk" deploy/debian/lintian-overrides ||
    fail "/usr/share/lintian/overrides/kiosk is not deploy/debian/lintian-overrides"
for pair in usr/share/man/man1/kiosk.1.gz:kiosk/kiosk.1 \
    usr/share/doc/kiosk/changelog.Debian.gz:deploy/debian/changelog; do
    gz=${pair%%:*} plain=${pair#*:}
    zcat "$unpacked/$gz" | cmp -s - "$plain" || fail "/$gz is not $plain compressed"
done
changelog_version=$(dpkg-parsechangelog -l deploy/debian/changelog -S Version)
[ "$changelog_version" = "$(field Version)" ] ||
    fail "the changelog's latest entry is $changelog_version, but the package is $(field Version)"
ok "copyright, changelog ($changelog_version), kiosk(1) and the lintian overrides are the checkout's"
# KIOSK_DEV_PATHS=OFF: the binary must not look in this checkout for its config or assets.
binary_strings=$(strings "$unpacked/usr/bin/kiosk")
if grep -qF "$src" <<<"$binary_strings"; then
    fail "usr/bin/kiosk holds the source path $src (built with KIOSK_DEV_PATHS on?)"
fi
grep -qx '/usr/share/kiosk/assets' <<<"$binary_strings" ||
    fail "usr/bin/kiosk does not look in /usr/share/kiosk/assets"
ok "the binary looks in /usr/share/kiosk, never in $src"
if [ "$(field Architecture)" = "$arch" ]; then
    "$unpacked/usr/bin/kiosk" --version || fail "the packaged kiosk does not run (--version)"
    # kiosk(1) documents every option --help lists.
    for opt in $("$unpacked/usr/bin/kiosk" --help | grep -o -- '--[a-z]*' | sort -u); do
        grep -qF -- "\\-\\-${opt#--}" kiosk/kiosk.1 || fail "kiosk(1) does not document $opt"
    done
    ok "kiosk(1) documents every option of kiosk --help"
fi

# --- 3. lintian -----------------------------------------------------------------------------------
step "lintian"
# Debian's own check of the package. Errors and warnings fail; info tags are shown. Overrides
# (deploy/debian/lintian-overrides, each with its reason) silence their tag; one that no longer
# silences anything fails too, since it would hide a later problem for no reason.
# (--show-overrides is left out: with it lintian counts an overridden warning as a failure.)
root_ok=()
[ "$(id -u)" != 0 ] || root_ok=(--allow-root) # lintian only reads the .deb
out=$(lintian "${root_ok[@]}" --display-info --fail-on error,warning "$deb" 2>&1) ||
    { printf '%s\n' "$out" | sed 's/^/    /'; fail "lintian reports errors or warnings (above)"; }
[ -z "$out" ] || printf '%s\n' "$out" | sed 's/^/    /'
if grep -q 'unused-override' <<<"$out"; then
    fail "an override in deploy/debian/lintian-overrides silences nothing: remove it"
fi
overrides=$(grep -v -e '^#' -e '^$' deploy/debian/lintian-overrides | tr '\n' ' ')
ok "lintian $(lintian --version | awk '{print $2}'): no errors, no warnings (overridden: ${overrides% })"

# --- 4. the systemd unit ----------------------------------------------------------------------
step "systemd-analyze verify (the packaged unit)"
# verify insists that ExecStart exists: check a copy that runs the unpacked binary, in a
# directory of its own (verify adds it to the unit search path, drop-ins included).
unitdir=$work/unit
mkdir -p "$unitdir"
sed "s#^ExecStart=/usr/bin/kiosk\$#ExecStart=$unpacked/usr/bin/kiosk#" \
    "$unpacked/lib/systemd/system/kiosk.service" >"$unitdir/kiosk.service"
grep -q "^ExecStart=$unpacked/usr/bin/kiosk\$" "$unitdir/kiosk.service" ||
    fail "the unit's ExecStart is not /usr/bin/kiosk"
# Documentation=man:kiosk(1): verify runs man, pointed here at the package's own manual page.
out=$(cd "$unitdir" && MANPATH=$unpacked/usr/share/man systemd-analyze verify ./kiosk.service 2>&1) ||
    fail "systemd-analyze verify: $out"
[ -z "$out" ] || fail "systemd-analyze verify printed warnings: $out"
ok "systemd-analyze verify: no errors, no warnings"
systemd-analyze security --offline=yes "$unitdir/kiosk.service" 2>/dev/null | tail -n 1 || true
# The privileged helper and its watch, the same way.
sed -e "s#^ExecStart=/usr/libexec/kiosk/kiosk-store #ExecStart=$unpacked/usr/libexec/kiosk/kiosk-store #" \
    -e "s#^ExecStartPre=-/usr/libexec/kiosk/kiosk-usb #ExecStartPre=-$unpacked/usr/libexec/kiosk/kiosk-usb #" \
    "$unpacked/lib/systemd/system/kiosk-store.service" >"$unitdir/kiosk-store.service"
grep -q "^ExecStart=$unpacked/usr/libexec/kiosk/kiosk-store " "$unitdir/kiosk-store.service" ||
    fail "kiosk-store.service's ExecStart is not /usr/libexec/kiosk/kiosk-store"
out=$(cd "$unitdir" && MANPATH=$unpacked/usr/share/man systemd-analyze verify ./kiosk-store.service 2>&1) ||
    fail "systemd-analyze verify kiosk-store: $out"
[ -z "$out" ] || fail "systemd-analyze verify kiosk-store printed warnings: $out"
ok "systemd-analyze verify kiosk-store.service: no errors, no warnings"
exposure=$(systemd-analyze security --offline=yes "$unitdir/kiosk-store.service" 2>/dev/null | tail -n 1 || true)
echo "    kiosk-store.service: $exposure"
# The USB stick's unit, as an instance (udev starts kiosk-usb@sda1.service).
sed "s#^ExecStart=/usr/libexec/kiosk/kiosk-usb #ExecStart=$unpacked/usr/libexec/kiosk/kiosk-usb #" \
    "$unpacked/lib/systemd/system/kiosk-usb@.service" >"$unitdir/kiosk-usb@.service"
grep -q "^ExecStart=$unpacked/usr/libexec/kiosk/kiosk-usb " "$unitdir/kiosk-usb@.service" ||
    fail "kiosk-usb@.service's ExecStart is not /usr/libexec/kiosk/kiosk-usb"
out=$(cd "$unitdir" && MANPATH=$unpacked/usr/share/man systemd-analyze verify ./kiosk-usb@sda1.service 2>&1) ||
    fail "systemd-analyze verify kiosk-usb@sda1: $out"
[ -z "$out" ] || fail "systemd-analyze verify kiosk-usb@sda1 printed warnings: $out"
ok "systemd-analyze verify kiosk-usb@sda1.service: no errors, no warnings"
exposure=$(systemd-analyze security --offline=yes "$unitdir/kiosk-usb@sda1.service" 2>/dev/null | tail -n 1 || true)
echo "    kiosk-usb@sda1.service: $exposure"
# The udev rule: udevadm reads it without complaint.
out=$(udevadm verify "$unpacked/lib/udev/rules.d/71-kiosk-usb.rules" 2>&1) ||
    { udevadm verify --help >/dev/null 2>&1 && fail "udevadm verify 71-kiosk-usb.rules: $out"; }

# --- 5. shell scripts -----------------------------------------------------------------------------
step "shellcheck"
mapfile -t scripts < <(find deploy -name '*.sh' -type f | sort)
shellcheck "${scripts[@]}" || fail "shellcheck found problems in deploy/*.sh"
ok "shellcheck: ${scripts[*]}"
shellcheck --shell=sh deploy/debian/postinst deploy/debian/prerm deploy/debian/postrm ||
    fail "shellcheck found problems in the maintainer scripts"
ok "shellcheck (POSIX sh): deploy/debian/postinst prerm postrm"

# --- 6. the Raspberry Pi install script on a scratch tree -------------------------------------------
step "deploy/pi/install.sh --root on a scratch Pi tree (twice)"
pi=$work/pi
make_pi_tree() { # DIR: the package unpacked, Raspberry Pi OS Lite's boot files, getty enabled
    local dir=$1
    rm -rf "$dir"
    mkdir -p "$dir/boot/firmware" "$dir/etc/systemd/system/getty.target.wants" "$dir/tmp"
    dpkg-deb --extract "$deb" "$dir"
    cp /lib/systemd/system/getty@.service "$dir/lib/systemd/system/"
    ln -s /lib/systemd/system/getty@.service \
        "$dir/etc/systemd/system/getty.target.wants/getty@tty1.service"
    # As Raspberry Pi OS Lite Bookworm writes them (cmdline.txt: one line).
    printf '%s\n' 'console=serial0,115200 console=tty1 root=PARTUUID=4e639091-02 rootfstype=ext4 fsck.repair=yes rootwait cfg80211.ieee80211_regdom=GB' \
        >"$dir/boot/firmware/cmdline.txt"
    cat >"$dir/boot/firmware/config.txt" <<'EOF'
# For more options and information see
# http://rptl.io/configtxt
dtparam=audio=on
camera_auto_detect=1
display_auto_detect=1
auto_initramfs=1

# Enable DRM VC4 V3D driver
#dtoverlay=vc4-kms-v3d
max_framebuffers=2
disable_fw_kms_setup=1
arm_64bit=1
disable_overscan=1
arm_boost=1

[cm4]
otg_mode=1

[cm5]
dtoverlay=dwc2,dr_mode=host
EOF
}
snapshot() { # DIR: every file's path, type, mode, symlink target and checksum
    (cd "$1" && find . -printf '%p %y %m %l\n' | sort && find . -type f -print0 | sort -z |
        xargs -0 sha256sum)
}
make_pi_tree "$pi"
before=$(snapshot "$pi")
out=$(deploy/pi/install.sh --root "$pi" --dry-run 2>&1) || fail "install.sh --dry-run failed: $out"
[ "$(snapshot "$pi")" = "$before" ] || fail "install.sh --dry-run changed files"
grep -q "dry run done: [1-9][0-9]* change(s) would be made" <<<"$out" ||
    fail "install.sh --dry-run did not count its changes: $out"
ok "--dry-run changes nothing"

out=$(deploy/pi/install.sh --root "$pi" 2>&1) || fail "install.sh --root (first run) failed: $out"
printf '%s\n' "$out" | sed 's/^/    /'
boot=$pi/boot/firmware
cmdline=$(cat "$boot/cmdline.txt")
[ "$(wc -l <"$boot/cmdline.txt")" = 1 ] || fail "cmdline.txt is no longer one line: $cmdline"
for p in consoleblank=0 quiet loglevel=3 logo.nologo vt.global_cursor_default=0 \
    usbcore.autosuspend=-1 console=tty1 root=PARTUUID=4e639091-02 rootwait; do
    [ "$(tr ' ' '\n' <"$boot/cmdline.txt" | grep -cxF "$p")" = 1 ] ||
        fail "cmdline.txt should hold '$p' exactly once: $cmdline"
done
grep -qx 'dtoverlay=vc4-kms-v3d' "$boot/config.txt" || fail "config.txt lacks dtoverlay=vc4-kms-v3d"
grep -qx 'disable_splash=1' "$boot/config.txt" || fail "config.txt lacks disable_splash=1"
[ "$(sed -n '/^\[all\]$/,$p' "$boot/config.txt" | grep -c -e '^dtoverlay=vc4-kms-v3d$' -e '^disable_splash=1$')" = 2 ] ||
    fail "config.txt: the settings must be in an [all] section"
cmp -s "$boot/kiosk/kiosk.cfg" "$pi/etc/kiosk/kiosk.cfg" || fail "boot/firmware/kiosk/kiosk.cfg is not a copy of /etc/kiosk/kiosk.cfg"
[ -f "$boot/kiosk/README.txt" ] || fail "boot/firmware/kiosk/README.txt missing"
dropin=$pi/etc/systemd/system/kiosk.service.d/10-boot-firmware.conf
grep -qx 'Environment=KIOSK_CONFIG=/boot/firmware/kiosk/kiosk.cfg' "$dropin" ||
    fail "the drop-in does not point KIOSK_CONFIG at /boot/firmware/kiosk/kiosk.cfg"
[ "$(readlink "$pi/etc/systemd/system/multi-user.target.wants/kiosk.service")" = /lib/systemd/system/kiosk.service ] ||
    fail "kiosk.service is not enabled (multi-user.target.wants)"
[ ! -e "$pi/etc/systemd/system/getty.target.wants/getty@tty1.service" ] || fail "getty@tty1 is still enabled"
store_dropin=$pi/etc/systemd/system/kiosk-store.service.d/10-boot-firmware.conf
grep -qx 'Environment=KIOSK_CONFIG=/boot/firmware/kiosk/kiosk.cfg' "$store_dropin" ||
    fail "kiosk-store's drop-in does not point KIOSK_CONFIG at /boot/firmware/kiosk/kiosk.cfg"
grep -qx 'ReadWritePaths=/boot/firmware/kiosk' "$store_dropin" ||
    fail "kiosk-store's drop-in does not let it write /boot/firmware/kiosk"
[ "$(readlink "$pi/etc/systemd/system/multi-user.target.wants/kiosk-store.service")" = /lib/systemd/system/kiosk-store.service ] ||
    fail "kiosk-store.service is not enabled (multi-user.target.wants)"
usb_dropin=$pi/etc/systemd/system/kiosk-usb@.service.d/10-boot-firmware.conf
grep -qx 'Environment=KIOSK_CONFIG=/boot/firmware/kiosk/kiosk.cfg' "$usb_dropin" ||
    fail "kiosk-usb's drop-in does not point KIOSK_CONFIG at /boot/firmware/kiosk/kiosk.cfg"
grep -qx 'ReadWritePaths=/boot/firmware/kiosk' "$usb_dropin" ||
    fail "kiosk-usb's drop-in does not let it write /boot/firmware/kiosk"
ok "first run: cmdline.txt, config.txt, boot/firmware/kiosk/, drop-ins, kiosk and kiosk-store enabled, getty@tty1 disabled"

# The unit with install.sh's drop-in must verify too.
mkdir -p "$unitdir/kiosk.service.d"
cp "$dropin" "$unitdir/kiosk.service.d/"
out=$(cd "$unitdir" && MANPATH=$unpacked/usr/share/man systemd-analyze verify ./kiosk.service 2>&1) ||
    fail "systemd-analyze verify with the drop-in: $out"
[ -z "$out" ] || fail "systemd-analyze verify with the drop-in printed warnings: $out"
mkdir -p "$unitdir/kiosk-store.service.d"
cp "$store_dropin" "$unitdir/kiosk-store.service.d/"
out=$(cd "$unitdir" && MANPATH=$unpacked/usr/share/man systemd-analyze verify ./kiosk-store.service 2>&1) ||
    fail "systemd-analyze verify kiosk-store with the drop-in: $out"
[ -z "$out" ] || fail "systemd-analyze verify kiosk-store with the drop-in printed warnings: $out"
mkdir -p "$unitdir/kiosk-usb@.service.d"
cp "$usb_dropin" "$unitdir/kiosk-usb@.service.d/"
out=$(cd "$unitdir" && MANPATH=$unpacked/usr/share/man systemd-analyze verify ./kiosk-usb@sda1.service 2>&1) ||
    fail "systemd-analyze verify kiosk-usb@sda1 with the drop-in: $out"
[ -z "$out" ] || fail "systemd-analyze verify kiosk-usb@sda1 with the drop-in printed warnings: $out"
ok "systemd-analyze verify: the units with install.sh's drop-ins"

after_first=$(snapshot "$pi")
out=$(deploy/pi/install.sh --root "$pi" 2>&1) || fail "install.sh --root (second run) failed: $out"
grep -q "done: nothing to change" <<<"$out" || fail "the second run reports changes: $out"
[ "$(snapshot "$pi")" = "$after_first" ] ||
    fail "the second run changed files: $(diff <(echo "$after_first") <(snapshot "$pi") || true)"
ok "second run: nothing changed (\"nothing to change\", identical tree)"

printf '\n# a staff edit\n' >>"$boot/kiosk/kiosk.cfg"
edited=$(snapshot "$pi")
deploy/pi/install.sh --root "$pi" >/dev/null 2>&1 || fail "install.sh after a staff edit failed"
[ "$(snapshot "$pi")" = "$edited" ] || fail "install.sh changed something after a staff edit"
ok "a staff edit of boot/firmware/kiosk/kiosk.cfg is kept"

# --read-only in an image: refused without the overlayroot package, then overlayroot=tmpfs once.
make_pi_tree "$pi"
before=$(snapshot "$pi")
if deploy/pi/install.sh --root "$pi" --read-only >"$work/out.txt" 2>&1; then
    fail "install.sh --root --read-only succeeded without overlayroot in the image"
fi
grep -q "install the overlayroot package" "$work/out.txt" || fail "no reason given: $(cat "$work/out.txt")"
[ "$(snapshot "$pi")" = "$before" ] || fail "install.sh --read-only changed files before refusing"
mkdir -p "$pi/var/lib/dpkg"
printf 'Package: overlayroot\nStatus: install ok installed\nVersion: 0.48\nArchitecture: all\n\n' \
    >"$pi/var/lib/dpkg/status"
deploy/pi/install.sh --root "$pi" --read-only >/dev/null 2>&1 || fail "install.sh --root --read-only failed"
[ "$(tr ' ' '\n' <"$pi/boot/firmware/cmdline.txt" | grep -cx 'overlayroot=tmpfs')" = 1 ] ||
    fail "cmdline.txt should hold overlayroot=tmpfs once: $(cat "$pi/boot/firmware/cmdline.txt")"
out=$(deploy/pi/install.sh --root "$pi" --read-only 2>&1) || fail "install.sh --read-only (second run) failed"
grep -q "done: nothing to change" <<<"$out" || fail "the second --read-only run reports changes: $out"
ok "--read-only in an image: refused without overlayroot; then overlayroot=tmpfs once; idempotent"

# --- 7. install, check, purge on this machine --------------------------------------------------------
if [ "$install" = 1 ]; then
    step "install the package on this machine (apt-get)"
    if dpkg-query -W -f='${db:Status-Status}' kiosk 2>/dev/null | grep -qx installed; then
        fail "kiosk is already installed here; purge it first (apt-get purge kiosk)"
    fi
    # deb-systemd-helper's record of the unit's enablement, kept from postinst to purge.
    dsh=/var/lib/systemd/deb-systemd-helper-enabled
    wants=/etc/systemd/system/multi-user.target.wants/kiosk.service
    store_wants=/etc/systemd/system/multi-user.target.wants/kiosk-store.service
    watched=(/usr/bin/kiosk /usr/share/kiosk /etc/kiosk /var/lib/kiosk /lib/systemd/system/kiosk.service
        /lib/udev/rules.d/70-kiosk-backlight.rules /etc/systemd/system/kiosk.service.d "$wants"
        /usr/share/doc/kiosk /usr/share/man/man1/kiosk.1.gz /usr/share/lintian/overrides/kiosk
        "$dsh/kiosk.service.dsh-also" "$dsh/multi-user.target.wants/kiosk.service"
        /usr/libexec/kiosk /lib/systemd/system/kiosk-store.service
        /etc/systemd/system/kiosk-store.service.d "$store_wants"
        /lib/systemd/system/kiosk-usb@.service /lib/udev/rules.d/71-kiosk-usb.rules
        /etc/systemd/system/kiosk-usb@.service.d
        "$dsh/kiosk-store.service.dsh-also" "$dsh/multi-user.target.wants/kiosk-store.service")
    for p in "${watched[@]}"; do
        [ ! -e "$p" ] || fail "$p exists before the install: this machine is not clean"
    done
    # What apt pulls in with the package (udev, say) may add users and groups of its own: install
    # that first, so that the comparison before and after sees only what the kiosk package does.
    wanted=$(field Depends)
    [ -z "$(field Recommends)" ] || wanted="$wanted, $(field Recommends)"
    DEBIAN_FRONTEND=noninteractive apt-get satisfy -y -qq "$wanted" >"$work/apt.log" 2>&1 ||
        { cat "$work/apt.log"; fail "apt-get satisfy (the package's Depends and Recommends) failed"; }
    passwd_before=$(getent passwd | sort)
    group_before=$(getent group | sort)
    installed_here=1
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$deb" >"$work/apt.log" 2>&1 ||
        { cat "$work/apt.log"; fail "apt-get install $deb failed"; }
    grep '^kiosk:' "$work/apt.log" || true
    ok "installed $(dpkg-query -W -f='${Package} ${Version} ${Architecture}' kiosk)"

    step "check the installed package"
    getent passwd kiosk >/dev/null || fail "no user kiosk"
    IFS=: read -r _ _ uid _ _ home shell < <(getent passwd kiosk)
    [ "$uid" -lt 1000 ] || fail "kiosk is not a system user (uid $uid)"
    [ "$shell" = /usr/sbin/nologin ] || fail "kiosk's shell is $shell, want /usr/sbin/nologin"
    [ "$home" = /var/lib/kiosk ] || fail "kiosk's home is $home, want /var/lib/kiosk"
    for g in video render input; do
        id -nG kiosk | tr ' ' '\n' | grep -qx "$g" || fail "kiosk is not in group $g ($(id -nG kiosk))"
    done
    ok "user kiosk: uid $uid, shell $shell, groups $(id -nG kiosk)"
    dpkg-query -W -f='${Conffiles}\n' kiosk | grep -q '^ /etc/kiosk/kiosk.cfg ' ||
        fail "dpkg does not list /etc/kiosk/kiosk.cfg as a conffile"
    for p in /usr/bin/kiosk /usr/share/kiosk/assets/welcome.svg /usr/share/kiosk/config/kiosk.cfg \
        /etc/kiosk/kiosk.cfg /lib/systemd/system/kiosk.service /lib/udev/rules.d/70-kiosk-backlight.rules \
        /usr/libexec/kiosk/kiosk-store /lib/systemd/system/kiosk-store.service \
        /usr/libexec/kiosk/kiosk-usb /lib/systemd/system/kiosk-usb@.service \
        /lib/udev/rules.d/71-kiosk-usb.rules; do
        [ -e "$p" ] || fail "$p is missing after the install"
    done
    ok "files in place; /etc/kiosk/kiosk.cfg is a conffile"
    [ "$(man -w kiosk 2>&1)" = /usr/share/man/man1/kiosk.1.gz ] ||
        fail "man -w kiosk gives '$(man -w kiosk 2>&1)', want /usr/share/man/man1/kiosk.1.gz"
    ok "man kiosk finds /usr/share/man/man1/kiosk.1.gz"
    state=$(systemctl is-enabled kiosk.service 2>/dev/null || true)
    [ "$state" = disabled ] || fail "kiosk.service is '$state' after the install; the package must not enable it"
    state=$(systemctl is-enabled kiosk-store.service 2>/dev/null || true)
    [ "$state" = disabled ] || fail "kiosk-store.service is '$state' after the install; the package must not enable it"
    ok "kiosk.service and kiosk-store.service are not enabled by the package"
    grep -qxF "$wants" "$dsh/kiosk.service.dsh-also" 2>/dev/null ||
        fail "deb-systemd-helper has no record of $wants (postinst's update-state)"
    grep -qxF "$store_wants" "$dsh/kiosk-store.service.dsh-also" 2>/dev/null ||
        fail "deb-systemd-helper has no record of $store_wants (postinst's update-state)"
    ok "deb-systemd-helper records the links enabling would make, for purge to remove"
    out=$(systemd-analyze verify /lib/systemd/system/kiosk.service /lib/systemd/system/kiosk-store.service \
        2>&1) || fail "systemd-analyze verify: $out"
    [ -z "$out" ] || fail "systemd-analyze verify printed warnings: $out"
    ok "systemd-analyze verify kiosk.service, kiosk-store.service"
    out=$(cd / && runuser -u kiosk -- /usr/bin/kiosk --check --config /etc/kiosk/kiosk.cfg 2>&1) ||
        fail "kiosk --check as the kiosk user failed: $out"
    printf '%s\n' "$out" | sed 's/^/    /'
    if printf '%s\n' "$out" | grep -Eiq 'picture|not found|cannot'; then
        fail "kiosk --check as the kiosk user complains about files: $out"
    fi
    ok "kiosk --check --config /etc/kiosk/kiosk.cfg as user kiosk: exit 0, every picture found"
    out=$(cd / && runuser -u kiosk -- env -u KIOSK_CONFIG /usr/bin/kiosk --check 2>&1) ||
        fail "kiosk --check (default config) as the kiosk user failed: $out"
    grep -q '/etc/kiosk/kiosk.cfg' <<<"$out" || fail "kiosk --check did not default to /etc/kiosk/kiosk.cfg: $out"
    ok "without --config the kiosk reads /etc/kiosk/kiosk.cfg"

    step "reinstall keeps a staff edit and the enablement; remove keeps config and user"
    # What the service makes when it runs (its StateDirectory) and what install.sh leaves on a
    # Pi (the enablement link, the drop-in): an upgrade and remove keep them, purge takes them.
    install -d -o kiosk -g kiosk -m 0700 /var/lib/kiosk
    cp /etc/kiosk/kiosk.cfg /var/lib/kiosk/last-good.cfg
    mkdir -p /etc/systemd/system/multi-user.target.wants /etc/systemd/system/kiosk.service.d \
        /etc/systemd/system/kiosk-store.service.d /etc/systemd/system/kiosk-usb@.service.d
    ln -s /lib/systemd/system/kiosk.service "$wants"
    ln -s /lib/systemd/system/kiosk-store.service "$store_wants"
    cp "$dropin" /etc/systemd/system/kiosk.service.d/
    cp "$store_dropin" /etc/systemd/system/kiosk-store.service.d/
    cp "$usb_dropin" /etc/systemd/system/kiosk-usb@.service.d/
    printf '\n# a staff edit\n' >>/etc/kiosk/kiosk.cfg
    edited=$(sha256sum /etc/kiosk/kiosk.cfg)
    dpkg -i "$deb" >"$work/apt.log" 2>&1 || { cat "$work/apt.log"; fail "reinstalling with dpkg -i failed"; }
    [ "$(sha256sum /etc/kiosk/kiosk.cfg)" = "$edited" ] || fail "reinstalling overwrote the edited /etc/kiosk/kiosk.cfg"
    [ -L "$wants" ] || fail "reinstalling removed the enablement link $wants"
    ok "a reinstall keeps the edited conffile /etc/kiosk/kiosk.cfg and the enablement"
    DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq kiosk >"$work/apt.log" 2>&1 ||
        { cat "$work/apt.log"; fail "apt-get remove kiosk failed"; }
    [ ! -e /usr/bin/kiosk ] || fail "/usr/bin/kiosk is still there after apt-get remove"
    [ "$(sha256sum /etc/kiosk/kiosk.cfg)" = "$edited" ] || fail "apt-get remove did not keep /etc/kiosk/kiosk.cfg"
    getent passwd kiosk >/dev/null || fail "apt-get remove deleted the kiosk user (only purge may)"
    [ -f /var/lib/kiosk/last-good.cfg ] || fail "apt-get remove deleted /var/lib/kiosk (only purge may)"
    [ -L "$wants" ] || fail "apt-get remove deleted the enablement link $wants (only purge may)"
    ok "apt-get remove: binary gone; config, user, state and enablement kept for a reinstall"

    step "purge the package and check the system is as before"
    DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq kiosk >"$work/apt.log" 2>&1 ||
        { cat "$work/apt.log"; fail "apt-get purge kiosk failed"; }
    installed_here=0
    for p in "${watched[@]}"; do
        if [ -e "$p" ] || [ -L "$p" ]; then fail "$p is still there after the purge"; fi
    done
    ok "gone: ${watched[*]}"
    ! getent passwd kiosk >/dev/null || fail "the user kiosk is still there after the purge"
    ! getent group kiosk >/dev/null || fail "the group kiosk is still there after the purge"
    [ "$(getent passwd | sort)" = "$passwd_before" ] ||
        fail "/etc/passwd differs from before: $(diff <(echo "$passwd_before") <(getent passwd | sort) || true)"
    group_diff=$(diff <(echo "$group_before") <(getent group | sort) || true)
    new_groups=$(sed -n 's/^> //p' <<<"$group_diff" | cut -d: -f1 | tr '\n' ' ')
    new_groups=${new_groups% }
    for g in $new_groups; do
        case $g in
        video | render | input) ;; # standard device groups postinst created; they stay
        *) fail "group $g appeared with the package and stayed after the purge" ;;
        esac
    done
    [ -z "$(sed -n 's/^< //p' <<<"$group_diff")" ] || fail "a group changed or went away: $group_diff"
    ok "users as before; groups as before${new_groups:+ (plus the device groups created because they were missing: $new_groups)}"
fi

# --- 8. the service under a real systemd ----------------------------------------------------------
if [ "$systemd_test" = 1 ]; then
    step "the service under systemd (systemd-nspawn, this machine's system in an overlay)"
    if ! command -v systemd-nspawn >/dev/null; then
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends systemd-container
    fi
    ct=$work/ct
    mkdir -p "$ct/root" "$ct/out" "$ct/deb"
    cp "$deb" "$ct/deb/"
    # nspawn will not boot "/" itself: a plain (non-recursive) bind mount of it, booted with
    # --volatile=overlay so that every change lands in RAM and vanishes with the container.
    mount --bind / "$ct/root"
    cat >"$ct/kiosk-test.service" <<'EOF'
[Unit]
Description=kiosk package runtime test
After=basic.target
[Service]
Type=oneshot
ExecStart=/bin/bash /ct/run.sh
ExecStopPost=/bin/systemctl --no-block poweroff
StandardOutput=file:/ct/out/log.txt
StandardError=inherit
EOF
    cat >"$ct/run.sh" <<'EOF'
# Runs inside the container, as its systemd's only job; results go to /ct/out/result.
set -u
res=/ct/out/result
check() { # MESSAGE COMMAND...: records ok or FAIL
    local what=$1
    shift
    if "$@"; then echo "ok: $what" >>"$res"; else echo "FAIL: $what" >>"$res"; fi
}
show() { systemctl show -p "$1" --value kiosk.service; }
set -x
# A policy-rc.d (Docker images have one that says no) stops the maintainer scripts'
# deb-systemd-invoke from touching the service, as it should; a Pi has none. Only the
# container's overlay loses it.
rm -f /usr/sbin/policy-rc.d
deb=$(echo /deb/kiosk_*.deb)
mkdir -p /boot/firmware
echo 'console=serial0,115200 console=tty1 root=PARTUUID=4e639091-02 rootfstype=ext4 fsck.repair=yes rootwait' >/boot/firmware/cmdline.txt
printf 'dtparam=audio=on
dtoverlay=vc4-kms-v3d
max_framebuffers=2
[cm4]
otg_mode=1
' >/boot/firmware/config.txt
systemctl enable getty@tty1.service
check "install.sh on the running system" /pi/install.sh "$deb"
out=$(/pi/install.sh "$deb")
echo "$out"
check "install.sh a second time: nothing to change" grep -q "nothing to change" <<<"$out"
check "kiosk.service enabled" test "$(systemctl is-enabled kiosk.service)" = enabled
check "getty@tty1 disabled" test "$(systemctl is-enabled getty@tty1.service)" = disabled
# No tty1 and no DRM in a container: the dummy video driver on the container's console.
cat >/etc/systemd/system/kiosk.service.d/99-test.conf <<'X'
[Service]
Environment=SDL_VIDEODRIVER=dummy SDL_RENDER_DRIVER=software
TTYPath=/dev/console
StandardInput=null
TTYReset=no
TTYVHangup=no
TTYVTDisallocate=no
X
systemctl daemon-reload
# What the next boot would start (install.sh starts nothing): kiosk-store first, then the kiosk.
check "systemctl start kiosk-store" timeout 30 systemctl start kiosk-store.service
check "systemctl start kiosk (Type=notify: returns once the kiosk sent READY=1)" \
    timeout 60 systemctl start kiosk.service
check "running" test "$(show SubState)" = running
pid=$(show MainPID)
sleep 2
check "the kiosk reads /boot/firmware/kiosk/kiosk.cfg" \
    bash -c "journalctl -u kiosk.service | grep -q '/boot/firmware/kiosk/kiosk.cfg'"
check "runs as user kiosk" test "$(stat -c %U "/proc/$pid")" = kiosk
check "no capabilities" grep -q '^CapEff:[[:space:]]*0000000000000000$' "/proc/$pid/status"
check "no new privileges" grep -q '^NoNewPrivs:[[:space:]]*1$' "/proc/$pid/status"
check "no network but loopback" test "$(awk 'NR > 2 { sub(":", "", $1); print $1 }' "/proc/$pid/net/dev")" = lo
check "the state directory /var/lib/kiosk is the kiosk's, mode 0700" \
    test "$(stat -c '%U %a' /var/lib/kiosk)" = "kiosk 700"
check "last-good.cfg kept in the state directory" test -s /var/lib/kiosk/last-good.cfg
check "CHECK.txt in the state directory says the file checked OK" \
    grep -q '^Result:    OK' /var/lib/kiosk/CHECK.txt
# kiosk-store (started before the kiosk, watching its state folder) copies both to the card,
# beside the staff's file.
card=/boot/firmware/kiosk
check "kiosk-store enabled and watching" test "$(systemctl is-active kiosk-store.service)" = active
check "CHECK.txt copied beside the staff's file" timeout 20 bash -c \
    "until cmp -s /var/lib/kiosk/CHECK.txt $card/CHECK.txt; do sleep 0.5; done"
check "the last good copy kept in last-good/copy-A.cfg" timeout 20 bash -c \
    "until tail -n +2 $card/last-good/copy-A.cfg 2>/dev/null | cmp -s - /var/lib/kiosk/last-good.cfg; do sleep 0.5; done"
check "kiosk-store has one capability, and no network" bash -c \
    "[ \"\$(systemctl show -p CapabilityBoundingSet --value kiosk-store.service)\" = cap_dac_read_search ] && [ \"\$(systemctl show -p PrivateNetwork --value kiosk-store.service)\" = yes ]"
check "kiosk-store runs as root with only that capability" \
    grep -q '^CapEff:[[:space:]]*0000000000000004$' "/proc/$(systemctl show -p MainPID --value kiosk-store.service)/status"
# A read-only root rebooted with a broken file: the state folder is gone (it was in RAM), and
# the kiosk shows the copy kept on the card, marked, and says so in CHECK.txt on the card.
systemctl stop kiosk.service
cp $card/kiosk.cfg /ct/out/kiosk.cfg.good
sed -i 's/^idle_timeout = [0-9]*;/idle_timeout = "ninety";/' $card/kiosk.cfg
rm -rf /var/lib/kiosk
check "restarted with a broken file and no state folder" timeout 60 systemctl start kiosk.service
check "the kiosk shows the copy kept on the card" timeout 10 bash -c \
    "until journalctl -u kiosk.service | grep -q 'using the last good copy kept in $card/last-good/copy-A.cfg'; do sleep 0.5; done"
check "CHECK.txt on the card names the mistake and its line" timeout 20 bash -c \
    "until grep -q '^Result:    NOT USED' $card/CHECK.txt && grep -q 'Line [0-9]* (idle_timeout)' $card/CHECK.txt; do sleep 0.5; done"
check "the kept copy is untouched (a stand-in is never saved as the last good copy)" \
    bash -c "[ ! -e $card/last-good/copy-B.cfg ]"
journalctl -u kiosk-store.service -o cat --no-pager | tail -n 20
cp /ct/out/kiosk.cfg.good $card/kiosk.cfg
check "the fixed file checks OK again (CHECK.txt on the card)" timeout 30 bash -c \
    "until grep -q '^Result:    OK' $card/CHECK.txt; do sleep 0.5; done"
pid=$(show MainPID)
# In the kiosk's mount namespace even root cannot write /etc (ProtectSystem=strict), only the
# state directory.
check "/etc is read-only in the kiosk's namespace" bash -c "! nsenter -t $pid -m touch /etc/kiosk-rw-test 2>/dev/null"
check "/var/lib/kiosk is writable in the kiosk's namespace" nsenter -t "$pid" -m touch /var/lib/kiosk/rw-test
sleep 35
check "still the same process after 35 s (watchdog fed)" test "$(show MainPID)" = "$pid"
kill -STOP "$pid"
sleep 36
check "a frozen kiosk is killed by the watchdog and restarted" \
    bash -c "journalctl -u kiosk.service | grep -q 'Watchdog timeout' && [ \"\$(systemctl show -p NRestarts --value kiosk.service)\" = 1 ] && [ \"\$(systemctl show -p SubState --value kiosk.service)\" = running ]"
check "apt-get purge while it runs" env DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq kiosk
check "stopped by the purge" test "$(systemctl is-active kiosk.service)" = inactive
check "user kiosk gone" bash -c "! getent passwd kiosk"
check "state, enablement and install.sh's drop-in gone" bash -c \
    "[ ! -e /var/lib/kiosk ] && [ ! -e /etc/systemd/system/multi-user.target.wants/kiosk.service ] && [ ! -e /etc/systemd/system/kiosk.service.d/10-boot-firmware.conf ]"
check "kiosk-store's enablement and drop-in gone" bash -c \
    "[ ! -e /etc/systemd/system/multi-user.target.wants/kiosk-store.service ] && [ ! -e /etc/systemd/system/kiosk-store.service.d ] && [ \"\$(systemctl is-active kiosk-store.service)\" != active ]"
check "the staff's folder stays, with CHECK.txt and last-good/" \
    test -f $card/kiosk.cfg -a -f $card/CHECK.txt -a -d $card/last-good
check "an admin's own drop-in stays" test -f /etc/systemd/system/kiosk.service.d/99-test.conf
echo DONE >>"$res"
EOF
    timeout 600 systemd-nspawn -D "$ct/root" --volatile=overlay --register=no --keep-unit \
        --link-journal=no -q --bind-ro="$ct/deb:/deb" --bind-ro="$src/deploy/pi:/pi" --bind="$ct:/ct" \
        --bind-ro="$ct/kiosk-test.service:/etc/systemd/system/kiosk-test.service" \
        -b -- systemd.unit=kiosk-test.service >"$ct/boot.log" 2>&1 ||
        { tail -n 30 "$ct/boot.log"; fail "systemd-nspawn failed"; }
    umount "$ct/root"
    [ -f "$ct/out/result" ] || { tail -n 30 "$ct/boot.log"; fail "the container test wrote no result"; }
    cat "$ct/out/result"
    if grep -q '^FAIL' "$ct/out/result" || ! grep -qx DONE "$ct/out/result"; then
        sed 's/^/    /' "$ct/out/log.txt"
        fail "the service under systemd: $(grep '^FAIL' "$ct/out/result" | tr '\n' ' ')"
    fi
    ok "the service under a real systemd"
fi

step ""
echo
echo "=== check-package.sh: all checks passed"
printf '%s\n' "${summary[@]}"
awk -v a="$t_start" -v b="$(date +%s.%N)" 'BEGIN { printf "%6.1f s  total\n", b - a }'
echo "package: $deb"
