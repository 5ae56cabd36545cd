#!/usr/bin/env bash
# The benchmark: the native kiosk against a Chromium kiosk showing the same content, side by
# side in one run, plus how the kiosk scales with the number of pages and what a page draw
# costs in instructions. Prints a Markdown table and writes it to tests/bench/RESULTS.md.
#
# Usage: tests/bench/run.sh [--runs N] [--idle SECONDS] [--no-results]
#   --runs N        repetitions of each side-by-side figure (default 5)
#   --idle SECONDS  length of the idle CPU measurement (default 60)
#   --no-results    print the table but leave RESULTS.md alone
#
# It installs what it needs (Debian 12: chromium, valgrind, xvfb, time, X11 headers), builds an
# optimised kiosk in build-bench/, and runs each program on its own Xvfb screen at 1280x800.
# Not part of CI: it takes about 15 minutes and needs Chromium.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
bench=$root/tests/bench
build=$root/build-bench
work=$build/bench-work
runs=5 idle=60 write_results=1
while [ $# -gt 0 ]; do
    case $1 in
    --runs) runs=$2; shift 2 ;;
    --idle) idle=$2; shift 2 ;;
    --no-results) write_results=0; shift ;;
    *) echo "usage: tests/bench/run.sh [--runs N] [--idle SECONDS] [--no-results]" >&2; exit 2 ;;
    esac
done
width=1280 height=800

# ---- what it needs ----------------------------------------------------------------------------

