/* Layout: turns the content and the session into plain data, a list of rectangles, text runs
 * and pictures to draw, and the regions a finger can hit. It knows nothing of SDL; text is
 * measured through `struct text_metrics`, which the app backs with SDL_ttf and tests back with
 * a fixed-width fake. Every size derives from the screen, so one layout serves 800x480 to
 * 3840x2160, landscape or portrait. */
#ifndef KIOSK_LAYOUT_H
#define KIOSK_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

#include "content.h"
#include "session.h"

struct rect {
    int x, y, w, h;
};

/* Text styles; the app decides which are bold (titles, buttons, emphasis). FONT_LEAD is the
 * larger plain text of the welcome, cover and countdown screens. */
enum font_style {
    FONT_BODY,
    FONT_BOLD,
    FONT_TITLE,
    FONT_BUTTON,
    FONT_SMALL,
    FONT_WELCOME,
    FONT_LEAD,
    FONT_COUNT
};

struct text_metrics {
    void *ctx;
    /* Width in pixels of text[0..len) drawn in `font` on one line. */
    int (*width)(void *ctx, enum font_style font, const char *text, size_t len);
    /* Distance between baselines of consecutive lines in `font`. */
    int (*line_height)(void *ctx, enum font_style font);
    /* The largest size a picture should be drawn at (its shape, and a limit so a small photo
     * is not blown up into a blur); false when it cannot be shown (the page goes without it). */
    bool (*picture_size)(void *ctx, int picture, int *w, int *h);
};

enum draw_kind { DRAW_RECT, DRAW_TEXT, DRAW_PICTURE };

struct draw_item {
    enum draw_kind kind;
    struct rect rect; /* for text, x/y is the top-left of the line and w its measured width */
    struct color color;
    unsigned char alpha; /* rectangles only: 255 is opaque */
    int radius;          /* rectangles only: rounded corners */
    enum font_style font;
    size_t text; /* offset into the layout's text store, see layout_text() */
    size_t len;
    int picture;
    bool scrolls; /* moves with the page and is clipped to the viewport */
    bool rtl;     /* text: its paragraph reads right to left (the renderer orders mixed runs) */
};

struct layout_hit {
    struct rect rect;
    struct hit hit;
    bool scrolls;
};

struct layout {
    struct draw_item *items;
    size_t n_items, cap_items;
    struct layout_hit *hits;
    size_t n_hits, cap_hits;
    char *store; /* the text of every run, so runs outlive nothing they point into */
    size_t store_used, store_cap;
    struct rect viewport; /* where the page scrolls */
    int content_height;   /* height of everything that scrolls */
    int scroll_max;       /* how far the page can scroll; 0 when it fits */
    struct color scrollbar;
    int scrollbar_width;
    struct color background;
    bool rtl; /* the screen is mirrored for a right-to-left language: the scrollbar is left */
};

/* Prepares an empty layout (caller's storage). */
void layout_init(struct layout *l);
/* Frees what the layout holds, overwritten first. */
void layout_finish(struct layout *l);
/* Overwrites everything the layout holds (its text above all) and empties it; it keeps its
 * memory for the next layout_build. */
void layout_wipe(struct layout *l);
/* Lays out what the session shows on a width x height screen, replacing what was there. */
void layout_build(struct layout *l, const struct content *c, const struct session *s,
                  const struct text_metrics *m, int width, int height);
/* What is under (x, y) when the page is scrolled by `scroll` pixels; the topmost region wins. */
struct hit layout_hit_test(const struct layout *l, int x, int y, int scroll);
/* Text of a DRAW_TEXT item (not NUL-terminated: use item->len). */
const char *layout_text(const struct layout *l, const struct draw_item *item);
/* Font sizes in pixels for a screen and the config's text size (percent). */
void layout_font_sizes(int width, int height, int text_size, int px[FONT_COUNT]);
/* The smallest touch target in pixels: 9 mm on any screen of 7 inches or more. */
int layout_min_touch(int width, int height);

#endif
