#!/usr/bin/env bash
# The README's first command, exactly as it is written there: `deploy/preview.sh`, run from the
# top of the checkout on an Xvfb screen. It must set up, build and open the kiosk in a 1280x800
# window showing the shipped content's welcome screen, the same pixels `kiosk --render` draws,
# and a click must open the menu. So the command a newcomer types first cannot break silently.
# Usage: e2e_preview.sh SOURCE_DIR KIOSK WORKDIR   (KIOSK: this build's binary, for --render)
set -euo pipefail
src=$1 kiosk=$2 work=$3
size=1280x800
rm -rf "$work" && mkdir -p "$work"

# shellcheck source=tests/e2e/e2e_lib.sh
. "$(dirname "$0")/e2e_lib.sh"
start_xvfb "${size%x*}" "${size#*x}"
"$kiosk" --config "$src/config/kiosk.cfg" --render "$work/expected" --size "$size" --no-proof >/dev/null

# The command line as the README gives it, from the checkout's top folder. Its output goes to a
# file: the kiosk it starts would keep a pipe open.
readme_command=$(awk '/^## Try it/ { on = 1 } on && /^```sh$/ { getline; print; exit }' \
    "$src/README.md")
if [ "$readme_command" = "deploy/preview.sh" ]; then
    pass "the README's run command is deploy/preview.sh"
else
    fail "the README's run command is '$readme_command', which this test does not know"
fi
(cd "$src" && SDL_AUDIODRIVER=dummy exec $readme_command) >"$work/preview.log" 2>&1 &
kiosk_pid=$! # preview.sh ends by exec'ing the kiosk: the same process

shot() { xwd -root -silent | convert xwd:- "$work/$1.png"; }
# It may build first: wait up to 5 minutes for the window.
for _ in $(seq 3000); do
    grep -q "showing" "$work/preview.log" && break
    kill -0 "$kiosk_pid" 2>/dev/null || break
    sleep 0.1
done
if grep -q "showing" "$work/preview.log"; then
    pass "deploy/preview.sh built and started the kiosk"
else
    fail "deploy/preview.sh did not start the kiosk; its output:"
    tail -20 "$work/preview.log"
fi
expect_screen welcome "$work/expected/welcome.png" \
    "the preview window shows the shipped welcome screen, as --render draws it"
xdotool mousemove 640 400 click 1
expect_screen menu "$work/expected/menu.png" "a click in the preview opens the menu"

if kill -0 "$kiosk_pid" 2>/dev/null; then
    kill -TERM "$kiosk_pid"
    if wait "$kiosk_pid"; then pass "SIGTERM closes the preview cleanly"
    else fail "the preview did not exit cleanly on SIGTERM"; fi
fi
kiosk_pid=
echo "e2e_preview: $passes passed, $failures failed"
[ "$failures" = 0 ]
