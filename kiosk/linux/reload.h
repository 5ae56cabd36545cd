/* Content updates without downtime. The kiosk watches its config file's folder (inotify); when
 * something there changes it waits for the writing to settle, checks the file, and keeps a
 * good result waiting until the visit on screen has ended. A broken file is reported and the
 * content on screen keeps running. Every file that checks OK is kept as "last good" in the
 * state folder. A kiosk that boots with a broken or missing file never goes dark: it shows the
 * first of the last good copy, the content the package ships and the built-in resting screen
 * that can be shown, until the file is fixed.
 * No SDL here: the caller decides when to check and when to switch. */
#ifndef KIOSK_RELOAD_H
#define KIOSK_RELOAD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "content.h"
#include "diag.h"
#include "strbuf.h"

/* Changes are checked this long after the last write to the folder (inotify reports every
 * write), and again if the file changed while it was read, so a file is never read half-saved. */
#define RELOAD_SETTLE_MS 1000
#define RELOAD_NO_DEADLINE UINT64_MAX

/* Where the content on screen came from, best first. */
enum reload_source {
    RELOAD_FROM_FILE,      /* the staff's own file */
    RELOAD_FROM_LAST_GOOD, /* the last copy of it that checked OK and was on screen */
    RELOAD_FROM_SHIPPED,   /* the content the package ships (reload.shipped) */
    RELOAD_FROM_RESTING,   /* the built-in resting screen (resting.h) */
};

struct reload {
    char *path;       /* the config file staff edit */
    char *shipped;    /* the content the package ships, or NULL */
    char *assets_dir; /* shipped pictures and fonts, may be NULL */
    char *last_good;  /* state folder's copy of the last file that checked OK, or NULL */
    char *report;     /* state folder's CHECK.txt (check_report.h), or NULL */
    char *ledger;     /* state folder's translation ledger (translation_history.h), or NULL */
    char *name;       /* the config file's name, to match inotify events */
    int fd;           /* inotify descriptor, or -1 when changes cannot be watched */
    bool changed;     /* something in the folder changed since the last check */
    uint64_t changed_at;
    struct content *pending; /* checked OK, waiting for the visit to end */
    void *pending_prepared;  /* ... what was made ready with it (reload_check_result) */
    void (*pending_discard)(void *prepared);
    char *pending_data; /* its bytes, saved as last good when it goes on screen */
    size_t pending_size;
    char *showing_data; /* the bytes of the content on screen, to skip unchanged files */
    size_t showing_size;
    bool unsaved; /* the content on screen is not yet the last good copy: see reload_shown */
    bool last_good_broken;       /* reload_boot found a last good copy it could not use */
    enum reload_source source;   /* of the content on screen */
    enum reload_source replaced; /* ... before reload_take: back to it if it is not shown */
    /* What staff mode shows about the last check. */
    bool checked;
    time_t checked_at;
    bool last_ok;
    size_t last_errors, last_warnings;
    struct strbuf messages; /* the problems, one per line */
    struct strbuf findings; /* ... all of them, for CHECK.txt (check_report_findings) */
    char *showing_version;  /* the `version` of the content on screen, or NULL */
    char *pending_version;  /* ... of the content waiting */
    char *replaced_version; /* ... of the content reload_take replaced (see `replaced`) */
};

/* Prepares to load `path`; `state_dir` (may be NULL) holds the last good copy, and `shipped`
 * (may be NULL) is the content to show when neither the file nor that copy can be. */
void reload_init(struct reload *r, const char *path, const char *assets_dir, const char *state_dir,
                 const char *shipped);
void reload_finish(struct reload *r);

/* Loads the content to start with: the file if it checks OK, else the last good copy, else the
 * shipped content, else the resting screen, so it never fails. `source` says which; anything
 * but the file is marked as a stand-in (content.stand_in). Problems are logged. */
struct content *reload_boot(struct reload *r);
/* A few words for staff on where the content on screen came from, e.g. "the last good copy of
 * your file". */
const char *reload_source_name(enum reload_source source);

/* Starts watching the config's folder; false (logged) when it cannot. */
bool reload_watch(struct reload *r);
/* The inotify descriptor to wait on, or -1. */
int reload_fd(const struct reload *r);
/* Reads everything waiting on an inotify descriptor (never blocks); true when something other
 * than an editor's swap or backup file changed. Safe to call from a watcher thread. */
bool reload_drain_events(int fd);
/* Notes that the folder changed at `now` (the file is checked once it has settled). */
void reload_note_change(struct reload *r, uint64_t now);
/* Both of the above, for callers without a thread. */
bool reload_read_events(struct reload *r, uint64_t now);
/* When a settled change is due for checking, or RELOAD_NO_DEADLINE. */
uint64_t reload_deadline(const struct reload *r);
/* Checks the file if a change has settled (or at once with `force`). Returns true when new
 * content is waiting for reload_take. */
bool reload_check(struct reload *r, uint64_t now, bool force);
/* The same in two halves, for a check run on another thread (check_worker.h): */
struct reload_check_result {
    struct content *content; /* NULL when the file has errors */
    char *data;              /* its bytes */
    size_t size;
    struct diag_list diags;
    bool unsettled; /* it was written to while it was read */
    /* Whatever the checking thread also made ready for good content (its pictures, decoded),
     * and how to free it if it is never used. NULL when nothing was. */
    void *prepared;
    void (*discard)(void *prepared);
};
/* Whether a settled change is due at `now`; if so it counts as taken (run the check). */
bool reload_check_due(struct reload *r, uint64_t now);
/* Reads and checks the file. Uses nothing of `r` but its paths and assets folder, which never
 * change, so any thread may run it while the main one goes on (the ledger it reads is replaced
 * whole, never written in place). */
void reload_check_run(const struct reload *r, struct reload_check_result *out);
/* On the main thread: takes the result in (consumed), as reload_check does; true when new
 * content now waits for reload_take. */
bool reload_check_apply(struct reload *r, struct reload_check_result *res, uint64_t now,
                        bool force);
/* Frees a result that will not be applied. */
void reload_check_result_free(struct reload_check_result *res);
/* Hands over the waiting content (the caller owns it); NULL when none waits. Call it only
 * between visits. */
struct content *reload_take(struct reload *r);
/* The same, also handing over what was prepared with it (*prepared NULL when nothing was). */
struct content *reload_take_prepared(struct reload *r, void **prepared);
/* The content reload_boot or reload_take gave is on the screen now, drawn: only now is it kept
 * as the last good copy (a file that cannot be drawn must never become the copy the next boot
 * falls back to). Cheap when there is nothing to save. */
void reload_shown(struct reload *r);
/* The content reload_take gave could not be put on screen after all (no font opens): it is
 * not to become the last good copy. */
void reload_not_shown(struct reload *r);

#endif
