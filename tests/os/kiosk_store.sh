#!/usr/bin/env bash
# kiosk-store, the privileged helper, as systemd runs it: it copies the kiosk's state folder's
# last-good.cfg into the card's last-good/ slots (with the translation ledger beside them) and
# CHECK.txt beside the staff's file, only
# when something changed, and refuses what an unprivileged kiosk could plant to make it read or
# write somewhere else: a link, a hard link, a FIFO, a huge file.
# Usage: kiosk_store.sh KIOSK_STORE_BINARY SCRATCH_DIR
set -euo pipefail
store=$1 work=$2
rm -rf "$work"
mkdir -p "$work/state" "$work/card"
state=$work/state card=$work/card
failures=0
fail() {
    echo "kiosk_store: $*" >&2
    failures=$((failures + 1))
}
run() { timeout 10 "$store" --state "$state" --config "$card/kiosk.cfg" 2> "$work/err"; }
report() { # RESULT CHECKED -> a CHECK.txt as the kiosk writes it
    printf 'KIOSK CHECK REPORT\r\n\r\nChecked:   %s\r\nFile:      kiosk.cfg\r\nResult:    %s\r\n' "$2" "$1"
}
stamp() { stat -c '%i %Y %s' "$1" 2> /dev/null || echo none; }

# Nothing yet (the kiosk has not started): nothing written, no error.
rmdir "$state"
run || fail "a missing state folder should not be an error ($(cat "$work/err"))"
[ -z "$(ls -A "$card")" ] || fail "wrote to the card with nothing to copy: $(ls "$card")"
mkdir "$state"

# The first copy of both.
printf 'version = "one";\n' > "$state/last-good.cfg"
report OK "2026-12-02 10:00" > "$state/CHECK.txt"
run || fail "first copy failed: $(cat "$work/err")"
cmp -s "$state/CHECK.txt" "$card/CHECK.txt" || fail "CHECK.txt not copied beside the file"
slot=$card/last-good/copy-A.cfg
head -n 1 "$slot" 2> /dev/null | grep -q "^# The kiosk's last good copy" ||
    fail "copy-A.cfg does not start with its line"
[ "$(tail -n +2 "$slot")" = 'version = "one";' ] || fail "copy-A.cfg does not hold last-good.cfg"
[ ! -e "$card/last-good/copy-B.cfg" ] || fail "copy-B.cfg written on the first copy"
[ ! -e "$card/CHECK.txt.new" ] || fail "the temporary CHECK.txt.new was left behind"

# Again, and with only the time of the check changed: the card is not written.
before="$(stamp "$card/CHECK.txt") $(stamp "$slot")"
sleep 1.1
report OK "2026-12-02 10:05" > "$state/CHECK.txt"
run || fail "second copy failed: $(cat "$work/err")"
[ "$before" = "$(stamp "$card/CHECK.txt") $(stamp "$slot")" ] ||
    fail "the card was written though nothing but the time changed"
[ ! -e "$card/last-good/copy-B.cfg" ] || fail "the same last good copy written again"

# A new result and new content: both written, the new content in the other slot.
report "NOT USED: it has mistakes" "2026-12-02 10:10" > "$state/CHECK.txt"
printf 'version = "two";\n' > "$state/last-good.cfg"
run || fail "third copy failed: $(cat "$work/err")"
cmp -s "$state/CHECK.txt" "$card/CHECK.txt" || fail "a changed CHECK.txt was not copied"
[ "$(tail -n +2 "$card/last-good/copy-B.cfg" 2> /dev/null)" = 'version = "two";' ] ||
    fail "the new content is not in copy-B.cfg"
[ "$(tail -n +2 "$slot")" = 'version = "one";' ] || fail "copy-A.cfg changed while B was written"

# The translation ledger goes beside the slots, so a read-only root's reboot keeps it; again
# unchanged, it is not written again.
printf '# file: %s\n0000000000000001 0000000000000002 fr word back\n' "$card/kiosk.cfg" > "$state/translation-ledger.txt"
run || fail "copying the ledger failed: $(cat "$work/err")"
cmp -s "$state/translation-ledger.txt" "$card/last-good/translation-ledger.txt" ||
    fail "the translation ledger was not copied beside the last good copy"
before=$(stamp "$card/last-good/translation-ledger.txt")
sleep 1.1
run || fail "copying the ledger again failed: $(cat "$work/err")"
[ "$before" = "$(stamp "$card/last-good/translation-ledger.txt")" ] ||
    fail "the same translation ledger was written again"

