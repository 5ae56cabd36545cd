#!/usr/bin/env bash
# One fuzz harness under CTest (see CMakeLists.txt here).
#   run-ctest.sh fuzz   HARNESS SOURCE_DIR WORK_DIR SECONDS   fuzz for SECONDS from the seeds
#   run-ctest.sh replay HARNESS SOURCE_DIR WORK_DIR           run every saved regression input
# Exits non-zero on any crash, failed invariant, leak, timeout or out-of-memory.
set -euo pipefail
mode=$1 harness=$2 src=$3 work=$4
name=$(basename "$harness")
# Limits for one input: a hang or a runaway allocation is a failure, not a slow test.
limits=(-timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=1024)
# A harness never reads stdin; /dev/null keeps a stray read from waiting on the terminal.
exec </dev/null

case $mode in
replay)
    inputs=()
    if [ -d "$src/regressions/$name" ]; then
        while IFS= read -r -d '' f; do
            inputs+=("$f")
        done < <(find "$src/regressions/$name" -type f ! -name '*.md' -print0 | sort -z)
    fi
    if [ "${#inputs[@]}" -eq 0 ]; then
        echo "$name: no regression inputs in $src/regressions/$name"
        exit 0
    fi
    echo "$name: replaying ${#inputs[@]} regression input(s)"
    "$harness" "${limits[@]}" "${inputs[@]}"
    ;;
fuzz)
    seconds=$5
    corpus=$work/$name/corpus
    artifacts=$work/$name/artifacts
    mkdir -p "$corpus" "$artifacts"
    dict=()
    if [ -f "$src/${name#fuzz_}.dict" ]; then
        dict=(-dict="$src/${name#fuzz_}.dict")
    fi
    status=0
    "$harness" "${limits[@]}" "${dict[@]}" -max_total_time="$seconds" -print_final_stats=1 \
        -artifact_prefix="$artifacts/" "$corpus" "$src/corpus/$name" || status=$?
    if [ "$status" -ne 0 ]; then
        echo "$name: FAILED (exit $status); the input is saved in $artifacts/"
        echo "To keep it as a regression test: cp $artifacts/<file> $src/regressions/$name/"
    fi
    exit "$status"
    ;;
*)
    echo "usage: $0 fuzz|replay HARNESS SOURCE_DIR WORK_DIR [SECONDS]" >&2
    exit 2
    ;;
esac
