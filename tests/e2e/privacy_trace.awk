# What the kiosk did during a visit, from an strace log (strace -f -ttt -yy, the syscalls that
# reach the network or change a file, and writes; see tests/e2e/e2e_privacy.sh): prints one line per
# call a visit must not make, and on stderr how many read-only opens there were. Exits 1 when it
# printed any. Shared by tests/e2e/e2e_privacy.sh (under X) and tests/appliance (the bare display).
#   awk -v allowed=" INODES AND ANON INODES " -v notify=NOTIFY_SOCKET_PATH -f privacy_trace.awk TRACE
# `allowed`: the sockets, pipes and anonymous inodes (eventfd...) the kiosk had before the
# visit, which it may write to (its wake-up pipes; its X connection). `notify`: the path of
# $NOTIFY_SOCKET, where a "WATCHDOG=1" datagram may go.
function bad(why) { print why ": " $0; n++ }
{
    call = $3
    if (call ~ /^<\.\.\./ || call ~ /^\+\+\+/ || call ~ /^---/) next
    name = call; sub(/\(.*/, "", name)
    args = $0; sub(/^[^(]*\(/, "", args)
    fd = args; sub(/[,)].*/, "", fd)
    target = ""
    if (match(fd, /<.*>$/)) target = substr(fd, RSTART + 1, RLENGTH - 2)
    inode = target; sub(/^[A-Za-z-]*:\[/, "", inode); sub(/[^0-9].*/, "", inode)
    known = (target ~ /^anon_inode:/ && index(allowed, substr(target, 12))) ||
            (inode != "" && index(allowed, " " inode " "))
    if (name ~ /^(open|openat|openat2)$/) {
        if (args ~ /O_WRONLY|O_RDWR|O_CREAT|O_TRUNC|O_APPEND|O_TMPFILE/) bad("opens to write")
        else reads++
    } else if (name == "socket") {
        if (args !~ /^AF_UNIX, SOCK_DGRAM/) bad("opens a socket")
    } else if (name == "sendto") {
        if (index(args, ", \"WATCHDOG=1\", 10, ") == 0 ||
            index(args, "sun_path=\"" notify "\"") == 0) bad("sends")
    } else if (name == "sendmsg" || name ~ /^write/ || name ~ /^pwrite/) {
        ok = (name ~ /^write/ && fd ~ /^2</) ||
             (target ~ /^(UNIX-STREAM|pipe|anon_inode)/ && known)
        if (!ok) bad("writes to " (target == "" ? fd : target))
    } else {
        bad("not allowed during a visit")
    }
}
END { printf "%d read-only opens\n", reads > "/dev/stderr"; exit n > 0 }
