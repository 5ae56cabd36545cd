/* Text runs: splits one line of text into pieces that each have one font and one direction,
 * in the order they are drawn from left to right. The Unicode bidirectional algorithm (fribidi)
 * decides the directions, so a number or an English word inside Arabic reads correctly; the
 * font chain decides which font draws each character, so no script shows empty boxes. Shaping
 * (joining Arabic letters) is left to SDL_ttf's HarfBuzz, one run at a time. */
#ifndef KIOSK_TEXT_RUNS_H
#define KIOSK_TEXT_RUNS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Picks the font for a character: an index into the caller's font chain, or -1 for "any" (a
 * space or mark that stays with the characters around it). */
typedef int (*text_font_for)(void *ctx, uint32_t cp);

struct text_run {
    size_t offset, len; /* bytes of the original text */
    int font;           /* index into the chain */
    bool rtl;           /* shape and draw right to left (its bidi level is odd) */
    int level;          /* its bidi embedding level, which orders the runs */
    const char *script; /* ISO 15924 code for HarfBuzz, e.g. "Arab"; NULL leaves it as it was */
};

struct text_runs {
    struct text_run *runs;
    size_t n, cap;
};

/* True when the text needs no runs at all: no right-to-left letters, not a right-to-left
 * paragraph, and every character in font 0. The common case costs one pass over the bytes. */
bool text_runs_simple(const char *s, size_t len, bool rtl, text_font_for font_for, void *ctx);
/* Fills `out` with the runs of s[0..len) in drawing order; `rtl` is the paragraph's direction. */
void text_runs_split(struct text_runs *out, const char *s, size_t len, bool rtl,
                     text_font_for font_for, void *ctx);
void text_runs_free(struct text_runs *r);

#endif
