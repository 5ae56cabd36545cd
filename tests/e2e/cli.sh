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
expect "running with a broken config exits 1" 1 "bad.cfg has errors and there is no last good copy" -- \
    "$kiosk" --config "$work/bad.cfg"
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
    "languages offered: en \\(English\\), fr \\(Français\\): complete, es \\(Español\\): complete, ar \\(العربية\\): [0-9]+ texts in en" -- \
    "$kiosk" --config "$config" --check
for f in welcome menu countdown cover; do
    if [ -s "$work/r/$f.png" ]; then echo "ok: --render wrote $f.png"; passes=$((passes + 1))
    else echo "FAILED: --render did not write $f.png"; failures=$((failures + 1)); fi
done
echo "cli: $passes passed, $failures failed"
[ "$failures" = 0 ]
