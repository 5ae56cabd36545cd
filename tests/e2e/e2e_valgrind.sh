#!/usr/bin/env bash
# End to end under valgrind memcheck: the real kiosk, fullscreen on Xvfb, driven with xdotool
# through a shorter visit than e2e.sh (valgrind runs it some 20 times slower): wake, a topic
# with a picture, Next twice, drag a long page to its end, Back, Quick exit, a new visit left
# to the idle countdown and reset, then SIGTERM. Every screen must still equal what --render
# draws, and valgrind must find no memory error and no definite leak outside the libraries
# (tests/valgrind.supp). e2e.sh's time limits (SIGTERM within 1 s) do not apply here.
# Usage: e2e_valgrind.sh KIOSK LAYOUT_PROBE TESTS_DIR WORKDIR
set -euo pipefail
kiosk=$1 probe=$2 tests=$3 work=$4
size=1280x800
rm -rf "$work" && mkdir -p "$work/content"

# The sample content (it has pictures and a page longer than the screen) with the shortest
# timers the config allows, so the idle reset is watched in 20 seconds.
config=$work/content/kiosk.cfg
cp "$tests/data/heart.svg" "$tests/data/leaf.png" "$tests/data/"*.ttf "$work/content/"
sed -e 's/^idle_timeout = [0-9]*;/idle_timeout = 15;/' \
    -e 's/^reset_countdown = [0-9]*;/reset_countdown = 5;/' "$tests/data/sample.cfg" >"$config"
if ! grep -q '^idle_timeout = 15;' "$config" || ! grep -q '^reset_countdown = 5;' "$config"; then
    echo "FAILED: could not shorten the timers of $tests/data/sample.cfg"
    exit 1
fi

# shellcheck source=tests/e2e/e2e_lib.sh
. "$(dirname "$0")/e2e_lib.sh"
start_xvfb "${size%x*}" "${size#*x}"

"$kiosk" --config "$config" --render "$work/expected" --size "$size" --no-proof >/dev/null

export SDL_VIDEODRIVER=x11 SDL_RENDER_DRIVER=software SDL_FRAMEBUFFER_ACCELERATION=0
export SDL_AUDIODRIVER=dummy SDL_MOUSE_TOUCH_EVENTS=1
"$(dirname "$0")/../memcheck.sh" "$kiosk" --config "$config" >"$work/kiosk.log" 2>&1 &
kiosk_pid=$!

shot() { xwd -root -silent | convert xwd:- "$work/$1.png"; }
centre() { # SCREEN ACTION [TARGET]
    "$probe" "$config" "$size" "$1" | awk -v a="$2" -v t="${3:--}" \
        '$1 == a && ($2 == t || t == "-") { print $3, $4; exit }'
}
next_of() { "$probe" "$config" "$size" "$1" | awk '$1 == "next" { print $2; exit }'; }
tap() { xdotool mousemove "$1" "$2" click 1; }
# Under valgrind a frame takes a while: wait up to 20 s for the screen before judging it.
settle() { # NAME EXPECTED_PNG WHAT
    for _ in $(seq 40); do
        shot "$1"
        [ "$(differ "$1" "$2")" = "0" ] && break
        sleep 0.5
    done
    expect_screen "$@"
}

for _ in $(seq 600); do grep -q "showing" "$work/kiosk.log" && break; sleep 0.1; done
settle welcome "$work/expected/welcome.png" "the welcome screen comes up"

tap 640 400
settle menu "$work/expected/menu.png" "a tap on the welcome screen shows the menu"

first=$("$probe" "$config" "$size" menu | awk '$1 == "goto" { print $2; exit }')
read -r x y < <(centre menu goto "$first")
tap "$x" "$y"
settle page1 "$work/expected/$first.png" "tapping a topic opens its first page"

page=$first prev=
for n in 2 3; do
    read -r x y < <(centre "$page" next)
    prev=$page page=$(next_of "$page")
    tap "$x" "$y"
    settle "page$n" "$work/expected/$page.png" "Next opens page $n"
done

if [ -f "$work/expected/$page.end.png" ]; then
    # Drag the page up, hold still (no glide), lift; twice, more than it scrolls: its end shows.
    for _ in 1 2; do
        xdotool mousemove 640 700 mousedown 1
        for y in 640 560 480 400 320 240 160 100; do xdotool mousemove 640 "$y"; sleep 0.1; done
        sleep 0.5
        xdotool mouseup 1
    done
    settle scrolled "$work/expected/$page.end.png" "dragging a long page shows its end"
else
    fail "page 3 ($page) of the sample should be longer than the screen"
fi

read -r x y < <(centre "$page" back)
tap "$x" "$y"
settle back "$work/expected/$prev.png" "Back returns to the page before"

read -r x y < <(centre "$prev" quick_exit)
tap "$x" "$y"
settle cover "$work/expected/cover.png" "Quick exit shows the cover screen"
tap 640 400
settle welcome2 "$work/expected/welcome.png" "the next tap goes to the welcome screen"

tap 640 400
settle menu2 "$work/expected/menu.png" "a new visit starts at the menu"
read -r x y < <(centre menu goto "$first")
tap "$x" "$y"
settle page4 "$work/expected/$first.png" "the topic opens again"
sleep 16
shot countdown
if [ "$(differ countdown "$work/expected/$first.png")" != "0" ]; then
    pass "after the idle timeout the Still-there overlay appears"
else fail "no overlay after the idle timeout"; fi
sleep 5
settle reset "$work/expected/welcome.png" "after the countdown the welcome screen is back"

kill -TERM "$kiosk_pid"
status=0
wait "$kiosk_pid" || status=$?
kiosk_pid=
grep -E "ERROR SUMMARY|definitely lost|in use at exit" "$work/kiosk.log" |
    sed 's/^==[0-9]*== /valgrind: /'
case $status in
    0) pass "SIGTERM stops it, and valgrind found no memory error or definite leak" ;;
    99) fail "valgrind found memory errors or leaks (report below)"
        sed -n '/^==[0-9]*== [^ ]/,$p' "$work/kiosk.log" ;;
    *) fail "the kiosk exited with status $status (see $work/kiosk.log)" ;;
esac

echo "e2e_valgrind: $passes passed, $failures failed"
[ "$failures" = 0 ]
