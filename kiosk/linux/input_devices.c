#define _POSIX_C_SOURCE 200809L

#include "input_devices.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <time.h>
#include <unistd.h>

#include "log.h"

bool input_devices_each(const char *dir, bool (*each)(const char *path, void *data), void *data)
{
    DIR *d = opendir(dir);
    if (!d) {
        return false;
    }
    struct dirent *e;
    bool go_on = true;
    while (go_on && (e = readdir(d))) {
        if (strncmp(e->d_name, "event", 5) == 0) {
            char path[INPUT_DEVICE_PATH];
            snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
            go_on = each(path, data);
        }
    }
    closedir(d);
    return true;
}

bool input_caps_has(const unsigned long *bits, unsigned n)
{
    return (bits[n / INPUT_BITS_LONG] >> (n % INPUT_BITS_LONG)) & 1UL;
}

bool input_caps_read(int fd, struct input_caps *c)
{
    memset(c, 0, sizeof(*c));
    if (ioctl(fd, EVIOCGBIT(0, sizeof(c->ev)), c->ev) < 0) {
        return false;
    }
    /* A device without a kind of event answers with no bits for it. */
    ioctl(fd, EVIOCGBIT(EV_KEY, sizeof(c->key)), c->key);
    ioctl(fd, EVIOCGBIT(EV_ABS, sizeof(c->abs)), c->abs);
    ioctl(fd, EVIOCGBIT(EV_REL, sizeof(c->rel)), c->rel);
    ioctl(fd, EVIOCGPROP(sizeof(c->prop)), c->prop);
    return true;
}

enum input_kind input_kind_of(const struct input_caps *c)
{
    bool abs_xy = input_caps_has(c->ev, EV_ABS) && input_caps_has(c->abs, ABS_X) &&
                  input_caps_has(c->abs, ABS_Y);
    bool mt_xy = input_caps_has(c->ev, EV_ABS) && input_caps_has(c->abs, ABS_MT_POSITION_X) &&
                 input_caps_has(c->abs, ABS_MT_POSITION_Y);
    bool rel_xy = input_caps_has(c->ev, EV_REL) && input_caps_has(c->rel, REL_X) &&
                  input_caps_has(c->rel, REL_Y);
    bool keys = input_caps_has(c->ev, EV_KEY);
    bool pen = keys && (input_caps_has(c->key, BTN_TOOL_PEN) || input_caps_has(c->key, BTN_STYLUS));
    bool mouse_button = keys && input_caps_has(c->key, BTN_LEFT);
    bool touch = keys && input_caps_has(c->key, BTN_TOUCH);
    bool finger = keys && input_caps_has(c->key, BTN_TOOL_FINGER);
    bool direct = input_caps_has(c->prop, INPUT_PROP_DIRECT);
    /* udev's order: multi-touch first (SDL reads it as touch), then pens, touch pads, absolute
     * devices with a mouse button ("VMware's USB mouse" in udev's words, and most HID touch
     * panels in mouse mode), then single-touch screens. */
    if (mt_xy && !pen && (touch || direct || finger)) {
        return INPUT_KIND_TOUCH;
    }
    if (abs_xy && !mt_xy) {
        if (pen || mouse_button) {
            return INPUT_KIND_ABSOLUTE;
        }
        if (touch || direct || finger) {
            return INPUT_KIND_TOUCH;
        }
    }
    if (rel_xy && mouse_button) {
        return INPUT_KIND_MOUSE;
    }
    return INPUT_KIND_OTHER;
}

struct undescribed {
    const char *udev_db;
    int missing;
};

static bool count_undescribed(const char *path, void *data)
{
    struct undescribed *u = data;
    struct stat st;
    if (stat(path, &st) == 0 && S_ISCHR(st.st_mode)) {
        char entry[INPUT_DEVICE_PATH];
        snprintf(entry, sizeof(entry), "%s/c%u:%u", u->udev_db, major(st.st_rdev),
                 minor(st.st_rdev));
        u->missing += access(entry, F_OK) != 0;
    }
    return true;
}

/* How many input devices in `dir` have no entry in udev's database yet. */
static int undescribed(const char *dir, const char *udev_db)
{
    struct undescribed u = {udev_db, 0};
    input_devices_each(dir, count_undescribed, &u);
    return u.missing;
}

int input_devices_wait_for_udev(const char *dir, const char *udev_db, int max_ms)
{
    struct stat st;
    if (stat(udev_db, &st) != 0 || !S_ISDIR(st.st_mode)) {
        return 0;
    }
    int missing = undescribed(dir, udev_db);
    for (int waited = 0; missing > 0 && waited < max_ms; waited += 50) {
        struct timespec t = {0, 50 * 1000000L};
        nanosleep(&t, NULL);
        missing = undescribed(dir, udev_db);
    }
    return missing;
}

static const char *reader_of(enum input_kind kind)
{
    switch (kind) {
    case INPUT_KIND_TOUCH:
        return "a touch screen; SDL reads it as touches";
    case INPUT_KIND_MOUSE:
        return "a mouse; SDL reads it";
    case INPUT_KIND_ABSOLUTE:
        return "an absolute pointer (a touch panel in mouse mode, a pen, a tablet); the kiosk "
               "reads it itself and scales it from its own range to the screen";
    default:
        return NULL;
    }
}

struct report {
    int found, seen, denied;
};

static bool report_device(const char *path, void *data)
{
    struct report *r = data;
    r->seen++;
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        r->denied += errno == EACCES || errno == EPERM;
        return true;
    }
    struct input_caps caps;
    const char *reader = input_caps_read(fd, &caps) ? reader_of(input_kind_of(&caps)) : NULL;
    if (reader) {
        char name[128] = "";
        if (ioctl(fd, EVIOCGNAME(sizeof(name) - 1), name) < 0) {
            name[0] = '\0';
        }
        log_info("input: %s \"%s\": %s", path, name, reader);
        r->found++;
    }
    close(fd);
    return true;
}

int input_devices_report(const char *dir, char *why, size_t why_size)
{
    struct report r = {0, 0, 0};
    if (!input_devices_each(dir, report_device, &r)) {
        snprintf(why, why_size, "%s cannot be read (%s)", dir, strerror(errno));
        return 0;
    }
    int found = r.found, seen = r.seen, denied = r.denied;
    if (found == 0) {
        if (denied > 0) {
            snprintf(why, why_size,
                     "%d input device%s in %s may not be read: add the kiosk's "
                     "user to the input group",
                     denied, denied == 1 ? "" : "s", dir);
        } else if (seen > 0) {
            snprintf(why, why_size,
                     "none of the %d input devices in %s is a touch screen or "
                     "mouse: check the touch cable",
                     seen, dir);
        } else {
            snprintf(why, why_size, "there are no input devices in %s: check the touch cable", dir);
        }
    }
    return found;
}
