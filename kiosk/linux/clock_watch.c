#define _GNU_SOURCE /* TFD_TIMER_CANCEL_ON_SET */

#include "clock_watch.h"

#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <sys/timerfd.h>
#include <unistd.h>

#include "log.h"

/* Armed for a time that never comes: the timer only ever "fires" by being cancelled. */
static bool arm(int fd)
{
    struct itimerspec far = {{0, 0}, {INT32_MAX, 0}};
    return timerfd_settime(fd, TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET, &far, NULL) == 0;
}

int clock_watch_open(void)
{
    int fd = timerfd_create(CLOCK_REALTIME, TFD_NONBLOCK | TFD_CLOEXEC);
    if (fd < 0 || !arm(fd)) {
        log_warn("cannot watch for the clock being set (%s); opening hours follow it within a "
                 "minute",
                 strerror(errno));
        if (fd >= 0) {
            close(fd);
        }
        return -1;
    }
    return fd;
}

bool clock_watch_fired(int fd)
{
    uint64_t expirations;
    ssize_t n = read(fd, &expirations, sizeof(expirations));
    if (n < 0 && errno == ECANCELED) {
        arm(fd);
        return true;
    }
    return false;
}

void clock_watch_close(int fd)
{
    if (fd >= 0) {
        close(fd);
    }
}
