#!/usr/bin/env bash
# Runs the three fuzz harnesses side by side for hours, then prints what they did.
#   tests/fuzz/run-long.sh [HOURS]      default 8; fractions work (0.25 = 15 minutes)
# Settings (environment):
#   FUZZ_WORK=DIR     where corpora, crashes and logs go (default /var/tmp/kiosk-fuzz); never
#                     the repository. A second run carries on from the corpus the first left.
#   FUZZ_JOBS=N       parallel fuzzing processes per harness (default: a third of the cores, >= 1)
#   FUZZ_HARNESSES="fuzz_config fuzz_markup fuzz_session"   which ones
#   FUZZ_BUILD=DIR    build directory (default build-fuzz), configured with clang if needed
# Every process runs under nice. Ctrl-C stops the run early and still prints the summary.
# Anything saved under $FUZZ_WORK/<harness>/artifacts/ is a crash to fix; README.md here says
# how to turn it into a regression test.
set -euo pipefail
cd "$(dirname "$0")/../.."
src=$PWD/tests/fuzz
hours=${1:-8}
work=${FUZZ_WORK:-/var/tmp/kiosk-fuzz}
build=${FUZZ_BUILD:-build-fuzz}
read -r -a harnesses <<<"${FUZZ_HARNESSES:-fuzz_config fuzz_markup fuzz_session}"
jobs=${FUZZ_JOBS:-$(($(nproc) / 3))}
[ "$jobs" -ge 1 ] || jobs=1
seconds=$(awk -v h="$hours" 'BEGIN { s = int(h * 3600); if (s < 60) s = 60; print s }')

# Build (or bring up to date) the harnesses.
if [ ! -f "$build/CMakeCache.txt" ]; then
    CC=clang cmake -S . -B "$build" -DKIOSK_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
nice cmake --build "$build" --target fuzz -j"$(nproc)" >/dev/null
bin=$build/tests/fuzz
mkdir -p "$work"
work=$(cd "$work" && pwd)
bin=$(cd "$bin" && pwd)

export LSAN_OPTIONS="suppressions=$src/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
start=$(date +%s)
deadline=$((start + seconds))
touch "$work/.started" # what this run finds is newer than this
echo "Fuzzing ${harnesses[*]} for $seconds s, $jobs job(s) each, in $work"

# One harness: rounds of -jobs until the deadline. A round ends early only when a job stops on
# a crash; the next round carries on with the time left (and the corpus so far).
fuzz_one() {
    local name=$1 dir=$work/$1 round=0 left dict=()
    mkdir -p "$dir/corpus" "$dir/artifacts" "$dir/logs"
    rm -rf "${dir:?}/logs/"*
    if [ -f "$src/${name#fuzz_}.dict" ]; then
        dict=(-dict="$src/${name#fuzz_}.dict")
    fi
    while left=$((deadline - $(date +%s))) && [ "$left" -ge 10 ]; do
        round=$((round + 1))
        mkdir -p "$dir/logs/round-$round"
        # -jobs writes each job's output to fuzz-<job>.log in the current directory.
        (cd "$dir/logs/round-$round" &&
            nice -n 10 "$bin/$name" -jobs="$jobs" -workers="$jobs" -max_total_time="$left" \
                -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=1024 -print_final_stats=1 \
                -artifact_prefix="$dir/artifacts/" "${dict[@]}" "$dir/corpus" \
                "$src/corpus/$name" </dev/null >parent.log 2>&1) || true
    done
}

pids=()
stop() {
    echo "Stopping early..."
    for pid in "${pids[@]}"; do
        kill -TERM -- "-$pid" 2>/dev/null || true
    done
}
trap stop INT TERM
for name in "${harnesses[@]}"; do
    # Its own process group, so stopping it also stops the fuzzer processes it started.
    setsid -w bash -c "$(declare -f fuzz_one); $(declare -p work src bin jobs deadline); fuzz_one $name" &
    pids+=("$!")
done
for pid in "${pids[@]}"; do
    wait "$pid" || true
done
trap - INT TERM
elapsed=$(($(date +%s) - start))

# The summary: executions from every job's final stats; coverage of the whole corpus as it now
# stands (one pass over it); peak memory of the largest job; what was found.
summary=$work/summary.txt
{
    echo "Fuzzing run of $(date -d "@$start" '+%Y-%m-%d %H:%M') for $elapsed s, $jobs job(s) per harness"
    printf '%-13s %14s %10s %9s %9s %12s %9s %7s\n' harness executions exec/s cov ft corpus peak-MB found
    for name in "${harnesses[@]}"; do
        dir=$work/$name
        execs=$(cat "$dir"/logs/round-*/fuzz-*.log 2>/dev/null |
            awk '/stat::number_of_executed_units:/ { n += $2 } END { print n + 0 }')
        rss=$(cat "$dir"/logs/round-*/fuzz-*.log 2>/dev/null |
            awk '/stat::peak_rss_mb:/ { if ($2 > m) m = $2 } END { print m + 0 }')
        inited=$(nice "$bin/$name" -runs=0 "$dir/corpus" </dev/null 2>&1 | grep -a 'INITED' | tail -1)
        cov=$(sed -n 's/.*cov: \([0-9]*\).*/\1/p' <<<"$inited")
        ft=$(sed -n 's/.*ft: \([0-9]*\).*/\1/p' <<<"$inited")
        files=$(find "$dir/corpus" -type f | wc -l)
        size=$(du -sh "$dir/corpus" | cut -f1)
        found=$(find "$dir/artifacts" -type f -newer "$work/.started" | wc -l)
        printf '%-13s %14s %10s %9s %9s %12s %9s %7s\n' "$name" "$execs" \
            "$((execs / (elapsed > 0 ? elapsed : 1)))" "${cov:-?}" "${ft:-?}" "$files/$size" \
            "$rss" "$found"
    done
    echo "exec/s is the harness's total over the wall-clock time; cov and ft are libFuzzer's"
    echo "edge and feature counts over the final corpus; found counts the inputs this run saved"
    echo "in artifacts/ (crashes, failed invariants, leaks, timeouts, out-of-memory)."
    for name in "${harnesses[@]}"; do
        find "$work/$name/artifacts" -type f -newer "$work/.started" -printf "  found: %p\n"
    done
} | tee "$summary"
echo "Corpora, logs and this summary ($summary) are kept in $work."
