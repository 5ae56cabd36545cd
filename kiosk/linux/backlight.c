#define _POSIX_C_SOURCE 200809L

#include "backlight.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "log.h"

void backlight_set(const char *root, bool on)
{
    static bool warned;
    DIR *dir = opendir(root);
    if (!dir) {
        return; /* no backlight control on this panel: black pixels will do */
    }
    struct dirent *e;
    while ((e = readdir(dir))) {
        if (e->d_name[0] == '.') {
            continue;
        }
        char path[512];
        snprintf(path, sizeof(path), "%s/%s/bl_power", root, e->d_name);
        FILE *f = fopen(path, "w");
        /* bl_power follows the framebuffer blank levels: 0 is on, 4 is powered down. The
         * file is closed exactly once, whatever failed: fclose frees it even when it fails. */
        bool ok = f && fputs(on ? "0\n" : "4\n", f) >= 0;
        int saved = errno;
        if (f && fclose(f) != 0 && ok) {
            ok = false;
            saved = errno;
        }
        if (!ok && !warned) {
            log_warn("cannot switch the backlight %s (%s); the screen is drawn black instead", path,
                     strerror(saved));
            warned = true;
        }
    }
    closedir(dir);
}
