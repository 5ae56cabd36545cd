/* Fonts: one SDL_ttf font per text style at the sizes the layout asks for, with a fallback to
 * the system's DejaVu Sans when the configured file is missing or broken, and a chain of
 * further fonts (Noto for Arabic, Hebrew, Devanagari...) opened only when a character needs
 * one. Measures and draws lines of any script and direction (text_runs.h). Backs the layout's
 * text_metrics interface. */
#ifndef KIOSK_FONTS_H
#define KIOSK_FONTS_H

#include <SDL_ttf.h>
#include <stdbool.h>

#include "content.h"
#include "font_files.h"
#include "layout.h"

#define FONTS_CHAIN_MAX 16

struct fonts {
    TTF_Font *font[FONT_COUNT];
    TTF_Font *chain[FONT_COUNT][FONTS_CHAIN_MAX]; /* opened on first use */
    bool tried[FONT_COUNT][FONTS_CHAIN_MAX];
    const char *chain_paths[FONTS_CHAIN_MAX];
    int n_chain;
    int px[FONT_COUNT];
    int width, height, text_size;
    int scale;               /* the percent fonts_open was given (the visitor's A+) */
    struct font_files files; /* every file read once, by the first fonts_open */
    bool files_read;
};

/* Opens every style for a width x height screen (the first call reads every font file the
 * theme and the fallbacks may need, font_files.h), with text at `scale` percent of the theme's
 * size (the visitor's "A+"). False only when no font at all could be opened, not even the
 * system one; the reason has been logged. */
bool fonts_open(struct fonts *f, const struct theme *theme, int width, int height, int scale);
/* Closes the fonts but keeps the files read for the next fonts_open; safe on a zeroed or
 * already closed struct. */
void fonts_close(struct fonts *f);
/* Closes the fonts and frees the files read (the content is going). */
void fonts_finish(struct fonts *f);
/* Text width in pixels of s[0..len) in `style`. */
int fonts_width(struct fonts *f, enum font_style style, const char *s, size_t len);
/* How many font files are open now: one per style, plus the fallbacks some text needed. */
int fonts_open_count(const struct fonts *f);
/* Line spacing of `style`. */
int fonts_line_height(const struct fonts *f, enum font_style style);
/* Draws s[0..len) in `style`; `rtl` is the direction of its paragraph. *dy is where the picture
 * goes relative to the line's top (a taller fallback font starts above it). NULL on failure. */
SDL_Surface *fonts_render(struct fonts *f, enum font_style style, const char *s, size_t len,
                          bool rtl, SDL_Color color, int *dy);

#endif
