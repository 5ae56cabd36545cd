#include "text_runs.h"

#include <fribidi.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"
#include "xalloc.h"

/* HarfBuzz joins and orders letters only when told the script; only these need it here. */
static const char *script_of(uint32_t cp)
{
    if ((cp >= 0x0600 && cp <= 0x06FF) || (cp >= 0x0750 && cp <= 0x077F) ||
        (cp >= 0x08A0 && cp <= 0x08FF) || (cp >= 0xFB50 && cp <= 0xFDFF) ||
        (cp >= 0xFE70 && cp <= 0xFEFF)) {
        return (cp >= 0x0660 && cp <= 0x0669) || (cp >= 0x06F0 && cp <= 0x06F9) ? NULL : "Arab";
    }
    if ((cp >= 0x0590 && cp <= 0x05FF) || (cp >= 0xFB1D && cp <= 0xFB4F)) {
        return "Hebr";
    }
    return NULL;
}

bool text_runs_simple(const char *s, size_t len, bool rtl, text_font_for font_for, void *ctx)
{
    if (rtl) {
        return false;
    }
    size_t i = 0;
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        uint32_t cp;
        size_t n = utf8_decode(s + i, len - i, &cp);
        if (n == 0) {
            break;
        }
        if (utf8_is_rtl(cp)) {
            return false;
        }
        int f = font_for(ctx, cp);
        if (f > 0) {
            return false;
        }
        i += n;
    }
    return true;
}

static void push(struct text_runs *out, struct text_run run)
{
    if (out->n == out->cap) {
        out->cap = out->cap ? out->cap * 2 : 8;
        out->runs = xrealloc(out->runs, out->cap * sizeof(*out->runs));
    }
    out->runs[out->n++] = run;
}

/* The font of each character. Spaces and marks (no font of their own) go with their neighbour
 * on the same level, so a space between an Arabic word and an English one does not become a
 * run of its own. The caller frees the array. */
static int *pick_fonts(const FriBidiChar *cps, const FriBidiLevel *levels, size_t n,
                       text_font_for font_for, void *ctx)
{
    int *fonts = xcalloc(n, sizeof(*fonts));
    for (size_t i = 0; i < n; i++) {
        fonts[i] = font_for(ctx, cps[i]);
    }
    for (size_t i = 1; i < n; i++) {
        if (fonts[i] < 0 && fonts[i - 1] >= 0 && levels[i - 1] == levels[i]) {
            fonts[i] = fonts[i - 1];
        }
    }
    for (size_t i = n - 1; i-- > 0;) {
        if (fonts[i] < 0 && fonts[i + 1] >= 0) {
            fonts[i] = fonts[i + 1];
        }
    }
    for (size_t i = 0; i < n; i++) {
        if (fonts[i] < 0) {
            fonts[i] = i > 0 ? fonts[i - 1] : 0;
        }
    }
    return fonts;
}

/* Unicode's rule L2: from the highest level down to the lowest odd one, reverse every stretch
 * of runs at that level or higher. */
static void reorder(struct text_run *runs, size_t count, int max_level, int min_odd)
{
    for (int lv = max_level; lv >= min_odd; lv--) {
        for (size_t a = 0; a < count;) {
            if (runs[a].level < lv) {
                a++;
                continue;
            }
            size_t b = a;
            while (b < count && runs[b].level >= lv) {
                b++;
            }
            for (size_t x = a, y = b - 1; x < y; x++, y--) {
                struct text_run t = runs[x];
                runs[x] = runs[y];
                runs[y] = t;
            }
            a = b;
        }
    }
}

void text_runs_split(struct text_runs *out, const char *s, size_t len, bool rtl,
                     text_font_for font_for, void *ctx)
{
    out->n = 0;
    if (len == 0) {
        return;
    }
    /* Characters, where each starts, and what each needs. */
    size_t n = 0;
    FriBidiChar *cps = xcalloc(len, sizeof(*cps));
    size_t *starts = xcalloc(len + 1, sizeof(*starts));
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t k = utf8_decode(s + i, len - i, &cp);
        starts[n] = i;
        cps[n++] = cp;
        i += k;
    }
    starts[n] = len;
    FriBidiCharType *types = xcalloc(n, sizeof(*types));
    FriBidiBracketType *brackets = xcalloc(n, sizeof(*brackets));
    FriBidiLevel *levels = xcalloc(n, sizeof(*levels));
    fribidi_get_bidi_types(cps, (FriBidiStrIndex)n, types);
    fribidi_get_bracket_types(cps, (FriBidiStrIndex)n, types, brackets);
    FriBidiParType base = rtl ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
    if (!fribidi_get_par_embedding_levels_ex(types, brackets, (FriBidiStrIndex)n, &base, levels)) {
        memset(levels, rtl ? 1 : 0, n * sizeof(*levels)); /* out of memory: one direction */
    }
    int *fonts = pick_fonts(cps, levels, n, font_for, ctx);

    /* Runs in reading order: a new one wherever the level, the font or the script changes. */
    size_t first = out->n;
    int max_level = 0, min_odd = 1000; /* no odd level seen yet */
    const char *script = NULL;
    size_t run_start = 0;
    for (size_t i = 0; i <= n; i++) {
        const char *sc = i < n ? script_of(cps[i]) : NULL;
        bool split = i == n || (i > run_start &&
                                (levels[i] != levels[run_start] || fonts[i] != fonts[run_start] ||
                                 (sc && script && sc != script)));
        if (split && i > run_start) {
            int lv = levels[run_start];
            struct text_run run = {starts[run_start],
                                   starts[i] - starts[run_start],
                                   fonts[run_start],
                                   (lv & 1) != 0,
                                   lv,
                                   script};
            push(out, run);
            max_level = lv > max_level ? lv : max_level;
            if ((lv & 1) && lv < min_odd) {
                min_odd = lv;
            }
            run_start = i;
            script = NULL;
        }
        if (i < n && sc && !script) {
            script = sc;
        }
    }
    reorder(out->runs + first, out->n - first, max_level, min_odd);
    free(fonts);
    free(levels);
    free(brackets);
    free(types);
    free(starts);
    free(cps);
}

void text_runs_free(struct text_runs *r)
{
    free(r->runs);
    memset(r, 0, sizeof(*r));
}
