# Shared by the end-to-end scripts (sourced, not run): an Xvfb screen that is torn down with the
# kiosk on exit, pass/fail counting, and waiting for a captured screen to equal an expected
# image. The sourcing script sets $work and defines shot NAME (capture to $work/NAME.png).
# shellcheck shell=bash

: "${work:?set work before sourcing e2e_lib.sh}"
kiosk_pid=
xvfb=

# Starts Xvfb at WxH on a random display and points DISPLAY at it.
start_xvfb() { # WIDTH HEIGHT
    local display=":$(( (RANDOM % 800) + 100 ))"
    Xvfb "$display" -screen 0 "${1}x${2}x24" -nolisten tcp >"$work/xvfb.log" 2>&1 &
    xvfb=$!
    trap e2e_cleanup EXIT
    export DISPLAY=$display
    for _ in $(seq 100); do xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.05; done
}

e2e_cleanup() {
    if [ -n "$kiosk_pid" ]; then kill -9 "$kiosk_pid" 2>/dev/null || true; fi
    kill "$xvfb" 2>/dev/null || true
}

failures=0 passes=0
pass() { echo "ok: $1"; passes=$((passes + 1)); }
fail() { echo "FAILED: $1"; failures=$((failures + 1)); }

# Number of differing pixels between a capture and an expected image.
differ() { compare -metric AE "$work/$1.png" "$2" null: 2>&1 || true; }

# Captures until the screen equals EXPECTED_PNG (the kiosk may still be drawing), for 2 s.
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
