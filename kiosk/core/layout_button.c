/* The button every screen uses: a rounded box with a wrapped, centred label, an optional icon,
 * the pressed look and its hit region; and its height found by a dry run, for rows of buttons
 * that must match. */
#include "layout_blocks.h"
#include "util.h"

/* A rounded button with a wrapped, centred label and an optional icon. Returns its height. */
int layout_button(struct build *b, int x, int y, int w, const char *label, struct button_style st,
                  struct hit hit)
{
    struct color bg = layout_color(b, st.bg), fg = layout_color(b, st.fg);
    if ((b->s->screen == SCREEN_PAGE || session_in_staff_mode(b->s)) && hit.action != ACTION_NONE &&
        b->s->visit.pressed.action == hit.action && b->s->visit.pressed.target == hit.target) {
        /* Pressed: the colours swap. Plain to see on any theme, and as readable as ever. */
        struct color t = bg;
        bg = fg;
        fg = t;
    }
    int pw = 0, ph = 0, icon = 0;
    if (st.picture != CONTENT_NONE && b->m->picture_size(b->m->ctx, st.picture, &pw, &ph) &&
        pw > 0 && ph > 0) {
        icon = b->touch - b->pad; /* one size for every icon, however tall the button */
    }
    size_t box = layout_rect(b, (struct rect){x, y, w, st.min_h}, bg, 255, b->radius);
    int text_x = x + b->pad + (icon ? icon + b->pad : 0);
    int text_w = w - 2 * b->pad - (icon ? icon + b->pad : 0);
    size_t first = b->l->n_items;
    int bottom = layout_flow(b, label, text_x, text_w, y + b->pad, st.font, st.font, fg,
                             icon ? ALIGN_LEFT : ALIGN_CENTER);
    int text_h = bottom - (y + b->pad);
    int h = max_int(text_h + 2 * b->pad, st.min_h);
    layout_shift_items(b, first, 0, (h - text_h) / 2 - b->pad);
    b->l->items[box].rect.h = h;
    if (icon) {
        /* Fit the picture into a square, keeping its shape. */
        int iw = icon, ih = icon;
        if (pw * icon > ph * icon) {
            ih = icon * ph / pw;
        } else {
            iw = icon * pw / ph;
        }
        layout_picture(b, (struct rect){x + b->pad + (icon - iw) / 2, y + (h - ih) / 2, iw, ih},
                       st.picture);
    }
    layout_push_hit(b, (struct rect){x, y, w, h}, hit);
    return h;
}

/* Height a button would take, found by laying it out and taking it back. */
int layout_button_height(struct build *b, int w, const char *label, struct button_style st)
{
    struct mark k = layout_mark(b);
    struct hit none = {ACTION_NONE, CONTENT_NONE};
    int h = layout_button(b, 0, 0, w, label, st, none);
    layout_rollback(b, k);
    return h;
}
