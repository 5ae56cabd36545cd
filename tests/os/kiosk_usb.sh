#!/usr/bin/env bash
# kiosk-usb, the helper udev starts for a USB stick, on folders that stand for the stick and the
# card (--folder: everything but the mount, which the appliance test does on a real FAT stick):
# a good kiosk folder is installed, the content before it kept in before-usb-update/; a stick
# holding the same content changes nothing; a broken kiosk.cfg, a missing one, a link, a FIFO,
# a huge file, too many files, too deep a folder change nothing and the receipt names each; a
# stick with no kiosk folder gets a copy of the content; a stick whose English changed where
# the French did not has the French named as out of date on its receipt; an update a power cut cut short after
# it was whole is finished, one cut short before is cleared.
# Usage: kiosk_usb.sh KIOSK_USB_BINARY SHIPPED_CONFIG SCRATCH_DIR
set -euo pipefail
usb=$1 shipped=$2 work=$3
rm -rf "$work"
mkdir -p "$work"
card=$work/card
failures=0
fail() {
    echo "kiosk_usb: $*" >&2
    failures=$((failures + 1))
}
run() { # STICK_FOLDER
    timeout 60 "$usb" --config "$card/kiosk.cfg" --state "$work/state" --folder "$1" 2> "$work/err" ||
        fail "kiosk-usb on $1 exited $?: $(cat "$work/err")"
}
result() { grep -a '^Result:' "$1/kiosk-receipt.txt" | tr -d '\r' | sed 's/^Result: *//'; }
fresh_card() {
    rm -rf "$card"
    mkdir -p "$card"
    sed 's/^version = .*/version = "on the card";/' "$shipped" > "$card/kiosk.cfg"
    printf 'old picture\n' > "$card/photo.png"
}
stick() { # NAME VERSION -> a stick with a good kiosk folder
    local s=$work/$1
    rm -rf "$s"
    mkdir -p "$s/kiosk/pictures"
    sed "s/^version = .*/version = \"$2\";/" "$shipped" > "$s/kiosk/kiosk.cfg"
    printf 'new picture\n' > "$s/kiosk/photo.png"
    printf 'another\n' > "$s/kiosk/pictures/team.png"
    printf 'mac junk\n' > "$s/kiosk/._photo.png"
    echo "$s"
}
same_card() { diff -r "$work/card-before" "$card" > /dev/null; }

# A good stick: installed, the old content kept, a receipt on the stick and beside the file.
fresh_card
s=$(stick good "from the stick")
run "$s"
[ "$(result "$s")" = INSTALLED ] || fail "a good stick: receipt says '$(result "$s")', not INSTALLED"
cmp -s "$s/kiosk/kiosk.cfg" "$card/kiosk.cfg" || fail "a good stick: kiosk.cfg not installed"
[ "$(cat "$card/photo.png")" = "new picture" ] || fail "a good stick: photo.png not installed"
[ -f "$card/pictures/team.png" ] || fail "a good stick: pictures/team.png not installed"
[ ! -e "$card/._photo.png" ] || fail "a good stick: a Mac's ._ file was copied"
grep -q '^version = "on the card";' "$card/before-usb-update/kiosk.cfg" 2> /dev/null ||
    fail "a good stick: the content before it is not in before-usb-update/"
[ "$(cat "$card/before-usb-update/photo.png" 2> /dev/null)" = "old picture" ] ||
    fail "a good stick: the old photo.png is not in before-usb-update/"
grep -q '^Version: *from the stick' "$s/kiosk-receipt.txt" || fail "a good stick: no version"
grep -q '^Replaced: *on the card' "$s/kiosk-receipt.txt" || fail "a good stick: no 'Replaced:'"
grep -q '^Files: *3' "$s/kiosk-receipt.txt" || fail "a good stick: not 3 files"
grep -q $'\r$' "$s/kiosk-receipt.txt" || fail "the receipt has no Windows line ends"
cmp -s "$s/kiosk-receipt.txt" "$card/kiosk-receipt.txt" || fail "no copy of the receipt on the card"
[ ! -e "$card/.usb-update" ] || fail "a good stick: the stage folder was left behind"

# The same stick again: nothing changes, not even what is kept.
cp -a "$card" "$work/card-before"
rm "$work/card-before/kiosk-receipt.txt"
run "$s"
[ "$(result "$s")" = "ALREADY ON THE KIOSK" ] || fail "the same stick again: '$(result "$s")'"
rm "$card/kiosk-receipt.txt"
same_card || fail "the same stick again changed the card"

# Bad sticks: each changes nothing on the card and the receipt says why.
bad() { # NAME EXPECTED_RESULT TEXT_IN_RECEIPT
    local s=$work/$1
    run "$s"
    [ "$(result "$s")" = "$2" ] || fail "$1: receipt says '$(result "$s")', not $2"
    grep -aqF -- "$3" "$s/kiosk-receipt.txt" ||
        fail "$1: the receipt does not say '$3': $(tr -d '\r' < "$s/kiosk-receipt.txt")"
    rm -f "$card/kiosk-receipt.txt"
    same_card || fail "$1: the card changed: $(diff -r "$work/card-before" "$card" | head -5)"
    [ ! -e "$card/.usb-update" ] || fail "$1: the stage folder was left behind"
}
s=$(stick broken "broken")
sed -i 's/^idle_timeout = [0-9]*;/idle_timeout = "ninety";/' "$s/kiosk/kiosk.cfg"
line=$(grep -n '^idle_timeout' "$s/kiosk/kiosk.cfg" | cut -d: -f1)
bad broken "NOT INSTALLED" "Line $line (idle_timeout)"
grep -aq "plug the stick into the kiosk again" "$s/kiosk-receipt.txt" ||
    fail "broken: the receipt does not say to plug the stick in again"
