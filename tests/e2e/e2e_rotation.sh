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

# shellcheck source=tests/e2e/e2e_lib.sh
. "$(dirname "$0")/e2e_lib.sh"
start_xvfb "$panel_w" "$panel_h"

# Staff preview renders upright at the logical size, whatever the panel's rotation.
SDL_VIDEODRIVER=dummy "$kiosk" --config "$config" --render "$work/expected" --size "$logical" \
    --no-proof >/dev/null

export SDL_VIDEODRIVER=x11 SDL_RENDER_DRIVER=software SDL_FRAMEBUFFER_ACCELERATION=0
export SDL_AUDIODRIVER=dummy SDL_MOUSE_TOUCH_EVENTS=1
"$kiosk" --config "$config" >"$work/kiosk.log" 2>&1 &
kiosk_pid=$!

# The panel shows the picture turned 90 degrees clockwise: turn the capture back.
shot() { xwd -root -silent | convert xwd:- -rotate 270 "$work/$1.png"; }
# Where a logical point appears on the panel, turned 90 degrees clockwise.
on_panel() { echo $((panel_w - 1 - $2)) "$1"; }

for _ in $(seq 100); do grep -q "showing" "$work/kiosk.log" && break; sleep 0.05; done
if grep -q "rotated 90" "$work/kiosk.log"; then pass "the kiosk says it rotates"
else fail "the log does not mention the rotation"; fi
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
status=0
wait "$kiosk_pid" || status=$?
if [ "$status" = 0 ]; then pass "SIGTERM stops it cleanly"; else fail "SIGTERM exit status $status"; fi
kiosk_pid=

echo "e2e_rotation: $passes passed, $failures failed"
[ "$failures" -eq 0 ]
