/* Words put together at run time into fixed buffers: {name} templates, and the cut that keeps
 * such a buffer whole UTF-8 when the words did not fit. Plain strings only: no build state and
 * no measuring, so any screen may use them. */
#include <stdio.h>
#include <string.h>

#include "layout_blocks.h"
#include "utf8.h"
#include "util.h"

/* A text cut short to fit its buffer may end inside a character: drop that partial character,
 * so the renderer never gets broken UTF-8 (words in the config have no length limit). */
void layout_cut_to_character(char *s)
{
    s[utf8_whole_prefix(s, strlen(s))] = '\0';
}

/* Fills `out` from a template, replacing each {name} with its value. */
void layout_fill_template(char *out, size_t size, const char *tmpl, const char *const *names,
                          const char *const *values, int n)
{
    size_t o = 0;
    for (const char *p = tmpl; *p && o + 1 < size;) {
        bool replaced = false;
        for (int i = 0; i < n && *p == '{'; i++) {
            size_t nl = strlen(names[i]);
            if (strncmp(p + 1, names[i], nl) == 0 && p[1 + nl] == '}') {
                int wrote = snprintf(out + o, size - o, "%s", values[i]);
                o += wrote > 0 ? (size_t)wrote : 0;
                if (o >= size) {
                    o = size - 1;
                }
                p += nl + 2;
                replaced = true;
                break;
            }
        }
        if (!replaced) {
            out[o++] = *p++;
        }
    }
    KIOSK_ASSERT(o < size);
    out[o] = '\0';
    layout_cut_to_character(out);
}
