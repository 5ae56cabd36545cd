#!/usr/bin/env bash
# Privacy end to end: the real kiosk binary, fullscreen on an Xvfb screen, run as the service
# runs it (a state folder for the last good config, sd_notify with a watchdog). Once the
# welcome screen is up, strace attaches to every thread, and two visits follow: topics, pages,
# choices, Next, Back, Help, scrolling a long page, a swipe, Quick exit, and the idle reset.
# Then strace lets go and the test proves:
#   1. after a visit and Quick exit (once the cover has gone) and after a visit and the idle
#      reset, the screen is pixel for pixel the fresh welcome screen that `--render` draws;
#   2. during the visits the kiosk made no network connection and wrote no file (see below);
#   3. the log names no page a visitor opened: no page id, page title, topic title or button
#      label from the config anywhere in it, and no picture file name from the visits.
# Every page of the visits is checked on screen against `--render`, so the pages the log is
# searched for were really opened.
# Usage: e2e_privacy.sh KIOSK LAYOUT_PROBE CONFIG WORKDIR
set -euo pipefail
kiosk=$1 probe=$2 source_config=$3 work=$4
size=1280x800
rm -rf "$work" && mkdir -p "$work/content" "$work/state"
command -v strace >/dev/null || { echo "strace is missing (deploy/setup-dev.sh --test)"; exit 1; }

# The content, with its pictures and one that passes --check (a PNG signature) but does not
# load: the kiosk has something to complain about, and must not do so while a visitor looks.
data=$(dirname "$source_config")
# On a tmpfs that records every read in the access time (strictatime; relatime, the usual,
# would hide a second read), when this runs as root: a page view must not show up as a read.
atimes=
if [ "$(id -u)" = 0 ] && mount -t tmpfs -o strictatime,size=16m kiosk-content "$work/content"; then
    atimes=1
fi
cp "$source_config" "$data/heart.svg" "$data/leaf.png" "$work/content/"
# A PNG whose header is sound (so the config check passes it) but whose pixels are missing.
printf '\211PNG\r\n\032\n\0\0\0\015IHDR\0\0\0\020\0\0\0\020\010\006\0\0\0\037\363\377a' \
    >"$work/content/broken.png"
config=$work/content/$(basename "$source_config")
# The test's own tools (--render, the layout probe, the log search) read a copy, so that only
# the kiosk reads the content it shows.
mkdir -p "$work/mirror"
cp "$work/content/"* "$work/mirror/"
mirror=$work/mirror/$(basename "$source_config")

# shellcheck source=tests/e2e/e2e_lib.sh
. "$(dirname "$0")/e2e_lib.sh"
start_xvfb "${size%x*}" "${size#*x}"
strace_pid=
privacy_cleanup() {
    if [ -n "$strace_pid" ]; then kill "$strace_pid" 2>/dev/null || true; fi
    e2e_cleanup
    if [ -n "$atimes" ]; then umount "$work/content" 2>/dev/null || true; fi
}
trap privacy_cleanup EXIT

"$kiosk" --config "$mirror" --render "$work/expected" --size "$size" --no-proof >/dev/null 2>&1

export SDL_VIDEODRIVER=x11 SDL_RENDER_DRIVER=software SDL_FRAMEBUFFER_ACCELERATION=0
export SDL_AUDIODRIVER=dummy SDL_MOUSE_TOUCH_EVENTS=1
# As under systemd: the last good config is kept in $STATE_DIRECTORY, and the loop reports
# WATCHDOG=1 every second (WATCHDOG_USEC/2) to $NOTIFY_SOCKET, so the visit includes them.
# Nobody listens on that socket: the kiosk's datagrams fail there, which changes nothing.
export STATE_DIRECTORY=$work/state NOTIFY_SOCKET=$work/notify.sock WATCHDOG_USEC=2000000
# Started from a shell that allows core dumps of any size: the kiosk must switch them off.
ulimit -S -c "$(ulimit -H -c)"
"$kiosk" --config "$config" >"$work/kiosk.log" 2>&1 &
kiosk_pid=$!
unset STATE_DIRECTORY NOTIFY_SOCKET WATCHDOG_USEC

shot() { xwd -root -silent | convert xwd:- "$work/$1.png"; }
centre() { # SCREEN ACTION [TARGET]
    "$probe" "$mirror" "$size" "$1" 2>/dev/null | awk -v a="$2" -v t="${3:--}" \
        '$1 == a && ($2 == t || t == "-") { print $3, $4; exit }'
}
tap() { xdotool mousemove "$1" "$2" click 1; }
press() { # SCREEN ACTION [TARGET]: taps that button
    local x y
    read -r x y < <(centre "$@")
    tap "$x" "$y"
}
expect() { expect_screen "$1" "$work/expected/$1.png" "$2"; }

