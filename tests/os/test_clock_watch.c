/* clock_watch against the real kernel: quiet while time passes, readable at once when the wall
 * clock is set, and armed again after. Setting the clock needs root (CI runs as root); it is
 * set to the time it already is, so nothing else on the machine notices. */
#define _POSIX_C_SOURCE 200809L

#include <poll.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "clock_watch.h"

static bool readable(int fd, int ms)
{
    struct pollfd p = {fd, POLLIN, 0};
    return poll(&p, 1, ms) == 1 && (p.revents & POLLIN);
}

static bool set_clock_to_now(void)
{
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    return clock_settime(CLOCK_REALTIME, &now) == 0;
}

int main(void)
{
    int fd = clock_watch_open();
    CHECK(fd >= 0);
    CHECK(!readable(fd, 50)); /* time passing is not the clock being set */
    CHECK(!clock_watch_fired(fd));
    if (geteuid() != 0 || !set_clock_to_now()) {
        printf("test_clock_watch: not root (or no CAP_SYS_TIME): the clock is not set here\n");
    } else {
        CHECK(readable(fd, 1000));
        CHECK(clock_watch_fired(fd));
        CHECK(!readable(fd, 50)); /* armed again, and quiet */
        CHECK(set_clock_to_now());
        CHECK(readable(fd, 1000)); /* and it says so the next time too */
        CHECK(clock_watch_fired(fd));
    }
    clock_watch_close(fd);
    return check_summary("test_clock_watch");
}
