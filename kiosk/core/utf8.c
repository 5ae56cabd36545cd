#include "utf8.h"

#include <stdint.h>

size_t utf8_char_len(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    if (len == 0) {
        return 0;
    }
    unsigned char c = u[0];
    size_t n;
    uint32_t min;
    uint32_t cp;
    if (c < 0x80) {
        return 1;
    } else if (c >= 0xC2 && c <= 0xDF) {
        n = 2, min = 0x80, cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3, min = 0x800, cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4, min = 0x10000, cp = c & 0x07;
    } else {
        return 1;
    }
    if (len < n) {
        return 1;
    }
    for (size_t i = 1; i < n; i++) {
        if ((u[i] & 0xC0) != 0x80) {
            return 1;
        }
        cp = (cp << 6) | (u[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        return 1;
    }
    return n;
}

size_t utf8_valid_prefix(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        size_t n = utf8_char_len(s + i, len - i);
        if (n == 1 && (unsigned char)s[i] >= 0x80) {
            return i;
        }
        i += n;
    }
    return len;
}

static bool is_continuation(char c)
{
    return ((unsigned char)c & 0xC0) == 0x80;
}

size_t utf8_whole_prefix(const char *s, size_t len)
{
    size_t start = len;
    while (start > 0 && len - start < 3 && is_continuation(s[start - 1])) {
        start--;
    }
    /* A lead byte that utf8_char_len takes alone starts a character that is not all there. */
    if (start > 0 && (unsigned char)s[start - 1] >= 0xC0 &&
        utf8_char_len(s + start - 1, len - start + 1) == 1) {
        return start - 1;
    }
    return len;
}

size_t utf8_floor(const char *s, size_t i)
{
    while (i > 0 && is_continuation(s[i])) {
        i--;
    }
    return i;
}

size_t utf8_ceil(const char *s, size_t len, size_t i)
{
    while (i < len && is_continuation(s[i])) {
        i++;
    }
    return i;
}

size_t utf8_decode(const char *s, size_t len, uint32_t *cp)
{
    size_t n = utf8_char_len(s, len);
    const unsigned char *u = (const unsigned char *)s;
    if (n == 0) {
        *cp = 0;
        return 0;
    }
    if (n == 1) {
        *cp = u[0] < 0x80 ? u[0] : 0xFFFD;
        return 1;
    }
    uint32_t c = u[0] & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07);
    for (size_t i = 1; i < n; i++) {
        c = (c << 6) | (u[i] & 0x3F);
    }
    *cp = c;
    return n;
}

static bool draws_nothing(uint32_t cp)
{
    static const uint32_t blank[][2] = {
        {0x0000, 0x0020}, {0x007F, 0x00A0},   {0x00AD, 0x00AD},   {0x034F, 0x034F},
        {0x061C, 0x061C}, {0x115F, 0x1160},   {0x1680, 0x1680},   {0x180B, 0x180E},
        {0x2000, 0x200F}, {0x2028, 0x202F},   {0x205F, 0x206F},   {0x3000, 0x3000},
        {0x3164, 0x3164}, {0xFE00, 0xFE0F},   {0xFEFF, 0xFEFF},   {0xFFA0, 0xFFA0},
        {0xFFF9, 0xFFFB}, {0xE0000, 0xE007F}, {0xE0100, 0xE01EF},
    };
    for (size_t i = 0; i < sizeof(blank) / sizeof(blank[0]); i++) {
        if (cp >= blank[i][0] && cp <= blank[i][1]) {
            return true;
        }
    }
    return false;
}

bool utf8_has_visible(const char *s, size_t len)
{
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t n = utf8_decode(s + i, len - i, &cp);
        if (n == 0) {
            break;
        }
        if (!draws_nothing(cp)) {
            return true;
        }
        i += n;
    }
    return false;
}

bool utf8_is_rtl(uint32_t cp)
{
    /* Arabic-Indic digits are numbers, not letters: they take the direction around them. */
    if ((cp >= 0x0660 && cp <= 0x0669) || (cp >= 0x06F0 && cp <= 0x06F9)) {
        return false;
    }
    return (cp >= 0x0590 && cp <= 0x08FF) || (cp >= 0xFB1D && cp <= 0xFDFF) ||
           (cp >= 0xFE70 && cp <= 0xFEFF) || (cp >= 0x10800 && cp <= 0x10FFF) ||
           (cp >= 0x1E800 && cp <= 0x1EFFF);
}

/* Letters with a direction of their own, roughly: not digits, spaces, punctuation, symbols or
 * combining marks. Close enough to Unicode's strong types for choosing a paragraph's side. */
static bool is_strong(uint32_t cp)
{
    if (cp < 0x80) {
        return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
    }
    if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7 || cp == 0xFFFD) {
        return false;
    }
    if ((cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x2000 && cp <= 0x2BFF) ||
        (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFE00 && cp <= 0xFE0F) ||
        (cp >= 0x0660 && cp <= 0x0669) || (cp >= 0x06F0 && cp <= 0x06F9) ||
        (cp >= 0x064B && cp <= 0x065F) || (cp >= 0x1F000 && cp <= 0x1FAFF)) {
        return false;
    }
    return true;
}

int utf8_text_direction(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        uint32_t cp;
        size_t n = utf8_decode(s + i, len - i, &cp);
        if (n == 0) {
            break;
        }
        if (is_strong(cp)) {
            return utf8_is_rtl(cp) ? 1 : 0;
        }
        i += n;
    }
    return -1;
}
