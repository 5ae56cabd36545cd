#!/usr/bin/env bash
# Runs every test: installs what they need, builds with warnings as errors, runs the suite and
# the style and lint checks (tests/lint.sh), then builds again with AddressSanitizer +
# UndefinedBehaviorSanitizer and runs it again, then builds the libFuzzer harnesses with clang
# and fuzzes each for a short time (tests/fuzz).
# Between the two builds, the plain one runs again under valgrind memcheck (label "valgrind").
# Last, the appliance test (tests/appliance): the .deb on a Debian system set up by
# deploy/pi/install.sh, booted under QEMU on a kernel DRM display and driven from outside, as
# root (with sudo when not root).
#   tests/run.sh              everything
#   tests/run.sh --quick      one plain build and the lint; no valgrind, sanitizer, fuzz or
#                             appliance pass
set -euo pipefail
cd "$(dirname "$0")/.."
deploy/setup-dev.sh --test
jobs=$(nproc)
run_suite() { # BUILD_DIR CMAKE_ARGS...
    local dir=$1
    shift
    cmake -S . -B "$dir" -DKIOSK_WERROR=ON "$@" >/dev/null
    cmake --build "$dir" -j"$jobs"
    ctest --test-dir "$dir" --output-on-failure -j"$jobs" -LE valgrind
}
run_suite build-test -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_EXPORT_COMPILE_COMMANDS=ON
# Style and lint: clang-format over the tree, cppcheck and clang-tidy over kiosk/ (tests/lint.sh).
tests/lint.sh build-test
if [ "${1:-}" != "--quick" ]; then
    # valgrind memcheck needs the plain RelWithDebInfo binaries (it cannot run ASan ones).
    ctest --test-dir build-test --output-on-failure -j"$jobs" -L valgrind
    export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0
    export LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp:print_suppressions=0
    export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
    run_suite build-asan -DCMAKE_BUILD_TYPE=Debug -DKIOSK_SANITIZE=ON
    # The fuzz harnesses need clang's libFuzzer; only their tests run here (label "fuzz").
    CC=clang cmake -S . -B build-fuzz -DKIOSK_WERROR=ON -DKIOSK_FUZZ=ON \
        -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
    cmake --build build-fuzz --target fuzz -j"$jobs"
    ctest --test-dir build-fuzz --output-on-failure -j"$jobs" -L fuzz
    # The bare display, as an installer gets it: boots under QEMU (about 12 minutes).
    sudo=""
    [ "$(id -u)" = 0 ] || sudo="sudo"
    $sudo tests/appliance/run.sh
fi
