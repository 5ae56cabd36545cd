#!/usr/bin/env bash
# Runs a program under valgrind memcheck with the project's settings, in place of the program
# (exec: same process, so signals reach it). Exit status 99 when valgrind found a memory error
# or a definite leak that tests/valgrind.supp does not name as a library's own; otherwise the
# program's own status. The report goes to stderr, with a ready-made suppression for each
# error, to judge (not to paste blindly: only a library's own errors belong in valgrind.supp).
# Usage: memcheck.sh PROGRAM ARGS...
set -euo pipefail
exec valgrind --tool=memcheck --leak-check=full --show-leak-kinds=definite \
    --errors-for-leak-kinds=definite --error-exitcode=99 --gen-suppressions=all \
    --child-silent-after-fork=yes --num-callers=30 \
    --suppressions="$(dirname "$0")/valgrind.supp" "$@"
