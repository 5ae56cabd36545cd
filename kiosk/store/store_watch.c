#define _POSIX_C_SOURCE 200809L

#include "store_watch.h"

#include <errno.h>
#include <poll.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <time.h>
#include <unistd.h>

#include "store_copy.h"
#include "xalloc.h"

/* Writes to settle before a copy: the kiosk writes a temporary file and renames it. */
#define QUIET_MS 300
/* A copy anyway this often: cheap (two small files read) and a net under a lost event. */
#define FALLBACK_MS (5 * 60 * 1000)

struct watch {
    int fd;
    int state_wd;  /* the state folder, or -1 while it does not exist */
    int parent_wd; /* its parent, watched while the folder does not exist */
};

/* Watches the state folder, or its parent until the folder is made. True when the folder is
 * watched now (and may hold something new). */
static bool arm(struct watch *w, const char *state)
{
    if (w->state_wd >= 0) {
        return true;
    }
    const uint32_t in_folder = IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE |
                               IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR;
    w->state_wd = inotify_add_watch(w->fd, state, in_folder);
    if (w->state_wd >= 0) {
        return true;
    }
    if (w->parent_wd < 0) {
        char *parent = xstrdup(state);
        char *slash = strrchr(parent, '/');
        if (slash) {
            slash[slash == parent] = '\0';
        }
        w->parent_wd =
            inotify_add_watch(w->fd, slash ? parent : ".", IN_CREATE | IN_MOVED_TO | IN_ONLYDIR);
        if (w->parent_wd < 0) {
            say("cannot watch %s: %s", slash ? parent : ".", strerror(errno));
        }
        free(parent);
        /* Made between the two calls? */
        w->state_wd = inotify_add_watch(w->fd, state, in_folder);
    }
    return w->state_wd >= 0;
}

/* Reads what is pending; notes a state folder that went away. */
static void drain(struct watch *w)
{
    char buf[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
    for (;;) {
        ssize_t n = read(w->fd, buf, sizeof(buf));
        if (n <= 0) {
            return;
        }
        for (char *p = buf; p < buf + n;) {
            const struct inotify_event *e = (const struct inotify_event *)p;
            if (e->wd == w->state_wd && (e->mask & (IN_IGNORED | IN_DELETE_SELF | IN_MOVE_SELF))) {
                if (!(e->mask & IN_IGNORED)) {
                    inotify_rm_watch(w->fd, w->state_wd);
                }
                w->state_wd = -1;
            }
            p += sizeof(*e) + e->len;
        }
    }
}

static bool wait_readable(int fd, int ms)
{
    struct pollfd p = {fd, POLLIN, 0};
    int r;
    do {
        r = poll(&p, 1, ms);
    } while (r < 0 && errno == EINTR);
    return r > 0;
}

int store_watch(const char *state, const char *config)
{
    struct watch w = {inotify_init1(IN_NONBLOCK | IN_CLOEXEC), -1, -1};
    if (w.fd < 0) {
        say("cannot watch (inotify): %s", strerror(errno));
        return 1;
    }
    arm(&w, state);
    store_copy(state, config);
    for (;;) {
        wait_readable(w.fd, FALLBACK_MS);
        /* Let a burst of writes end before copying. */
        do {
            drain(&w);
        } while (wait_readable(w.fd, QUIET_MS));
        arm(&w, state);
        store_copy(state, config);
    }
}
