#define _POSIX_C_SOURCE 200809L

#include "translation_history.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "file_read.h"
#include "file_replace.h"
#include "strbuf.h"
#include "translation_ledger.h"

static char *read_all(const char *path, size_t *size)
{
    struct file_bytes bytes;
    int error = 0;
    if (!path || file_read(path, CONFIG_MAX_BYTES, &bytes, &error) != FILE_READ_OK) {
        return NULL;
    }
    *size = bytes.size;
    return bytes.data;
}

/* Whether two paths name the same file (or, where either is missing, are the same text). */
static bool same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    if (stat(a, &sa) == 0 && stat(b, &sb) == 0) {
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
    }
    return strcmp(a, b) == 0;
}

void translation_history_read(struct translation_history *t, const char *ledger_path,
                              const char *config_path, const char *baseline_path)
{
    memset(t, 0, sizeof(*t));
    t->ledger = read_all(ledger_path, &t->history.ledger_size);
    if (t->ledger && config_path) {
        char *about = translation_ledger_file(t->ledger, t->history.ledger_size);
        if (!about || !same_file(about, config_path)) {
            free(t->ledger);
            t->ledger = NULL;
            t->history.ledger_size = 0;
        }
        free(about);
    }
    t->history.ledger = t->ledger;
    if (!t->ledger) {
        t->baseline = read_all(baseline_path, &t->history.baseline_size);
        t->history.baseline = t->baseline;
    }
}

void translation_history_finish(struct translation_history *t)
{
    free(t->ledger);
    free(t->baseline);
    memset(t, 0, sizeof(*t));
}

bool translation_history_keep(const char *ledger_path, const struct content *c)
{
    if (!ledger_path || !c || !c->ledger) {
        return true;
    }
    return file_replace_changed(ledger_path, c->ledger, strlen(c->ledger), CONFIG_MAX_BYTES) !=
           FILE_REPLACE_FAILED;
}

char *translation_history_path(const char *folder)
{
    struct strbuf b;
    strbuf_init(&b);
    strbuf_addf(&b, "%s/%s", folder, TRANSLATION_LEDGER_NAME);
    return strbuf_take(&b);
}
