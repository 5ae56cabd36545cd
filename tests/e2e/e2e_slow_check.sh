#!/usr/bin/env bash
# Quick exit while a slow check runs: the real kiosk under Xvfb shows a page, and its config
# is saved again with 25,000 extra settings, which libconfig takes many seconds to read. The
# check runs off the main loop, so a tap on Quick exit must bring the cover up at once (the
# first frame after the tap), not when the check ends; then the checked file goes on screen
# at the end of the visit, as any good change does. Prints the measured latency.
# Usage: e2e_slow_check.sh KIOSK LAYOUT_PROBE CONFIG WORKDIR
set -euo pipefail
kiosk=$1 probe=$2 source_config=$3 work=$4
size=1280x800
rm -rf "$work" && mkdir -p "$work/content"
cp "$source_config" "$work/content/kiosk.cfg"
config=$work/content/kiosk.cfg
# Made before the kiosk starts: a new file in the folder is a change to check, too.
convert -size 4096x4096 -depth 8 gradient:'#468'-'#fc9' "$work/content/big.png"

# shellcheck source=tests/e2e/e2e_lib.sh
. "$(dirname "$0")/e2e_lib.sh"
start_xvfb "${size%x*}" "${size#*x}"
"$kiosk" --config "$config" --render "$work/expected" --size "$size" --no-proof >/dev/null

export SDL_VIDEODRIVER=x11 SDL_RENDER_DRIVER=software SDL_FRAMEBUFFER_ACCELERATION=0
export SDL_AUDIODRIVER=dummy SDL_MOUSE_TOUCH_EVENTS=1
"$kiosk" --config "$config" >"$work/kiosk.log" 2>&1 &
kiosk_pid=$!
shot() { xwd -root -silent | convert xwd:- "$work/$1.png"; }
centre() {
    "$probe" "$config" "$size" "$1" | awk -v a="$2" -v t="${3:--}" \
        '$1 == a && ($2 == t || t == "-") { print $3, $4; exit }'
}
tap() { xdotool mousemove "$1" "$2" click 1; }
for _ in $(seq 100); do grep -q "showing" "$work/kiosk.log" && break; sleep 0.05; done
# Only a window that is up takes a tap: wait for the welcome screen itself.
expect_screen welcome "$work/expected/welcome.png" "the welcome screen comes up"

tap 640 400
expect_screen menu "$work/expected/menu.png" "a tap on the welcome screen shows the menu"
first=$("$probe" "$config" "$size" menu | awk '$1 == "goto" { print $2; exit }')
read -r x y < <(centre menu goto "$first")
tap "$x" "$y"
expect_screen page "$work/expected/$first.png" "a visitor is reading a page"
read -r qx qy < <(centre "$first" quick_exit)

# The slow file, saved as an editor saves: written beside it, then renamed over it. It also
# names a picture as large as a picture may be (4096 x 4096), which the checking thread decodes
# too, before the new content waits for the visit to end.
{
    cat "$source_config"
    echo 'welcome_picture = "big.png";'
    echo 'extra = {'
    seq 25000 | sed 's/.*/  s& = "x";/'
    echo '};'
} >"$work/content/.kiosk.cfg.new"
mv "$work/content/.kiosk.cfg.new" "$config"
# The change settles for 1 s, then the check starts; give it a moment to be well under way.
sleep 2
if grep -q "changed and checks OK\|changed but has" "$work/kiosk.log"; then
    fail "the check ended before the test could tap (the file is not slow enough here)"
fi

start=$(date +%s%N)
tap "$qx" "$qy"
seen=
for _ in $(seq 100); do
    shot cover
    if [ "$(differ cover "$work/expected/cover.png")" = "0" ]; then seen=1; break; fi
done
latency=$(( ($(date +%s%N) - start) / 1000000 ))
still_checking=1
grep -q "changed and checks OK\|changed but has" "$work/kiosk.log" && still_checking=
if [ -n "$seen" ] && [ -n "$still_checking" ] && [ "$latency" -lt 1500 ]; then
    pass "Quick exit shows the cover at once while the check runs ($latency ms, screen captures included)"
else
    fail "Quick exit during the check: cover seen=${seen:-no} after $latency ms, check still running=${still_checking:-no}"
fi
echo "figure: Quick exit latency during a slow check: $latency ms (tap to a captured cover)"

# The check ends in its own time and the new file waits for the end of the visit.
for _ in $(seq 1800); do grep -q "changed and checks OK" "$work/kiosk.log" && break; sleep 0.1; done
if grep -q "changed and checks OK" "$work/kiosk.log"; then pass "the slow file is checked in the end"
else fail "the slow file was never checked (see $work/kiosk.log)"; fi
if kill -0 "$kiosk_pid" 2>/dev/null; then pass "the kiosk is still running"; else fail "the kiosk died"; fi
# The visit is over (the cover is up): the next tap puts the new content on screen, picture and
# all, with nothing left to decode.
tap 640 400
for _ in $(seq 100); do grep -q "now showing the new content" "$work/kiosk.log" && break; sleep 0.1; done
if grep -q "now showing the new content" "$work/kiosk.log" && ! grep -q "cannot load the picture" "$work/kiosk.log"; then
    pass "the checked file goes on screen once the visit has ended, its big picture with it"
else fail "the new content did not go on screen (see $work/kiosk.log)"; fi
shot new_welcome
kill -TERM "$kiosk_pid"
status=0
wait "$kiosk_pid" || status=$?
kiosk_pid=
if [ "$status" = 0 ]; then pass "SIGTERM stops it cleanly"; else fail "SIGTERM: exit status $status"; fi
echo "e2e_slow_check: $passes passed, $failures failed"
[ "$failures" = 0 ]