for _ in $(seq 100); do grep -q "showing" "$work/kiosk.log" && break; sleep 0.05; done
expect welcome "the welcome screen comes up"
# A core dump would put the visit's memory on disk: the kiosk forbids them for itself.
if grep -qE '^Max core file size +0 +0 ' "/proc/$kiosk_pid/limits"; then
    pass "core dumps are off for the kiosk, whatever the shell allowed"
else fail "the kiosk could still dump core: $(grep core "/proc/$kiosk_pid/limits")"; fi
# The kiosk tries every picture once its first frame is up, before any touch: the broken one
# is named then, for staff, and never again.
for _ in $(seq 100); do grep -q "broken.png" "$work/kiosk.log" && break; sleep 0.05; done
if grep -q "broken.png" "$work/kiosk.log"; then pass "the broken picture is named at start"
else fail "the broken picture is not named at start"; fi

# ---- the visits, under strace ---------------------------------------------------------------
# Only the syscalls that reach the network or change a file, and writes, are traced; -yy shows
# what each file descriptor is (a path, a pipe, or a socket with its inode).
state_before=$(cd "$work/state" && find . -type f -exec md5sum {} + | sort)
read_times() { (cd "$work/content" && stat -c '%n %x' -- *); }
atimes_before=$(read_times)
fds_before=$(for f in /proc/"$kiosk_pid"/fd/*; do readlink "$f" || true; done)
log_start=$(stat -c %s "$work/kiosk.log")
syscalls=socket,socketpair,connect,bind,listen,accept,accept4,sendto,sendmsg,sendmmsg
syscalls+=,write,writev,pwrite64,pwritev,pwritev2,sendfile,copy_file_range,splice
syscalls+=,open,openat,openat2,creat,rename,renameat,renameat2,unlink,unlinkat,mkdir,mkdirat
syscalls+=,rmdir,truncate,ftruncate,fallocate,link,linkat,symlink,symlinkat,mknod,mknodat
syscalls+=,chmod,fchmod,fchmodat,chown,fchown,fchownat,lchown,utimensat
strace -f -ttt -yy -s 64 -e trace="$syscalls" -o "$work/trace" -p "$kiosk_pid" \
    2>"$work/strace.log" &
strace_pid=$!
for _ in $(seq 100); do grep -q "attached" "$work/strace.log" && break; sleep 0.05; done
if grep -q "attached" "$work/strace.log"; then pass "strace is attached to the kiosk"
else fail "strace cannot attach to the kiosk: $(cat "$work/strace.log")"; fi

# Visit 1: the menu's choice, a choice on a page, Back, a topic, Next, a long page dragged to
# its end, Help, then Quick exit.
tap 640 400
expect menu "visit 1: a tap on the welcome screen shows the menu"
press menu goto privacy-question
expect privacy-question "visit 1: the menu's choice opens its page"
press privacy-question goto privacy-helpline
expect privacy-helpline "visit 1: a choice on a page opens the next"
press privacy-helpline back
expect privacy-question "visit 1: Back goes back"
press privacy-question goto menu
expect menu "visit 1: the other choice leads to the menu"
press menu goto privacy-consent-1
expect privacy-consent-1 "visit 1: a topic opens its first page (with a picture)"
press privacy-consent-1 next
expect privacy-consent-2 "visit 1: Next (to the page whose picture does not load)"
press privacy-consent-2 next
expect privacy-consent-3 "visit 1: Next again, to a long page"
for _ in 1 2 3; do
    xdotool mousemove 640 650 mousedown 1 mousemove 640 600 sleep 0.03 mousemove 640 450 \
        sleep 0.03 mousemove 640 300 sleep 0.03 mousemove 640 150 sleep 0.2 mouseup 1
done
expect privacy-consent-3.end "visit 1: dragging scrolls the long page to its end"
press privacy-consent-3 help
expect privacy-helpline "visit 1: Help"
press privacy-helpline quick_exit
expect cover "visit 1: Quick exit shows the cover"
tap 640 400
expect_screen after_quick_exit "$work/expected/welcome.png" \
    "after a visit and Quick exit, the next tap shows exactly the fresh welcome screen"

# Visit 2: another topic, Back, a swipe to the next page, then the visitor walks away.
tap 640 400
expect menu "visit 2: the menu again"
press menu goto privacy-closeness-1
expect privacy-closeness-1 "visit 2: the other topic"
press privacy-closeness-1 back
expect menu "visit 2: Back to the menu"
press menu goto privacy-consent-1
expect privacy-consent-1 "visit 2: the first topic again"
xdotool mousemove 1000 400 mousedown 1 mousemove 900 400 sleep 0.03 mousemove 700 400 \
    sleep 0.03 mousemove 500 400 sleep 0.05 mouseup 1
expect privacy-consent-2 "visit 2: a swipe moves to the next page"
sleep 20 # idle_timeout 15 s, then reset_countdown 5 s
expect_screen after_idle "$work/expected/welcome.png" \
    "after a visit and the idle reset, the screen is exactly the fresh welcome screen"

kill -INT "$strace_pid" # strace lets go of the kiosk, which runs on
wait "$strace_pid" || true
strace_pid=
log_end=$(stat -c %s "$work/kiosk.log")
state_after=$(cd "$work/state" && find . -type f -exec md5sum {} + | sort)
if kill -0 "$kiosk_pid" 2>/dev/null; then pass "the kiosk ran through both visits"
else fail "the kiosk stopped during the visits"; fi

# ---- 2. no network, no file written ---------------------------------------------------------
# Allowed during a visit, and nothing else:
#  - opening files read-only (there are none now: pictures and fonts are read when the content
#    loads; the count is printed, and access times are checked below);
#  - writes and sendmsg on the sockets, pipes and event fds the kiosk already had when the
#    visit began: its connection to the X server (drawing) and SDL's and the config watcher's
#    wake-ups. On the Pi the kiosk has no X connection: it draws through /dev/dri ioctls;
#  - writes to fd 2, stderr: the log, which goes to the journal (what it says is checked in 3);
#  - the systemd watchdog ping: socket(AF_UNIX, SOCK_DGRAM) and a sendto of exactly
#    "WATCHDOG=1" to $NOTIFY_SOCKET, a local datagram to systemd (the unit has no network).
#    Without NOTIFY_SOCKET (not under systemd) the kiosk opens no socket at all.
# Forbidden: any other socket, connect, bind, listen, accept or send; opening a file to write,
# create, truncate or append; rename, unlink, mkdir, rmdir, truncate, link, chmod, chown,
# utimensat; writes to any other file descriptor. The state folder (last-good.cfg) is written
# only at start and when the config file changes between visits; it must not change here.
allowed_fds=$(printf '%s\n' "$fds_before" |
    sed -n 's/^\(socket\|pipe\):\[\([0-9]*\)\]$/\2/p; s/^anon_inode:\(.*\)$/\1/p' | tr '\n' ' ')
violations=$(awk -v allowed=" $allowed_fds " -v notify="$work/notify.sock" \
    -f "$(dirname "$0")/privacy_trace.awk" "$work/trace" 2>"$work/trace.summary") || true
lines=$(wc -l <"$work/trace")
if [ "$lines" -gt 0 ] && [ -z "$violations" ]; then
    summary=$(cat "$work/trace.summary")
    pass "during the visits: no network, no file written ($lines syscalls traced, $summary)"
else
    fail "during the visits the kiosk did what it must not ($lines syscalls traced):"
    printf '%s\n' "${violations:-the trace is empty}" | head -20
fi
if [ "$state_before" = "$state_after" ]; then pass "the state folder is unchanged by the visits"
else fail "the state folder changed during the visits"; fi
# Every picture and the config were read when the content loaded, before the first visit.
if [ -z "$atimes" ]; then
    echo "note: not root: access times not checked (the trace above counts read-only opens)"
elif [ "$atimes_before" = "$(read_times)" ]; then
    pass "no file of the content was read during the visits (access times, strictatime)"
else
    fail "a file of the content was read during the visits: $(diff <(echo "$atimes_before") <(read_times) | tr '\n' ' ')"
fi
grep -c 'sendto.*WATCHDOG=1' "$work/trace" >/dev/null ||
    fail "no watchdog ping in the trace: the trace does not cover the loop"

# ---- 3. the log names nothing a visitor opened ----------------------------------------------
# The kiosk has one log level; whatever it writes is what the journal keeps.
names=$(grep -o '\b\(id\|title\|label\) = "[^"]*"' "$mirror" | sed 's/^[a-z]* = "\(.*\)"$/\1/')
pictures=$(grep -o '\bpicture = "[^"]*"' "$mirror" | sed 's/^[a-z_]* = "\(.*\)"$/\1/' | sort -u)
visit_log=$(tail -c +"$((log_start + 1))" "$work/kiosk.log" | head -c "$((log_end - log_start))")
leaks=
while IFS= read -r name; do
    [ -n "$name" ] || continue
    if grep -qF -- "$name" "$work/kiosk.log"; then leaks+="$name; "; fi
done <<<"$names"
while IFS= read -r name; do
    [ -n "$name" ] || continue
    if grep -qF -- "$name" <<<"$visit_log"; then leaks+="$name (during a visit); "; fi
done <<<"$pictures"
count=$(printf '%s\n%s\n' "$names" "$pictures" | grep -c .)
if [ -z "$leaks" ]; then pass "the log names none of the $count ids, titles, labels and pictures"
else fail "the log names what a visitor opened: $leaks(see $work/kiosk.log)"; fi

kill -TERM "$kiosk_pid"
wait "$kiosk_pid" || true
kiosk_pid=
echo "e2e_privacy: $passes passed, $failures failed"
[ "$failures" = 0 ]
