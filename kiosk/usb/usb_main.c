/* kiosk-usb: what happens when staff plug a USB stick into the kiosk. udev starts
 * kiosk-usb@<device>.service (deploy/udev/71-kiosk-usb.rules) for a FAT32 or exFAT stick; that
 * runs this, as root with only the capabilities it needs, in a mount namespace of its own:
 *   - a stick with a kiosk folder: its content is checked (as the kiosk user, by the kiosk's
 *     own checker) and, if it is good, becomes the kiosk's content (usb_update.h);
 *   - a stick without one: it gets a copy of the kiosk's content, to edit on a laptop;
 * and either way a receipt, kiosk-receipt.txt, on the stick and beside the kiosk's file.
 * Nothing on the stick is ever run; what is copied is bounded (usb_tree.h). */
#define _GNU_SOURCE

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "file_replace.h"
#include "translation_history.h"
#include "usb_mount.h"
#include "usb_receipt.h"
#include "usb_tree.h"
#include "usb_update.h"
#include "xalloc.h"

#define USB_USAGE                                                                                  \
    "usage: kiosk-usb [--config FILE] [--user NAME] DEVICE\n"                                      \
    "       kiosk-usb [--config FILE] [--user NAME] --folder DIR\n"                                \
    "       kiosk-usb [--config FILE] --finish | --go-back\n"                                      \
    "  DEVICE         the stick's block device (e.g. /dev/sda1): mounted read-only at\n"           \
    "                 --mount-at (default $RUNTIME_DIRECTORY, else /run/kiosk-usb/stick)\n"        \
    "  --folder DIR   the top of a stick already mounted at DIR (or a test folder)\n"              \
    "  --finish       only finish an update a power cut interrupted\n"                             \
    "  --go-back      put back the content the last stick replaced (before-usb-update/)\n"         \
    "  --config FILE  the kiosk's file (default $KIOSK_CONFIG, else /etc/kiosk/kiosk.cfg): the\n"  \
    "                 stick's content goes into its folder\n"                                      \
    "  --user NAME    check the stick's file as this user (default: as the caller)\n"              \
    "  --state DIR    the kiosk's state folder, whose translation ledger the check compares\n"     \
    "                 with (default " KIOSK_STATE_FOLDER ")\n"                                     \
    "Exit status: 0 done (the receipt says what happened), 1 it could not finish, 2 a wrong\n"     \
    "option.\n"

#define say(...) (fputs("kiosk-usb: ", stderr), fprintf(stderr, __VA_ARGS__), fputc('\n', stderr))

struct options {
    const char *config, *user, *device, *folder, *mount_at, *state;
    bool finish, go_back;
};

static bool parse(int argc, char **argv, struct options *o)
{
    memset(o, 0, sizeof(*o));
    o->config = getenv("KIOSK_CONFIG");
    if (!o->config || !*o->config) {
        o->config = "/etc/kiosk/kiosk.cfg";
    }
    o->mount_at = getenv("RUNTIME_DIRECTORY");
    o->state = KIOSK_STATE_FOLDER;
    for (int i = 1; i < argc; i++) {
        bool value = i + 1 < argc;
        if (strcmp(argv[i], "--config") == 0 && value) {
            o->config = argv[++i];
        } else if (strcmp(argv[i], "--state") == 0 && value) {
            o->state = argv[++i];
        } else if (strcmp(argv[i], "--user") == 0 && value) {
            o->user = argv[++i];
        } else if (strcmp(argv[i], "--folder") == 0 && value) {
            o->folder = argv[++i];
        } else if (strcmp(argv[i], "--mount-at") == 0 && value) {
            o->mount_at = argv[++i];
        } else if (strcmp(argv[i], "--finish") == 0) {
            o->finish = true;
        } else if (strcmp(argv[i], "--go-back") == 0) {
            o->go_back = true;
        } else if (argv[i][0] != '-' && !o->device) {
            o->device = argv[i];
        } else {
            fprintf(stderr, "kiosk-usb: unknown option '%s'\n", argv[i]);
            return false;
        }
    }
    return o->finish + o->go_back + !!o->device + !!o->folder == 1;
}

/* The stick's kiosk folder, whatever the case of its name (FAT keeps what the laptop wrote);
 * -1 if it has none. */
