/* The last good copy kept on the card, in real files in a scratch folder: writes alternate
 * between the two slots and never touch the newest whole one; the same bytes are not written
 * again; a slot cut short (a pulled plug) is passed over for the other; a link put where a slot
 * should be is not written through. */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "last_good_store.h"

static char dir[64], folder[128], slot_a[160], slot_b[160];

static struct stat stat_of(const char *path)
{
    struct stat st = {0};
    stat(path, &st);
    return st;
}

static bool reads(const char *want, const char *want_slot)
{
    size_t size = 0;
    const char *slot = NULL;
    char *got = last_good_store_read(folder, &size, &slot);
    bool ok = got && size == strlen(want) && strcmp(got, want) == 0 && slot &&
              strcmp(slot, want_slot) == 0;
    if (!ok) {
        fprintf(stderr, "read %s from %s, wanted %s from %s\n", got ? got : "nothing",
                slot ? slot : "-", want, want_slot);
    }
    free(got);
    return ok;
}

static enum last_good_store_result store(const char *text)
{
    return last_good_store_write(folder, text, strlen(text));
}

int main(void)
{
    snprintf(dir, sizeof(dir), "/tmp/kiosk-store-XXXXXX");
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 1;
    }
    char config[128];
    snprintf(config, sizeof(config), "%s/kiosk.cfg", dir);
    char *f = last_good_store_folder(config);
    snprintf(folder, sizeof(folder), "%s", f);
    free(f);
    CHECK(strcmp(folder + strlen(dir), "/last-good") == 0);
    snprintf(slot_a, sizeof(slot_a), "%s/copy-A.cfg", folder);
    snprintf(slot_b, sizeof(slot_b), "%s/copy-B.cfg", folder);

    size_t size = 0;
    CHECK(last_good_store_read(folder, &size, NULL) == NULL); /* nothing kept yet */

    /* First copy: the folder is made and slot A written. */
    CHECK_INT(store("version = \"1\";\n"), LAST_GOOD_STORE_WRITTEN);
    CHECK(reads("version = \"1\";\n", "copy-A.cfg"));
    /* The same again: nothing is written. */
    struct stat before = stat_of(slot_a);
    CHECK_INT(store("version = \"1\";\n"), LAST_GOOD_STORE_SAME);
    struct stat after = stat_of(slot_a);
    CHECK(before.st_mtim.tv_nsec == after.st_mtim.tv_nsec &&
          before.st_mtim.tv_sec == after.st_mtim.tv_sec);
    CHECK(access(slot_b, F_OK) != 0);
    /* Then they alternate, and the newest wins. */
    CHECK_INT(store("version = \"2\";\n"), LAST_GOOD_STORE_WRITTEN);
    CHECK(reads("version = \"2\";\n", "copy-B.cfg"));
    CHECK_INT(store("version = \"3, a longer one\";\n"), LAST_GOOD_STORE_WRITTEN);
    CHECK(reads("version = \"3, a longer one\";\n", "copy-A.cfg"));
    CHECK_INT(store("version = \"4\";\n"), LAST_GOOD_STORE_WRITTEN);
    CHECK(reads("version = \"4\";\n", "copy-B.cfg"));
    /* A written over a longer copy: cut to its own length. */
    CHECK_INT(store("v5\n"), LAST_GOOD_STORE_WRITTEN);
    CHECK(reads("v5\n", "copy-A.cfg"));

    /* The plug pulled while A was written: A is cut short, B (copy 4) is read. */
    struct stat a = stat_of(slot_a), b = stat_of(slot_b);
    CHECK(truncate(slot_a, a.st_size - 2) == 0);
    CHECK(reads("version = \"4\";\n", "copy-B.cfg"));
    /* The next write goes to the torn slot A again, so B stays. */
    CHECK_INT(store("v6\n"), LAST_GOOD_STORE_WRITTEN);
    CHECK(reads("v6\n", "copy-A.cfg"));
    struct stat b_now = stat_of(slot_b);
    CHECK(b_now.st_size == b.st_size && b_now.st_mtim.tv_sec == b.st_mtim.tv_sec &&
          b_now.st_mtim.tv_nsec == b.st_mtim.tv_nsec);
    /* Both torn (a card that lost both): nothing is read, and nothing pretends to be. */
    CHECK(truncate(slot_a, 10) == 0);
    CHECK(truncate(slot_b, 10) == 0);
    CHECK(last_good_store_read(folder, &size, NULL) == NULL);

    /* A link where slot A should be: not followed, the target untouched, the write refused. */
    unlink(slot_a);
    unlink(slot_b);
    char target[160];
    snprintf(target, sizeof(target), "%s/elsewhere", dir);
    FILE *t = fopen(target, "w");
    fputs("keep me\n", t);
    fclose(t);
    CHECK(symlink(target, slot_a) == 0);
    CHECK_INT(store("v7\n"), LAST_GOOD_STORE_FAILED);
    t = fopen(target, "r");
    char buf[32] = {0};
    CHECK(t && fgets(buf, sizeof(buf), t) && strcmp(buf, "keep me\n") == 0);
    if (t) {
        fclose(t);
    }

    char cmd[128];
    snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
    if (system(cmd) != 0) {
        fprintf(stderr, "could not remove %s\n", dir);
    }
    return check_summary("test_last_good_store");
}
