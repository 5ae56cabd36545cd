#define _POSIX_C_SOURCE 200809L

#include "reload.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check_report.h"
#include "config_reader.h"
#include "diag.h"
#include "file_replace.h"
#include "last_good_slot.h"
#include "last_good_store.h"
#include "log.h"
#include "resting.h"
#include "translation_history.h"
#include "usb_receipt.h"
#include "xalloc.h"

#ifndef KIOSK_VERSION
#define KIOSK_VERSION "unknown"
#endif

void reload_init(struct reload *r, const char *path, const char *assets_dir, const char *state_dir,
                 const char *shipped)
{
    memset(r, 0, sizeof(*r));
    r->fd = -1;
    r->path = xstrdup(path);
    r->shipped = shipped ? xstrdup(shipped) : NULL;
    r->assets_dir = assets_dir ? xstrdup(assets_dir) : NULL;
    if (state_dir && state_dir[0]) {
        size_t n = strlen(state_dir) + sizeof("/last-good.cfg");
        r->last_good = xrealloc(NULL, n);
        snprintf(r->last_good, n, "%s/last-good.cfg", state_dir);
        n = strlen(state_dir) + sizeof("/" CHECK_REPORT_NAME);
        r->report = xrealloc(NULL, n);
        snprintf(r->report, n, "%s/" CHECK_REPORT_NAME, state_dir);
        r->ledger = translation_history_path(state_dir);
    }
    const char *slash = strrchr(path, '/');
    r->name = xstrdup(slash ? slash + 1 : path);
}

static void drop_pending(struct reload *r);

void reload_finish(struct reload *r)
{
    if (r->fd >= 0) {
        close(r->fd);
    }
    drop_pending(r);
    free(r->showing_data);
    free(r->path);
    free(r->shipped);
    free(r->assets_dir);
    free(r->last_good);
    free(r->report);
    free(r->ledger);
    free(r->name);
    free(r->showing_version);
    free(r->pending_version);
    free(r->replaced_version);
    strbuf_finish(&r->messages);
    strbuf_finish(&r->findings);
    memset(r, 0, sizeof(*r));
    r->fd = -1;
}

/* Writes the bytes to `path` through a temporary file, so a power cut leaves either the old
 * file or the new one, never half of one. */
static void save_whole(const char *path, const char *data, size_t size)
{
    if (!file_replace(AT_FDCWD, path, data, size, 0644)) {
        log_warn("cannot write %s: %s", path, strerror(errno));
    }
}

static char *dup_or_null(const char *s)
{
    return s ? xstrdup(s) : NULL;
}

/* Writes CHECK.txt into the state folder when what it says has changed (the time of the check
 * alone does not count), so a card is not written to on every check. */
static void write_report(struct reload *r)
{
    if (!r->report || !r->checked) {
        return;
    }
    char when[64];
    struct tm tm;
    localtime_r(&r->checked_at, &tm);
    strftime(when, sizeof(when), "%Y-%m-%d %H:%M", &tm);
    struct check_report in = {r->name,
                              when,
                              r->last_ok,
                              reload_source_name(r->source),
                              r->showing_version,
                              r->pending != NULL,
                              strbuf_str(&r->findings),
                              KIOSK_VERSION};
    struct strbuf text;
    strbuf_init(&text);
    check_report_format(&text, &in);
    struct diag_list ignore;
    diag_init(&ignore, "");
    size_t old_size = 0;
    char *old =
        access(r->report, F_OK) == 0 ? config_read_bytes(r->report, &old_size, &ignore) : NULL;
    diag_finish(&ignore);
    if (!check_report_same(old, old_size, strbuf_str(&text), text.len)) {
        save_whole(r->report, strbuf_str(&text), text.len);
    }
    free(old);
    strbuf_finish(&text);
}

static bool same_bytes(const char *a, size_t na, const char *b, size_t nb)
{
    return a && b && na == nb && memcmp(a, b, na) == 0;
}

