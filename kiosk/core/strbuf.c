/* The growable string of strbuf.h. Formatting runs vsnprintf twice when the text does not fit:
 * once to learn its length, once to write it, so a message is never cut. */
#include "strbuf.h"

#include <stdio.h>
#include <string.h>

#include "xalloc.h"

void strbuf_init(struct strbuf *b)
{
    memset(b, 0, sizeof(*b));
}

void strbuf_finish(struct strbuf *b)
{
    free(b->s);
    strbuf_init(b);
}

void strbuf_reset(struct strbuf *b)
{
    b->len = 0;
    if (b->s) {
        b->s[0] = '\0';
    }
}

/* Makes room for `extra` more bytes and the terminating NUL. */
static void reserve(struct strbuf *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap) {
        return;
    }
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra + 1) {
        cap *= 2;
    }
    b->s = xrealloc(b->s, cap);
    b->cap = cap;
}

void strbuf_add(struct strbuf *b, const char *s, size_t n)
{
    reserve(b, n);
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

void strbuf_addv(struct strbuf *b, const char *fmt, va_list ap)
{
    va_list again;
    va_copy(again, ap);
    reserve(b, 0);
    int n = vsnprintf(b->s + b->len, b->cap - b->len, fmt, ap);
    if (n < 0) {
        n = 0; /* an encoding error: keep what is there rather than abort */
    } else if ((size_t)n >= b->cap - b->len) {
        reserve(b, (size_t)n);
        vsnprintf(b->s + b->len, b->cap - b->len, fmt, again);
    }
    va_end(again);
    b->len += (size_t)n;
    b->s[b->len] = '\0';
}

const char *strbuf_addf(struct strbuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    strbuf_addv(b, fmt, ap);
    va_end(ap);
    return b->s;
}

const char *strbuf_setf(struct strbuf *b, const char *fmt, ...)
{
    b->len = 0;
    va_list ap;
    va_start(ap, fmt);
    strbuf_addv(b, fmt, ap);
    va_end(ap);
    return b->s;
}

const char *strbuf_str(const struct strbuf *b)
{
    return b->s ? b->s : "";
}

char *strbuf_take(struct strbuf *b)
{
    char *s = b->s ? b->s : xstrdup("");
    strbuf_init(b);
    return s;
}
