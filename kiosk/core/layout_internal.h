/* What layout.c shares with the files that lay out further screens (layout_staff.c): the
 * builder state and the building blocks. Nothing outside the layout includes this. */
#ifndef KIOSK_LAYOUT_INTERNAL_H
#define KIOSK_LAYOUT_INTERNAL_H

#include "layout.h"

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

struct button_style {
    enum theme_color bg, fg;
    enum font_style font;
    int min_h;
    int picture;
};

size_t layout_rect(struct build *b, struct rect r, struct color color, unsigned char alpha,
                   int radius);
void layout_push_hit(struct build *b, struct rect r, struct hit hit);
struct color layout_color(const struct build *b, enum theme_color which);
int layout_text_width(const struct build *b, enum font_style f, const char *s, size_t len);
int layout_line_height(const struct build *b, enum font_style f);
/* Lays out marked-up text in a column; returns the y below its last line. */
int layout_flow(struct build *b, const char *text, int left, int width, int y,
                enum font_style regular, enum font_style bold, struct color color,
                enum align align);
/* A rounded button with a wrapped, centred label and an optional icon. Returns its height. */
int layout_button(struct build *b, int x, int y, int w, const char *label,
                  struct button_style st, struct hit hit);

/* Staff mode's screens (layout_staff.c). */
void layout_staff_screen(struct build *b);

#endif
