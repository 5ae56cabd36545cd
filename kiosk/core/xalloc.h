/* Allocation that cannot fail quietly: out of memory on a kiosk is not recoverable, so abort
 * with a message instead of threading NULL checks through every caller. */
#ifndef KIOSK_XALLOC_H
#define KIOSK_XALLOC_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static inline void *xrealloc(void *p, size_t size)
{
    void *q = realloc(p, size ? size : 1);
    if (!q) {
        fputs("kiosk: out of memory\n", stderr);
        abort();
    }
    return q;
}

static inline void *xcalloc(size_t n, size_t size)
{
    void *q = calloc(n ? n : 1, size ? size : 1);
    if (!q) {
        fputs("kiosk: out of memory\n", stderr);
        abort();
    }
    return q;
}

static inline char *xstrndup(const char *s, size_t n)
{
    char *q = xrealloc(NULL, n + 1);
    memcpy(q, s, n);
    q[n] = '\0';
    return q;
}

static inline char *xstrdup(const char *s)
{
    return xstrndup(s, strlen(s));
}

#endif
