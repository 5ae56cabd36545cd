#define _POSIX_C_SOURCE 200809L

#include "notify.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

bool notify_send(const char *state)
{
    const char *path = getenv("NOTIFY_SOCKET");
    if (!path || !path[0]) {
        return false;
    }
    struct sockaddr_un addr;
    memset(&addr, 0, sizeof(addr));
    addr.sun_family = AF_UNIX;
    size_t n = strlen(path);
    if (n >= sizeof(addr.sun_path) || (path[0] != '/' && path[0] != '@')) {
        return false;
    }
    memcpy(addr.sun_path, path, n);
    if (path[0] == '@') {
        addr.sun_path[0] = '\0'; /* an abstract socket */
    }
    /* A unix datagram socket to systemd: no network (the unit has PrivateNetwork=yes). */
    int fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        return false;
    }
    socklen_t len = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + n);
    bool ok = sendto(fd, state, strlen(state), MSG_NOSIGNAL, (struct sockaddr *)&addr, len) >= 0;
    close(fd);
    return ok;
}

uint64_t notify_watchdog_interval(void)
{
    const char *usec = getenv("WATCHDOG_USEC");
    const char *pid = getenv("WATCHDOG_PID");
    if (!usec || !usec[0]) {
        return 0;
    }
    if (pid && pid[0] && strtol(pid, NULL, 10) != (long)getpid()) {
        return 0; /* meant for another process */
    }
    unsigned long long us = strtoull(usec, NULL, 10);
    return us / 2000u; /* report at twice the rate systemd expects */
}
