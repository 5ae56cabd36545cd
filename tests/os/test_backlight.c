/* The backlight switch against a fake /sys/class/backlight: it writes the blank level to every
 * panel's bl_power, and a panel it cannot switch (its bl_power cannot be opened, or the write
 * only fails when the file is closed, as on a full device) costs a warning, never the kiosk. */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "backlight.h"
#include "check.h"

static char root[] = "/tmp/kiosk-backlight-XXXXXX";

static void panel(const char *name)
{
    char path[256];
    snprintf(path, sizeof(path), "%s/%s", root, name);
    CHECK(mkdir(path, 0755) == 0);
}

static void read_power(const char *name, char *out, size_t size)
{
    char path[256];
    snprintf(path, sizeof(path), "%s/%s/bl_power", root, name);
    out[0] = '\0';
    FILE *f = fopen(path, "r");
    if (f) {
        size_t n = fread(out, 1, size - 1, f);
        out[n] = '\0';
        fclose(f);
    }
}

int main(void)
{
    CHECK(mkdtemp(root) != NULL);
    panel("dsi");
    panel("hdmi");
    char power[16];

    backlight_set(root, false);
    read_power("dsi", power, sizeof(power));
    CHECK_STR(power, "4\n");
    read_power("hdmi", power, sizeof(power));
    CHECK_STR(power, "4\n");
    backlight_set(root, true);
    read_power("dsi", power, sizeof(power));
    CHECK_STR(power, "0\n");

    /* A panel whose bl_power is a folder: it cannot be opened for writing. */
    panel("broken");
    char path[256];
    snprintf(path, sizeof(path), "%s/broken/bl_power", root);
    CHECK(mkdir(path, 0755) == 0);
    /* And one whose write fails only when the file is closed: /dev/full takes the buffered
     * bytes and refuses them at fclose. Closing such a file twice corrupts the heap. */
    panel("full");
    snprintf(path, sizeof(path), "%s/full/bl_power", root);
    CHECK(symlink("/dev/full", path) == 0);
    backlight_set(root, false);
    backlight_set(root, true);
    read_power("hdmi", power, sizeof(power));
    CHECK_STR(power, "0\n"); /* the panels that work are still switched */

    /* No backlight at all (a TV over HDMI): nothing happens. */
    backlight_set("/nonexistent/backlight", false);

    char cmd[300];
    snprintf(cmd, sizeof(cmd), "rm -rf %s", root);
    CHECK(system(cmd) == 0);
    return check_summary("test_backlight");
}
