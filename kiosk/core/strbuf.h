/* A growable string for building messages: text is appended with printf-style formats and the
 * buffer grows to fit, so nothing is ever cut short. The builder owns its bytes; strbuf_finish
 * frees them. An all-zero struct strbuf is an empty builder, as is one from strbuf_init. */
#ifndef KIOSK_STRBUF_H
#define KIOSK_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

struct strbuf {
    char *s; /* NUL-terminated once anything is added; NULL while empty */
    size_t len, cap;
};

/* Prepares an empty builder in the caller's storage. */
void strbuf_init(struct strbuf *b);
/* Frees what the builder holds; it may be used again, empty. */
void strbuf_finish(struct strbuf *b);
/* Empties the builder, keeping its storage for what comes next. */
void strbuf_reset(struct strbuf *b);
/* Appends `n` bytes of `s`. */
void strbuf_add(struct strbuf *b, const char *s, size_t n);
/* Appends formatted text; returns the whole string so far. */
const char *strbuf_addf(struct strbuf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* The same with the arguments already collected. */
void strbuf_addv(struct strbuf *b, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));
/* Empties the builder, then appends formatted text; returns it. */
const char *strbuf_setf(struct strbuf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* The string so far ("" while empty); valid until the builder changes. */
const char *strbuf_str(const struct strbuf *b);
/* Hands the string (malloc'd, never NULL) to the caller and leaves the builder empty. */
char *strbuf_take(struct strbuf *b);

#endif
