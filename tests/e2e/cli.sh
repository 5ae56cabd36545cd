#!/usr/bin/env bash
# The command line as staff and installers meet it: exit statuses (0 fine, 1 bad config,
# 2 bad usage), --check's summary, --help, --version, and a missing config that names every
# place it looked. Usage: cli.sh KIOSK TESTS_DIR WORKDIR
set -uo pipefail
kiosk=$1 tests=$2 work=$3
config="$tests/../config/kiosk.cfg" # the shipped config, with its translations
rm -rf "$work" && mkdir -p "$work"
passes=0 failures=0
expect() { # WHAT EXPECTED_STATUS PATTERN -- COMMAND...
    local what=$1 want=$2 pattern=$3
    shift 4
    local out status
    out=$("$@" 2>&1)
    status=$?
    if [ "$status" = "$want" ] && grep -qE -- "$pattern" <<<"$out"; then
        echo "ok: $what"
        passes=$((passes + 1))
    else
        echo "FAILED: $what: status $status (want $want), output:"
        sed 's/^/    /' <<<"$out"
        failures=$((failures + 1))
    fi
}

expect "--help" 0 "Usage: kiosk" -- "$kiosk" --help
expect "--version" 0 "^kiosk [0-9]+\.[0-9]+" -- "$kiosk" --version
expect "an unknown option is bad usage" 2 "unknown option '--fly'" -- "$kiosk" --fly
expect "--size needs WxH" 2 "--size needs a size" -- "$kiosk" --render "$work/r" --size big
expect "--config needs a file" 2 "--config needs a file name" -- "$kiosk" --check --config
expect "--check on the sample" 0 "sample.cfg: OK: [0-9]+ pages in 2 topics" -- \
    "$kiosk" --check --config "$tests/data/sample.cfg"
expect "--check on the shipped config" 0 "OK: [0-9]+ pages in [0-9]+ topics" -- \
    "$kiosk" --check --config "$tests/../config/kiosk.cfg"

printf 'idle_timeout = "soon";\ntopics = ( { title = "A"; pages = ( { id = "a"; title = "A"; } ); } );\n' >"$work/bad.cfg"
expect "--check names the line of a mistake and fails" 1 \
    "bad.cfg:1: idle_timeout: is text" -- "$kiosk" --check --config "$work/bad.cfg"
# The live kiosk never stops because of its content: with a broken file it shows the first
# stand-in that works, the last good copy in $STATE_DIRECTORY (as systemd gives it), then the
# content the package ships, then the resting screen. (It keeps running: timeout ends it, 124.)
live() { env SDL_VIDEODRIVER=offscreen SDL_RENDER_DRIVER=software timeout 5 "$kiosk" "$@"; }
expect "a broken config with no last good copy shows the shipped content" 124 \
    "bad.cfg cannot be used .*; showing the content the kiosk came with until it is fixed" -- \
    live --config "$work/bad.cfg"
mkdir -p "$work/state"
cp "$tests/data/sample.cfg" "$work/state/last-good.cfg"
expect "a missing config starts the live kiosk on the last good copy" 124 \
    "gone.cfg cannot be used .*; showing the last good copy of your file until it is fixed" -- \
    env STATE_DIRECTORY="$work/state" bash -c "$(declare -f live); kiosk='$kiosk'; live --config '$work/gone.cfg'"
cp "$work/bad.cfg" "$work/state/last-good.cfg"
expect "a damaged last good copy is named as such, and the shipped content shown" 124 \
    "the last good copy, .*/state/last-good.cfg, cannot be used either" -- \
    env STATE_DIRECTORY="$work/state" bash -c "$(declare -f live); kiosk='$kiosk'; live --config '$work/bad.cfg'"
expect "a missing --config names the file" 1 "$work/nope.cfg: not found" -- \
    "$kiosk" --check --config "$work/nope.cfg"
expect "\$KIOSK_CONFIG is used" 0 "sample.cfg: OK" -- \
    env KIOSK_CONFIG="$tests/data/sample.cfg" "$kiosk" --check
expect "a missing \$KIOSK_CONFIG is reported with the other places" 1 \
    "KIOSK_CONFIG.*not found" -- env KIOSK_CONFIG="$work/gone.cfg" "$kiosk" --check
expect "--render writes every screen" 0 "wrote [0-9]+ screens at 640x400" -- \
    "$kiosk" --config "$tests/data/sample.cfg" --render "$work/r" --size 640x400