/* Notes the result of a check for staff mode: counts and the first messages. */
static void remember(struct reload *r, const struct diag_list *d, bool ok)
{
    r->checked = true;
    r->checked_at = time(NULL);
    r->last_ok = ok;
    r->last_errors = d->errors;
    r->last_warnings = d->warnings;
    strbuf_reset(&r->messages);
    strbuf_reset(&r->findings);
    check_report_findings(&r->findings, d);
    for (size_t i = 0; i < d->count; i++) {
        if (ok && d->items[i].level != DIAG_ERROR) {
            continue; /* a good file's warnings are for --check, not the staff screen */
        }
        diag_format(d, &d->items[i], &r->messages);
        strbuf_add(&r->messages, "\n", 1);
    }
}

/* Reads and checks `file`, naming `name` in messages and finding pictures beside it. */
static struct content *load_as(const struct reload *r, const char *name, const char *file,
                               struct diag_list *d, char **data, size_t *size)
{
    *data = config_read_bytes(file, size, d);
    if (!*data) {
        return NULL;
    }
    return config_load_buffer(name, *data, *size, r->assets_dir, d);
}

/* Reads and checks `file` as the staff's file: named so, with its pictures beside it, and
 * compared with what the kiosk kept of earlier good files, so that a translation made before
 * its original changed is named (translation_history.h). */
static struct content *load(const struct reload *r, const char *file, struct diag_list *d,
                            char **data, size_t *size)
{
    *data = config_read_bytes(file, size, d);
    if (!*data) {
        return NULL;
    }
    /* The state folder's ledger, else the copy kiosk-store keeps beside the staff's file,
     * which outlives a reboot of a read-only root. */
    char *kept = NULL;
    const char *ledger = r->ledger;
    if (!ledger || access(ledger, F_OK) != 0) {
        char *folder = last_good_store_folder(r->path);
        ledger = kept = translation_history_path(folder);
        free(folder);
    }
    struct translation_history h;
    translation_history_read(&h, ledger, r->path, r->last_good);
    free(kept);
    struct content *c =
        config_load_buffer_since(r->path, *data, *size, r->assets_dir, &h.history, d);
    translation_history_finish(&h);
    return c;
}

/* Keeps what the translations of the staff's good file were made from, for the next check. */
static void keep_ledger(const struct reload *r, const struct content *c)
{
    if (!translation_history_keep(r->ledger, c)) {
        log_warn("cannot write %s: %s", r->ledger, strerror(errno));
    }
}

const char *reload_source_name(enum reload_source source)
{
    switch (source) {
    case RELOAD_FROM_FILE:
        return "your file";
    case RELOAD_FROM_LAST_GOOD:
        return "the last good copy of your file";
    case RELOAD_FROM_SHIPPED:
        return "the content the kiosk came with";
    case RELOAD_FROM_RESTING:
        return "the built-in resting screen";
    }
    return "?";
}

/* The last good copy in the state folder, when there is one that checks OK; last_good_broken
 * when there is one that does not. */
static struct content *boot_state_copy(struct reload *r, char **data, size_t *size)
{
    if (!r->last_good || access(r->last_good, F_OK) != 0) {
        return NULL;
    }
    struct diag_list d;
    diag_init(&d, r->last_good);
    struct content *c = load(r, r->last_good, &d, data, size);
    if (!c) {
        log_error("the last good copy, %s, cannot be used either:", r->last_good);
        diag_print(&d, stderr);
        r->last_good_broken = true;
        free(*data);
        *data = NULL;
    }
    diag_finish(&d);
    return c;
}

/* The copy kiosk-store keeps beside the staff's file, which outlives a reboot of a read-only
 * root (last_good_store.h): the newest whole slot, if it checks OK. */
