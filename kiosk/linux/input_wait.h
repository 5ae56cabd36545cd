/* Sleeping until input where SDL cannot. On the bare display (KMSDRM) SDL 2.26 has no way to
 * wait for events: SDL_WaitEventTimeout wakes every millisecond to poll, a thousand wake-ups a
 * second on an idle kiosk. This opens every input device read-only beside SDL (the kernel gives
 * each reader its own copy of the events), notices devices plugged in later, and sleeps in
 * poll() on them, on a wake-up pipe other threads write to, and on SIGTERM and SIGINT. What it
 * reads it throws away: SDL reads its own copy when the loop pumps events. */
#ifndef KIOSK_INPUT_WAIT_H
#define KIOSK_INPUT_WAIT_H

#include <stdbool.h>

#define INPUT_WAIT_DEVICES 32

struct input_wait {
    char dir[256];
    int dir_watch; /* inotify on dir, or -1 */
    int devices[INPUT_WAIT_DEVICES];
    int n_devices;
    int wake[2];                     /* the wake-up pipe */
    int watched[INPUT_WAIT_DEVICES]; /* polled but never read here: see input_wait_watch() */
    int n_watched;
    bool devices_changed; /* a device came or went since the caller last cleared this */
};

/* Opens the devices in `dir` (normally /dev/input) and the wake-up pipe, and makes SIGTERM and
 * SIGINT also wake the sleep (after whatever handler is installed, SDL's, has run). One per
 * process. False when the pipe cannot be made; the caller then waits the usual way. */
bool input_wait_open(struct input_wait *w, const char *dir);
/* Closes everything and gives the signals back to their earlier handlers. */
void input_wait_close(struct input_wait *w);
/* The file descriptor another thread writes a byte to, to wake the sleep. */
int input_wait_wake_fd(const struct input_wait *w);
/* Also wakes the sleep for `fds` (up to INPUT_WAIT_DEVICES), whose input is left for the caller
 * to read: the absolute pointers the kiosk reads itself (abs_pointer.h). Replaces the last list. */
void input_wait_watch(struct input_wait *w, const int *fds, int n);
/* Sleeps until a device has input, a wake-up, a signal, or `timeout_ms` (-1: no limit).
 * Returns false when it woke for the timeout alone. */
bool input_wait_sleep(struct input_wait *w, int timeout_ms);

#endif