static int open_kiosk_folder(int top)
{
    int fd = dup(top);
    DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
    if (!d) {
        if (fd >= 0) {
            close(fd);
        }
        return -1;
    }
    rewinddir(d);
    int found = -1;
    struct dirent *e;
    while (found < 0 && (e = readdir(d))) {
        if (strcasecmp(e->d_name, "kiosk") == 0) {
            found = openat(top, e->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        }
    }
    closedir(d);
    return found;
}

/* Whether `device` is a disk the system already uses: the one the kiosk's file is on (a Pi
 * that boots from a USB drive), or any other mounted one. That is not a stick to update from. */
static bool in_use(const char *device, const char *card_folder)
{
    struct stat d, c;
    if (stat(device, &d) != 0 || !S_ISBLK(d.st_mode)) {
        return false; /* the mount says what is wrong with it */
    }
    if (stat(card_folder, &c) == 0 && c.st_dev == d.st_rdev) {
        return true;
    }
    FILE *f = fopen("/proc/self/mountinfo", "re");
    bool used = false;
    char line[4096];
    while (f && !used && fgets(line, sizeof(line), f)) {
        unsigned maj = 0, min = 0;
        used = sscanf(line, "%*d %*d %u:%u", &maj, &min) == 2 && maj == major(d.st_rdev) &&
               min == minor(d.st_rdev);
    }
    if (f) {
        fclose(f);
    }
    return used;
}

int main(int argc, char **argv)
{
    struct options o;
    if (argc == 2 && strcmp(argv[1], "--help") == 0) {
        fputs(USB_USAGE, stdout);
        return 0;
    }
    if (!parse(argc, argv, &o)) {
        fputs(USB_USAGE, stderr);
        return 2;
    }
    char *folder = xstrdup(o.config);
    char *slash = strrchr(folder, '/');
    const char *name = o.config;
    if (slash) {
        slash[slash == folder] = '\0';
        name = strrchr(o.config, '/') + 1;
    } else {
        free(folder);
        folder = xstrdup(".");
    }
    char ledger[4200];
    snprintf(ledger, sizeof(ledger), "%s/%s", o.state, TRANSLATION_LEDGER_NAME);
    struct usb_card card = {
        .folder = folder, .config_name = name, .user = o.user, .ledger = ledger};
    card.fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (card.fd < 0) {
        say("cannot open %s: %s", folder, strerror(errno));
        free(folder);
        return 1;
    }
    /* One stick at a time: a second one plugged in waits here for the first to finish. */
    usb_card_lock(&card);
    bool ok = usb_finish(&card);
    if (o.go_back) {
        ok = usb_go_back(&card, KIOSK_VERSION);
    }
    if (o.finish || o.go_back) {
        close(card.fd);
        free(folder);
        return ok ? 0 : 1;
    }
    struct strbuf why;
    strbuf_init(&why);
    char *mount_at = NULL;
    const char *type = NULL;
    const char *top_path = o.folder;
    if (o.device && in_use(o.device, folder)) {
        say("%s is a disk the kiosk already uses, not a stick to update from: left alone",
            o.device);
        close(card.fd);
        free(folder);
        strbuf_finish(&why);
        return 0;
    }
    if (o.device) {
        struct strbuf at;
        strbuf_init(&at);
        strbuf_addf(&at, "%s/stick", o.mount_at && *o.mount_at ? o.mount_at : "/run/kiosk-usb");
        mount_at = strbuf_take(&at);
        if (!usb_mount(o.device, mount_at, &type, &why)) {
            say("%s", strbuf_str(&why)); /* not a stick it can read: nothing to write on */
            close(card.fd);
            free(folder);
            free(mount_at);
            strbuf_finish(&why);
            return 1;
        }
        top_path = mount_at;
    }
    int top = open(top_path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    struct usb_result result;
    usb_result_init(&result);
    bool writable = !o.device;
    int kiosk = top >= 0 ? open_kiosk_folder(top) : -1;
    if (top < 0) {
        strbuf_setf(&why, "cannot open %s: %s", top_path, strerror(errno));
        result.outcome = USB_FAILED;
    } else if (kiosk >= 0) {
        usb_install(&card, kiosk, &result);
        close(kiosk);
    } else if (!writable && !(writable = usb_mount_writable(mount_at, type, &why))) {
        result.outcome = USB_FAILED;
        strbuf_addf(&result.findings, "What went wrong: %s\r\n\r\n", strbuf_str(&why));
    } else {
        usb_export(&card, top, &result);
    }
    struct strbuf text;
    strbuf_init(&text);
    usb_result_receipt(&result, KIOSK_VERSION, &text);
    say("%s: %s%s%s (%zu files)", top_path, usb_outcome_word(result.outcome),
        result.version ? ", version " : "", result.version ? result.version : "", result.files);
    if (!file_replace(card.fd, USB_RECEIPT_NAME, strbuf_str(&text), text.len, 0644)) {
        say("cannot write %s/%s: %s", folder, USB_RECEIPT_NAME, strerror(errno));
    }
    if (top >= 0) {
        if (!writable) {
            writable = usb_mount_writable(mount_at, type, &why);
            if (!writable) {
                say("no receipt on the stick: %s", strbuf_str(&why));
            }
        }
        if (writable && !file_replace(top, USB_RECEIPT_NAME, strbuf_str(&text), text.len, 0644)) {
            say("cannot write the receipt on the stick: %s", strerror(errno));
        }
        close(top);
    }
    if (mount_at) {
        usb_unmount(mount_at);
    }
    ok = result.outcome != USB_FAILED;
    strbuf_finish(&text);
    strbuf_finish(&why);
    usb_result_free(&result);
    close(card.fd);
    free(folder);
    free(mount_at);
    return ok ? 0 : 1;
}
