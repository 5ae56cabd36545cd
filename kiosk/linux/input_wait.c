#define _GNU_SOURCE /* pipe2 */

#include "input_wait.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/inotify.h>
#include <unistd.h>

#include "input_devices.h"

/* Signal handlers cannot be given data: the one waiter's pipe, and what ran before. */
static int signal_pipe = -1;
static struct sigaction earlier[2];
static const int stop_signals[2] = {SIGTERM, SIGINT};

static void on_stop_signal(int sig)
{
    int saved = errno;
    for (int i = 0; i < 2; i++) {
        if (stop_signals[i] == sig && earlier[i].sa_handler != SIG_DFL &&
            earlier[i].sa_handler != SIG_IGN) {
            earlier[i].sa_handler(sig); /* SDL's: it turns the signal into SDL_QUIT */
        }
    }
    if (signal_pipe >= 0) {
        ssize_t n = write(signal_pipe, "s", 1);
        (void)n; /* a full pipe is awake already */
    }
    errno = saved;
}

static void close_devices(struct input_wait *w)
{
    for (int i = 0; i < w->n_devices; i++) {
        close(w->devices[i]);
    }
    w->n_devices = 0;
}

static bool open_device(const char *path, void *data)
{
    struct input_wait *w = data;
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd >= 0) {
        w->devices[w->n_devices++] = fd;
    }
    return w->n_devices < INPUT_WAIT_DEVICES;
}

static void open_devices(struct input_wait *w)
{
    close_devices(w);
    input_devices_each(w->dir, open_device, w);
}

bool input_wait_open(struct input_wait *w, const char *dir)
{
    memset(w, 0, sizeof(*w));
    w->wake[0] = w->wake[1] = w->dir_watch = -1;
    snprintf(w->dir, sizeof(w->dir), "%s", dir);
    if (pipe2(w->wake, O_NONBLOCK | O_CLOEXEC) != 0) {
        w->wake[0] = w->wake[1] = -1;
        return false;
    }
    /* Devices plugged in (or given to the kiosk's group by udev) after start. */
    w->dir_watch = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (w->dir_watch >= 0 &&
        inotify_add_watch(w->dir_watch, dir, IN_CREATE | IN_DELETE | IN_ATTRIB) < 0) {
        close(w->dir_watch);
        w->dir_watch = -1;
    }
    open_devices(w);
    signal_pipe = w->wake[1];
    for (int i = 0; i < 2; i++) {
        struct sigaction mine;
        memset(&mine, 0, sizeof(mine));
        mine.sa_handler = on_stop_signal;
        sigemptyset(&mine.sa_mask);
        sigaction(stop_signals[i], NULL, &earlier[i]);
        /* Left alone when nothing handles it: the default action stops the kiosk anyway. */
        if (earlier[i].sa_handler != SIG_DFL && earlier[i].sa_handler != SIG_IGN &&
            !(earlier[i].sa_flags & SA_SIGINFO)) {
            sigaction(stop_signals[i], &mine, NULL);
        }
    }
    return true;
}

void input_wait_close(struct input_wait *w)
{
    for (int i = 0; i < 2; i++) {
        struct sigaction now;
        if (sigaction(stop_signals[i], NULL, &now) == 0 && now.sa_handler == on_stop_signal) {
            sigaction(stop_signals[i], &earlier[i], NULL);
        }
    }
    signal_pipe = -1;
    close_devices(w);
    for (int i = 0; i < 2; i++) {
        if (w->wake[i] >= 0) {
            close(w->wake[i]);
        }
    }
    if (w->dir_watch >= 0) {
        close(w->dir_watch);
    }
    w->wake[0] = w->wake[1] = w->dir_watch = -1;
}

int input_wait_wake_fd(const struct input_wait *w)
{
    return w->wake[1];
}

/* Reads `fd` until it is empty; false when it is gone (a device unplugged). */
static bool drain(int fd)
{
    char buf[4096];
    for (;;) {
        ssize_t n = read(fd, buf, sizeof(buf));
        if (n > 0) {
            continue;
        }
        return n == 0 ? false : errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR;
    }
}

void input_wait_watch(struct input_wait *w, const int *fds, int n)
{
    w->n_watched = 0;
    for (int i = 0; i < n && i < INPUT_WAIT_DEVICES; i++) {
        w->watched[w->n_watched++] = fds[i];
    }
}

bool input_wait_sleep(struct input_wait *w, int timeout_ms)
{
    struct pollfd p[2 * INPUT_WAIT_DEVICES + 2];
    int n = 0;
    for (int i = 0; i < w->n_devices; i++) {
        p[n++] = (struct pollfd){w->devices[i], POLLIN, 0};
    }
    int first_watched = n;
    for (int i = 0; i < w->n_watched; i++) {
        p[n++] = (struct pollfd){w->watched[i], POLLIN, 0};
    }
    int after_watched = n;
    p[n++] = (struct pollfd){w->wake[0], POLLIN, 0};
    if (w->dir_watch >= 0) {
        p[n++] = (struct pollfd){w->dir_watch, POLLIN, 0};
    }
    int ready = poll(p, (nfds_t)n, timeout_ms);
    if (ready <= 0) {
        return ready < 0; /* a signal woke it (EINTR) */
    }
    bool rescan = false;
    for (int i = 0; i < n; i++) {
        if (!p[i].revents || (i >= first_watched && i < after_watched)) {
            continue; /* nothing, or the caller's to read */
        }
        bool gone = (p[i].revents & (POLLERR | POLLHUP | POLLNVAL)) != 0;
        if (!drain(p[i].fd) || (gone && i < w->n_devices)) {
            rescan = true;
        }
        rescan = rescan || p[i].fd == w->dir_watch;
    }
    if (rescan) {
        open_devices(w);
        w->devices_changed = true;
    }
    return true;
}