s=$(stick no-config "x")
rm "$s/kiosk/kiosk.cfg"
bad no-config "NOT INSTALLED" "There is no kiosk.cfg in the kiosk folder"
s=$(stick link "x")
ln -s /etc/shadow "$s/kiosk/secret.png"
bad link "NOT INSTALLED" "kiosk/secret.png: it is a link"
s=$(stick fifo "x")
mkfifo "$s/kiosk/pipe.png"
bad fifo "NOT INSTALLED" "kiosk/pipe.png: it is not a file"
s=$(stick huge "x")
truncate -s 17M "$s/kiosk/huge.png"
bad huge "NOT INSTALLED" "kiosk/huge.png: it is too large"
s=$(stick many "x")
for i in $(seq 1 210); do : > "$s/kiosk/pictures/p$i.png"; done
bad many "NOT INSTALLED" "too many files"
s=$(stick deep "x")
mkdir -p "$s/kiosk/a/b/c"
: > "$s/kiosk/a/b/c/d.png"
bad deep "NOT INSTALLED" "kiosk/a/b/c: folders inside folders go only two deep"
if [ "$(id -u)" = 0 ]; then
    s=$(stick device "x")
    mknod "$s/kiosk/disk.png" b 7 0
    bad device "NOT INSTALLED" "kiosk/disk.png: it is not a file"
fi

# A stick with no kiosk folder gets a copy of the content, without what the kiosk writes.
s=$work/empty
mkdir -p "$s"
printf 'k\r\n' > "$card/CHECK.txt"
run "$s"
rm "$card/CHECK.txt"
[ "$(result "$s")" = "COPIED TO THIS STICK" ] || fail "an empty stick: '$(result "$s")'"
cmp -s "$card/kiosk.cfg" "$s/kiosk/kiosk.cfg" || fail "an empty stick: no copy of kiosk.cfg"
[ -f "$s/kiosk/pictures/team.png" ] || fail "an empty stick: pictures/ not copied"
for own in before-usb-update CHECK.txt kiosk-receipt.txt; do
    [ ! -e "$s/kiosk/$own" ] || fail "an empty stick: got the kiosk's own $own"
done
# ...and plugged in again, unchanged, it is already on the kiosk.
run "$s"
[ "$(result "$s")" = "ALREADY ON THE KIOSK" ] || fail "the copied stick again: '$(result "$s")'"

# A power cut after the stage was whole (READY): the next start finishes it.
mkdir -p "$card/.usb-update"
printf 'version = "staged";\n' > "$card/.usb-update/kiosk.cfg"
printf 'staged picture\n' > "$card/.usb-update/photo.png"
: > "$card/.usb-update/READY"
"$usb" --config "$card/kiosk.cfg" --finish 2> "$work/err" || fail "--finish: $(cat "$work/err")"
grep -q staged "$card/kiosk.cfg" || fail "--finish did not move a whole stage's kiosk.cfg into place"
[ "$(cat "$card/photo.png")" = "staged picture" ] || fail "--finish did not move a whole stage's picture"
[ ! -e "$card/.usb-update" ] || fail "--finish left the stage folder"
# ...and before it was whole: the stage is cleared, the content untouched.
cp "$card/kiosk.cfg" "$work/kept.cfg"
mkdir -p "$card/.usb-update"
printf 'half' > "$card/.usb-update/kiosk.cfg"
"$usb" --config "$card/kiosk.cfg" --finish 2> "$work/err" || fail "--finish: $(cat "$work/err")"
cmp -s "$work/kept.cfg" "$card/kiosk.cfg" || fail "--finish installed a stage that was not whole"
[ ! -e "$card/.usb-update" ] || fail "--finish left a stage that was not whole"

# The English of a translated word changed on the laptop, the translations not: the receipt
# names each translation as out of date, by its line, compared with the card's file (the
# kiosk's state folder has no ledger here).
fresh_card
s=$(stick english "English edited")
sed -i 's/^\( *help *= *\)"Get help";/\1"Find help";/' "$s/kiosk/kiosk.cfg"
grep -q '"Find help"' "$s/kiosk/kiosk.cfg" || fail "the test could not edit the English"
fr_line=$(grep -n 'help *= *"Aide";' "$s/kiosk/kiosk.cfg" | head -1 | cut -d: -f1)
run "$s"
[ "$(result "$s")" = INSTALLED ] || fail "English edited: receipt says '$(result "$s")'"
grep -aq "Line $fr_line (translation \"fr\".words.help): is out of date" "$s/kiosk-receipt.txt" ||
    fail "English edited: the French is not named as out of date on line $fr_line: $(tr -d '\r' < "$s/kiosk-receipt.txt" | grep -a -m3 'out of date')"

"$usb" --bogus > /dev/null 2>&1 && fail "a wrong option should fail"
[ "$failures" = 0 ] || exit 1
echo "kiosk_usb: ok"
