/* kiosk-store: the small privileged helper that keeps what the kiosk writes in its state folder
 * where it outlives a reboot and where staff look: beside the staff's file on the card. The
 * kiosk runs as an unprivileged user that may not write the card; kiosk-store.service runs
 * this, with --watch, beside it. It copies
 *   - last-good.cfg into the two slots of last-good/ (core/last_good_slot.h: in place, the
 *     newest whole slot never touched, so a pulled plug leaves one whole copy),
 *   - CHECK.txt beside the file, through a temporary file and a rename, only when what it says
 *     has changed (its time alone does not count);
 *   - and carries out staff mode's "Go back to before the USB stick" when the kiosk leaves a
 *     fresh request there (usb_update.h: the content kept in before-usb-update/ back in place).
 * Nothing is run, parsed as config or written anywhere but the staff's folder (store_copy.h). */
#define _POSIX_C_SOURCE 200809L

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_copy.h"
#include "store_watch.h"

#define STORE_USAGE                                                                                \
    "usage: kiosk-store [--watch] [--state DIR] [--config FILE]\n"                                 \
    "  --watch        copy now and after every change to the state folder, until stopped\n"        \
    "                 (without it: copy once and exit)\n"                                          \
    "  --state DIR    the kiosk's state folder (default /var/lib/kiosk)\n"                         \
    "  --config FILE  the staff's file (default $KIOSK_CONFIG, else /etc/kiosk/kiosk.cfg);\n"      \
    "                 CHECK.txt and last-good/ are written beside it\n"                            \
    "Exit status: 0 copied (or nothing to copy), 1 something was refused or could not be\n"        \
    "written (said on standard error), 2 a wrong option.\n"

int main(int argc, char **argv)
{
    const char *state = "/var/lib/kiosk";
    const char *config = getenv("KIOSK_CONFIG");
    bool watch = false;
    if (!config || !*config) {
        config = "/etc/kiosk/kiosk.cfg";
    }
    for (int i = 1; i < argc; i++) {
        bool has_value = i + 1 < argc;
        if (strcmp(argv[i], "--state") == 0 && has_value) {
            state = argv[++i];
        } else if (strcmp(argv[i], "--config") == 0 && has_value) {
            config = argv[++i];
        } else if (strcmp(argv[i], "--watch") == 0) {
            watch = true;
        } else if (strcmp(argv[i], "--help") == 0) {
            fputs(STORE_USAGE, stdout);
            return 0;
        } else {
            fprintf(stderr, "kiosk-store: unknown option '%s'\n%s", argv[i], STORE_USAGE);
            return 2;
        }
    }
    if (watch) {
        return store_watch(state, config);
    }
    return store_copy(state, config) ? 0 : 1;
}
