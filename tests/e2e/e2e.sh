#!/usr/bin/env bash
# End to end: the real kiosk binary, fullscreen on an Xvfb screen, driven with xdotool as a
# visitor would: wake it, tap a topic, Next, try to escape with the keyboard, quick exit,
# wait out the idle countdown, and stop it with SIGTERM. Screens are captured with xwd and
# compared with what `kiosk --render` draws for the same screen: they must be identical.
# Usage: e2e.sh KIOSK LAYOUT_PROBE CONFIG WORKDIR
set -euo pipefail
kiosk=$1 probe=$2 config=$3 work=$4
size=1280x800
rm -rf "$work" && mkdir -p "$work"

# shellcheck source=tests/e2e/e2e_lib.sh
. "$(dirname "$0")/e2e_lib.sh"
start_xvfb "${size%x*}" "${size#*x}"

# What --render draws is what the visitor must see (both use SDL's software renderer).
"$kiosk" --config "$config" --render "$work/expected" --size "$size" --no-proof >/dev/null

export SDL_VIDEODRIVER=x11 SDL_RENDER_DRIVER=software SDL_FRAMEBUFFER_ACCELERATION=0
export SDL_AUDIODRIVER=dummy SDL_MOUSE_TOUCH_EVENTS=1 # clicks also arrive as touches: count once
"$kiosk" --config "$config" >"$work/kiosk.log" 2>&1 &
kiosk_pid=$!

shot() { xwd -root -silent | convert xwd:- "$work/$1.png"; }
# Centre of a button on a screen: ACTION [TARGET].
centre() {
    "$probe" "$config" "$size" "$1" | awk -v a="$2" -v t="${3:--}" \
        '$1 == a && ($2 == t || t == "-") { print $3, $4; exit }'
}
tap() { xdotool mousemove "$1" "$2" click 1; }

for _ in $(seq 100); do grep -q "showing" "$work/kiosk.log" && break; sleep 0.05; done
expect_screen welcome "$work/expected/welcome.png" "the welcome screen comes up"

tap 640 400
expect_screen menu "$work/expected/menu.png" "a tap on the welcome screen shows the menu"

first=$("$probe" "$config" "$size" menu | awk '$1 == "goto" { print $2; exit }')
read -r x y < <(centre menu goto "$first")
tap "$x" "$y"
expect_screen page1 "$work/expected/$first.png" "tapping a topic opens its first page"

second=$("$probe" "$config" "$size" "$first" | awk '$1 == "next" { print $2; exit }')
read -r x y < <(centre "$first" next)
tap "$x" "$y"
expect_screen page2 "$work/expected/$second.png" "one tap on Next moves exactly one page"

for keys in Escape alt+F4 ctrl+q ctrl+w alt+Tab ctrl+alt+BackSpace super F11; do
    xdotool key "$keys"
done
sleep 0.5
if kill -0 "$kiosk_pid" 2>/dev/null; then pass "keyboard shortcuts do not close the kiosk"
else fail "a keyboard shortcut closed the kiosk"; fi
expect_screen after_keys "$work/expected/$second.png" "keyboard shortcuts change nothing"

read -r x y < <(centre "$second" quick_exit)
tap "$x" "$y"
expect_screen cover "$work/expected/cover.png" "Quick exit shows the cover screen"
tap 640 400
expect_screen welcome2 "$work/expected/welcome.png" "the next tap goes to the welcome screen"

# Idle: the e2e config has idle_timeout 15 and reset_countdown 5.
tap 640 400
expect_screen menu2 "$work/expected/menu.png" "a new visit starts at the menu"
read -r x y < <(centre menu goto "$first")
tap "$x" "$y"
sleep 16
shot countdown
if [ "$(differ countdown "$work/expected/$first.png")" != "0" ]; then
    pass "after the idle timeout the Still-there overlay appears"
else fail "no overlay after the idle timeout"; fi
sleep 5
expect_screen reset "$work/expected/welcome.png" "after the countdown the kiosk is back at a fresh welcome screen"

start=$(date +%s%N)
kill -TERM "$kiosk_pid"
status=0
wait "$kiosk_pid" || status=$?
elapsed=$(( ($(date +%s%N) - start) / 1000000 ))
kiosk_pid=
if [ "$status" = 0 ] && [ "$elapsed" -lt 1000 ]; then pass "SIGTERM stops it cleanly in ${elapsed} ms"
else fail "SIGTERM: status $status after ${elapsed} ms"; fi

echo "e2e: $passes passed, $failures failed"
[ "$failures" = 0 ]
