#!/usr/bin/env bash
# Lockdown end to end: the real kiosk binary, fullscreen on an Xvfb screen, and every way out a
# visitor might try with what Xvfb can send: key storms (the usual shortcuts and hundreds of
# random keys, if a keyboard is attached), presses held 10 s (on the text, on a button, in
# the staff corner with no staff_pin), swipes in from each edge, and hundreds of clicks a
# second at random places, and the signals that end a process by default (SIGHUP, which reads
# the config again, SIGUSR1, SIGUSR2, SIGALRM, SIGPIPE). Then the kiosk must still run, still cover the whole screen, and
# still answer: a tap leads to the screen `--render` draws for it, and Quick exit works.
# Several fingers at once cannot be made under Xvfb: tests/sdl/test_lockdown.c covers them.
# Usage: e2e_lockdown.sh KIOSK LAYOUT_PROBE CONFIG WORKDIR   (CONFIG without staff_pin)
set -euo pipefail
kiosk=$1 probe=$2 config=$3 work=$4
size=1280x800 width=1280 height=800
rm -rf "$work" && mkdir -p "$work"

# shellcheck source=tests/e2e/e2e_lib.sh
. "$(dirname "$0")/e2e_lib.sh"
start_xvfb "$width" "$height"

"$kiosk" --config "$config" --render "$work/expected" --size "$size" --no-proof >/dev/null

export SDL_VIDEODRIVER=x11 SDL_RENDER_DRIVER=software SDL_FRAMEBUFFER_ACCELERATION=0
export SDL_AUDIODRIVER=dummy SDL_MOUSE_TOUCH_EVENTS=1
"$kiosk" --config "$config" >"$work/kiosk.log" 2>&1 &
kiosk_pid=$!

shot() { xwd -root -silent | convert xwd:- "$work/$1.png"; }
centre() { # SCREEN ACTION [TARGET]
    "$probe" "$config" "$size" "$1" 2>/dev/null | awk -v a="$2" -v t="${3:--}" \
        '$1 == a && ($2 == t || t == "-") { print $3, $4; exit }'
}
tap() { xdotool mousemove "$1" "$2" click 1; }
expect() { expect_screen "$1" "$work/expected/$2.png" "$3"; }
alive() { # WHAT
    if kill -0 "$kiosk_pid" 2>/dev/null; then pass "$1: the kiosk still runs"
    else fail "$1: the kiosk stopped"; exit 1; fi
}
hold() { # X Y SECONDS: a press held still
    xdotool mousemove "$1" "$2" mousedown 1
    sleep "$3"
    xdotool mouseup 1
}
swipe() { # X0 Y0 X1 Y1: a drag in eight steps
    local args=(mousemove "$1" "$2" mousedown 1) i
    for i in 1 2 3 4 5 6 7 8; do
        args+=(sleep 0.02 mousemove $(($1 + ($3 - $1) * i / 8)) $(($2 + ($4 - $2) * i / 8)))
    done
    xdotool "${args[@]}" sleep 0.05 mouseup 1
}

for _ in $(seq 100); do grep -q "showing" "$work/kiosk.log" && break; sleep 0.05; done
expect welcome welcome "the welcome screen comes up"
first=$("$probe" "$config" "$size" menu | awk '$1 == "goto" { print $2; exit }')
second=$("$probe" "$config" "$size" "$first" | awk '$1 == "next" { print $2; exit }')
third=$("$probe" "$config" "$size" "$second" | awk '$1 == "next" { print $2; exit }')

# ---- keys ------------------------------------------------------------------------------------
# Shortcuts that close, switch or kill programs elsewhere, each held and repeated, then
# hundreds of random keys. With no window manager some mean nothing to X itself; what matters
# is that the kiosk acts on none of them.
shortcuts=(Escape alt+F4 ctrl+q ctrl+w ctrl+c ctrl+z ctrl+d alt+Tab super super+d
           ctrl+alt+BackSpace ctrl+alt+Delete ctrl+alt+F1 ctrl+alt+F2 F11 F1 alt+space
           ctrl+shift+q ctrl+shift+Escape alt+Return Menu XF86Close XF86PowerOff)
names=(Escape Return Tab BackSpace Delete space Up Down Left Right Home End Prior Next
       F1 F2 F3 F4 F5 F10 F11 F12 Super_L Alt_L Control_L Shift_L Menu q w x c z 0 1 9)
