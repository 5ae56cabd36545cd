/* Sleeping on the input devices (the bare display's loop): it sleeps until the timeout when
 * nothing happens, and wakes at once for input, for another thread's wake-up, for a device
 * plugged in later and for SIGTERM, even one that arrives just before it goes to sleep. FIFOs
 * named event0, event1 stand in for /dev/input devices: poll() treats them alike. */
#define _POSIX_C_SOURCE 200809L
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "input_wait.h"

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

/* Stands in for SDL's handler, which input_wait must still call. */
static volatile sig_atomic_t sdl_saw;
static void fake_sdl_handler(int sig)
{
    sdl_saw = sig;
}

/* How long a sleep of `timeout` ms lasted, and whether it said it was woken. */
static double timed_sleep(struct input_wait *w, int timeout, bool *woken)
{
    double t0 = now_ms();
    *woken = input_wait_sleep(w, timeout);
    return now_ms() - t0;
}

int main(void)
{
    char dir[] = "/tmp/kiosk-wait-XXXXXX", path[64];
    if (!mkdtemp(dir)) {
        CHECK(!"mkdtemp");
        return check_summary("test_input_wait");
    }
    snprintf(path, sizeof(path), "%s/event0", dir);
    CHECK_INT(mkfifo(path, 0600), 0);
    struct sigaction sdl;
    memset(&sdl, 0, sizeof(sdl));
    sdl.sa_handler = fake_sdl_handler;
    sigaction(SIGTERM, &sdl, NULL);

    struct input_wait w;
    CHECK(input_wait_open(&w, dir));
    CHECK_INT(w.n_devices, 1);
    int device = open(path, O_WRONLY | O_NONBLOCK); /* after the reader, or it would fail */
    CHECK(device >= 0);
    bool woken;

    /* Nothing happens: it sleeps the whole timeout. */
    double ms = timed_sleep(&w, 60, &woken);
    CHECK(!woken);
    CHECK(ms >= 50);

    /* Input wakes it at once, and what it read is gone: the next sleep is a full one. */
    CHECK_INT(write(device, "touch", 5), 5);
    ms = timed_sleep(&w, 5000, &woken);
    CHECK(woken);
    CHECK(ms < 1000);
    ms = timed_sleep(&w, 60, &woken);
    CHECK(!woken);

    /* Another thread's wake-up (the config watcher). */
    CHECK_INT(write(input_wait_wake_fd(&w), "c", 1), 1);
    ms = timed_sleep(&w, 5000, &woken);
    CHECK(woken);
    CHECK(ms < 1000);

    /* A device plugged in later is noticed, and then wakes it too. */
    char later[64];
    snprintf(later, sizeof(later), "%s/event1", dir);
    CHECK_INT(mkfifo(later, 0600), 0);
    CHECK(!w.devices_changed);
    ms = timed_sleep(&w, 5000, &woken);
    CHECK(woken);
    CHECK_INT(w.n_devices, 2);
    CHECK(w.devices_changed); /* so the kiosk looks for new absolute pointers too */
    int device2 = open(later, O_WRONLY | O_NONBLOCK);
    CHECK(device2 >= 0);
    CHECK_INT(write(device2, "touch", 5), 5);
    ms = timed_sleep(&w, 5000, &woken);
    CHECK(woken);
    CHECK(ms < 1000);

    /* A watched descriptor (an absolute pointer the kiosk reads itself) wakes it, and what it
     * holds is left for the kiosk to read: the next sleep wakes at once again. */
    int watched[2];
    CHECK_INT(pipe(watched), 0);
    input_wait_watch(&w, &watched[0], 1);
    CHECK_INT(write(watched[1], "x", 1), 1);
    ms = timed_sleep(&w, 5000, &woken);
    CHECK(woken);
    CHECK(ms < 1000);
    ms = timed_sleep(&w, 5000, &woken);
    CHECK(woken);
    CHECK(ms < 1000);
    char byte;
    CHECK_INT(read(watched[0], &byte, 1), 1);
    input_wait_watch(&w, NULL, 0);
    ms = timed_sleep(&w, 60, &woken);
    CHECK(!woken);
    close(watched[0]);
    close(watched[1]);

    /* SIGTERM before the sleep starts still wakes it (no lost wake-up), and SDL's handler ran. */
    raise(SIGTERM);
    CHECK_INT(sdl_saw, SIGTERM);
    ms = timed_sleep(&w, 5000, &woken);
    CHECK(woken);
    CHECK(ms < 1000);

    /* Closing gives SIGTERM back to the handler that was there before. */
    input_wait_close(&w);
    struct sigaction after;
    sigaction(SIGTERM, NULL, &after);
    CHECK(after.sa_handler == fake_sdl_handler);

    close(device);
    close(device2);
    unlink(path);
    unlink(later);
    rmdir(dir);
    return check_summary("test_input_wait");
}
