#!/usr/bin/env bash
# Style and lint, as CI runs them (tests/run.sh calls this after its first build):
#  - clang-format (the repository's .clang-format) over every C file of kiosk/ and tests/:
#    any file it would change fails;
#  - cppcheck over kiosk/ (warning, style, performance, portability): zero findings;
#  - clang-tidy over kiosk/ with the checks in .clang-tidy (clang's analyzer and the bugprone
#    checks), using BUILD_DIR's compile_commands.json: zero findings.
# Tests are formatted but not linted: they poke at the product on purpose.
# Usage: tests/lint.sh BUILD_DIR   (configured with -DCMAKE_EXPORT_COMPILE_COMMANDS=ON)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:?usage: tests/lint.sh BUILD_DIR}
status=0
mapfile -t all < <(git ls-files 'kiosk/*.c' 'kiosk/*.h' 'tests/*.c' 'tests/*.h')
mapfile -t product < <(git ls-files 'kiosk/*.c')

echo "lint: clang-format on ${#all[@]} files"
if ! clang-format --dry-run -Werror "${all[@]}"; then
    echo "lint: run clang-format -i on the files above" >&2
    status=1
fi

echo "lint: cppcheck on kiosk/"
if ! cppcheck --quiet --std=c11 --enable=warning,style,performance,portability --inline-suppr \
    --error-exitcode=1 --suppress=missingIncludeSystem \
    -I kiosk/core -I kiosk/linux -I kiosk/sdl -I kiosk/app kiosk; then
    status=1
fi

echo "lint: clang-tidy on ${#product[@]} files"
[ -f "$build/compile_commands.json" ] || {
    echo "lint: $build/compile_commands.json is missing (configure with" \
        "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON)" >&2
    exit 1
}
if ! printf '%s\0' "${product[@]}" |
    xargs -0 -n 4 -P "$(nproc)" clang-tidy -p "$build" --quiet 2>/dev/null; then
    status=1
fi
[ "$status" = 0 ] && echo "lint: clean"
exit "$status"
