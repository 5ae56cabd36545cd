/* usb_update.h: a stick's content staged, checked, kept and moved into place. */
#define _GNU_SOURCE

#include "usb_update.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check_report.h"
#include "config_locate.h"
#include "config_reader.h"
#include "content.h"
#include "diag.h"
#include "file_replace.h"
#include "translation_history.h"
#include "usb_tree.h"
#include "xalloc.h"

#define say(...) (fputs("kiosk-usb: ", stderr), fprintf(stderr, __VA_ARGS__), fputc('\n', stderr))

/* The longest the check of one file may take before it counts as failed. */
#define CHECK_SECONDS 120
#define CHECK_OUTPUT_MAX (1024u * 1024u)

void usb_result_init(struct usb_result *r)
{
    memset(r, 0, sizeof(*r));
    strbuf_init(&r->findings);
}

void usb_result_free(struct usb_result *r)
{
    free(r->version);
    free(r->previous);
    strbuf_finish(&r->findings);
    memset(r, 0, sizeof(*r));
}

void usb_result_receipt(const struct usb_result *r, const char *kiosk_version, struct strbuf *out)
{
    char when[32];
    time_t t = time(NULL);
    struct tm tm;
    localtime_r(&t, &tm);
    strftime(when, sizeof(when), "%Y-%m-%d %H:%M", &tm);
    struct usb_receipt receipt = {
        .outcome = r->outcome,
        .when = when,
        .version = r->version,
        .previous = r->previous,
        .files = r->files,
        .findings = strbuf_str(&r->findings),
        .kiosk_version = kiosk_version,
    };
    usb_receipt_format(out, &receipt);
}

static void fail(struct usb_result *out, const char *why)
{
    out->outcome = USB_FAILED;
    strbuf_reset(&out->findings);
    strbuf_addf(&out->findings, "What went wrong: %s\r\n\r\n", why);
    say("%s", why);
}

/* Gives up root for the kiosk's user, for good, before any of a stick's text is read. */
static bool become(const char *user)
{
    if (!user) {
        return true;
    }
    struct passwd *pw = getpwnam(user);
    if (!pw || setgroups(0, NULL) != 0 || setgid(pw->pw_gid) != 0 || setuid(pw->pw_uid) != 0) {
        return false;
    }
    return setuid(0) != 0 && getuid() == pw->pw_uid; /* and there is no way back */
}

/* The child: checks `path` with the kiosk's checker (compared with the kiosk's ledger of
 * `baseline`, the file it would replace, else with that file itself, when not NULL) and writes, to
 * `fd`, "1" or "0" (whether it checked OK), its version, then the findings, one field per line but
 * the last. */
static void check_child(int fd, const char *path, const char *baseline, const struct usb_card *card)
{
    const char *user = card->user;
    alarm(CHECK_SECONDS);
    if (!become(user)) {
        _exit(3);
    }
    struct diag_list diags;
    diag_init(&diags, path);
    struct translation_history h;
    translation_history_read(&h, baseline ? card->ledger : NULL, baseline, baseline);
    struct content *c = config_load_since(path, config_assets_dir(), &h.history, &diags);
    translation_history_finish(&h);
    struct strbuf msg;
    strbuf_init(&msg);
    strbuf_addf(&msg, "%d\n%s\n", c != NULL, c && c->version ? c->version : "");
    check_report_findings_then(&msg, &diags,
                               "save kiosk/kiosk.cfg on the stick, and plug the stick into the "
                               "kiosk again");
    const char *s = strbuf_str(&msg);
    for (size_t done = 0; done < msg.len;) {
        ssize_t w = write(fd, s + done, msg.len - done);
        if (w <= 0 && errno != EINTR) {
            _exit(4);
        }
        done += w > 0 ? (size_t)w : 0;
    }
    _exit(0);
}

/* Checks the config at `path` in a child process as card->user, compared with `baseline` (see
 * check_child; may be NULL). False if the check itself did not finish; else *ok, *version and
 * `findings` (if not NULL) say what it found. */
