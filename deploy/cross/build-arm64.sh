#!/usr/bin/env bash
# Cross-architecture proof: builds the kiosk for arm64 (64-bit Raspberry Pi OS / Debian) on an
# x86-64 Debian 12 machine, runs the CTest suite on the arm64 binaries under qemu-user, renders
# every screen of the shipped config under qemu and compares each with the x86-64 render of the
# same screen, and, when the packaging exists, builds the arm64 .deb.
#
#   deploy/cross/build-arm64.sh              everything (installs what is missing first)
#   deploy/cross/build-arm64.sh --no-install do not touch apt (the tools must be there)
#   deploy/cross/build-arm64.sh --no-e2e     skip the Xvfb end-to-end tests (e2e*)
#
# Output: build-arm64/ (the arm64 build and its tests), build-arm64/host/ (the x86-64 reference
# renderer), build-arm64/render/{arm64,x86_64}/WxH/*.png, build-arm64/package/*.deb.
# Every step is timed; a summary closes the run. Exit status 0 only if every check passed.
# Environment: JOBS (default: at most 2); KIOSK_RENDER_PIXEL_SHARE, the share of pixels an arm64
# screen may differ from the x86-64 one by more than 24 levels (default: compare_png's 0.002).
set -euo pipefail
cd "$(dirname "$0")/../.."
src=$PWD
build=$src/build-arm64
host=$build/host
jobs=${JOBS:-$(($(nproc) < 2 ? $(nproc) : 2))}
install=1 e2e=1
for arg in "$@"; do
    case $arg in
    --no-install) install=0 ;;
    --no-e2e) e2e=0 ;;
    -h | --help)
        sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'
        exit 0
        ;;
    *)
        echo "build-arm64.sh: unknown option '$arg' (see --help)" >&2
        exit 2
        ;;
    esac
done

sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo"
qemu=/usr/bin/qemu-aarch64-static
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy SDL_RENDER_DRIVER=software

steps=() times=() results=()
failed=0
start_all=$(date +%s.%N)
# step NAME COMMAND...: runs it, times it, records ok/FAILED; the script goes on after a failure
# of a check (called with "|| true") so that the summary lists every result; a failed build
# step stops the script (set -e), and the summary still prints.
step() {
    local name=$1 t0 t1 status
    shift
    echo
    echo "=== $name"
    t0=$(date +%s.%N)
    set +e
    "$@"
    status=$?
    set -e
    t1=$(date +%s.%N)
    steps+=("$name")
    times+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')")
    if [ "$status" = 0 ]; then results+=("ok"); else results+=("FAILED ($status)"); failed=1; fi
    return "$status"
}
summary() {
    local t_end
    t_end=$(date +%s.%N)
    echo
    echo "=== Summary (arm64 cross build, $(nproc) cores, -j$jobs)"
    for i in "${!steps[@]}"; do
        printf '  %-46s %8ss  %s\n' "${steps[$i]}" "${times[$i]}" "${results[$i]}"
    done
    printf '  %-46s %8ss\n' "total" "$(awk -v a="$start_all" -v b="$t_end" 'BEGIN { printf "%.1f", b - a }')"
    [ -n "${render_summary:-}" ] && printf '%s\n' "$render_summary"
    [ -n "${deb:-}" ] && echo "  package: $deb"
    if [ "$failed" = 0 ]; then echo "build-arm64: all steps passed"; else echo "build-arm64: some steps FAILED"; fi
}
trap summary EXIT

