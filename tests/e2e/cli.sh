#!/usr/bin/env bash
# The command line as staff and installers meet it: exit statuses (0 fine, 1 bad config,
# 2 bad usage), --check's summary, --help, --version, a missing config that names every place it
# looked, and --render's proofreading pages (proof-<code>.html: every picture there, the page
# ids and lines, right to left for Arabic; none with --no-proof). Usage: cli.sh KIOSK TESTS_DIR WORKDIR
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
expect "--help names the proofreading pages and --no-proof" 0 "proof-<code>.html.*--no-proof" -- \
    bash -c "'$kiosk' --help | tr '\n' ' '"
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
    "$kiosk" --config "$tests/data/sample.cfg" --render "$work/r" --size 640x400 --no-proof
# A broken font and a missing picture degrade; they never stop the kiosk.
printf 'not a font' >"$work/broken.ttf"
printf 'look = { font = "broken.ttf"; };\ntopics = ( { title = "A"; pages = ( { id = "a"; title = "A"; picture = "gone.png"; text = "Words."; } ); } );\n' >"$work/degrade.cfg"
expect "--check warns about a broken font and a missing picture" 0 "OK: 2 pages in 1 topic, 2 warnings" -- \
    "$kiosk" --check --config "$work/degrade.cfg"
expect "a broken font falls back to DejaVu Sans and the page still renders" 0 \
    "wrote 5 screens" -- "$kiosk" --config "$work/degrade.cfg" --render "$work/degrade" --size 800x480 \
    --no-proof
# Languages: --render draws one of them; a language the config lacks is a usage error.
expect "--render --lang draws the screens in one language" 0 "wrote [0-9]+ screens at 640x400" -- \
    "$kiosk" --config "$config" --render "$work/fr" --size 640x400 --lang fr --no-proof
expect "--lang names a language the config does not offer" 2 \
    'offers no language "xx"; it offers en, fr, es, ar' -- \
    "$kiosk" --config "$config" --render "$work/xx" --size 640x400 --lang xx
expect "--lang goes with --render only" 2 "--lang goes with --render" -- \
    "$kiosk" --config "$config" --check --lang fr
expect "--check says how complete each language is" 0 \
    "languages offered: en \\(English\\), fr \\(Français\\): complete, es \\(Español\\): complete, ar \\(العربية\\): complete" -- \
    "$kiosk" --config "$config" --check
# The shipped file with Arabic's "When it is not OK" first page left out (its id misspelt): Arabic
# is not offered, and --check names the page and the line of its English words.
mkdir -p "$work/unsafe"
awk '/language *= *"ar";/ { ar = 1 } ar && !done && /id *= *"notok-healthy-or-not";/ {
         sub(/notok-healthy-or-not/, "notok-healthy-or-nat"); done = 1 } { print }' \
    "$config" >"$work/unsafe/kiosk.cfg"
title_line=$(grep -n 'id = "notok-healthy-or-not";' "$config" | head -n 1 | cut -d: -f1)
expect "a translation without its safety path is not offered, and --check says why" 0 \
    "translation \"ar\": warning: not offered on the welcome screen: .*page \"notok-healthy-or-not\".title \(line $((title_line + 1))\).*languages offered: en \(English\), fr \(Français\): complete, es \(Español\): complete\$" -- \
    sh -c "'$kiosk' --config '$work/unsafe/kiosk.cfg' --check | tr '\n' ' ' | sed 's/ \$//'"

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
    timeout 60 "$kiosk" --config "$work/hostile.cfg" --render "$work/hostile" --size 800x480 --no-proof

# ---- proofreading pages: one HTML file per language, every screen with its page id and line ---
ok() { echo "ok: $1"; passes=$((passes + 1)); }
bad() { echo "FAILED: $1"; failures=$((failures + 1)); }
# A picture left from an earlier render, of a page since removed, must not stay beside the page.
mkdir -p "$work/proof/proof-en" && : >"$work/proof/proof-en/99-removed-page.png"
expect "--render writes a proofreading page for every language" 0 \
    "wrote proofreading pages, [0-9]+ screens in each of 4 languages .*proof-en.html, proof-fr.html, proof-es.html, proof-ar.html" -- \
    "$kiosk" --config "$config" --render "$work/proof" --size 640x400