# What the kiosk (or someone who took it over) could plant: each refused, exit status 1, the
# card's copies untouched.
secret=$work/secret
echo 'secret = "root only";' > "$secret"
check_refused() { # WHAT EXPECTED_MESSAGE
    local keep
    keep="$(stamp "$card/last-good/copy-A.cfg") $(stamp "$card/last-good/copy-B.cfg")"
    if run; then
        fail "$1: accepted"
    fi
    grep -q "refused .*last-good.cfg: $2" "$work/err" || fail "$1: said '$(cat "$work/err")'"
    [ "$keep" = "$(stamp "$card/last-good/copy-A.cfg") $(stamp "$card/last-good/copy-B.cfg")" ] ||
        fail "$1: a slot was written"
    ! grep -rq "root only" "$card" || fail "$1: the planted file's content reached the card"
}
rm "$state/last-good.cfg"
ln -s "$secret" "$state/last-good.cfg"
check_refused "a symbolic link" "it is a link"
rm "$state/last-good.cfg"
ln "$secret" "$state/last-good.cfg"
check_refused "a hard link" "it has more than one name"
rm "$state/last-good.cfg"
mkfifo "$state/last-good.cfg"
check_refused "a FIFO" "it is not a regular file"
rm "$state/last-good.cfg"
truncate -s 9M "$state/last-good.cfg"
check_refused "a 9 MB file" "it is too large"
rm "$state/last-good.cfg"
# CHECK.txt is still copied when last-good.cfg is absent.
report "OK again" "2026-12-02 10:20" > "$state/CHECK.txt"
run || fail "CHECK.txt alone: $(cat "$work/err")"
cmp -s "$state/CHECK.txt" "$card/CHECK.txt" || fail "CHECK.txt alone not copied"

# --watch, as kiosk-store.service runs it: each change copied within moments, also once the
# state folder has been removed and made again (a read-only root's reboot starts with none).
wait_until() { # SECONDS COMMAND...
    local end=$((SECONDS + $1))
    shift
    until "$@"; do
        [ "$SECONDS" -lt "$end" ] || return 1
        sleep 0.1
    done
}
# Staff mode's "Go back": the kiosk leaves a request; the content kept from before the last USB
# stick goes back in place, with a receipt beside the file. A stale request does nothing.
printf 'version = "from the stick";\n' > "$card/kiosk.cfg"
mkdir -p "$card/before-usb-update"
printf 'version = "before the stick";\n' > "$card/before-usb-update/kiosk.cfg"
printf 'old picture\n' > "$card/before-usb-update/photo.png"
printf '1000.1\n' > "$state/go-back"
touch -d '10 minutes ago' "$state/go-back"
run || fail "a stale go-back request: $(cat "$work/err")"
grep -q "from the stick" "$card/kiosk.cfg" || fail "a go-back request 10 minutes old was carried out"
printf '1000.2\n' > "$state/go-back"
run || fail "go back failed: $(cat "$work/err")"
grep -q "before the stick" "$card/kiosk.cfg" || fail "go back did not put back before-usb-update/kiosk.cfg"
[ "$(cat "$card/photo.png" 2> /dev/null)" = "old picture" ] || fail "go back did not put back photo.png"
grep -a '^Result:' "$card/kiosk-receipt.txt" 2> /dev/null | grep -q "WENT BACK" ||
    fail "go back left no receipt saying WENT BACK"
[ -f "$card/before-usb-update/kiosk.cfg" ] || fail "go back did not keep what it went back to"
[ ! -e "$card/.usb-update" ] || fail "go back left its stage folder"
rm -f "$state/go-back"

"$store" --watch --state "$state" --config "$card/kiosk.cfg" 2> "$work/watch.err" &
pid=$!
trap 'kill "$pid" 2> /dev/null || true' EXIT
report "watched 1" "2026-12-02 10:30" > "$state/CHECK.txt"
wait_until 5 cmp -s "$state/CHECK.txt" "$card/CHECK.txt" || fail "--watch: a new CHECK.txt not copied"
rm -rf "$state"
sleep 0.5
mkdir "$state"
report "watched 2" "2026-12-02 10:31" > "$state/CHECK.txt.tmp"
mv "$state/CHECK.txt.tmp" "$state/CHECK.txt" # as the kiosk writes it
printf 'version = "three";\n' > "$state/last-good.cfg"
wait_until 5 cmp -s "$state/CHECK.txt" "$card/CHECK.txt" ||
    fail "--watch: CHECK.txt in a state folder made again not copied"
has_three() { tail -n +2 "$card/last-good/copy-A.cfg" | grep -q three; }
wait_until 5 has_three || fail "--watch: last-good.cfg in a state folder made again not kept"
kill -0 "$pid" 2> /dev/null || fail "--watch stopped: $(cat "$work/watch.err")"
kill "$pid"
wait "$pid" 2> /dev/null || true
trap - EXIT

[ "$failures" = 0 ] || exit 1
echo "kiosk_store: ok"
