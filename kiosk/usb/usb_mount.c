/* usb_mount.h: a stick mounted read-only, then writable only to leave the receipt. */
#define _GNU_SOURCE

#include "usb_mount.h"

#include <errno.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#define USB_FLAGS (MS_NOSUID | MS_NODEV | MS_NOEXEC | MS_NOATIME)

/* The options of each type: root owns every file, names are UTF-8. */
static const char *options_of(const char *type)
{
    return strcmp(type, "vfat") == 0 ? "uid=0,gid=0,fmask=0022,dmask=0022,utf8,shortname=mixed"
                                     : "uid=0,gid=0,fmask=0022,dmask=0022,iocharset=utf8";
}

bool usb_mount(const char *device, const char *at, const char **type, struct strbuf *why)
{
    mkdir(at, 0700);
    static const char *const types[] = {"vfat", "exfat"};
    int errors[2] = {0, 0};
    for (int i = 0; i < 2; i++) {
        if (mount(device, at, types[i], USB_FLAGS | MS_RDONLY, options_of(types[i])) == 0) {
            *type = types[i];
            return true;
        }
        errors[i] = errno;
    }
    strbuf_setf(why, "cannot mount %s as FAT32 (%s) or exFAT (%s)", device, strerror(errors[0]),
                strerror(errors[1]));
    return false;
}

bool usb_mount_writable(const char *at, const char *type, struct strbuf *why)
{
    if (mount(NULL, at, type, MS_REMOUNT | USB_FLAGS, options_of(type)) != 0) {
        strbuf_setf(why, "cannot write on the stick: %s (is its lock switch on?)", strerror(errno));
        return false;
    }
    return true;
}

void usb_unmount(const char *at)
{
    sync();
    if (umount2(at, 0) != 0) {
        umount2(at, MNT_DETACH); /* pulled out already: let go of it all the same */
    }
    rmdir(at);
}
