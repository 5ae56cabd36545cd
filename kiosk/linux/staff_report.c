#define _POSIX_C_SOURCE 200809L

#include "staff_report.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#ifndef KIOSK_VERSION
#define KIOSK_VERSION "unknown"
#endif

/* Appends to buf, never past its end. */
static void add(char *buf, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void add(char *buf, size_t size, const char *fmt, ...)
{
    size_t used = strnlen(buf, size);
    if (used + 1 >= size) {
        return;
    }
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf + used, size - used, fmt, ap);
    va_end(ap);
}

void staff_report_format(char *buf, size_t size, const struct content *content,
                         const struct reload *reload)
{
    if (size == 0) {
        return;
    }
    buf[0] = '\0';
    add(buf, size, "*Version:* %s\n*Config:* %s\n", KIOSK_VERSION,
        reload ? reload->path : content->path);
    add(buf, size, "*Showing:* %d pages in %d topics%s\n", content->n_pages, content->n_topics,
        reload && reload->from_last_good ? ", from the last good copy" : "");
    if (!reload || !reload->checked) {
        return;
    }
    char when[32];
    struct tm tm;
    localtime_r(&reload->checked_at, &tm);
    strftime(when, sizeof(when), "%H:%M", &tm);
    if (reload->last_ok) {
        add(buf, size, "*Last check (%s):* OK, %zu warning%s%s\n", when, reload->last_warnings,
            reload->last_warnings == 1 ? "" : "s",
            reload->pending ? "; the new content shows after this visit" : "");
        return;
    }
    add(buf, size, "*Last check (%s):* %zu error%s; the content on screen stays until they are "
        "fixed:\n", when, reload->last_errors, reload->last_errors == 1 ? "" : "s");
    /* Each message on its own line, as a bullet, so long ones wrap readably. */
    const char *p = reload->messages;
    for (int shown = 0; *p && shown < 4; shown++) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        add(buf, size, "- %.*s\n", (int)n, p);
        p += n + (nl ? 1 : 0);
    }
}
