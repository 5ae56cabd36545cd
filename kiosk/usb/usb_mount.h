/* Mounting a USB stick for kiosk-usb: FAT32 or exFAT, read-only, with nothing on it runnable
 * (noexec), no device files and no setuid (nodev, nosuid), files owned by root. It is made
 * writable only to write what the kiosk leaves on the stick (the receipt, a copy of the
 * content), then unmounted, which writes everything out. kiosk-usb@.service gives the helper
 * a mount namespace of its own (PrivateMounts=), so nothing else ever sees the stick. */
#ifndef KIOSK_USB_MOUNT_H
#define KIOSK_USB_MOUNT_H

#include <stdbool.h>

#include "strbuf.h"

/* Mounts `device` read-only at the folder `at` (made if missing); its type in *type. */
bool usb_mount(const char *device, const char *at, const char **type, struct strbuf *why);
/* Makes the stick mounted at `at` (of `type`) writable. */
bool usb_mount_writable(const char *at, const char *type, struct strbuf *why);
/* Unmounts it, writing out what was written. */
void usb_unmount(const char *at);

#endif
