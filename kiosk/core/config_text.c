/* Excerpts of config text for messages. A message must itself be valid UTF-8 on one line
 * whatever the file holds, so an excerpt is cut only between characters, and anything that
 * would break the line or the encoding is replaced. */
#include "config_text.h"

#include <assert.h>
#include <string.h>

#include "utf8.h"

bool config_is_blank(const char *s)
{
    for (; *s; s++) {
        if (*s != ' ' && *s != '\t' && *s != '\n') {
            return false;
        }
    }
    return true;
}

const char *config_excerpt(struct config_excerpt *e, const char *s, size_t n, size_t max)
{
    assert(max <= CONFIG_EXCERPT_MAX);
    bool cut = n > max;
    if (cut) {
        n = utf8_floor(s, max);
    }
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        e->s[i] = c < 0x20 || c == 0x7F ? ' ' : (char)c;
    }
    /* Any broken bytes left would make the message itself invalid UTF-8. */
    for (size_t i = utf8_valid_prefix(e->s, n); i < n;
         i += 1 + utf8_valid_prefix(e->s + i + 1, n - i - 1)) {
        e->s[i] = '?';
    }
    memcpy(e->s + n, cut ? "..." : "", cut ? 4 : 1);
    return e->s;
}
