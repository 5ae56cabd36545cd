/* Absolute pointers on the bare display, read by the kiosk itself. A USB touch panel that
 * presents itself as an absolute mouse (and a pen tablet, or QEMU's tablet) reports positions
 * in its own range, 0..32767 say; SDL 2.26's evdev code passes those raw numbers on as window
 * coordinates (its own FIXME), so every tap lands in the bottom-right corner and no button,
 * not even Quick exit, can be pressed. So the kiosk opens each such device, takes it from SDL
 * (EVIOCGRAB: then SDL's copy of it stays silent), and turns its reports into presses, moves
 * and releases at a share of the device's own range, which the caller scales to the screen.
 * Linux only, no SDL. */
#ifndef KIOSK_ABS_POINTER_H
#define KIOSK_ABS_POINTER_H

#include <linux/input.h>
#include <stdbool.h>

#include "input_devices.h"
#include "session.h"

#define ABS_POINTER_DEVICES 8

struct abs_axis {
    int min, max;
};

/* One device's state, assembled from its events until each SYN_REPORT. */
struct abs_device {
    int fd; /* -1 for a device fed by hand (the tests) */
    char path[INPUT_DEVICE_PATH];
    struct abs_axis x, y;
    int raw_x, raw_y; /* the position reported so far */
    bool down;        /* pressed as of the last report delivered */
    bool buttons;     /* pressed as of the events read since (BTN_LEFT or BTN_TOUCH) */
    bool moved;       /* the position changed since the last report delivered */
    bool out_of_sync; /* SYN_DROPPED: events were lost until the next SYN_REPORT */
};

/* A press, move or release at (x, y), each 0..1 across the device's range. */
struct abs_event {
    enum session_input kind;
    float x, y;
};

/* Starts `d` with the axes' ranges, not pressed. */
void abs_device_init(struct abs_device *d, int fd, struct abs_axis x, struct abs_axis y);
/* Takes one kernel event; true when it completes a report worth passing on, in `out`. A press
 * and a release come at the position of their report; moves only while pressed. After lost
 * events (SYN_DROPPED) it says nothing until the next SYN_REPORT, and then passes on the state
 * it has, so a release that was lost still ends the touch. */
bool abs_device_feed(struct abs_device *d, const struct input_event *e, struct abs_event *out);

struct abs_pointers {
    struct abs_device devices[ABS_POINTER_DEVICES];
    int n;
    char dir[256];
};

/* Opens and takes every absolute pointer in `dir` (normally "/dev/input"); returns how many.
 * A device it cannot take is left to SDL, with a warning in the log. */
int abs_pointers_open(struct abs_pointers *p, const char *dir);
/* Takes the absolute pointers plugged in since (the ones held stay as they are); returns how
 * many are held now. */
int abs_pointers_rescan(struct abs_pointers *p);
/* Lets every device go. */
void abs_pointers_close(struct abs_pointers *p);
/* The devices' file descriptors, for poll(): up to `max` into `fds`; returns how many. */
int abs_pointers_fds(const struct abs_pointers *p, int *fds, int max);
/* Reads what the devices have without waiting; true with the next event in `out`. A device
 * that has gone (unplugged) is closed, and a touch it had in progress is cancelled. */
bool abs_pointers_read(struct abs_pointers *p, struct abs_event *out);

#endif