storm() {
    xdotool key --delay 1 "${shortcuts[@]}"
    xdotool keydown --delay 1 alt keydown ctrl key --delay 1 F4 q w c BackSpace F1 \
        keyup ctrl keyup alt
    xdotool keydown Escape sleep 1 keyup Escape # held: the key repeats
    local random=() i
    for i in $(seq 400); do random+=("${names[RANDOM % ${#names[@]}]}"); done
    xdotool key --delay 1 "${random[@]}"
}
storm
alive "key storm on the welcome screen"
expect keys_welcome welcome "key storm on the welcome screen: nothing changed"
tap 640 400
expect menu menu "a tap shows the menu"
read -r x y < <(centre menu goto "$first")
tap "$x" "$y"
expect page1 "$first" "a topic opens its first page"
storm
alive "key storm on a page"
expect keys_page "$first" "key storm on a page: nothing changed"

# ---- presses held 10 s -------------------------------------------------------------------------
hold 640 420 10
alive "a press held 10 s on the text"
expect hold_text "$first" "a press held 10 s on the text changes nothing"
read -r x y < <(centre "$first" next)
hold "$x" "$y" 10
expect hold_next "$second" "a press held 10 s on Next is a (long) tap on Next, nothing more"
hold 3 3 10
alive "a press held 10 s in the staff corner"
expect hold_corner "$second" "with no staff_pin, a 10 s hold in the staff corner opens nothing"

# ---- swipes in from each edge -------------------------------------------------------------------
swipe $((width - 1)) 400 300 400
expect swipe_right "$third" "a swipe in from the right edge is Next"
swipe 0 400 900 400
expect swipe_left "$second" "a swipe in from the left edge is Back"
swipe 640 0 640 700
expect swipe_top "$second" "a swipe down from the top edge changes nothing"
swipe 640 $((height - 1)) 640 100
expect swipe_bottom "$second" "a swipe up from the bottom edge changes nothing"
alive "edge swipes"

# ---- signals that end a process by default ------------------------------------------------------
# A closed terminal, a stray kill or a log reader that went away must not blank the visit.
for sig in HUP USR1 USR2 ALRM PIPE; do
    kill -"$sig" "$kiosk_pid"
    sleep 0.2
    alive "SIG$sig"
done
expect signals "$second" "after SIGHUP, SIGUSR1, SIGUSR2, SIGALRM and SIGPIPE the page is still there"
# SIGHUP is the daemon's "read your config again" (systemctl reload): it is said in the log.
if grep -q "SIGHUP: reading .* again" "$work/kiosk.log"; then pass "SIGHUP reads the config again"
else fail "SIGHUP was not taken as a reload (see $work/kiosk.log)"; fi

# ---- hundreds of clicks a second --------------------------------------------------------------
clicks=()
for _ in $(seq 600); do
    clicks+=(mousemove $((RANDOM % width)) $((RANDOM % height)) mousedown 1 mouseup 1)
done
start=$(date +%s%N)
xdotool "${clicks[@]}"
xdotool mousemove 640 400 click --repeat 400 --delay 1 1
ms=$((($(date +%s%N) - start) / 1000000))
alive "1000 clicks in $ms ms ($((1000000 / (ms > 0 ? ms : 1))) a second)"

# ---- still fullscreen, still answering ----------------------------------------------------------
read -r ww wh < <(xdotool search --name '^Kiosk$' getwindowgeometry |
    sed -n 's/^ *Geometry: \([0-9]*\)x\([0-9]*\)$/\1 \2/p' | head -n 1)
if [ "${ww:-0}x${wh:-0}" = "$size" ]; then pass "the window still covers the whole screen ($size)"
else fail "the window is ${ww:-?}x${wh:-?}, not $size"; fi

# The clicks left it anywhere: Quick exit on a page, any tap on the welcome screen or cover.
read -r qx qy < <(centre "$first" quick_exit)
sleep 1 # let a glide or a held button settle
for _ in 1 2 3 4 5 6; do
    shot settle
    if [ "$(differ settle "$work/expected/cover.png")" = "0" ]; then break; fi
    if [ "$(differ settle "$work/expected/welcome.png")" = "0" ]; then tap 640 400
    else tap "$qx" "$qy"; fi
    sleep 0.3
done
expect storm_cover cover "after the storm Quick exit (or the cover already) shows the cover"
tap 640 400
expect storm_welcome welcome "a tap on the cover shows the welcome screen"
tap 640 400
expect storm_menu menu "a tap on the welcome screen shows the menu"
read -r x y < <(centre menu goto "$first")
tap "$x" "$y"
expect storm_page "$first" "a tap on a topic opens its page"
tap "$qx" "$qy"
expect storm_exit cover "Quick exit still shows the cover at once"
alive "the end"

kill -TERM "$kiosk_pid"
status=0
wait "$kiosk_pid" || status=$?
kiosk_pid=
if [ "$status" = 0 ]; then pass "SIGTERM still stops it cleanly"
else fail "SIGTERM: exit status $status"; fi
echo "e2e_lockdown: $passes passed, $failures failed"
[ "$failures" = 0 ]
