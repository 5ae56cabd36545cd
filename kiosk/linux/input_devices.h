/* What the input devices under /dev/input are, and who reads each, on the bare display (KMSDRM),
 * where SDL reads them itself and says nothing: not when the service user may open none, and
 * not when it misreads one. This finds out, so the kiosk can say so on screen and in the
 * journal, and so it can read the kind SDL 2.26 gets wrong itself (abs_pointer.h). */
#ifndef KIOSK_INPUT_DEVICES_H
#define KIOSK_INPUT_DEVICES_H

#include <linux/input.h>
#include <stdbool.h>
#include <stddef.h>

#define INPUT_BITS_LONG (8 * sizeof(unsigned long))
#define INPUT_BIT_LONGS(max) ((max) / INPUT_BITS_LONG + 1)

/* A device's capabilities, as the kernel reports them (EVIOCGBIT, EVIOCGPROP). */
struct input_caps {
    unsigned long ev[INPUT_BIT_LONGS(EV_MAX)];
    unsigned long key[INPUT_BIT_LONGS(KEY_MAX)];
    unsigned long abs[INPUT_BIT_LONGS(ABS_MAX)];
    unsigned long rel[INPUT_BIT_LONGS(REL_MAX)];
    unsigned long prop[INPUT_BIT_LONGS(INPUT_PROP_MAX)];
};

enum input_kind {
    INPUT_KIND_OTHER,    /* a keyboard, a power button, a speaker: not for pointing */
    INPUT_KIND_TOUCH,    /* a touch screen (or touch pad): SDL reads it, scaled, as touches */
    INPUT_KIND_MOUSE,    /* a mouse that moves relatively: SDL reads it */
    INPUT_KIND_ABSOLUTE, /* an absolute pointer without multi-touch (a USB touch panel in mouse
                          * mode, a pen tablet, QEMU's tablet): SDL 2.26 would pass its raw
                          * values (0..32767, say) as window coordinates, so the kiosk reads
                          * it itself */
};

#define INPUT_DEVICE_PATH 512 /* room for a device's path: DIR/eventN */

/* Calls `each` with the path of every event device (eventN) in `dir`, in the directory's order,
 * until it returns false. False when `dir` cannot be read (errno says why). */
bool input_devices_each(const char *dir, bool (*each)(const char *path, void *data), void *data);

/* Whether bit `n` is set in a capability bit field. */
bool input_caps_has(const unsigned long *bits, unsigned n);
/* Reads the capabilities of the open device `fd`; false when it is not an input device. */
bool input_caps_read(int fd, struct input_caps *caps);
/* What kind of device those capabilities make, the way udev classifies it for SDL
 * (udev's input_id builtin: an absolute device with a mouse button is a mouse, so SDL 2.26
 * treats it as one). */
enum input_kind input_kind_of(const struct input_caps *caps);

/* Waits, for at most `max_ms`, until udev has described every input device in `dir` (its
 * database, normally /run/udev/data, has an entry for the device). SDL 2.26 learns what each
 * device is (touch screen, mouse) from that database when it starts, and in the service's
 * private network namespace it hears no later news from udev: a device not yet described when
 * the kiosk starts early in boot would never be read. Returns how many are still undescribed;
 * 0 at once where no udev runs (no `udev_db` folder). */
int input_devices_wait_for_udev(const char *dir, const char *udev_db, int max_ms);

/* Logs each touch or pointer device under `dir` (normally "/dev/input") and who reads it, and
 * returns how many can be opened. When none can, writes the reason into `why`. */
int input_devices_report(const char *dir, char *why, size_t why_size);

#endif