static bool run_check(const struct usb_card *card, const char *path, const char *baseline, bool *ok,
                      char **version, struct strbuf *findings)
{
    int p[2];
    if (pipe2(p, O_CLOEXEC) != 0) {
        return false;
    }
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) {
        close(p[0]);
        close(p[1]);
        return false;
    }
    if (pid == 0) {
        close(p[0]);
        check_child(p[1], path, baseline, card);
    }
    close(p[1]);
    struct strbuf got;
    strbuf_init(&got);
    char buf[4096];
    for (;;) {
        ssize_t n = read(p[0], buf, sizeof(buf));
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            break;
        }
        if (got.len + (size_t)n <= CHECK_OUTPUT_MAX) {
            strbuf_add(&got, buf, (size_t)n);
        }
    }
    close(p[0]);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    const char *s = strbuf_str(&got);
    const char *nl1 = strchr(s, '\n');
    const char *nl2 = nl1 ? strchr(nl1 + 1, '\n') : NULL;
    bool done = WIFEXITED(status) && WEXITSTATUS(status) == 0 && nl2;
    if (done) {
        *ok = s[0] == '1';
        *version = nl2 > nl1 + 1 ? xstrndup(nl1 + 1, (size_t)(nl2 - nl1 - 1)) : NULL;
        if (findings) {
            strbuf_addf(findings, "%s", nl2 + 1);
        }
    } else {
        say("the check of %s did not finish (%s %d)", path,
            WIFSIGNALED(status) ? "signal" : "status",
            WIFSIGNALED(status) ? WTERMSIG(status) : WEXITSTATUS(status));
    }
    strbuf_finish(&got);
    return done;
}

