/* UTF-8: the one place in the core that decodes and validates it. Text from the config is
 * checked here once, then wrapped, cut and quoted at character boundaries found here, so no other
 * file needs to know how a character is encoded. */
#ifndef KIOSK_UTF8_H
#define KIOSK_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Length in bytes of the well-formed character at s[0..len), or 1 for an invalid byte, so
 * callers always make progress through malformed input. */
size_t utf8_char_len(const char *s, size_t len);
/* How many of the `len` bytes are well-formed UTF-8 from the start (no overlongs, surrogates or
 * > U+10FFFF): `len` when all are, else the offset of the first character that is not. */
size_t utf8_valid_prefix(const char *s, size_t len);
/* The start of the character that byte `i` of `s` belongs to (`i` itself, or before it). Looks
 * at continuation bytes only, so it also makes progress through malformed text. */
size_t utf8_floor(const char *s, size_t i);
/* s[0..len) without a character cut short at its end (text cut to fit a buffer): `len`, or
 * where that last, partial character starts. */
size_t utf8_whole_prefix(const char *s, size_t len);
/* The first character start at or after byte `i` of s[0..len). */
size_t utf8_ceil(const char *s, size_t len, size_t i);

/* Decodes the character at s[0..len) into *cp and returns its length; an invalid byte decodes
 * as U+FFFD with length 1. */
size_t utf8_decode(const char *s, size_t len, uint32_t *cp);
/* Whether s[0..len) has at least one character that puts ink on the screen: not only spaces
 * (of any width), controls, zero-width characters, joiners, direction marks, soft hyphens or
 * variation selectors, which all draw nothing. */
bool utf8_has_visible(const char *s, size_t len);
/* Whether a character is written right to left (Hebrew, Arabic, Syriac, Thaana, N'Ko...). */
bool utf8_is_rtl(uint32_t cp);
/* The direction text takes from its first letter with a direction of its own (Unicode's rule
 * for a paragraph): 1 right to left, 0 left to right, -1 none (digits and marks only). */
int utf8_text_direction(const char *s, size_t len);

#endif
