/* The layout's lower layers: the state of one build and the building blocks that every screen
 * is made of. Nothing outside the layout includes this.
 *
 * The layout's files call one way only, down this list; none calls a file above it:
 *
 *   layout.c            layout_build: picks the screen, mirrors it for right to left; hits
 *   layout_welcome.c    the welcome and cover screens        } the screens,
 *   layout_page.c       a page, and the countdown over it    } layout_screens.h
 *   layout_staff.c      staff mode's screens                 }
 *   layout_bars.c       a page's top and bottom bars, Quick exit and A+
 *   layout_button.c     buttons
 *   layout_flow.c       marked-up text wrapped into a column
 *   layout_blocks.c     the lists, dry runs, colours, measuring, sizes
 *   layout_words.c      words filled into fixed buffers
 *
 * The state of a build lives in the caller's `struct build`; the lists it fills belong to the
 * `struct layout` it points to. */
#ifndef KIOSK_LAYOUT_BLOCKS_H
#define KIOSK_LAYOUT_BLOCKS_H

#include <stdbool.h>
#include <stddef.h>

#include "layout.h"

/* Lines are filled to this share of their width: SDL_ttf can measure a run a pixel wider than
 * the sum of its words, so a little slack keeps every line inside its column. */
#define LAYOUT_LINE_FILL 0.97

enum align { ALIGN_LEFT, ALIGN_CENTER };

/* Everything one build needs, so helpers take one argument instead of seven. */
struct build {
    struct layout *l;
    const struct content *c;
    const struct session *s;
    const struct text_metrics *m;
    const struct language *lang; /* the words to show */
    bool rtl; /* lay out left to right, then mirror the whole screen at the end */
    int w, h;
    double u; /* one hundredth of the screen's short side: the unit every size derives from */
    int touch, margin, gap, pad, radius;
    bool scrolls; /* items emitted now move with the page */
};

/* A dry run: remember where the lists stand, lay something out to measure it, then forget. */
struct mark {
    size_t items, hits, store;
};

struct button_style {
    enum theme_color bg, fg;
    enum font_style font;
    int min_h;
    int picture;
};

/* ---- layout_blocks.c: the lists, dry runs, colours, measuring, sizes ------------------ */

/* Starts a build of a w x h screen into `l` (whose lists the caller has emptied). */
void layout_build_init(struct build *b, struct layout *l, const struct content *c,
                       const struct session *s, const struct text_metrics *m, int w, int h);
/* Copies s[0..len) into the text store, NUL-terminated; returns its offset there. */
size_t layout_store_add(struct layout *l, const char *s, size_t len);
/* Appends a draw item (scrolling with the page if the build says so); returns its index. */
size_t layout_push_item(struct build *b, struct draw_item item);
/* Appends a hit region, scrolling with the page if the build says so. */
void layout_push_hit(struct build *b, struct rect r, struct hit hit);
/* Appends a rectangle; returns its index, so its size can be set once the contents are known. */
size_t layout_rect(struct build *b, struct rect r, struct color color, unsigned char alpha,
                   int radius);
/* Appends a picture drawn into `r`. */
void layout_picture(struct build *b, struct rect r, int picture);
/* Moves the draw items from index `from` on by (dx, dy). */
void layout_shift_items(struct build *b, size_t from, int dx, int dy);
/* Moves the hit regions from index `from` on by (dx, dy). */
void layout_shift_hits(struct build *b, size_t from, int dx, int dy);
/* Where the lists stand now, for layout_rollback. */
struct mark layout_mark(const struct build *b);
/* Forgets everything laid out since `k` was taken. */
void layout_rollback(struct build *b, struct mark k);
/* A colour of the content's theme. */
struct color layout_color(const struct build *b, enum theme_color which);
/* Width in pixels of s[0..len) in font `f`. */
int layout_text_width(const struct build *b, enum font_style f, const char *s, size_t len);
/* Distance between baselines in font `f`. */
int layout_line_height(const struct build *b, enum font_style f);
/* The largest w x h with the picture's shape inside the box, and no larger than `pw` x `ph`. */
void layout_fit_picture(int pw, int ph, int box_w, int box_h, int *w, int *h);

/* ---- layout_words.c: words filled into fixed buffers ---------------------------------- */

/* Drops a partial UTF-8 character left at the end of `s` by a cut to fit its buffer. */
void layout_cut_to_character(char *s);
/* Fills `out` from a template, replacing each {name} with its value; cut to whole characters. */
void layout_fill_template(char *out, size_t size, const char *tmpl, const char *const *names,
                          const char *const *values, int n);

/* ---- layout_flow.c: marked-up text in a column ---------------------------------------- */

/* Lays out marked-up text in a column; returns the y below its last line. */
int layout_flow(struct build *b, const char *text, int left, int width, int y,
                enum font_style regular, enum font_style bold, struct color color,
                enum align align);

/* ---- layout_button.c: buttons --------------------------------------------------------- */

/* A rounded button with a wrapped, centred label and an optional icon. Returns its height. */
int layout_button(struct build *b, int x, int y, int w, const char *label, struct button_style st,
                  struct hit hit);
/* Height a button would take, found by laying it out and taking it back. */
int layout_button_height(struct build *b, int w, const char *label, struct button_style st);

/* ---- layout_bars.c: the bars of a visitor page, Quick exit and A+ -------------------- */

/* The space between a bar's edge and its buttons. */
int layout_bar_gap(const struct build *b);
/* Quick exit, top right in every language, in a bar of height bar_h at `y`; returns its height. */
int layout_quick_exit_button(struct build *b, int y, int bar_h);
/* The width of the A+ button. */
int layout_text_size_width(struct build *b);
/* A+ at screen x `x` in every language (it does not move when the screen is mirrored). */
void layout_text_size_button(struct build *b, int x, int y, int h);
/* A page's top bar: progress, A+ and Quick exit; returns its height. */
int layout_top_bar(struct build *b);
/* A page's bottom bar: Back, Home, Help and Next; returns its height. */
int layout_nav_bar(struct build *b);

#endif
