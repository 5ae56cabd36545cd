#include "diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"
#include "xalloc.h"

void diag_init(struct diag_list *list, const char *path)
{
    memset(list, 0, sizeof(*list));
    list->path = xstrdup(path ? path : "(config)");
}

void diag_finish(struct diag_list *list)
{
    for (size_t i = 0; i < list->count; i++) {
        free(list->items[i].key);
        free(list->items[i].message);
    }
    free(list->items);
    free(list->path);
    memset(list, 0, sizeof(*list));
}

void diag_add(struct diag_list *list, enum diag_level level, int line, const char *key,
              const char *fmt, ...)
{
    if (list->count == list->capacity) {
        list->capacity = list->capacity ? list->capacity * 2 : 16;
        list->items = xrealloc(list->items, list->capacity * sizeof(*list->items));
    }
    /* Built to fit, never cut: a message cut short could drop the very word staff need. */
    struct strbuf message = {0};
    va_list ap;
    va_start(ap, fmt);
    strbuf_addv(&message, fmt, ap);
    va_end(ap);
    struct diag *d = &list->items[list->count++];
    d->level = level;
    d->line = line;
    d->key = key ? xstrdup(key) : NULL;
    d->message = strbuf_take(&message);
    if (level == DIAG_ERROR) {
        list->errors++;
    } else {
        list->warnings++;
    }
}

void diag_format(const struct diag_list *list, const struct diag *d, struct strbuf *out)
{
    strbuf_addf(out, "%s", list->path);
    if (d->line > 0) {
        strbuf_addf(out, ":%d", d->line);
    }
    strbuf_addf(out, ": %s%s%s%s", d->key ? d->key : "", d->key ? ": " : "",
                d->level == DIAG_WARNING ? "warning: " : "", d->message);
}

void diag_print(const struct diag_list *list, FILE *out)
{
    struct strbuf line;
    strbuf_init(&line);
    for (size_t i = 0; i < list->count; i++) {
        strbuf_reset(&line);
        diag_format(list, &list->items[i], &line);
        fprintf(out, "%s\n", strbuf_str(&line));
    }
    strbuf_finish(&line);
}
