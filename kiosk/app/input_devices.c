#define _POSIX_C_SOURCE 200809L

#include "input_devices.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/input.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#define BITS_LONG (8 * sizeof(long))
#define HAS_BIT(bits, n) (((bits)[(n) / BITS_LONG] >> ((n) % BITS_LONG)) & 1UL)

/* A touchscreen reports absolute x (single or multi-touch); a mouse reports relative x. */
static bool is_pointer(int fd)
{
    unsigned long ev[EV_MAX / BITS_LONG + 1] = {0};
    unsigned long abs_bits[ABS_MAX / BITS_LONG + 1] = {0};
    unsigned long rel_bits[REL_MAX / BITS_LONG + 1] = {0};
    if (ioctl(fd, EVIOCGBIT(0, sizeof(ev)), ev) < 0) {
        return false;
    }
    if (HAS_BIT(ev, EV_ABS) && ioctl(fd, EVIOCGBIT(EV_ABS, sizeof(abs_bits)), abs_bits) >= 0 &&
        (HAS_BIT(abs_bits, ABS_X) || HAS_BIT(abs_bits, ABS_MT_POSITION_X))) {
        return true;
    }
    return HAS_BIT(ev, EV_REL) && ioctl(fd, EVIOCGBIT(EV_REL, sizeof(rel_bits)), rel_bits) >= 0 &&
           HAS_BIT(rel_bits, REL_X);
}

int input_devices_count(const char *dir, char *why, size_t why_size)
{
    DIR *d = opendir(dir);
    if (!d) {
        snprintf(why, why_size, "%s cannot be read (%s)", dir, strerror(errno));
        return 0;
    }
    int found = 0, seen = 0, denied = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (strncmp(e->d_name, "event", 5) != 0) {
            continue;
        }
        seen++;
        char path[512];
        snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
        int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
        if (fd < 0) {
            denied += errno == EACCES || errno == EPERM;
            continue;
        }
        found += is_pointer(fd);
        close(fd);
    }
    closedir(d);
    if (found == 0) {
        if (denied > 0) {
            snprintf(why, why_size, "%d input device%s in %s may not be read: add the kiosk's "
                     "user to the input group", denied, denied == 1 ? "" : "s", dir);
        } else if (seen > 0) {
            snprintf(why, why_size, "none of the %d input devices in %s is a touch screen or "
                     "mouse: check the touch cable", seen, dir);
        } else {
            snprintf(why, why_size, "there are no input devices in %s: check the touch cable",
                     dir);
        }
    }
    return found;
}