need_packages() {
    local missing=() cmd
    for cmd in chromium valgrind Xvfb xdotool xwd cmake pkg-config cc setpriv; do
        command -v "$cmd" >/dev/null 2>&1 || missing+=("$cmd")
    done
    [ -x /usr/bin/time ] || missing+=(time)
    pkg-config --exists x11 xext xtst sdl2 SDL2_ttf SDL2_image libconfig 2>/dev/null ||
        missing+=(headers)
    [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts)
    [ ${#missing[@]} -gt 0 ]
}
if need_packages; then
    sudo=
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    echo "bench: installing what it needs"
    $sudo apt-get update -q
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q chromium valgrind xvfb xdotool \
        x11-apps time util-linux cmake pkg-config gcc libx11-dev libxext-dev libxtst-dev libsdl2-dev \
        libsdl2-ttf-dev libsdl2-image-dev libconfig-dev fonts-dejavu-core
fi

# ---- build ------------------------------------------------------------------------------------

echo "bench: building an optimised kiosk in $build"
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j2 --target kiosk bench_html bench_render xwatch >/dev/null
kiosk=$build/kiosk/kiosk
xwatch=$build/tests/bench/xwatch
render=$build/tests/bench/bench_render
rm -rf "$work"
mkdir -p "$work"
# Chromium runs as an ordinary user, as on a kiosk image (as root it needs --no-sandbox).
chmod 755 "$build" "$work"
user=nobody
home=$work/chromium-home
mkdir -p "$home"
chown "$user" "$home"

export SDL_AUDIODRIVER=dummy
SDL_VIDEODRIVER=dummy "$build/tests/bench/bench_html" "$root/config/kiosk.cfg" "$work/html" \
    "$width" "$height" 101 >/dev/null
chmod -R a+rX "$work/html"
read -r tap_x tap_y _ <"$work/html/taps.txt"
tail -n +2 "$work/html/taps.txt" >"$work/turns.txt" # 100 page turns, from the menu on

# ---- measuring a running program ----------------------------------------------------------------

# Every process of a program: its session (xwatch starts it in one of its own), and for
# Chromium the crash handler, which leaves the session but names the profile folder.
pids_of() { # PID [MARKER]
    local p stat rest args
    for p in /proc/[0-9]*; do
        { read -r stat <"$p/stat"; } 2>/dev/null || continue # it may have gone
        rest=${stat##*) } # after the command name, which may hold spaces
        read -r _ _ _ sid _ <<<"$rest"
        if [ "$sid" = "$1" ]; then
            echo "${p#/proc/}"
        elif [ -n "${2:-}" ] && { mapfile -d '' args <"$p/cmdline"; } 2>/dev/null &&
            [[ "${args[*]}" == *"$2"* ]]; then
            echo "${p#/proc/}"
        fi
    done
}

# PSS in kB summed over the processes.
pss_kb() {
    local p total=0 kb
    for p in "$@"; do
        kb=$( { awk '/^Pss:/ {print $2}' "/proc/$p/smaps_rollup"; } 2>/dev/null) || continue
        total=$((total + ${kb:-0}))
    done
    echo "$total"
}

# CPU time in ns summed over every thread of the processes (schedstat: exact, not in ticks).
cpu_ns() {
    local p t total=0 ns
    for p in "$@"; do
        for t in /proc/"$p"/task/*/schedstat; do
            { read -r ns _ <"$t"; } 2>/dev/null || continue
            total=$((total + ns))
        done
    done
    echo "$total"
}

xvfb_pids=()
program_pids=()
cleanup() {
    local p
    for p in "${program_pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done
    for p in "${xvfb_pids[@]}"; do kill "$p" 2>/dev/null || true; done
}
trap cleanup EXIT

start_xvfb() { # prints the display
    local d
    d=":$(( (RANDOM % 800) + 100 ))"
    while [ -e "/tmp/.X11-unix/X${d#:}" ]; do d=":$(( (RANDOM % 800) + 100 ))"; done
    Xvfb "$d" -screen 0 "${width}x${height}x24" -nolisten tcp >"$work/xvfb${d#:}.log" 2>&1 &
    xvfb_pids+=($!)
    for _ in $(seq 100); do
        DISPLAY=$d xdotool getdisplaygeometry >/dev/null 2>&1 && break
        sleep 0.05
    done
    echo "$d"
}

# The kiosk as it ships: under X it picks the software renderer itself (run.c).
kiosk_cmd=(env SDL_VIDEODRIVER=x11 "$kiosk" --config "$root/config/kiosk.cfg")
# Chromium as kiosk images start it (FullPageOS and similar), with a fresh profile each run.
chromium_cmd() { # PROFILE
    echo setpriv --reuid="$user" --regid=nogroup --init-groups env HOME="$home" chromium \
        --kiosk --noerrdialogs --disable-infobars --disable-session-crashed-bubble \
        --disable-features=TranslateUI --disable-pinch --overscroll-history-navigation=0 \
        --check-for-update-interval=31536000 --no-first-run --password-store=basic \
        --user-data-dir="$1" --window-position=0,0 --window-size="$width,$height" \
        "file://$work/html/welcome.html"
}

declare -A result # "figure program" -> space-separated values, one per run
add() { result["$1 $2"]="${result["$1 $2"]:-} $3"; }
ms_of_ns() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", (b - a) / 1e6 }'; }

# One side-by-side run: both programs launched on their own screens, then measured the same way.
one_run() { # RUN
    local run=$1 prog d out pid marker profile wait_ns k0 c0 k1 c1 t0 t1 cmd
    local -A disp pids started
    for prog in kiosk chromium; do
        d=$(start_xvfb)
        disp[$prog]=$d
        marker=
        if [ "$prog" = kiosk ]; then
            # shellcheck disable=SC2206 # the command is built from known words
            cmd=("${kiosk_cmd[@]}")
        else
            profile=$home/profile-$run
            marker=$profile
            # shellcheck disable=SC2207 # the command is built from known words, no spaces
            cmd=($(chromium_cmd "$profile"))
        fi
        # 1. Launch to the welcome screen fully drawn: the last change before 3 s of stillness.
        started[$prog]=$(date +%s%N)
        out=$(DISPLAY=$d "$xwatch" launch "$work/$prog-$run.log" 3000 60000 -- "${cmd[@]}")
        pid=${out##* }
        program_pids+=("$pid")
        add launch "$prog" "$(echo "$out" | awk '{print $2}')"
        pids[$prog]="$pid $marker"
        # 2. Memory 10 s after launch, before the next program starts: PSS shares a library's
        # pages among every process mapping it, so Chromium running beside the kiosk would
        # take half of the kiosk's libc, X and font libraries off the kiosk's figure.
        wait_ns=$(( started[$prog] + 10000000000 - $(date +%s%N) ))
        [ "$wait_ns" -gt 0 ] && sleep "$(awk -v n="$wait_ns" 'BEGIN { print n / 1e9 }')"
        # shellcheck disable=SC2046,SC2086 # pids_of takes the pid and the marker as words
        add pss "$prog" "$(pss_kb $(pids_of ${pids[$prog]}))"
    done
    # 3. CPU over the idle period, both programs at once (each counted on its own processes).
    # shellcheck disable=SC2046,SC2086
    k0=$(cpu_ns $(pids_of ${pids[kiosk]}))
    # shellcheck disable=SC2046,SC2086
    c0=$(cpu_ns $(pids_of ${pids[chromium]}))
    sleep "$idle"
    # shellcheck disable=SC2046,SC2086
    k1=$(cpu_ns $(pids_of ${pids[kiosk]}))
    # shellcheck disable=SC2046,SC2086
    c1=$(cpu_ns $(pids_of ${pids[chromium]}))
    add idle kiosk "$(ms_of_ns "$k0" "$k1")"
    add idle chromium "$(ms_of_ns "$c0" "$c1")"
    # 4. and 5. A tap to the next screen, then 100 page turns, one program at a time.
    for prog in kiosk chromium; do
        d=${disp[$prog]}
        # shellcheck disable=SC2046,SC2086
        t0=$(cpu_ns $(pids_of ${pids[$prog]}))
        out=$(DISPLAY=$d "$xwatch" tap "$tap_x" "$tap_y" 1000 20000)
        # shellcheck disable=SC2046,SC2086
        t1=$(cpu_ns $(pids_of ${pids[$prog]}))
        add tap "$prog" "$(echo "$out" | awk '{print $2}')"
        add tapcpu "$prog" "$(ms_of_ns "$t0" "$t1")"
        out=$(DISPLAY=$d "$xwatch" turns "$work/turns.txt" 300 20000) ||
            echo "bench: $prog missed some page turns: $out" >&2
        # shellcheck disable=SC2046,SC2086
        t0=$t1 t1=$(cpu_ns $(pids_of ${pids[$prog]}))
        add turns "$prog" "$(ms_of_ns "$t0" "$t1")"
        add turndrawn "$prog" "$(echo "$out" | awk '{print $6}')"
        DISPLAY=$d xwd -root -silent >"$work/$prog-$run-last.xwd" 2>/dev/null || true
    done
    # shellcheck disable=SC2046,SC2086
    for pid in $(pids_of ${pids[kiosk]}) $(pids_of ${pids[chromium]}); do
        kill -9 "$pid" 2>/dev/null || true
    done
    program_pids=()
    for pid in "${xvfb_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    xvfb_pids=()
    rm -rf "$home/profile-$run"
}

echo "bench: $runs side-by-side runs of the kiosk and Chromium at ${width}x${height}" \
     "(about $(( runs * (idle + 85) / 60 + 1 )) minutes)"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for run in $(seq "$runs"); do
    one_run "$run"
    echo "bench: run $run of $runs done"
done

# ---- scale: generated configs -----------------------------------------------------------------

echo "bench: scale (10 to 10,000 pages)"
declare -A scale
for pages in 10 100 1000 10000; do
    cfg=$work/pages-$pages.cfg
    "$bench/gen-config.sh" "$pages" >"$cfg"
    times=() peaks=()
    for _ in 1 2 3; do
        read -r t m < <( { /usr/bin/time -f "%e %M" "$kiosk" --check --config "$cfg" \
                               >/dev/null; } 2>&1 | tail -1)
        times+=("$t") peaks+=("$m")
    done
    turn=$(SDL_VIDEODRIVER=dummy "$render" "$cfg" "${width}x${height}" turns 200 |
           awk '/^turns/ {print $7}')
    # Instructions are the steady measure: the same turn (menu to a topic) under callgrind.
    SDL_VIDEODRIVER=dummy valgrind --tool=callgrind --toggle-collect=bench_turn \
        --callgrind-out-file="$work/callgrind.pages-$pages" "$render" "$cfg" \
        "${width}x${height}" draw >/dev/null 2>&1
    scale[$pages]="$(printf '%s\n' "${times[@]}" | sort -n | sed -n 2p) \
$(printf '%s\n' "${peaks[@]}" | sort -n | sed -n 2p) $turn \
$(awk '/^summary:/ {print $2}' "$work/callgrind.pages-$pages")"
done

# ---- render cost: instructions for one page draw ----------------------------------------------

echo "bench: render cost under callgrind"
declare -A instr
for size in 800x480 1920x1080; do
    for fn in bench_turn bench_redraw; do
        SDL_VIDEODRIVER=dummy valgrind --tool=callgrind --toggle-collect="$fn" \
            --callgrind-out-file="$work/callgrind.$fn.$size" "$render" \
            "$root/config/kiosk.cfg" "$size" draw >/dev/null 2>&1
        instr[$fn $size]=$(awk '/^summary:/ {print $2}' "$work/callgrind.$fn.$size")
    done
done
turn1080=$(SDL_VIDEODRIVER=dummy "$render" "$root/config/kiosk.cfg" 1920x1080 turns 200 |
           awk '/^turns/ {print $7}')
# The tap on the welcome screen through to the menu drawn, each time from a fresh start.
tap1080=$(SDL_VIDEODRIVER=dummy "$render" "$root/config/kiosk.cfg" 1920x1080 tap 50 |
          awk '/^taps/ {printf "%.1f / %.1f / %.1f", $5 / 1000, $7 / 1000, $9 / 1000}')

# ---- the table ------------------------------------------------------------------------------------

# min / median / max of the values.
stats() { tr ' ' '\n' <<<"$1" | grep -v '^$' | sort -g |
    awk '{ v[NR] = $1 } END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
                              printf "%s / %s / %s", v[1], m, v[NR] }'; }
median() { stats "$1" | awk -F' / ' '{print $2}'; }
ratio() { awk -v k="$1" -v c="$2" 'BEGIN { if (k > 0) printf "%.0f×", c / k
                                           else printf "kiosk used none" }'; }
thousands() { sed ':a; s/\([0-9]\)\([0-9]\{3\}\)\($\|,\)/\1,\2\3/; ta' <<<"$1"; }
mb() { tr ' ' '\n' <<<"$1" | awk 'NF { printf "%.1f ", $1 / 1024 }'; }
row() { # LABEL KEY [CONVERT]
    local k=${result["$2 kiosk"]} c=${result["$2 chromium"]}
    if [ "${3:-}" = mb ]; then k=$(mb "$k") c=$(mb "$c"); fi
    printf '| %s | %s | %s | %s |\n' "$1" "$(stats "$k")" "$(stats "$c")" \
        "$(ratio "$(median "$k")" "$(median "$c")")"
}
notes=$(cat <<'END'
## How it is measured

- Same content: `bench_html` reads `config/kiosk.cfg` with the kiosk's own reader and lays
  every screen out with the kiosk's own layout and fonts, then writes each screen as static
  HTML: every text line, box and picture absolutely placed where the kiosk draws it, in the
  same colours, the same DejaVu Sans files (`@font-face`) and pixel sizes, with links where the
  kiosk has buttons (Next, topics, Topics, Get help, Quick exit). One list of tap points
  (`taps.txt`) drives both programs.
- Each program gets its own Xvfb screen (1280x800x24). Chromium runs as an ordinary user (as on
  a kiosk image) with `--kiosk`, the flags FullPageOS-like images pass, a fresh profile and
  `--window-position=0,0 --window-size=1280,800`. The kiosk runs as it ships: under X it
  chooses SDL's software renderer itself (without it SDL picks OpenGL, Mesa's llvmpipe here:
  about 65 MB PSS and 120-450 ms to the first frame).
- "Fully drawn" is judged from outside the same way for both: `xwatch` grabs the whole screen
  through MIT-SHM every millisecond or two and hashes it; a screen is drawn at the last change
  before it stays still (3 s after a launch, 1 s after a tap, 0.3 s between page turns).
  Times start at the `fork` of the program, or at the XTest tap.
- Memory is PSS from `/proc/PID/smaps_rollup`, summed over every process of the program (its
  session, and Chromium's crash handler, which leaves it), 10 s after its launch. The kiosk's
  is taken before Chromium starts (PSS splits shared library pages among all who map them);
  Chromium's with the idle kiosk beside it, which takes at most a few hundred kB off it. CPU is the sum over every thread of
  `/proc/PID/task/*/schedstat` (nanoseconds, not clock ticks). Chromium processes that exit
  during a measurement take their CPU time with them, so its CPU figures are if anything low.
- The idle CPU of both is measured at the same time, each on its own processes; the page
  turns are measured one program at a time. The 100 turns include the waits between taps, so
  Chromium's figure includes its idle CPU for about 30 s.
- Scale and render cost need no display: `bench_render` drives the kiosk's own view (taps
  hit-tested on the layout, session, layout, text cache, software renderer) on a plain
  surface; `valgrind --tool=callgrind --toggle-collect=bench_turn` counts only the draw.
END
)
# The issue's targets, each checked against the medians above.
targets() {
    local launch_k launch_c pss_k pss_c idle_k tap_med t10 t10k check10k
    launch_k=$(median "${result[launch kiosk]}") launch_c=$(median "${result[launch chromium]}")
    pss_k=$(median "$(mb "${result[pss kiosk]}")") pss_c=$(median "$(mb "${result[pss chromium]}")")
    idle_k=$(median "${result[idle kiosk]}")
    tap_med=$(awk -F' / ' '{print $2}' <<<"$tap1080")
    read -r _ _ _ t10 <<<"${scale[10]}"
    read -r check10k _ _ t10k <<<"${scale[10000]}"
    verdict() { if awk "BEGIN { exit !($1) }"; then echo "holds"; else echo "DOES NOT HOLD"; fi; }
    echo "Targets (medians):"
    echo
    echo "- first frame at most 1/10 of Chromium's and under 100 ms: ${launch_k} ms vs" \
        "${launch_c} ms: $(verdict "$launch_k * 10 <= $launch_c && $launch_k < 100")"
    echo "- memory at most 1/15 of Chromium's and under 25 MB PSS: ${pss_k} MB vs ${pss_c} MB:" \
        "$(verdict "$pss_k * 15 <= $pss_c && $pss_k < 25")"
    echo "- idle CPU under 10 ms a minute: ${idle_k} ms in ${idle} s:" \
        "$(verdict "$idle_k * 60 / $idle < 10")"
    echo "- tap to the next screen drawn under 16.7 ms of work at 1920x1080: ${tap_med} ms:" \
        "$(verdict "$tap_med < 16.7")"
    echo "- a page turn costs the same at 10 and 10,000 pages (instructions within 5 %), and" \
        "10,000 pages load in under 1 s: $(thousands "$t10") vs $(thousands "$t10k")" \
        "instructions, ${check10k} s: $(verdict "$t10k <= $t10 * 1.05 && $check10k < 1")"
}
commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
git -C "$root" diff --quiet HEAD 2>/dev/null || commit="$commit (with uncommitted changes)"
cpu=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)
table=$(cat <<EOF
Kiosk benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $commit.
Machine: $(nproc) cores ($cpu), $(awk '/MemTotal/ {printf "%.0f GB", $2 / 1048576}' /proc/meminfo) RAM, load average $load_before at the start (the machine is shared: expect noise).
$(chromium --version 2>/dev/null | head -1), SDL $(pkg-config --modversion sdl2), kiosk built Release with the software renderer under Xvfb ${width}x${height}x24.

Side by side, $runs runs each (min / median / max):

| figure | kiosk | Chromium kiosk | Chromium / kiosk |
|---|---|---|---|
$(row "launch to the welcome screen drawn (ms)" launch)
$(row "memory after 10 s, PSS of all processes (MB)" pss mb)
$(row "CPU over ${idle} s idle on the welcome screen (ms)" idle)
$(row "tap to the next screen drawn (ms)" tap)
$(row "CPU for that tap (ms)" tapcpu)
$(row "CPU for 100 page turns (ms)" turns)
$(row "a page turn: tap to drawn, median of the 100 (ms)" turndrawn)

Scale (generated configs, two topics; \`kiosk --check\` median of 3; a page turn in ms is a tap
on Next through to the new page drawn at ${width}x${height}, offscreen, median of 200; in
instructions, a tap from the menu to a topic's first page, counted by callgrind):

| pages | \`kiosk --check\` (s) | peak memory (MB) | page turn (ms) | page turn (instructions) |
|---|---|---|---|---|
$(for p in 10 100 1000 10000; do read -r t m u i <<<"${scale[$p]}"
  printf '| %s | %s | %.1f | %.2f | %s |\n' "$p" "$t" "$(awk -v m="$m" 'BEGIN{print m/1024}')" \
      "$(awk -v u="$u" 'BEGIN{print u/1000}')" "$(thousands "$i")"; done)

Render cost (shipped config, software renderer, instructions counted by callgrind): a page
turn is a tap on a topic through to its first page drawn from nothing (text rasterised, picture
scaled); a redraw is the same page drawn again with everything cached.

| screen | page turn (instructions) | redraw (instructions) |
|---|---|---|
$(for s in 800x480 1920x1080; do printf '| %s | %s | %s |\n' "$s" \
    "$(thousands "${instr[bench_turn $s]}")" "$(thousands "${instr[bench_redraw $s]}")"; done)

At 1920x1080, offscreen (the kiosk's work alone, no X): a tap on the welcome screen through
to the menu drawn, from a fresh start, $tap1080 ms (min / median / max of 50); a page turn
(tap on Next through to the new page drawn) $(awk -v u="$turn1080" 'BEGIN{printf "%.2f", u/1000}') ms (median of 200).

$(targets)
EOF
)
echo
echo "$table"
if [ "$write_results" = 1 ]; then
    {
        echo "# Benchmark results"
        echo
        echo "Written by \`tests/bench/run.sh\` (see the README's Performance section); do not edit by hand."
        echo
        echo "$table"
        echo
        echo "$notes"
    } >"$bench/RESULTS.md"
    echo
    echo "bench: wrote $bench/RESULTS.md"
fi
