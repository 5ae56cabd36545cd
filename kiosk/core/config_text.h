/* Text helpers for the config reader, the bottom of its layers: the ASCII character classes of
 * setting names and ids, and excerpts of what staff wrote, made safe to quote in a message. */
#ifndef KIOSK_CONFIG_TEXT_H
#define KIOSK_CONFIG_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#define CONFIG_COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* ASCII only on purpose: setting names and ids are ASCII, and locale rules must not apply. */
static inline bool config_is_digit(int c)
{
    return c >= '0' && c <= '9';
}

static inline bool config_is_xdigit(int c)
{
    return config_is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static inline int config_lower(int c)
{
    return (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c;
}

/* What starts a setting name in libconfig's grammar (and so a bare word in a value). */
static inline bool config_is_ident_start(int c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '*';
}

static inline bool config_is_ident_char(int c)
{
    return config_is_ident_start(c) || config_is_digit(c) || c == '-' || c == '_';
}

/* True when `s` holds nothing but spaces, tabs and line breaks. */
bool config_is_blank(const char *s);

/* The longest excerpt a message quotes, in bytes. A bound by design: a message quotes enough of
 * a long text to find it in the file, then "...", and stays one readable line. */
#define CONFIG_EXCERPT_MAX 120

struct config_excerpt {
    char s[CONFIG_EXCERPT_MAX + 4]; /* room for "..." and the NUL */
};

/* Fills `e` with at most `max` (<= CONFIG_EXCERPT_MAX) bytes of s[0..n) for quoting, cut on a
 * character boundary and then marked "...", with line breaks and other control characters as
 * spaces and bytes that are not UTF-8 as '?'. Returns e->s. */
const char *config_excerpt(struct config_excerpt *e, const char *s, size_t n, size_t max);

#endif