# The line a page's text starts on, in the first language (no code) or in a translation's
# block: the first `text =` after the page's id, after `language = "CODE";` of the translation.
text_line() { # ID [CODE]
    awk -v id="$1" -v code="${2:-}" '
        code != "" && !inside && $0 ~ "language *= *\"" code "\";" { inside = 1 }
        (code == "" || inside) && !found && $0 ~ "id *= *\"" id "\";" { found = 1; next }
        found && /^ *text *=/ { print NR; exit }' "$config"
}
for lang in en fr es ar; do
    html=$work/proof/proof-$lang.html
    if [ ! -s "$html" ]; then bad "proof-$lang.html was not written"; continue; fi
    mapfile -t pictures < <(grep -o 'src="[^"]*"' "$html" | sed 's/^src="//; s/"$//')
    missing=0 outside=0
    for pic in "${pictures[@]}"; do
        [[ $pic == proof-$lang/[0-9][0-9]-*.png ]] || outside=$((outside + 1))
        [ "$(head -c 8 "$work/proof/$pic" 2>/dev/null | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] ||
            missing=$((missing + 1))
    done
    if [ "${#pictures[@]}" -ge 38 ] && [ "$missing" = 0 ] && [ "$outside" = 0 ]; then
        ok "proof-$lang.html shows ${#pictures[@]} pictures, each a PNG in proof-$lang/"
    else
        bad "proof-$lang.html: ${#pictures[@]} pictures, $missing not there, $outside outside proof-$lang/"
    fi
    # No picture in the folder that the page does not show (what is there is what staff print).
    extra=$(comm -13 <(printf '%s\n' "${pictures[@]}" | sort) \
        <(cd "$work/proof" && find "proof-$lang" -name '*.png' | sort))
    if [ -z "$extra" ]; then ok "proof-$lang/ holds only the pictures its page shows"
    else bad "proof-$lang/ holds pictures its page does not show: $extra"; fi
    if grep -q "Open this in a web browser and print it" "$html" &&
        grep -q "Content version: <b><bdi>Shipped content 2026-12</bdi>" "$html" &&
        grep -q "@media print" "$html"; then
        ok "proof-$lang.html says how to use it, and the version"
    else
        bad "proof-$lang.html lacks the note, the version or the print rules"
    fi
    # The first page of the first topic, captioned with its id and the line of its own text
    # (in a translation, the line in that translation's block).
    case $lang in
    en) want=$(text_line closeness-letting-in) ;;
    *) want=$(text_line closeness-letting-in "$lang") ;;
    esac
    caption=$(grep '<code>closeness-letting-in</code>' "$html")
    if [ -n "$want" ] && grep -q "text starts on <b>line $want</b> of kiosk.cfg" <<<"$caption"; then
        ok "proof-$lang.html: closeness-letting-in's text starts on line $want"
    else
        bad "proof-$lang.html: closeness-letting-in should say line $want: $caption"
    fi
done
if grep -q '^<html lang="ar" dir="rtl">' "$work/proof/proof-ar.html" &&
    grep -q '^<html lang="fr" dir="ltr">' "$work/proof/proof-fr.html"; then
    ok "proof-ar.html reads right to left, proof-fr.html left to right"
else
    bad "proof-ar.html is not marked dir=\"rtl\" (or proof-fr.html is)"
fi
# Arabic translates the welcome screen's words: its caption names the line in the Arabic block.
want=$(awk '/language *= *"ar";/ { inside = 1 } inside && /^ *welcome_text *=/ { print NR; exit }' "$config")
if grep "<code>welcome</code> screen" "$work/proof/proof-ar.html" |
    grep -q "text starts on <b>line $want</b>" && [ "$want" -gt 1400 ]; then
    ok "proof-ar.html: the welcome text is on line $want, in the Arabic block"
else
    bad "proof-ar.html: the welcome screen's caption does not name line $want"
fi
# The sample's Arabic lacks its pages: each says so, and gives the English text's line.
"$kiosk" --config "$tests/data/sample.cfg" --render "$work/proof-sample" --size 640x400 \
    --lang ar >/dev/null 2>&1 || true
if grep -A1 '<code>healthy-1</code>' "$work/proof-sample/proof-ar.html" 2>/dev/null |
    grep -q "Not translated yet: some words here show in English"; then
    ok "proof-ar.html says which pages are not translated yet"
else
    bad "the sample's proof-ar.html does not say healthy-1 is not translated"
fi
if grep -q "S&#39;ouvrir à quelqu&#39;un" "$work/proof/proof-fr.html" &&
    ! grep -q "<bdi>S'ouvrir" "$work/proof/proof-fr.html"; then
    ok "proof-fr.html escapes the apostrophes of the titles"
else
    bad "proof-fr.html does not escape a title"
fi
# The screens in reading order: welcome, menu, the topics' pages, the other pages, help,
# countdown, cover.
order=$(grep -o '<code>[a-z-]*</code>' "$work/proof/proof-en.html" | sed 's/<[^>]*>//g' | tr '\n' ' ')
if [[ $order == "welcome menu check-start closeness-letting-in "*" notok-get-help "*" check-not-safe "*" check-want help countdown cover " ]]; then
    ok "proof-en.html: the screens in reading order"
else
    bad "proof-en.html: the screens in this order: $order"
fi
if ls "$work/r"/proof-* >/dev/null 2>&1; then bad "--no-proof wrote proofreading pages"
else ok "--no-proof writes no proofreading pages"; fi
# A translation made before its English changed: --since names it, by line, and the summary
# does not call the language complete.
sed 's/^\( *help *= *\)"Get help";/\1"Find help";/' "$config" >"$work/english-edited.cfg"
fr_help=$(grep -n '^ *help *= *"Aide";' "$work/english-edited.cfg" | cut -d: -f1)
expect "--since names a translation whose English changed, by line" 0 \
    "english-edited.cfg:$fr_help: translation \"fr\".words.help: warning: is out of date: the English on line [0-9]+ changed" -- \
    "$kiosk" --check --since "$config" --config "$work/english-edited.cfg"
expect "--since: the language is out of date, not complete" 0 \
    "fr \(Français\): 1 text out of date, es \(Español\): 1 text out of date" -- \
    "$kiosk" --check --since "$config" --config "$work/english-edited.cfg"
expect "--since the same file: nothing out of date" 0 "fr \(Français\): complete" -- \
    "$kiosk" --check --since "$config" --config "$config"
expect "--since goes with --check only" 2 "--since goes with --check" -- \
    "$kiosk" --render "$work/r" --since "$config"
expect "--no-proof goes with --render only" 2 "--no-proof goes with --render" -- \
    "$kiosk" --config "$config" --check --no-proof

for f in welcome menu countdown cover; do
    if [ -s "$work/r/$f.png" ]; then echo "ok: --render wrote $f.png"; passes=$((passes + 1))
    else echo "FAILED: --render did not write $f.png"; failures=$((failures + 1)); fi
done
echo "cli: $passes passed, $failures failed"
[ "$failures" = 0 ]
