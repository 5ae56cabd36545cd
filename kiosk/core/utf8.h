/* Small UTF-8 helpers for wrapping text at character boundaries. */
#ifndef KIOSK_UTF8_H
#define KIOSK_UTF8_H

#include <stdbool.h>
#include <stddef.h>

/* Length in bytes of the well-formed character at s[0..len), or 1 for an invalid byte, so
 * callers always make progress through malformed input. */
size_t utf8_char_len(const char *s, size_t len);
/* True when all `len` bytes are well-formed UTF-8 (no overlongs, surrogates or > U+10FFFF). */
bool utf8_valid(const char *s, size_t len);

#endif
