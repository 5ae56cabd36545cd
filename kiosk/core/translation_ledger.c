#include "translation_ledger.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "xalloc.h"

uint64_t translation_ledger_fingerprint(const char *text)
{
    return fnv1a_string(text);
}

/* Reads exactly 16 hex digits at `s` into *out. */
static bool read_hex(const char *s, uint64_t *out)
{
    uint64_t v = 0;
    for (int i = 0; i < 16; i++) {
        char c = s[i];
        int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
        if (d < 0) {
            return false;
        }
        v = v << 4 | (uint64_t)d;
    }
    *out = v;
    return true;
}

struct numbered {
    struct translation_ledger_entry e;
    size_t seq;
};

static int by_what(const void *a, const void *b)
{
    const struct numbered *x = a, *y = b;
    int c = strcmp(x->e.what, y->e.what);
    return c ? c : (x->seq > y->seq) - (x->seq < y->seq);
}

void translation_ledger_parse(struct translation_ledger *l, const char *data, size_t size)
{
    memset(l, 0, sizeof(*l));
    l->text = xrealloc(NULL, size + 1);
    memcpy(l->text, data, size);
    l->text[size] = '\0';
    size_t lines = 1, n = 0;
    for (size_t i = 0; i < size; i++) {
        lines += l->text[i] == '\n';
    }
    struct numbered *all = xcalloc(lines, sizeof(*all));
    for (char *line = l->text; line && *line;) {
        char *end = strchr(line, '\n');
        if (end) {
            *end = '\0';
        }
        struct translation_ledger_entry e;
        /* "<16 hex> <16 hex> <what>", what not empty */
        if (strlen(line) > 34 && line[16] == ' ' && line[33] == ' ' &&
            read_hex(line, &e.original) && read_hex(line + 17, &e.translation)) {
            e.what = line + 34;
            all[n].e = e;
            all[n].seq = n;
            n++;
        }
        line = end ? end + 1 : NULL;
    }
    qsort(all, n, sizeof(*all), by_what);
    l->entries = xcalloc(n + 1, sizeof(*l->entries));
    for (size_t i = 0; i < n; i++) {
        if (i + 1 < n && strcmp(all[i].e.what, all[i + 1].e.what) == 0) {
            continue; /* the last line for a text counts */
        }
        l->entries[l->count++] = all[i].e;
    }
    free(all);
}

static int find_what(const void *key, const void *entry)
{
    return strcmp(key, ((const struct translation_ledger_entry *)entry)->what);
}

const struct translation_ledger_entry *translation_ledger_find(const struct translation_ledger *l,
                                                               const char *what)
{
    if (!l || l->count == 0) {
        return NULL;
    }
    return bsearch(what, l->entries, l->count, sizeof(*l->entries), find_what);
}

void translation_ledger_finish(struct translation_ledger *l)
{
    free(l->entries);
    free(l->text);
    memset(l, 0, sizeof(*l));
}

char *translation_ledger_file(const char *data, size_t size)
{
    size_t n = strlen(TRANSLATION_LEDGER_FILE);
    for (size_t i = 0; i + n <= size; i++) {
        if ((i == 0 || data[i - 1] == '\n') && memcmp(data + i, TRANSLATION_LEDGER_FILE, n) == 0) {
            const char *from = data + i + n;
            const char *end = memchr(from, '\n', size - i - n);
            return xstrndup(from, end ? (size_t)(end - from) : size - i - n);
        }
        if (data[i] != '#' && (i == 0 || data[i - 1] == '\n')) {
            break; /* past the comments at the top */
        }
    }
    return NULL;
}

void translation_ledger_add(struct strbuf *out, const char *what, uint64_t original,
                            uint64_t translation)
{
    strbuf_addf(out, "%016llx %016llx %s\n", (unsigned long long)original,
                (unsigned long long)translation, what);
}