# --- 1. Tools: the multiarch cross toolchain, the arm64 libraries, qemu-user --------------------
install_tools() {
    local packages=(crossbuild-essential-arm64 pkgconf qemu-user-static
                    libsdl2-dev:arm64 libsdl2-ttf-dev:arm64 libsdl2-image-dev:arm64
                    libconfig-dev:arm64 libfribidi-dev:arm64 libpng-dev:arm64 dpkg-dev file)
    local missing=() p
    # The host's own build and test dependencies (and Xvfb, xdotool, ImageMagick for e2e).
    deploy/setup-dev.sh --test
    if ! dpkg --print-foreign-architectures | grep -qx arm64; then
        echo "Adding the arm64 architecture to dpkg"
        $sudo dpkg --add-architecture arm64
        $sudo apt-get update -qq
    fi
    for p in "${packages[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ -x /usr/bin/aarch64-linux-gnu-pkg-config ] || missing+=(pkgconf)
    if [ "${#missing[@]}" -gt 0 ]; then
        echo "Installing: ${missing[*]}"
        $sudo apt-get update -qq
        # The arm64 -dev packages must have the very versions of their amd64 twins (Multi-Arch:
        # same), so apt may upgrade a few host packages here.
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
            "${missing[@]}"
    else
        echo "All tools are installed"
    fi
}
check_tools() {
    local t ok=0
    for t in aarch64-linux-gnu-gcc /usr/bin/aarch64-linux-gnu-pkg-config "$qemu" cmake; do
        command -v "$t" >/dev/null || { echo "missing: $t"; ok=1; }
    done
    return "$ok"
}
if [ "$install" = 1 ]; then
    step "install tools (apt)" install_tools
fi
step "check tools" check_tools

# --- 2. The x86-64 reference: the kiosk and compare_png for this machine ------------------------
host_build() {
    cmake -S "$src" -B "$host" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null &&
        nice cmake --build "$host" -j"$jobs" --target kiosk compare_png
}
step "build x86-64 reference (kiosk, compare_png)" host_build

# --- 3. The arm64 build, with warnings as errors as in CI ----------------------------------------
arm64_build() {
    cmake -S "$src" -B "$build" -DCMAKE_TOOLCHAIN_FILE="$src/deploy/cross/arm64.cmake" \
        -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKIOSK_WERROR=ON >/dev/null &&
        nice cmake --build "$build" -j"$jobs" || return 1
    local what
    what=$(file "$build/kiosk/kiosk")
    echo "$what"
    [[ $what == *"ARM aarch64"* ]]
}
step "build arm64 (cross, -Werror)" arm64_build

# --- 4. The test suite on the arm64 binaries, under qemu-user ------------------------------------
arm64_ctest() {
    local exclude=()
    # e2e and e2e_rotation drive the arm64 kiosk on an Xvfb display (x86-64 Xvfb and xdotool,
    # arm64 SDL x11).
    [ "$e2e" = 1 ] || exclude=(-E '^e2e')
    nice ctest --test-dir "$build" --output-on-failure -j"$jobs" "${exclude[@]}"
}
step "ctest arm64 under qemu" arm64_ctest || true

