/* The panel's backlight, where the kernel exposes one (/sys/class/backlight/NAME/bl_power):
 * switched off outside opening hours, on again when the kiosk wakes. Without one the screen is
 * simply drawn black (DPMS is avoided: some TVs switch themselves off for good). */
#ifndef KIOSK_BACKLIGHT_H
#define KIOSK_BACKLIGHT_H

#include <stdbool.h>

/* Switches every backlight on or off; quietly does nothing where there is none. Logs once
 * when one exists but may not be written (see deploy/udev). `root` is "/sys/class/backlight"
 * except in tests. */
void backlight_set(const char *root, bool on);

#endif