/* Whether file `name` has the same bytes in the folders `a` and `b`. */
static bool same_file(int a, int b, const char *name)
{
    int fa = openat(a, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    int fb = openat(b, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    struct stat sa, sb;
    bool same = fa >= 0 && fb >= 0 && fstat(fa, &sa) == 0 && fstat(fb, &sb) == 0 &&
                S_ISREG(sb.st_mode) && sa.st_size == sb.st_size;
    char x[16384], y[16384];
    while (same) {
        ssize_t n = read(fa, x, sizeof(x));
        if (n <= 0) {
            same = n == 0;
            break;
        }
        same = read(fb, y, (size_t)n) == n && memcmp(x, y, (size_t)n) == 0;
    }
    if (fa >= 0) {
        close(fa);
    }
    if (fb >= 0) {
        close(fb);
    }
    return same;
}

/* Renames every staged file over its place in the card's folder, the kiosk's file last, and
 * clears the stage folder. */
static bool place(const struct usb_card *card, int stage)
{
    struct usb_tree t;
    usb_tree_init(&t);
    usb_tree_scan(stage, &t);
    bool ok = true;
    for (int config_pass = 0; config_pass < 2; config_pass++) {
        for (size_t i = 0; i < t.n; i++) {
            const char *name = t.files[i].name;
            bool is_config = strcasecmp(name, card->config_name) == 0;
            if (strcmp(name, USB_READY_NAME) == 0 || is_config != (config_pass == 1)) {
                continue;
            }
            char *parent = xstrdup(name);
            char *slash = strrchr(parent, '/');
            if (slash) {
                *slash = '\0';
            }
            usb_tree_make_parents(card->fd, name);
            if (renameat(stage, name, card->fd, name) != 0) {
                say("cannot move %s into %s: %s", name, card->folder, strerror(errno));
                ok = false;
            } else {
                /* FAT writes a moved file's directory entry with the file: flush it. */
                usb_sync(card->fd, name);
                if (slash) {
                    usb_sync(card->fd, parent);
                }
            }
            free(parent);
        }
        usb_sync(card->fd, NULL);
    }
    usb_tree_free(&t);
    if (ok) {
        unlinkat(stage, USB_READY_NAME, 0);
        usb_sync(stage, NULL);
        usb_tree_remove(card->fd, USB_STAGE_FOLDER);
        usb_sync(card->fd, NULL);
    }
    return ok;
}

bool usb_finish(const struct usb_card *card)
{
    int stage = openat(card->fd, USB_STAGE_FOLDER, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (stage < 0) {
        return true;
    }
    bool ok;
    if (faccessat(stage, USB_READY_NAME, F_OK, AT_SYMLINK_NOFOLLOW) == 0) {
        say("finishing the update a power cut interrupted");
        ok = place(card, stage);
    } else {
        ok = usb_tree_remove(card->fd, USB_STAGE_FOLDER);
        usb_sync(card->fd, NULL);
    }
    close(stage);
    return ok;
}

/* Whether every file of `t` has the same bytes in the folders `a` and `b`. */
static bool same_content(int a, int b, const struct usb_tree *t)
{
    for (size_t i = 0; i < t->n; i++) {
        if (!same_file(a, b, t->files[i].name)) {
            return false;
        }
    }
    return true;
}

/* A new stage folder beside the file, holding a copy of the files of `t` in the folder `src`:
 * open, or -1 (and no stage folder) with the reason in `why`. */
static int new_stage(const struct usb_card *card, int src, const struct usb_tree *t,
                     struct strbuf *why)
{
    usb_tree_remove(card->fd, USB_STAGE_FOLDER);
    int stage = -1;
    if (mkdirat(card->fd, USB_STAGE_FOLDER, 0755) != 0 ||
        (stage = openat(card->fd, USB_STAGE_FOLDER, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0) {
        strbuf_setf(why, "cannot make %s/%s: %s", card->folder, USB_STAGE_FOLDER, strerror(errno));
    } else if (!usb_tree_copy(src, t, stage, why)) {
        close(stage);
        stage = -1;
    }
    if (stage < 0) {
        usb_tree_remove(card->fd, USB_STAGE_FOLDER);
        usb_sync(card->fd, NULL);
    }
    return stage;
}

/* Marks the stage folder whole (READY), on the disk: from here usb_finish completes it. */
static bool mark_ready(int stage)
{
    int ready = openat(stage, USB_READY_NAME, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    bool ok = ready >= 0 && write(ready, "whole\n", 6) == 6 && fsync(ready) == 0;
    if (ready >= 0) {
        close(ready);
    }
    usb_sync(stage, NULL);
    return ok;
}

/* Copies the content on the card into before-usb-update/, in place of what was there. */
static bool keep_previous(const struct usb_card *card, struct strbuf *why)
{
    struct usb_tree live;
    usb_tree_init(&live);
    usb_tree_scan(card->fd, &live);
    bool ok = usb_tree_remove(card->fd, USB_BEFORE_FOLDER) &&
              mkdirat(card->fd, USB_BEFORE_FOLDER, 0755) == 0;
    int before = ok ? openat(card->fd, USB_BEFORE_FOLDER, O_RDONLY | O_DIRECTORY | O_CLOEXEC) : -1;
    if (before < 0) {
        strbuf_setf(why, "cannot make %s/%s: %s", card->folder, USB_BEFORE_FOLDER, strerror(errno));
        ok = false;
    } else {
        ok = usb_tree_copy(card->fd, &live, before, why);
        close(before);
        usb_sync(card->fd, NULL);
    }
    usb_tree_free(&live);
    return ok;
}

static char *path_in(const struct usb_card *card, const char *sub)
{
    struct strbuf p;
    strbuf_init(&p);
    strbuf_addf(&p, "%s/%s%s%s", card->folder, sub ? sub : "", sub ? "/" : "", card->config_name);
    return strbuf_take(&p);
}

void usb_install(const struct usb_card *card, int stick, struct usb_result *out)
{
    struct usb_tree t;
    usb_tree_init(&t);
    struct strbuf why;
    strbuf_init(&why);
    char *staged = path_in(card, USB_STAGE_FOLDER);
    char *live = path_in(card, NULL);
    int stage = -1;
    if (!usb_tree_scan(stick, &t)) {
        out->outcome = USB_NOT_CHECKED;
        strbuf_addf(&out->findings, "FILES NOT TAKEN (%zu):\r\n\r\n%s", t.n_refused,
                    strbuf_str(&t.refused));
        goto done;
    }
    if (!usb_tree_find(&t, card->config_name)) {
        out->outcome = USB_NOT_CHECKED;
        strbuf_addf(&out->findings,
                    "There is no %s in the kiosk folder of this stick. Put the kiosk's file "
                    "there with that name (a stick with no kiosk folder at all gets a copy "
                    "of the kiosk's content to start from).\r\n\r\n",
                    card->config_name);
        goto done;
    }
    stage = new_stage(card, stick, &t, &why);
    if (stage < 0) {
        fail(out, strbuf_str(&why));
        goto done;
    }
    bool ok = false;
    if (!run_check(card, staged, live, &ok, &out->version, &out->findings)) {
        fail(out, "the check of the stick's kiosk.cfg did not finish");
        goto done;
    }
    bool live_ok = false;
    run_check(card, live, NULL, &live_ok, &out->previous, NULL);
    out->files = t.n;
    if (!ok) {
        out->outcome = USB_HAS_ERRORS;
        goto done;
    }
    if (same_content(stage, card->fd, &t)) {
        out->outcome = USB_SAME;
        goto done;
    }
    if (!keep_previous(card, &why)) {
        fail(out, strbuf_str(&why));
        goto done;
    }
    if (!mark_ready(stage)) {
        strbuf_setf(&why, "cannot write %s/%s/%s: %s", card->folder, USB_STAGE_FOLDER,
                    USB_READY_NAME, strerror(errno));
        fail(out, strbuf_str(&why));
        goto done;
    }
    if (!place(card, stage)) {
        fail(out, "the new files could not all be moved into place; the kiosk finishes this "
                  "when it is next switched on");
        close(stage);
        goto keep_stage;
    }
    out->outcome = USB_INSTALLED;
    say("installed %zu files from the stick into %s", t.n, card->folder);
done:
    if (stage >= 0) {
        close(stage);
    }
    if (out->outcome != USB_INSTALLED) {
        usb_tree_remove(card->fd, USB_STAGE_FOLDER);
        usb_sync(card->fd, NULL);
    }
keep_stage:
    free(staged);
    free(live);
    strbuf_finish(&why);
    usb_tree_free(&t);
}

void usb_export(const struct usb_card *card, int stick_top, struct usb_result *out)
{
    struct usb_tree live;
    usb_tree_init(&live);
    usb_tree_scan(card->fd, &live);
    struct strbuf why;
    strbuf_init(&why);
    int dst = -1;
    if (mkdirat(stick_top, "kiosk", 0755) != 0 ||
        (dst = openat(stick_top, "kiosk", O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)) < 0) {
        strbuf_setf(&why,
                    "cannot make the kiosk folder on the stick: %s (is it locked, or "
                    "full?)",
                    strerror(errno));
        fail(out, strbuf_str(&why));
    } else if (!usb_tree_copy(card->fd, &live, dst, &why)) {
        fail(out, strbuf_str(&why));
    } else {
        char *path = path_in(card, NULL);
        bool ok = false;
        run_check(card, path, NULL, &ok, &out->version, NULL);
        free(path);
        out->outcome = USB_EXPORTED;
        out->files = live.n;
        say("copied %zu files from %s to the stick", live.n, card->folder);
    }
    if (dst >= 0) {
        close(dst);
    }
    strbuf_finish(&why);
    usb_tree_free(&live);
}

void usb_card_lock(const struct usb_card *card)
{
    while (flock(card->fd, LOCK_EX) != 0 && errno == EINTR) {
    }
}

/* usb_go_back's work, its result in `out`. */
static void go_back(const struct usb_card *card, struct usb_result *out)
{
    struct usb_tree t;
    usb_tree_init(&t);
    struct strbuf why;
    strbuf_init(&why);
    int before =
        openat(card->fd, USB_BEFORE_FOLDER, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    int stage = -1;
    if (before < 0 || (usb_tree_scan(before, &t), !usb_tree_find(&t, card->config_name))) {
        fail(out, "there is no content from before a USB stick to go back to");
        goto done;
    }
    out->files = t.n;
    out->outcome = USB_WENT_BACK;
    if (same_content(before, card->fd, &t)) {
        goto done; /* asked again: it is back already */
    }
    stage = new_stage(card, before, &t, &why);
    if (stage < 0) {
        fail(out, strbuf_str(&why));
        goto done;
    }
    if (!mark_ready(stage)) {
        fail(out, "cannot mark the content to go back to as whole");
        usb_tree_remove(card->fd, USB_STAGE_FOLDER);
    } else if (!place(card, stage)) {
        fail(out, "the files could not all be moved back; the kiosk finishes this when it is "
                  "next switched on");
    } else {
        say("went back to the content in %s/%s", card->folder, USB_BEFORE_FOLDER);
    }
done:
    if (stage >= 0) {
        close(stage);
    }
    if (before >= 0) {
        close(before);
    }
    strbuf_finish(&why);
    usb_tree_free(&t);
}

bool usb_go_back(const struct usb_card *card, const char *kiosk_version)
{
    struct usb_result r;
    usb_result_init(&r);
    go_back(card, &r);
    struct strbuf text;
    strbuf_init(&text);
    usb_result_receipt(&r, kiosk_version, &text);
    bool ok = file_replace(card->fd, USB_RECEIPT_NAME, strbuf_str(&text), text.len, 0644) &&
              r.outcome == USB_WENT_BACK;
    say("go back to the content before the last USB stick: %s", usb_outcome_word(r.outcome));
    strbuf_finish(&text);
    usb_result_free(&r);
    return ok;
}
