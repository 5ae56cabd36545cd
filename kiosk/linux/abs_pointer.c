#define _POSIX_C_SOURCE 200809L

#include "abs_pointer.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "log.h"

void abs_device_init(struct abs_device *d, int fd, struct abs_axis x, struct abs_axis y)
{
    memset(d, 0, sizeof(*d));
    d->fd = fd;
    d->x = x;
    d->y = y;
    d->raw_x = x.min;
    d->raw_y = y.min;
}

static float share(int v, struct abs_axis a)
{
    if (a.max <= a.min) {
        return 0.0f;
    }
    float s = (float)(v - a.min) / (float)(a.max - a.min);
    return s < 0.0f ? 0.0f : s > 1.0f ? 1.0f : s;
}

/* The report just completed, if it says anything: a press, a release, or a move while pressed. */
static bool report(struct abs_device *d, struct abs_event *out)
{
    bool was = d->down, moved = d->moved;
    d->down = d->buttons;
    d->moved = false;
    if (d->down == was && (!moved || !d->down)) {
        return false;
    }
    out->kind = d->down == was ? INPUT_MOVE : d->down ? INPUT_DOWN : INPUT_UP;
    out->x = share(d->raw_x, d->x);
    out->y = share(d->raw_y, d->y);
    return true;
}

bool abs_device_feed(struct abs_device *d, const struct input_event *e, struct abs_event *out)
{
    if (e->type == EV_SYN && e->code == SYN_DROPPED) {
        d->out_of_sync = true;
        return false;
    }
    if (d->out_of_sync) {
        if (e->type == EV_SYN && e->code == SYN_REPORT) {
            d->out_of_sync = false;
            if (d->fd >= 0) {
                /* Ask the device where it is now rather than guess from the half read. */
                unsigned long keys[INPUT_BIT_LONGS(KEY_MAX)] = {0};
                struct input_absinfo ax, ay;
                if (ioctl(d->fd, EVIOCGKEY(sizeof(keys)), keys) >= 0) {
                    d->buttons = input_caps_has(keys, BTN_LEFT) || input_caps_has(keys, BTN_TOUCH);
                }
                if (ioctl(d->fd, EVIOCGABS(ABS_X), &ax) >= 0 &&
                    ioctl(d->fd, EVIOCGABS(ABS_Y), &ay) >= 0) {
                    d->moved = d->moved || ax.value != d->raw_x || ay.value != d->raw_y;
                    d->raw_x = ax.value;
                    d->raw_y = ay.value;
                }
            }
            return report(d, out);
        }
        return false;
    }
    switch (e->type) {
    case EV_ABS:
        if (e->code == ABS_X && e->value != d->raw_x) {
            d->raw_x = e->value;
            d->moved = true;
        } else if (e->code == ABS_Y && e->value != d->raw_y) {
            d->raw_y = e->value;
            d->moved = true;
        }
        return false;
    case EV_KEY:
        /* The left button of a panel in mouse mode, or the contact of a pen or a single-touch
         * panel; a repeat (2) changes nothing. Other buttons do nothing, as with a mouse. */
        if ((e->code == BTN_LEFT || e->code == BTN_TOUCH) && e->value != 2) {
            d->buttons = e->value != 0;
        }
        return false;
    case EV_SYN:
        return e->code == SYN_REPORT && report(d, out);
    default:
        return false;
    }
}

static void close_device(struct abs_pointers *p, int i)
{
    ioctl(p->devices[i].fd, EVIOCGRAB, (void *)0);
    close(p->devices[i].fd);
    p->devices[i] = p->devices[--p->n];
}

/* Opens `path` and takes it if it is an absolute pointer; true when it was taken. */
static bool take(struct abs_pointers *p, const char *path)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        return false;
    }
    struct input_caps caps;
    struct input_absinfo ax, ay;
    if (!input_caps_read(fd, &caps) || input_kind_of(&caps) != INPUT_KIND_ABSOLUTE ||
        ioctl(fd, EVIOCGABS(ABS_X), &ax) < 0 || ioctl(fd, EVIOCGABS(ABS_Y), &ay) < 0) {
        close(fd);
        return false;
    }
    if (ax.maximum <= ax.minimum || ay.maximum <= ay.minimum) {
        log_warn("input: %s reports no usable range (x %d..%d, y %d..%d); left to SDL", path,
                 ax.minimum, ax.maximum, ay.minimum, ay.maximum);
        close(fd);
        return false;
    }
    if (ioctl(fd, EVIOCGRAB, (void *)1) != 0) {
        log_warn("input: cannot take %s from SDL (%s); its touches may land in the wrong place",
                 path, strerror(errno));
        close(fd);
        return false;
    }
    struct abs_device *d = &p->devices[p->n++];
    abs_device_init(d, fd, (struct abs_axis){ax.minimum, ax.maximum},
                    (struct abs_axis){ay.minimum, ay.maximum});
    snprintf(d->path, sizeof(d->path), "%s", path);
    d->raw_x = ax.value;
    d->raw_y = ay.value;
    log_info("input: %s is read by the kiosk: x %d..%d and y %d..%d scaled to the screen", path,
             ax.minimum, ax.maximum, ay.minimum, ay.maximum);
    return true;
}

static bool held(const struct abs_pointers *p, const char *path)
{
    for (int i = 0; i < p->n; i++) {
        if (strcmp(p->devices[i].path, path) == 0) {
            return true;
        }
    }
    return false;
}

static bool take_new(const char *path, void *data)
{
    struct abs_pointers *p = data;
    if (!held(p, path)) {
        take(p, path);
    }
    return p->n < ABS_POINTER_DEVICES;
}

int abs_pointers_rescan(struct abs_pointers *p)
{
    if (p->n < ABS_POINTER_DEVICES) {
        input_devices_each(p->dir, take_new, p);
    }
    return p->n;
}

int abs_pointers_open(struct abs_pointers *p, const char *dir)
{
    abs_pointers_close(p);
    snprintf(p->dir, sizeof(p->dir), "%s", dir);
    return abs_pointers_rescan(p);
}

void abs_pointers_close(struct abs_pointers *p)
{
    while (p->n > 0) {
        close_device(p, p->n - 1);
    }
}

int abs_pointers_fds(const struct abs_pointers *p, int *fds, int max)
{
    int n = 0;
    for (int i = 0; i < p->n && n < max; i++) {
        fds[n++] = p->devices[i].fd;
    }
    return n;
}

bool abs_pointers_read(struct abs_pointers *p, struct abs_event *out)
{
    for (int i = 0; i < p->n; i++) {
        struct abs_device *d = &p->devices[i];
        struct input_event e;
        ssize_t n;
        while ((n = read(d->fd, &e, sizeof(e))) == (ssize_t)sizeof(e)) {
            if (abs_device_feed(d, &e, out)) {
                return true;
            }
        }
        if (n >= 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) {
            /* Gone (ENODEV: unplugged). A touch in progress is cancelled, not released: a
             * cable pulled mid-press must not press the button under it. */
            bool was_down = d->down;
            out->x = share(d->raw_x, d->x);
            out->y = share(d->raw_y, d->y);
            log_info("input: %s has gone", d->path);
            close_device(p, i);
            if (was_down) {
                out->kind = INPUT_CANCEL;
                return true;
            }
            i--;
        }
    }
    return false;
}
