/* Fonts: one SDL_ttf font per text style at the sizes the layout asks for, with a fallback to
 * the system's DejaVu Sans when the configured file is missing or broken. Backs the layout's
 * text_metrics interface. */
#ifndef KIOSK_FONTS_H
#define KIOSK_FONTS_H

#include <SDL_ttf.h>
#include <stdbool.h>

#include "content.h"
#include "layout.h"

struct fonts {
    TTF_Font *font[FONT_COUNT];
    int px[FONT_COUNT];
    int width, height, text_size;
};

/* Opens every style for a width x height screen. False only when no font at all could be
 * opened, not even the system one; the reason has been logged. */
bool fonts_open(struct fonts *f, const struct theme *theme, int width, int height);
/* Closes the fonts; safe on a zeroed or already closed struct. */
void fonts_close(struct fonts *f);
/* Text width in pixels of s[0..len) in `style`. */
int fonts_width(struct fonts *f, enum font_style style, const char *s, size_t len);
/* Line spacing of `style`. */
int fonts_line_height(const struct fonts *f, enum font_style style);

#endif
