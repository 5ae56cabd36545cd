/* Content updates: a changed file is noticed (inotify), checked, and kept waiting; a broken one
 * is reported with its line and changes nothing; the last good file is kept and used at boot
 * when the file is broken. Real files in a scratch folder. */
#define _POSIX_C_SOURCE 200809L

#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "last_good_store.h"
#include "reload.h"
#include "staff_report.h"

static const char good1[] = "topics = ( { title = \"First\"; pages = (\n"
                            "    { id = \"a\"; title = \"A\"; } ); } );\n";
static const char good2[] = "topics = ( { title = \"Second\"; pages = (\n"
                            "    { id = \"a\"; title = \"A\"; } ); } );\n";
static const char broken[] = "topics = ( { title = \"Third\"; pages = (\n"
                             "    { id = \"a\"; title = 4; } ); } );\n";

static char dir[64], cfg[128], state[128], last_good[160], shipped[160], report_path[160];

/* Saves the way editors do: a new file renamed over the old one. */
static void save(const char *text)
{
    char tmp[160];
    snprintf(tmp, sizeof(tmp), "%s/kiosk.cfg.tmp", dir);
    FILE *f = fopen(tmp, "w");
    fputs(text, f);
    fclose(f);
    rename(tmp, cfg);
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        return NULL;
    }
    static char buf[4096];
    size_t n = fread(buf, 1, sizeof(buf) - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

/* Waits up to two seconds for inotify to report something. */
static bool wait_for_change(struct reload *r, uint64_t now)
{
    struct pollfd p = {reload_fd(r), POLLIN, 0};
    return poll(&p, 1, 2000) == 1 && reload_read_events(r, now);
}

static void test_reload(void)
{
    save(good1);
    struct reload r;
    reload_init(&r, cfg, NULL, state, NULL);
    struct content *c = reload_boot(&r);
    CHECK(c && r.source == RELOAD_FROM_FILE && !c->stand_in);
    CHECK(c && strcmp(c->topics[0].title, "First") == 0);
    CHECK(slurp(last_good) == NULL); /* not before anything was drawn with it */
    reload_shown(&r);
    CHECK_STR(slurp(last_good), good1); /* drawn: now it is the last good copy */
    CHECK(reload_watch(&r));

    /* A broken file: noticed, checked once it settles, reported with its line, and nothing
     * waits to replace what is on screen. */
    save(broken);
    CHECK(wait_for_change(&r, 10000));
    CHECK(reload_deadline(&r) == 10000 + RELOAD_SETTLE_MS);
    CHECK(!reload_check(&r, 10000 + RELOAD_SETTLE_MS - 1, false));
    CHECK(!reload_check(&r, 10000 + RELOAD_SETTLE_MS, false));
    CHECK(r.checked && !r.last_ok && r.last_errors == 1);
    CHECK(strstr(strbuf_str(&r.messages), "kiosk.cfg:2: page \"a\".title: is the number 4") !=
          NULL);
    CHECK(reload_take(&r) == NULL);
    CHECK_STR(slurp(last_good), good1);
    struct strbuf out;
    strbuf_init(&out);
    const char *report = staff_report_format(&out, c, &r);
    CHECK(strstr(report, "1 error") != NULL);
    CHECK(strstr(report, "kiosk.cfg:2:") != NULL);

    /* Fixed: the new content waits for the visit to end, then becomes the last good copy. */
    save(good2);
    CHECK(wait_for_change(&r, 20000));
    CHECK(reload_check(&r, 20000 + RELOAD_SETTLE_MS, false));
    CHECK(r.last_ok);
    CHECK_STR(slurp(last_good), good1); /* not yet: it is not on screen yet */
    struct content *next = reload_take(&r);
    CHECK(next && strcmp(next->topics[0].title, "Second") == 0);
    CHECK_STR(slurp(last_good), good1); /* taken, but not drawn yet */
    reload_shown(&r);
    CHECK_STR(slurp(last_good), good2);
    content_destroy(c);
    content_destroy(next);
    reload_finish(&r);

    /* Boot with a broken file: the last good copy is shown instead, and the broken file is
     * not saved over it. */
    save(broken);
    reload_init(&r, cfg, NULL, state, NULL);
    c = reload_boot(&r);
    CHECK(c && r.source == RELOAD_FROM_LAST_GOOD && c->stand_in);
    CHECK(c && strcmp(c->topics[0].title, "Second") == 0);
    CHECK(!r.last_ok && r.last_errors == 1);
    CHECK_STR(slurp(last_good), good2);
    report = staff_report_format(&out, c, &r);
    CHECK(strstr(report, "last good copy") != NULL);
    strbuf_finish(&out);
    content_destroy(c);
    reload_finish(&r);

    /* Broken, and no last good copy anywhere: the content the package ships, marked. */
    reload_init(&r, cfg, NULL, NULL, shipped);
    c = reload_boot(&r);
    CHECK(c && r.source == RELOAD_FROM_SHIPPED && c->stand_in);
    CHECK(c && strcmp(c->topics[0].title, "Shipped") == 0);
    CHECK(!r.last_good_broken);
    strbuf_init(&out);
    report = staff_report_format(&out, c, &r);
    CHECK(strstr(report, "the content the kiosk came with") != NULL);
    CHECK(strstr(report, "kiosk.cfg:2:") != NULL); /* and what is wrong with the staff's file */
    content_destroy(c);
    reload_finish(&r);

    /* Broken, the last good copy broken too (a damaged card) and no shipped content: the
     * resting screen, never nothing. */
    FILE *f = fopen(last_good, "w");
    fputs(broken, f);
    fclose(f);
    reload_init(&r, cfg, NULL, state, "/nonexistent/kiosk.cfg");
    c = reload_boot(&r);
    CHECK(c && r.source == RELOAD_FROM_RESTING && c->stand_in);
    CHECK(r.last_good_broken);
    report = staff_report_format(&out, c, &r);
    CHECK(strstr(report, "resting screen") != NULL);
    strbuf_finish(&out);

    /* Fixed while the resting screen shows: the file replaces it after the visit and becomes
     * the last good copy once drawn. */
    CHECK(reload_watch(&r));
    save(good1);
    CHECK(wait_for_change(&r, 30000));
    CHECK(reload_check(&r, 30000 + RELOAD_SETTLE_MS, false));
    struct content *fixed = reload_take(&r);
    CHECK(fixed && !fixed->stand_in && r.source == RELOAD_FROM_FILE);
    reload_shown(&r);
    CHECK_STR(slurp(last_good), good1);
    content_destroy(fixed);
    content_destroy(c);
    reload_finish(&r);
    f = fopen(last_good, "w");
    fputs(good2, f);
    fclose(f);

    /* The config missing altogether: the last good copy is shown. */
    unlink(cfg);
    reload_init(&r, cfg, NULL, state, NULL);
    c = reload_boot(&r);
    CHECK(c && r.source == RELOAD_FROM_LAST_GOOD);
    content_destroy(c);
    reload_finish(&r);
}

/* A read-only root: the state folder empty after a reboot, but kiosk-store kept the last good
 * copy beside the staff's file. A broken file then shows that copy, the newest whole slot. */
static void test_kept_copy(void)
{
    char folder[160];
    snprintf(folder, sizeof(folder), "%s/last-good", dir);
    CHECK_INT(last_good_store_write(folder, good1, strlen(good1)), LAST_GOOD_STORE_WRITTEN);
    CHECK_INT(last_good_store_write(folder, good2, strlen(good2)), LAST_GOOD_STORE_WRITTEN);
    save(broken);
    struct reload r;
    reload_init(&r, cfg, NULL, NULL, shipped);
    struct content *c = reload_boot(&r);
    CHECK(c && r.source == RELOAD_FROM_LAST_GOOD && c->stand_in);
    CHECK(c && strcmp(c->topics[0].title, "Second") == 0);
    content_destroy(c);
    reload_finish(&r);
    /* The newest slot cut short by a pulled plug: the one before it. */
    char slot[200];
    snprintf(slot, sizeof(slot), "%s/copy-B.cfg", folder);
    CHECK(truncate(slot, 20) == 0);
    reload_init(&r, cfg, NULL, NULL, shipped);
    c = reload_boot(&r);
    CHECK(c && r.source == RELOAD_FROM_LAST_GOOD && strcmp(c->topics[0].title, "First") == 0);
    content_destroy(c);
    reload_finish(&r);
    /* A kept copy that no longer checks OK (this kiosk's checker is stricter): the shipped one. */
    CHECK_INT(last_good_store_write(folder, broken, strlen(broken)), LAST_GOOD_STORE_WRITTEN);
    reload_init(&r, cfg, NULL, NULL, shipped);
    c = reload_boot(&r);
    CHECK(c && r.source == RELOAD_FROM_SHIPPED && r.last_good_broken);
    content_destroy(c);
    reload_finish(&r);
    char cmd[200];
    snprintf(cmd, sizeof(cmd), "rm -rf %s", folder);
    CHECK(system(cmd) == 0);
}

/* What kiosk-store writes beside the staff's file (CHECK.txt through CHECK.txt.new, and the
 * folder last-good/) is not a change to the content: it must not set off a check of its own. */
static void test_helper_writes_ignored(void)
{
    save(good1);
    struct reload r;
    reload_init(&r, cfg, NULL, state, NULL);
    struct content *c = reload_boot(&r);
    CHECK(reload_watch(&r));
    char path[200];
    snprintf(path, sizeof(path), "%s/CHECK.txt.new", dir);
    FILE *f = fopen(path, "w");
    fputs("report\r\n", f);
    fclose(f);
    char to[200];
    snprintf(to, sizeof(to), "%s/CHECK.txt", dir);
    CHECK(rename(path, to) == 0);
    snprintf(path, sizeof(path), "%s/last-good", dir);
    CHECK(mkdir(path, 0755) == 0);
    /* ...nor what kiosk-usb writes: its receipt, the content kept from before a stick's, and
     * its hidden stage folder... */
    char receipt[200], before[200], stage[200];
    snprintf(receipt, sizeof(receipt), "%s/kiosk-receipt.txt", dir);
    snprintf(before, sizeof(before), "%s/before-usb-update", dir);
    snprintf(stage, sizeof(stage), "%s/.usb-update", dir);
    f = fopen(receipt, "w");
    fputs("receipt\r\n", f);
    fclose(f);
    CHECK(mkdir(before, 0755) == 0);
    CHECK(mkdir(stage, 0755) == 0);
    nanosleep(&(struct timespec){0, 50000000L}, NULL);
    CHECK(!reload_drain_events(reload_fd(&r)));
    unlink(receipt);
    rmdir(before);
    rmdir(stage);
    (void)reload_drain_events(reload_fd(&r));
    /* ...while a picture saved beside the file is. */
    snprintf(path, sizeof(path), "%s/clinic.png", dir);
    f = fopen(path, "w");
    fputs("png", f);
    fclose(f);
    nanosleep(&(struct timespec){0, 50000000L}, NULL);
    CHECK(reload_drain_events(reload_fd(&r)));
    unlink(path);
    unlink(to);
    snprintf(path, sizeof(path), "%s/last-good", dir);
    rmdir(path);
    content_destroy(c);
    reload_finish(&r);
}

/* A good file checked and waiting, then a broken one saved over it before the visit ends: the
 * staff's latest word counts, so nothing changes on screen. */
static void test_good_then_broken(void)
{
    save(good1);
    struct reload r;
    reload_init(&r, cfg, NULL, state, NULL);
    struct content *c = reload_boot(&r);
    reload_shown(&r);
    CHECK(reload_watch(&r));
    save(good2);
    CHECK(wait_for_change(&r, 10000));
    CHECK(reload_check(&r, 10000 + RELOAD_SETTLE_MS, false));
    save(broken);
    CHECK(wait_for_change(&r, 20000));
    CHECK(!reload_check(&r, 20000 + RELOAD_SETTLE_MS, false));
    CHECK(reload_take(&r) == NULL); /* the earlier good one does not go live */
    CHECK_STR(slurp(last_good), good1);
    content_destroy(c);
    reload_finish(&r);
}

/* A slow writer (a file copied from a USB stick, or written by a program that keeps it open):
 * every write puts the check off, and a file that changes while it is read is not taken. */
static void test_slow_writer(void)
{
    save(good1);
    struct reload r;
    reload_init(&r, cfg, NULL, state, NULL);
    struct content *c = reload_boot(&r);
    reload_shown(&r);
    CHECK(reload_watch(&r));
    FILE *f = fopen(cfg, "w"); /* written in place, in pieces, never closed in between */
    size_t half = strlen(good2) / 2;
    fwrite(good2, 1, half, f);
    fflush(f);
    uint64_t t = 10000;
    CHECK(wait_for_change(&r, t));
    /* More bytes 900 ms later: the settle time starts again from there. */
    t += RELOAD_SETTLE_MS - 100;
    fwrite(good2 + half, 1, strlen(good2) - half, f);
    fflush(f);
    CHECK(wait_for_change(&r, t));
    CHECK(!reload_check(&r, 10000 + RELOAD_SETTLE_MS, false)); /* the first write has settled, */
    CHECK(reload_deadline(&r) == t + RELOAD_SETTLE_MS);        /* the second has not */
    fclose(f);
    CHECK(wait_for_change(&r, t));
    CHECK(reload_check(&r, t + RELOAD_SETTLE_MS, false));
    struct content *next = reload_take(&r);
    CHECK(next && strcmp(next->topics[0].title, "Second") == 0);
    content_destroy(next);
    content_destroy(c);
    reload_finish(&r);
}

static ino_t inode_of(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? st.st_ino : 0;
}

/* CHECK.txt in the state folder: written at boot, rewritten when the result changes (a broken
 * file, then the fixed one going on screen), and left alone when a check finds what it found
 * before. */
static void test_check_report(void)
{
    static const char versioned[] =
        "version = \"v2\";\ntopics = ( { title = \"V\"; pages = ( { id = \"a\"; title = "
        "\"A\"; } ); } );\n";
    save(good1);
    unlink(report_path);
    struct reload r;
    reload_init(&r, cfg, NULL, state, NULL);
    struct content *c = reload_boot(&r);
    reload_shown(&r);
    CHECK(reload_watch(&r));
    const char *text = slurp(report_path);
    CHECK(text && strstr(text, "Result:    OK\r\n") && strstr(text, "On screen: your file ("));
    ino_t first = inode_of(report_path);

    save(good1); /* the same file again: the same result, so CHECK.txt is not rewritten */
    CHECK(wait_for_change(&r, 10000));
    CHECK(reload_check(&r, 10000 + RELOAD_SETTLE_MS, false));
    content_destroy(reload_take(&r));
    reload_shown(&r);
    CHECK(inode_of(report_path) == first);

    save(broken);
    CHECK(wait_for_change(&r, 20000));
    CHECK(!reload_check(&r, 20000 + RELOAD_SETTLE_MS, false));
    text = slurp(report_path);
    CHECK(text && strstr(text, "Result:    NOT USED") &&
          strstr(text, "1. Line 2 (page \"a\".title): is the number 4"));

    save(versioned);
    CHECK(wait_for_change(&r, 30000));
    CHECK(reload_check(&r, 30000 + RELOAD_SETTLE_MS, false));
    text = slurp(report_path);
    CHECK(text && strstr(text, "Result:    OK: it goes on screen when the visit on screen ends"));
    struct content *next = reload_take(&r);
    reload_shown(&r);
    text = slurp(report_path);
    CHECK(text && strstr(text, "On screen: your file, version \"v2\"\r\n"));
    content_destroy(next);
    content_destroy(c);
    reload_finish(&r);
}

/* A translation made before its original changed is named in CHECK.txt, and still after a
 * reboot, when the last good copy already has the new original: the ledger in the state folder
 * (or kiosk-store's copy of it on the card) remembers what the translation was made from. */
static void test_out_of_date_translation(void)
{
    static const char before[] =
        "topics = ( { title = \"First\"; pages = ( { id = \"a\"; title = \"Hello\"; } ); } );\n"
        "translations = ( { language = \"fr\";\n"
        "    pages = ( { id = \"a\"; title = \"Bonjour\"; } ); } );\n";
    static const char after[] =
        "topics = ( { title = \"First\"; pages = ( { id = \"a\"; title = \"Hi\"; } ); } );\n"
        "translations = ( { language = \"fr\";\n"
        "    pages = ( { id = \"a\"; title = \"Bonjour\"; } ); } );\n";
    char ledger[200];
    snprintf(ledger, sizeof(ledger), "%s/translation-ledger.txt", state);
    unlink(ledger);
    unlink(last_good);
    save(before);
    struct reload r;
    reload_init(&r, cfg, NULL, state, NULL);
    struct content *c = reload_boot(&r);
    reload_shown(&r);
    CHECK(reload_watch(&r));
    const char *text = slurp(ledger);
    CHECK(text && strstr(text, " fr page a title\n"));
    text = slurp(report_path);
    CHECK(text && !strstr(text, "out of date"));

    save(after);
    CHECK(wait_for_change(&r, 10000));
    CHECK(reload_check(&r, 10000 + RELOAD_SETTLE_MS, false));
    text = slurp(report_path);
    CHECK(text && strstr(text, "Line 3 (translation \"fr\".page \"a\".title): is out of date: "
                               "the English on line 1 changed after this was translated"));
    content_destroy(reload_take(&r));
    reload_shown(&r);
    content_destroy(c);
    reload_finish(&r);

    reload_init(&r, cfg, NULL, state, NULL); /* the next boot */
    c = reload_boot(&r);
    text = slurp(report_path);
    CHECK(text && strstr(text, "Line 3 (translation \"fr\".page \"a\".title): is out of date"));
    content_destroy(c);
    reload_finish(&r);

    /* A read-only root's reboot: the state folder is empty, but kiosk-store kept the ledger
     * beside the card's last good copy. */
    char *slots = last_good_store_folder(cfg);
    char kept_ledger[300], command[700];
    snprintf(kept_ledger, sizeof(kept_ledger), "%s/translation-ledger.txt", slots);
    mkdir(slots, 0755);
    snprintf(command, sizeof(command), "cp '%s' '%s'", ledger, kept_ledger);
    CHECK(system(command) == 0);
    unlink(ledger);
    unlink(last_good);
    reload_init(&r, cfg, NULL, state, NULL);
    c = reload_boot(&r);
    text = slurp(report_path);
    CHECK(text && strstr(text, "Line 3 (translation \"fr\".page \"a\".title): is out of date"));
    content_destroy(c);
    reload_finish(&r);
    unlink(kept_ledger);
    free(slots);

    /* A ledger about another file is not compared with this one. */
    text = slurp(ledger);
    char *about = text ? strstr(text, "# file: ") : NULL;
    CHECK(about != NULL);
    if (about) {
        char moved[4096];
        snprintf(moved, sizeof(moved), "%.*s# file: /elsewhere/kiosk.cfg%s", (int)(about - text),
                 text, strchr(about, '\n'));
        FILE *f = fopen(ledger, "w");
        fputs(moved, f);
        fclose(f);
    }
    reload_init(&r, cfg, NULL, state, NULL);
    c = reload_boot(&r);
    text = slurp(report_path);
    CHECK(text && !strstr(text, "out of date"));
    content_destroy(c);
    reload_finish(&r);
    unlink(ledger);
}

int main(void)
{
    snprintf(dir, sizeof(dir), "/tmp/kiosk-reload-XXXXXX");
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 1;
    }
    snprintf(cfg, sizeof(cfg), "%s/kiosk.cfg", dir);
    snprintf(state, sizeof(state), "%s/state", dir);
    snprintf(last_good, sizeof(last_good), "%s/last-good.cfg", state);
    snprintf(shipped, sizeof(shipped), "%s/shipped.cfg", dir);
    snprintf(report_path, sizeof(report_path), "%s/CHECK.txt", state);
    FILE *f = fopen(shipped, "w");
    fputs("topics = ( { title = \"Shipped\"; pages = ( { id = \"s\"; title = \"S\"; } ); } );\n",
          f);
    fclose(f);
    if (mkdir(state, 0755) != 0) {
        perror("mkdir");
        return 1;
    }
    test_reload();
    test_check_report();
    test_good_then_broken();
    test_slow_writer();
    test_kept_copy();
    test_helper_writes_ignored();
    test_out_of_date_translation();
    char cmd[128];
    snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
    if (system(cmd) != 0) {
        fprintf(stderr, "could not remove %s\n", dir);
    }
    return check_summary("test_reload");
}