static struct content *boot_kept_copy(struct reload *r, char **data, size_t *size)
{
    char *folder = last_good_store_folder(r->path);
    const char *slot = NULL;
    *data = last_good_store_read(folder, size, &slot);
    struct content *c = NULL;
    if (*data) {
        struct diag_list d;
        diag_init(&d, r->path);
        c = config_load_buffer(r->path, *data, *size, r->assets_dir, &d);
        if (c) {
            log_info("using the last good copy kept in %s/%s", folder, slot);
        } else {
            log_error("the last good copy kept in %s/%s cannot be used either:", folder, slot);
            diag_print(&d, stderr);
            r->last_good_broken = true;
            free(*data);
            *data = NULL;
        }
        diag_finish(&d);
    }
    free(folder);
    return c;
}

/* The last good copy: the state folder's, else the one kept beside the staff's file. */
static struct content *boot_last_good(struct reload *r, char **data, size_t *size)
{
    struct content *c = boot_state_copy(r, data, size);
    return c ? c : boot_kept_copy(r, data, size);
}

/* The content the package ships: pictures beside it, messages naming it. */
static struct content *boot_shipped(struct reload *r)
{
    if (!r->shipped || strcmp(r->shipped, r->path) == 0) {
        return NULL; /* the staff's file is the shipped one, and it just failed */
    }
    struct diag_list d;
    diag_init(&d, r->shipped);
    char *data = NULL;
    size_t size = 0;
    struct content *c = load_as(r, r->shipped, r->shipped, &d, &data, &size);
    free(data);
    if (!c) {
        log_error("the content the kiosk came with, %s, cannot be used either:", r->shipped);
        diag_print(&d, stderr);
    }
    diag_finish(&d);
    return c;
}

struct content *reload_boot(struct reload *r)
{
    struct diag_list d;
    diag_init(&d, r->path);
    char *data = NULL;
    size_t size = 0;
    struct content *c = load(r, r->path, &d, &data, &size);
    diag_print(&d, stderr);
    remember(r, &d, c != NULL);
    diag_finish(&d);
    r->source = RELOAD_FROM_FILE;
    if (c) {
        keep_ledger(r, c);
        r->showing_data = data;
        r->showing_size = size;
        r->unsaved = true; /* saved once it is drawn, and only if it differs */
        r->showing_version = dup_or_null(c->version);
        write_report(r);
        return c;
    }
    free(data);
    data = NULL;
    /* Never a dark screen because of content: each stand-in in turn, down to one that cannot
     * fail. The staff's file is still watched, and replaces the stand-in once it is fixed. */
    if ((c = boot_last_good(r, &data, &size))) {
        r->source = RELOAD_FROM_LAST_GOOD;
        r->showing_data = data;
        r->showing_size = size;
    } else if ((c = boot_shipped(r))) {
        r->source = RELOAD_FROM_SHIPPED;
    } else {
        c = resting_content(r->assets_dir, NULL);
        r->source = RELOAD_FROM_RESTING;
    }
    c->stand_in = true;
    r->showing_version = dup_or_null(c->version);
    log_warn("%s cannot be used (listed above); showing %s until it is fixed", r->path,
             reload_source_name(r->source));
    write_report(r);
    return c;
}

bool reload_watch(struct reload *r)
{
    r->fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (r->fd < 0) {
        log_warn("cannot watch %s for changes (%s); restart the kiosk after editing it", r->path,
                 strerror(errno));
        return false;
    }
    /* Watch the folder, not the file: editors save by writing a new file and renaming it over
     * the old one, and pictures beside the config count as content too. Every write counts
     * (IN_MODIFY), so a file copied slowly, or written by a program that keeps it open, is
     * not checked until it has been still for RELOAD_SETTLE_MS. */
    char *dir = xstrdup(r->path);
    char *slash = strrchr(dir, '/');
    if (slash) {
        slash[slash == dir ? 1 : 0] = '\0';
    }
    const char *folder = slash ? dir : ".";
    if (inotify_add_watch(r->fd, folder,
                          IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE |
                              IN_DELETE | IN_ATTRIB) < 0) {
        log_warn("cannot watch %s for changes (%s); restart the kiosk after editing it", folder,
                 strerror(errno));
        close(r->fd);
        r->fd = -1;
    }
    free(dir);
    return r->fd >= 0;
}

