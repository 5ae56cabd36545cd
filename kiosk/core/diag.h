/* Diagnostics: every problem found in a config file, collected so staff can fix them all in one
 * pass. Each reads "path:line: key: what is wrong (what is expected)". */
#ifndef KIOSK_DIAG_H
#define KIOSK_DIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "strbuf.h"

enum diag_level { DIAG_WARNING, DIAG_ERROR };

struct diag {
    enum diag_level level;
    int line;      /* 0 when the problem is the file as a whole */
    char *key;     /* owned; the setting the problem is about, e.g. "pages.[2].title" */
    char *message; /* owned */
};

/* A growing list of diagnostics; the list owns every string in it. */
struct diag_list {
    char *path; /* owned copy of the file name used in every line */
    struct diag *items;
    size_t count, capacity;
    size_t errors, warnings;
};

/* Prepares an empty list that names `path` in its messages. */
void diag_init(struct diag_list *list, const char *path);
/* Frees every diagnostic; the list may be initialised again. */
void diag_finish(struct diag_list *list);
/* Adds a problem; `key` may be NULL for whole-file problems. */
void diag_add(struct diag_list *list, enum diag_level level, int line, const char *key,
              const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* Prints every diagnostic to `out`, one line each, as diag_format makes them. */
void diag_print(const struct diag_list *list, FILE *out);
/* Appends one diagnostic to `out` as "path:line: key: message" (warnings say so), whole. */
void diag_format(const struct diag_list *list, const struct diag *d, struct strbuf *out);

#endif
