/* Small UTF-8 helpers for wrapping text at character boundaries. */
#ifndef KIOSK_UTF8_H
#define KIOSK_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Length in bytes of the well-formed character at s[0..len), or 1 for an invalid byte, so
 * callers always make progress through malformed input. */
size_t utf8_char_len(const char *s, size_t len);
/* True when all `len` bytes are well-formed UTF-8 (no overlongs, surrogates or > U+10FFFF). */
bool utf8_valid(const char *s, size_t len);

/* Decodes the character at s[0..len) into *cp and returns its length; an invalid byte decodes
 * as U+FFFD with length 1. */
size_t utf8_decode(const char *s, size_t len, uint32_t *cp);
/* Whether a character is written right to left (Hebrew, Arabic, Syriac, Thaana, N'Ko...). */
bool utf8_is_rtl(uint32_t cp);
/* The direction text takes from its first letter with a direction of its own (Unicode's rule
 * for a paragraph): 1 right to left, 0 left to right, -1 none (digits and marks only). */
int utf8_text_direction(const char *s, size_t len);

#endif