int reload_fd(const struct reload *r)
{
    return r->fd;
}

bool reload_drain_events(int fd)
{
    if (fd < 0) {
        return false;
    }
    bool any = false;
    char buf[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
    for (;;) {
        ssize_t n = read(fd, buf, sizeof(buf));
        if (n <= 0) {
            break; /* EAGAIN: nothing more for now */
        }
        for (char *p = buf; p < buf + n;) {
            const struct inotify_event *e = (const struct inotify_event *)p;
            /* Editors' swap and backup files come and go while staff type; skip them. */
            bool noise = e->len > 0 && (e->name[0] == '.' || e->name[strlen(e->name) - 1] == '~');
            /* What the helpers write beside the file is not content: kiosk-store's report (and
             * its temporary name) and the folder of the last good copy, kiosk-usb's receipt
             * and the folder of the content before a stick's (its stage folder is hidden). */
            noise = noise || (e->len > 0 && (strcmp(e->name, CHECK_REPORT_NAME) == 0 ||
                                             strcmp(e->name, CHECK_REPORT_NAME ".new") == 0 ||
                                             strcmp(e->name, LAST_GOOD_FOLDER) == 0 ||
                                             strcmp(e->name, USB_RECEIPT_NAME) == 0 ||
                                             strcmp(e->name, USB_RECEIPT_NAME ".new") == 0 ||
                                             strcmp(e->name, USB_BEFORE_FOLDER) == 0));
            any = any || !noise;
            p += sizeof(*e) + e->len;
        }
    }
    return any;
}

void reload_note_change(struct reload *r, uint64_t now)
{
    r->changed = true;
    r->changed_at = now;
}

bool reload_read_events(struct reload *r, uint64_t now)
{
    bool any = reload_drain_events(r->fd);
    if (any) {
        reload_note_change(r, now);
    }
    return any;
}

uint64_t reload_deadline(const struct reload *r)
{
    return r->changed ? r->changed_at + RELOAD_SETTLE_MS : RELOAD_NO_DEADLINE;
}

/* Whether the file at `path` is as `before` found it: same size and time of change. */
static bool still(const char *path, const struct stat *before)
{
    struct stat after;
    return stat(path, &after) == 0 && after.st_size == before->st_size &&
           after.st_mtim.tv_sec == before->st_mtim.tv_sec &&
           after.st_mtim.tv_nsec == before->st_mtim.tv_nsec && after.st_ino == before->st_ino;
}

bool reload_check_due(struct reload *r, uint64_t now)
{
    if (!r->changed || now < r->changed_at + RELOAD_SETTLE_MS) {
        return false;
    }
    r->changed = false;
    return true;
}

void reload_check_run(const struct reload *r, struct reload_check_result *out)
{
    memset(out, 0, sizeof(*out));
    struct stat before;
    bool had = stat(r->path, &before) == 0;
    diag_init(&out->diags, r->path);
    out->content = load(r, r->path, &out->diags, &out->data, &out->size);
    out->unsettled = had && !still(r->path, &before);
}

static void drop_pending(struct reload *r)
{
    content_destroy(r->pending);
    free(r->pending_data);
    if (r->pending_prepared && r->pending_discard) {
        r->pending_discard(r->pending_prepared);
    }
    r->pending = NULL;
    r->pending_data = NULL;
    r->pending_size = 0;
    r->pending_prepared = NULL;
    r->pending_discard = NULL;
    free(r->pending_version);
    r->pending_version = NULL;
}

void reload_check_result_free(struct reload_check_result *res)
{
    if (res->prepared && res->discard) {
        res->discard(res->prepared);
    }
    content_destroy(res->content);
    free(res->data);
    diag_finish(&res->diags);
    memset(res, 0, sizeof(*res));
}

bool reload_check_apply(struct reload *r, struct reload_check_result *res, uint64_t now, bool force)
{
    if (!force && res->unsettled) {
        /* Written to while it was read: not whole yet. Look again once it has settled. */
        reload_check_result_free(res);
        reload_note_change(r, now);
        return false;
    }
    struct content *c = res->content;
    remember(r, &res->diags, c != NULL);
    if (!c) {
        /* The staff's latest file is the one that counts: a good one checked earlier and
         * still waiting does not go on screen after all. */
        bool dropped = r->pending != NULL;
        drop_pending(r);
        log_warn("%s changed but has %zu error%s; the content on screen stays until it is "
                 "fixed%s:",
                 r->path, res->diags.errors, res->diags.errors == 1 ? "" : "s",
                 dropped ? " (the good version checked before it will not be shown)" : "");
        diag_print(&res->diags, stderr);
        reload_check_result_free(res);
        write_report(r);
        return false;
    }
    keep_ledger(r, c);
    /* A picture beside the config may have changed even when the file did not. */
    drop_pending(r);
    r->pending = c;
    r->pending_data = res->data;
    r->pending_size = res->size;
    r->pending_prepared = res->prepared;
    r->pending_discard = res->discard;
    r->pending_version = dup_or_null(c->version);
    res->content = NULL;
    res->data = NULL;
    res->prepared = NULL;
    reload_check_result_free(res);
    log_info("%s changed and checks OK; it goes on screen when the current visit ends", r->path);
    write_report(r);
    return true;
}

bool reload_check(struct reload *r, uint64_t now, bool force)
{
    if (!force && !reload_check_due(r, now)) {
        return false;
    }
    r->changed = false;
    struct reload_check_result res;
    reload_check_run(r, &res);
    return reload_check_apply(r, &res, now, force);
}

struct content *reload_take(struct reload *r)
{
    void *prepared = NULL;
    void (*discard)(void *) = r->pending_discard;
    struct content *c = reload_take_prepared(r, &prepared);
    if (prepared && discard) {
        discard(prepared);
    }
    return c;
}

struct content *reload_take_prepared(struct reload *r, void **prepared)
{
    struct content *c = r->pending;
    *prepared = NULL;
    if (!c) {
        return NULL;
    }
    *prepared = r->pending_prepared;
    r->pending_prepared = NULL;
    r->pending_discard = NULL;
    r->unsaved = !same_bytes(r->showing_data, r->showing_size, r->pending_data, r->pending_size) ||
                 r->source != RELOAD_FROM_FILE || r->unsaved;
    free(r->showing_data);
    r->showing_data = r->pending_data;
    r->showing_size = r->pending_size;
    r->pending = NULL;
    r->pending_data = NULL;
    r->pending_size = 0;
    r->replaced = r->source;
    r->source = RELOAD_FROM_FILE;
    free(r->replaced_version);
    r->replaced_version = r->showing_version;
    r->showing_version = r->pending_version;
    r->pending_version = NULL;
    write_report(r);
    return c;
}

void reload_not_shown(struct reload *r)
{
    r->unsaved = false;
    r->source = r->replaced; /* the content before it stays on screen */
    free(r->showing_version);
    r->showing_version = r->replaced_version;
    r->replaced_version = NULL;
    write_report(r);
}

void reload_shown(struct reload *r)
{
    if (!r->unsaved || r->source != RELOAD_FROM_FILE) {
        return;
    }
    r->unsaved = false;
    if (!r->last_good) {
        return;
    }
    if (file_replace_changed(r->last_good, r->showing_data, r->showing_size, CONFIG_MAX_BYTES) ==
        FILE_REPLACE_FAILED) {
        log_warn("cannot write %s: %s", r->last_good, strerror(errno));
    }
}