# --- 5. Every screen of the shipped config, arm64 (qemu) against x86-64 ---------------------------
render_summary=""
render_compare() {
    local size status=0 out line exact
    for size in 800x480 1280x800; do
        rm -rf "$build/render/arm64/$size" "$build/render/x86_64/$size"
        "$host/kiosk/kiosk" --config config/kiosk.cfg --render "$build/render/x86_64/$size" \
            --size "$size" --no-proof >/dev/null || return 1
        nice "$qemu" -L / "$build/kiosk/kiosk" --config config/kiosk.cfg \
            --render "$build/render/arm64/$size" --size "$size" --no-proof || return 1
        # Each x86-64 screen must have an arm64 twin within the tolerance (compare_png prints
        # the share of differing pixels for each screen with COMPARE_PNG_VERBOSE=1).
        out=$(COMPARE_PNG_VERBOSE=1 COMPARE_PNG_PIXEL_SHARE=${KIOSK_RENDER_PIXEL_SHARE:-} \
            "$host/tests/compare_png" "$build/render/x86_64/$size" "$build/render/arm64/$size" 2>&1) ||
            status=1
        printf '%s\n' "$out"
        # For the record: how many pixels are not bit-identical at all (ImageMagick).
        exact=$(exact_differences "$build/render/x86_64/$size" "$build/render/arm64/$size" \
            $((${size%x*} * ${size#*x})))
        line=$(printf '%s\n' "$out" | awk -v size="$size" '
            match($0, /\([0-9.]+%\)/) { s = substr($0, RSTART + 1, RLENGTH - 3); if (s + 0 > max) max = s + 0 }
            /^compare_png:/ { res = $2 " " $3 " " $4 " " $5 }
            END { printf "  render %-8s %s; largest share of pixels off by more than 24 levels: %.2f%%", size, res, max }')
        line+=$'\n'"           $exact"
        render_summary+="$line"$'\n'
    done
    render_summary+="  (tolerance as for the golden images: a channel may differ by 24 levels; at most"
    render_summary+=" $(awk -v s="${KIOSK_RENDER_PIXEL_SHARE:-0.002}" 'BEGIN { printf "%g", s * 100 }')% of pixels beyond that)"
    return "$status"
}
# exact_differences DIR_A DIR_B PIXELS: one line on the screens that are not bit-identical.
exact_differences() {
    command -v compare >/dev/null || { echo "(ImageMagick compare missing: no exact count)"; return; }
    local f name ae total=0 differ=0 worst=0 worst_name=""
    for f in "$1"/*.png; do
        name=${f##*/}
        [ -f "$2/$name" ] || continue
        ae=$(compare -metric AE "$f" "$2/$name" null: 2>&1 || true)
        ae=${ae%% *}
        total=$((total + 1))
        if [ "$ae" != 0 ]; then
            differ=$((differ + 1))
            if awk -v a="$ae" -v b="$worst" 'BEGIN { exit !(a + 0 > b + 0) }'; then worst=$ae worst_name=$name; fi
        fi
    done
    echo "bit-identical: $((total - differ)) of $total screens; most pixels not identical:" \
        "$worst ($(awk -v a="$worst" -v n="$3" 'BEGIN { printf "%.1f", a * 100 / n }')%)${worst_name:+ in $worst_name}"
}
step "render shipped config: arm64 vs x86-64" render_compare || true

# --- 6. The arm64 package, once cmake/Packaging.cmake exists -------------------------------------
deb=""
package() {
    local args=(-DCMAKE_INSTALL_PREFIX=/usr -DBUILD_TESTING=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo)
    # The packaged kiosk must not look in this source tree for its config and assets.
    grep -rqs "KIOSK_DEV_PATHS" CMakeLists.txt cmake/ && args+=(-DKIOSK_DEV_PATHS=OFF)
    cmake -S "$src" -B "$build/package" -DCMAKE_TOOLCHAIN_FILE="$src/deploy/cross/arm64.cmake" \
        "${args[@]}" >/dev/null &&
        nice cmake --build "$build/package" -j"$jobs" || return 1
    rm -f "$build/package"/*.deb
    # dpkg-shlibdeps (CPACK_DEBIAN_PACKAGE_SHLIBDEPS) must read arm64 binaries and arm64 symbols.
    (cd "$build/package" && DEB_HOST_ARCH=arm64 DEB_HOST_MULTIARCH=aarch64-linux-gnu \
        DEB_HOST_GNU_TYPE=aarch64-linux-gnu cpack -G DEB) || return 1
    deb=$(find "$build/package" -maxdepth 1 -name '*.deb' | head -n 1)
    [ -n "$deb" ] || { echo "cpack wrote no .deb"; return 1; }
    local info contents
    info=$(dpkg-deb --info "$deb") && contents=$(dpkg-deb --contents "$deb") || return 1
    grep -E "Package|Version|Architecture|Depends" <<<"$info"
    grep -q "Architecture: arm64" <<<"$info" || { echo "not an arm64 package"; return 1; }
    grep -q "/usr/bin/kiosk$" <<<"$contents" || { echo "no /usr/bin/kiosk in the package"; return 1; }
    [[ $(file "$build/package/kiosk/kiosk") == *"ARM aarch64"* ]]
}
if [ -f cmake/Packaging.cmake ]; then
    step "package arm64 .deb (cpack -G DEB)" package
else
    echo
    echo "=== cmake/Packaging.cmake does not exist yet: no .deb built"
fi
[ "$failed" = 0 ]
