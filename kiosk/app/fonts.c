#include "fonts.h"

#include <stdlib.h>
#include <string.h>

#include "log.h"

static const char *const system_regular[] = {
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
};
static const char *const system_bold[] = {
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/TTF/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf",
};

/* Titles, buttons and emphasis are bold; running text is regular. */
static bool style_is_bold(enum font_style s)
{
    return s == FONT_BOLD || s == FONT_TITLE || s == FONT_BUTTON || s == FONT_WELCOME;
}

static TTF_Font *open_first(const char *const *paths, size_t n, int px)
{
    for (size_t i = 0; i < n; i++) {
        TTF_Font *font = TTF_OpenFont(paths[i], px);
        if (font) {
            return font;
        }
    }
    return NULL;
}

static TTF_Font *open_style(const struct theme *theme, enum font_style s, int px)
{
    bool bold = style_is_bold(s);
    if (bold && theme->font_bold) {
        TTF_Font *font = TTF_OpenFont(theme->font_bold, px);
        if (font) {
            return font;
        }
        log_warn("cannot open the bold font %s (%s); using another", theme->font_bold,
                 TTF_GetError());
    }
    if (theme->font) {
        TTF_Font *font = TTF_OpenFont(theme->font, px);
        if (font) {
            if (bold && !theme->font_bold) {
                TTF_SetFontStyle(font, TTF_STYLE_BOLD); /* embolden the one font we have */
            }
            return font;
        }
        log_warn("cannot open the font %s (%s); using DejaVu Sans", theme->font, TTF_GetError());
    }
    TTF_Font *font = bold ? open_first(system_bold, sizeof(system_bold) / sizeof(*system_bold), px)
                          : NULL;
    if (!font) {
        font = open_first(system_regular, sizeof(system_regular) / sizeof(*system_regular), px);
        if (font && bold) {
            TTF_SetFontStyle(font, TTF_STYLE_BOLD);
        }
    }
    return font;
}

bool fonts_open(struct fonts *f, const struct theme *theme, int width, int height)
{
    fonts_close(f);
    f->width = width;
    f->height = height;
    f->text_size = theme->text_size;
    layout_font_sizes(width, height, theme->text_size, f->px);
    for (int i = 0; i < FONT_COUNT; i++) {
        f->font[i] = open_style(theme, (enum font_style)i, f->px[i]);
        if (!f->font[i]) {
            log_error("no usable font: the config's font failed and DejaVu Sans is not installed "
                      "(install the fonts-dejavu-core package)");
            fonts_close(f);
            return false;
        }
        TTF_SetFontHinting(f->font[i], TTF_HINTING_LIGHT);
    }
    return true;
}

void fonts_close(struct fonts *f)
{
    for (int i = 0; i < FONT_COUNT; i++) {
        if (f->font[i]) {
            TTF_CloseFont(f->font[i]);
            f->font[i] = NULL;
        }
    }
}

int fonts_width(struct fonts *f, enum font_style style, const char *s, size_t len)
{
    char small[512];
    char *buf = len < sizeof(small) ? small : malloc(len + 1);
    if (!buf) {
        return 0;
    }
    memcpy(buf, s, len);
    buf[len] = '\0';
    int w = 0, h = 0;
    if (TTF_SizeUTF8(f->font[style], buf, &w, &h) != 0) {
        w = 0;
    }
    if (buf != small) {
        free(buf);
    }
    return w;
}

int fonts_line_height(const struct fonts *f, enum font_style style)
{
    return TTF_FontLineSkip(f->font[style]);
}
