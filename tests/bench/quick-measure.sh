#!/usr/bin/env bash
# A first look at the kiosk's cost under Xvfb at 1280x800 with the shipped content: time to the
# first drawn frame, memory (PSS) after 5 s, and CPU used over 30 s idle on the welcome screen.
# Prints figures; it asserts nothing. Usage: tests/bench/quick-measure.sh [KIOSK_BINARY]
set -euo pipefail
cd "$(dirname "$0")/../.."
kiosk=${1:-build/kiosk/kiosk}
display=":$(( (RANDOM % 400) + 500 ))"
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; kill "$xvfb" 2>/dev/null' EXIT
export DISPLAY=$display
for _ in $(seq 100); do xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.05; done
export SDL_VIDEODRIVER=x11 SDL_RENDER_DRIVER=software SDL_FRAMEBUFFER_ACCELERATION=0
blank=$(xwd -root -silent | md5sum)
start=$(date +%s%N)
"$kiosk" --config config/kiosk.cfg >/dev/null 2>&1 &
pid=$!
while [ "$(xwd -root -silent | md5sum)" = "$blank" ]; do :; done
echo "first frame:        $(( ($(date +%s%N) - start) / 1000000 )) ms (polled with xwd, ~20 ms steps)"
sleep 5
echo "PSS after 5 s:      $(awk '/^Pss:/ {print $2}' "/proc/$pid/smaps_rollup") kB"
t0=$(awk '{print $14 + $15}' "/proc/$pid/stat")
sleep 30
t1=$(awk '{print $14 + $15}' "/proc/$pid/stat")
echo "CPU over 30 s idle: $(( (t1 - t0) * 1000 / $(getconf CLK_TCK) )) ms"