# A broken font and a missing picture degrade; they never stop the kiosk.
printf 'not a font' >"$work/broken.ttf"
printf 'look = { font = "broken.ttf"; };\ntopics = ( { title = "A"; pages = ( { id = "a"; title = "A"; picture = "gone.png"; text = "Words."; } ); } );\n' >"$work/degrade.cfg"
expect "--check warns about a broken font and a missing picture" 0 "OK: 2 pages in 1 topic, 2 warnings" -- \
    "$kiosk" --check --config "$work/degrade.cfg"
expect "a broken font falls back to DejaVu Sans and the page still renders" 0 \
    "wrote 5 screens" -- "$kiosk" --config "$work/degrade.cfg" --render "$work/degrade" --size 800x480
# Languages: --render draws one of them; a language the config lacks is a usage error.
expect "--render --lang draws the screens in one language" 0 "wrote [0-9]+ screens at 640x400" -- \
    "$kiosk" --config "$config" --render "$work/fr" --size 640x400 --lang fr
expect "--lang names a language the config does not offer" 2 \
    'offers no language "xx"; it offers en, fr, es, ar' -- \
    "$kiosk" --config "$config" --render "$work/xx" --size 640x400 --lang xx
expect "--lang goes with --render only" 2 "--lang goes with --render" -- \
    "$kiosk" --config "$config" --check --lang fr
expect "--check says how complete each language is" 0 \
    "languages offered: en \\(English\\), fr \\(Français\\): complete, es \\(Español\\): complete, ar \\(العربية\\): complete" -- \
    "$kiosk" --config "$config" --check

# ---- hostile files: only regular files are read, never blocking, and pictures are bounded ---
# A FIFO would hold open() or read() for ever; each command has 20 s, a hang fails it (124).
mkfifo "$work/fifo.cfg" "$work/pipe.png"
expect "a FIFO named as the config is refused at once" 1 \
    "fifo.cfg: is a named pipe \(FIFO\), not a file" -- timeout 20 "$kiosk" --check --config "$work/fifo.cfg"
expect "a device named as the config is refused" 1 "null: is a device, not a file" -- \
    timeout 20 "$kiosk" --check --config /dev/null
# 16384 x 43700 pixels (2.8 GB decoded) in a 33-byte PNG: the header alone says so.
printf '\211PNG\r\n\032\n\0\0\0\015IHDR\0\0\100\0\0\0\252\264\010\006\0\0\0\0\0\0\0' >"$work/huge.png"
printf '<svg xmlns="http://www.w3.org/2000/svg" width="30000" height="30000"><circle cx="15000" cy="15000" r="14000" fill="#468"/></svg>' >"$work/vast.svg"
cat >"$work/hostile.cfg" <<'CFG'
look = { font = "/dev/zero"; };
topics = ( { title = "A"; pages = (
  { id = "a"; title = "A"; picture = "pipe.png"; text = "Words."; },
  { id = "b"; title = "B"; picture = "huge.png"; text = "Words."; },
  { id = "c"; title = "C"; picture = "vast.svg"; text = "Words."; } ); } );
CFG
expect "--check refuses a FIFO picture, a device font and a picture too large to decode" 0 \
    "OK: 4 pages in 1 topic, 3 warnings" -- timeout 20 "$kiosk" --check --config "$work/hostile.cfg"
expect "a FIFO picture is named as such" 0 'picture: warning: "pipe.png" is a named pipe \(FIFO\), not a picture file' -- \
    timeout 20 "$kiosk" --check --config "$work/hostile.cfg"
expect "a device font is named as such" 0 'look.font: warning: "/dev/zero" is a device, not a font file' -- \
    timeout 20 "$kiosk" --check --config "$work/hostile.cfg"
expect "a picture too large to decode names its size and a size to use" 0 \
    '"huge.png" is 16384 x 43700 pixels \(.*huge.png\), more than a picture may have: at most 8192 either way and 16 million in all; save it smaller, e.g. 719 x 1920' -- \
    timeout 20 "$kiosk" --check --config "$work/hostile.cfg"
# An SVG that declares 30000 x 30000 is drawn at the size it is shown, in well under a second.
expect "the same file renders, the huge drawing at its shown size" 0 "wrote [0-9]+ screens at 800x480" -- \
    timeout 60 "$kiosk" --config "$work/hostile.cfg" --render "$work/hostile" --size 800x480

for f in welcome menu countdown cover; do
    if [ -s "$work/r/$f.png" ]; then echo "ok: --render wrote $f.png"; passes=$((passes + 1))
    else echo "FAILED: --render did not write $f.png"; failures=$((failures + 1)); fi
done
echo "cli: $passes passed, $failures failed"
[ "$failures" = 0 ]
