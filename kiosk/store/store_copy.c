/* store_copy.h: one copy from the state folder to the staff's folder. */
#define _POSIX_C_SOURCE 200809L

#include "store_copy.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "check_report.h"
#include "config_reader.h"
#include "file_read.h"
#include "file_replace.h"
#include "last_good_store.h"
#include "strbuf.h"
#include "translation_history.h"
#include "usb_update.h"
#include "xalloc.h"

#define REPORT_MAX_BYTES (1024u * 1024u)

struct source {
    bool present;
    char *data;
    size_t size;
    struct stat st;
};

/* Reads `name` from the state folder `dir` (open as `dirfd`, owned by `owner`) as a file the
 * kiosk wrote, or says why it is refused. Absent is not an error. */
static bool read_source(int dirfd, const char *dir, uid_t owner, const char *name, size_t limit,
                        struct source *out)
{
    memset(out, 0, sizeof(*out));
    int fd = openat(dirfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        if (errno == ENOENT) {
            return true;
        }
        say("refused %s/%s: %s", dir, name, errno == ELOOP ? "it is a link" : strerror(errno));
        return false;
    }
    const char *why = NULL;
    if (fstat(fd, &out->st) != 0) {
        why = strerror(errno);
    } else if (!S_ISREG(out->st.st_mode)) {
        why = "it is not a regular file";
    } else if (out->st.st_nlink != 1) {
        why = "it has more than one name (a hard link)";
    } else if (out->st.st_uid != owner) {
        why = "it is not owned by the state folder's owner";
    } else if ((size_t)out->st.st_size > limit) {
        why = "it is too large";
    }
    if (!why) {
        size_t size = (size_t)out->st.st_size;
        out->data = xrealloc(NULL, size + 1);
        size_t done = 0;
        while (done < size) {
            ssize_t n = read(fd, out->data + done, size - done);
            if (n < 0 && errno == EINTR) {
                continue;
            }
            if (n <= 0) {
                break;
            }
            done += (size_t)n;
        }
        if (done != size) {
            why = "it changed while it was read";
        }
        out->data[done] = '\0';
        out->size = done;
    }
    close(fd);
    if (why) {
        say("refused %s/%s: %s", dir, name, why);
        free(out->data);
        memset(out, 0, sizeof(*out));
        return false;
    }
    out->present = true;
    return true;
}

/* CHECK.txt beside the staff's file, when it says something new, written whole. */
static bool store_report(const char *folder, const struct source *report)
{
    struct strbuf path;
    strbuf_init(&path);
    strbuf_addf(&path, "%s/" CHECK_REPORT_NAME, folder);
    struct file_bytes old = {0};
    int error = 0;
    file_read(strbuf_str(&path), REPORT_MAX_BYTES, &old, &error);
    bool ok = true;
    if (!check_report_same(old.data, old.size, report->data, report->size)) {
        /* file_replace.h: whole, and on FAT flushed again under its new name, so a plug pulled
         * right after leaves the new report, not a name pointing at freed clusters. */
        ok = file_replace(AT_FDCWD, strbuf_str(&path), report->data, report->size, 0644);
        if (ok) {
            say("wrote %s", strbuf_str(&path));
        } else {
            say("cannot write %s: %s", strbuf_str(&path), strerror(errno));
        }
    }
    free(old.data);
    strbuf_finish(&path);
    return ok;
}

/* The translation ledger beside the card's last good copy, when it says something new, written
 * whole: a read-only root forgets the state folder's at each boot, and with it which
 * translations are out of date. */
static bool store_ledger(const char *slots, const struct source *ledger)
{
    char *path = translation_history_path(slots);
    enum file_replace_result r =
        file_replace_changed(path, ledger->data, ledger->size, CONFIG_MAX_BYTES);
    if (r == FILE_REPLACE_WRITTEN) {
        say("wrote %s", path);
    } else if (r == FILE_REPLACE_FAILED) {
        say("cannot write %s: %s", path, strerror(errno));
    }
    free(path);
    return r != FILE_REPLACE_FAILED;
}

/* The staff's folder: where `config` is. Free it. */
static char *folder_of(const char *config)
{
    char *folder = xstrdup(config);
    char *slash = strrchr(folder, '/');
    if (slash) {
        slash[slash == folder] = '\0';
        return folder;
    }
    free(folder);
    return xstrdup(".");
}

/* How long staff mode's "Go back" request counts: the kiosk leaves it behind, and one found
 * after a restart of this helper must not undo a stick installed since. */
#define GO_BACK_FRESH_SECONDS 120

/* Staff mode's "Go back": the content from before the last USB stick put back on the card, and
 * the receipt beside the file says so. Each request (its text is the kiosk's id for it) once. */
static bool go_back(const char *config, const struct source *request)
{
    static char handled[128];
    time_t now = time(NULL);
    if (!request->present || request->st.st_mtime > now + 5 ||
        now - request->st.st_mtime > GO_BACK_FRESH_SECONDS ||
        strncmp(handled, request->data, sizeof(handled) - 1) == 0) {
        return true;
    }
    snprintf(handled, sizeof(handled), "%s", request->data);
    char *folder = folder_of(config);
    const char *slash = strrchr(config, '/');
    struct usb_card card = {.folder = folder, .config_name = slash ? slash + 1 : config};
    card.fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    bool ok = card.fd >= 0;
    if (ok) {
        usb_card_lock(&card);
        usb_finish(&card);
        ok = usb_go_back(&card, KIOSK_VERSION);
        close(card.fd);
    } else {
        say("cannot open %s: %s", folder, strerror(errno));
    }
    free(folder);
    return ok;
}

bool store_copy(const char *state, const char *config)
{
    int dirfd = open(state, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    struct stat dst;
    if (dirfd < 0 || fstat(dirfd, &dst) != 0) {
        bool absent = errno == ENOENT;
        if (!absent) {
            say("cannot open the state folder %s: %s", state, strerror(errno));
        }
        if (dirfd >= 0) {
            close(dirfd);
        }
        return absent; /* not made yet (the kiosk has not started): nothing to keep */
    }
    struct source good, report;
    bool ok = read_source(dirfd, state, dst.st_uid, "last-good.cfg", CONFIG_MAX_BYTES, &good);
    ok = read_source(dirfd, state, dst.st_uid, CHECK_REPORT_NAME, REPORT_MAX_BYTES, &report) && ok;
    struct source ledger;
    ok =
        read_source(dirfd, state, dst.st_uid, TRANSLATION_LEDGER_NAME, CONFIG_MAX_BYTES, &ledger) &&
        ok;
    struct source request;
    ok = read_source(dirfd, state, dst.st_uid, USB_GO_BACK_REQUEST, 100, &request) && ok;
    close(dirfd);
    ok = go_back(config, &request) && ok;
    free(request.data);
    if (good.present) {
        char *slots = last_good_store_folder(config);
        enum last_good_store_result r = last_good_store_write(slots, good.data, good.size);
        if (r == LAST_GOOD_STORE_WRITTEN) {
            say("kept the last good copy in %s", slots);
        }
        ok = ok && r != LAST_GOOD_STORE_FAILED;
        if (ledger.present && r != LAST_GOOD_STORE_FAILED) {
            ok = store_ledger(slots, &ledger) && ok; /* in the folder the copy made */
        }
        free(slots);
    }
    if (report.present) {
        char *folder = folder_of(config);
        ok = store_report(folder, &report) && ok;
        free(folder);
    }
    free(good.data);
    free(report.data);
    free(ledger.data);
    return ok;
}
