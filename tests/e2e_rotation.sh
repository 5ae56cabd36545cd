#!/usr/bin/env bash
# End to end, rotated: the real kiosk fullscreen on a 1280x800 Xvfb screen with
# `display = { rotation = 90; }`, as on a landscape panel mounted upright. The captured screen,
# turned back, must equal what `kiosk --render` draws at 800x1280, and a click on the panel
# where a topic button appears must open that topic: touch follows rotation.
# Usage: e2e_rotation.sh KIOSK LAYOUT_PROBE CONFIG WORKDIR
set -euo pipefail
kiosk=$1 probe=$2 base_config=$3 work=$4
panel_w=1280 panel_h=800
logical=800x1280
rm -rf "$work" && mkdir -p "$work"
config=$work/rotated.cfg
{ cat "$base_config"; printf '\ndisplay = { rotation = 90; };\n'; } >"$config"

display=":$(( (RANDOM % 400) + 500 ))"
Xvfb "$display" -screen 0 "${panel_w}x${panel_h}x24" -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb=$!
kiosk_pid=
cleanup() {
    [ -n "$kiosk_pid" ] && kill -9 "$kiosk_pid" 2>/dev/null || true
    kill "$xvfb" 2>/dev/null || true
}
trap cleanup EXIT
export DISPLAY=$display
for _ in $(seq 100); do xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.05; done

failures=0 passes=0
pass() { echo "ok: $1"; passes=$((passes + 1)); }
fail() { echo "FAILED: $1"; failures=$((failures + 1)); }

# Staff preview renders upright at the logical size, whatever the panel's rotation.
SDL_VIDEODRIVER=dummy "$kiosk" --config "$config" --render "$work/expected" --size "$logical" \
    >/dev/null

export SDL_VIDEODRIVER=x11 SDL_RENDER_DRIVER=software SDL_FRAMEBUFFER_ACCELERATION=0
export SDL_AUDIODRIVER=dummy SDL_MOUSE_TOUCH_EVENTS=1
"$kiosk" --config "$config" >"$work/kiosk.log" 2>&1 &
kiosk_pid=$!

# The panel shows the picture turned 90 degrees clockwise: turn the capture back.
shot() { xwd -root -silent | convert xwd:- -rotate 270 "$work/$1.png"; }
differ() { compare -metric AE "$work/$1.png" "$2" null: 2>&1 || true; }
expect_screen() { # NAME EXPECTED_PNG WHAT
    local d
    for _ in $(seq 20); do
        shot "$1"
        d=$(differ "$1" "$2")
        [ "$d" = "0" ] && { pass "$3"; return; }
        sleep 0.1
    done
    fail "$3 ($d pixels differ from $2; see $work/$1.png)"
}
# Where a logical point appears on the panel, turned 90 degrees clockwise.
on_panel() { echo $((panel_w - 1 - $2)) "$1"; }

for _ in $(seq 100); do grep -q "showing" "$work/kiosk.log" && break; sleep 0.05; done
grep -q "rotated 90" "$work/kiosk.log" && pass "the kiosk says it rotates" ||
    fail "the log does not mention the rotation"
expect_screen welcome "$work/expected/welcome.png" "the welcome screen is drawn upright on the turned panel"

xdotool mousemove 640 400 click 1
expect_screen menu "$work/expected/menu.png" "a tap wakes it to the menu, upright"

first=$("$probe" "$config" "$logical" menu | awk '$1 == "goto" { print $2; exit }')
read -r lx ly < <("$probe" "$config" "$logical" menu | awk -v t="$first" \
    '$1 == "goto" && $2 == t { print $3, $4; exit }')
read -r px py < <(on_panel "$lx" "$ly")
xdotool mousemove "$px" "$py" click 1
expect_screen page "$work/expected/$first.png" "a tap where the topic button shows on the panel opens that topic"

kill -TERM "$kiosk_pid"
wait "$kiosk_pid" && pass "SIGTERM stops it cleanly" || fail "SIGTERM exit status $?"
kiosk_pid=

echo "e2e_rotation: $passes passed, $failures failed"
[ "$failures" -eq 0 ]
