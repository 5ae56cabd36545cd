/* A visitor page: its title, picture, text and choice buttons in a viewport that scrolls
 * between the top and bottom bars; and the Still-there countdown overlay drawn over it. */
#include <math.h>
#include <stdio.h>

#include "layout_blocks.h"
#include "layout_screens.h"
#include "util.h"

/* Choice buttons: one column, or two on a wide screen when there are many. */
static int choices(struct build *b, const struct page *p, int x, int w, int y, bool wide)
{
    const char **labels = b->lang->pages[b->s->visit.page].choices;
    int cols = (wide && p->n_choices >= 4) ? 2 : 1;
    int cw = (w - (cols - 1) * b->gap) / cols;
    for (int i = 0; i < p->n_choices; i += cols) {
        int row_h = b->touch;
        for (int k = 0; k < cols && i + k < p->n_choices; k++) {
            const struct choice *ch = &p->choices[i + k];
            struct button_style st = {COLOR_CHOICE, COLOR_CHOICE_TEXT, FONT_BUTTON, b->touch,
                                      ch->picture};
            row_h = max_int(row_h, layout_button_height(b, cw, labels[i + k], st));
        }
        for (int k = 0; k < cols && i + k < p->n_choices; k++) {
            const struct choice *ch = &p->choices[i + k];
            struct button_style st = {COLOR_CHOICE, COLOR_CHOICE_TEXT, FONT_BUTTON, row_h,
                                      ch->picture};
            struct hit hit = {ACTION_GOTO, ch->target};
            layout_button(b, x + k * (cw + b->gap), y, cw, labels[i + k], st, hit);
        }
        y += row_h + b->gap;
    }
    return y;
}

void layout_page_screen(struct build *b)
{
    const struct content *c = b->c;
    /* The session only ever shows a page of this content. */
    KIOSK_ASSERT(b->s->visit.page >= 0 && b->s->visit.page < c->n_pages);
    const struct page *p = &c->pages[b->s->visit.page];
    const struct page_words *said = &b->lang->pages[b->s->visit.page];
    int top = layout_top_bar(b);
    int bottom_h = layout_nav_bar(b);
    struct rect vp = {0, top, b->w, b->h - top - bottom_h};
    b->l->viewport = vp;
    b->l->scrollbar_width = max_int(4, (int)lround(1.2 * b->u));

    b->scrolls = true;
    int col_x = b->margin;
    int col_w = b->w - 2 * b->margin - b->l->scrollbar_width;
    int text_w = col_w;
    int y = vp.y + b->margin;
    int pic_bottom = y;
    int pw, ph;
    bool landscape = b->w >= b->h;
    bool has_picture = p->picture != CONTENT_NONE &&
                       b->m->picture_size(b->m->ctx, p->picture, &pw, &ph) && pw > 0 && ph > 0;
    if (has_picture && landscape) {
        /* The title spans the page; the picture sits beside the text below it. */
        y = layout_flow(b, said->title, col_x, col_w, y, FONT_TITLE, FONT_TITLE,
                        layout_color(b, COLOR_HEADING), ALIGN_LEFT);
        text_w = col_w * 62 / 100;
        int box_w = col_w - text_w - b->margin;
        int box_h = vp.y + vp.h - b->margin - y;
        int dw, dh;
        layout_fit_picture(pw, ph, box_w, max_int(box_h, box_w / 2), &dw, &dh);
        int box_x = col_x + text_w + b->margin;
        layout_picture(b, (struct rect){box_x + (box_w - dw) / 2, y, dw, dh}, p->picture);
        pic_bottom = y + dh;
    } else {
        if (has_picture) {
            int dw, dh;
            layout_fit_picture(pw, ph, col_w, vp.h * 30 / 100, &dw, &dh);
            layout_picture(b, (struct rect){col_x + (col_w - dw) / 2, y, dw, dh}, p->picture);
            y += dh + b->margin;
        }
        y = layout_flow(b, said->title, col_x, text_w, y, FONT_TITLE, FONT_TITLE,
                        layout_color(b, COLOR_HEADING), ALIGN_LEFT);
    }
    if (said->text && *said->text) {
        y += b->gap;
        y = layout_flow(b, said->text, col_x, text_w, y, FONT_BODY, FONT_BOLD,
                        layout_color(b, COLOR_TEXT), ALIGN_LEFT);
    }
    if (p->n_choices > 0) {
        y += b->margin;
        /* Below a picture's side column, choices may use the whole width. */
        bool beside_picture = landscape && text_w != col_w && y < pic_bottom;
        y = choices(b, p, col_x, beside_picture ? text_w : col_w, y, landscape) - b->gap;
    }
    int end = max_int(y, pic_bottom);
    if (end > vp.y + vp.h) {
        end += b->margin; /* room below the last line, but only worth scrolling for real text */
    }
    b->l->content_height = end - vp.y;
    b->l->scroll_max = max_int(0, b->l->content_height - vp.h);
    b->scrolls = false;
    b->l->scrollbar = layout_color(b, COLOR_HEADING);
}

/* The Still-there panel's words and button from `y` down, in `big` or the smaller fonts;
 * returns the y below them. */
static int countdown_panel(struct build *b, int px, int panel_w, int y, bool big)
{
    const struct words *w = &b->lang->words;
    int inner_x = px + b->margin, inner_w = panel_w - 2 * b->margin;
    y = layout_flow(b, w->countdown_title, inner_x, inner_w, y, big ? FONT_WELCOME : FONT_TITLE,
                    big ? FONT_WELCOME : FONT_TITLE, layout_color(b, COLOR_HEADING), ALIGN_CENTER);
    char secs[16], text[512];
    snprintf(secs, sizeof(secs), "%d", b->s->visit.countdown_seconds);
    const char *names[] = {"seconds"};
    const char *values[] = {secs};
    layout_fill_template(text, sizeof(text), w->countdown_text, names, values, 1);
    y += b->gap;
    y = layout_flow(b, text, inner_x, inner_w, y, big ? FONT_LEAD : FONT_BODY,
                    big ? FONT_TITLE : FONT_BOLD, layout_color(b, COLOR_TEXT), ALIGN_CENTER);
    y += b->margin;
    int bw = inner_w * 8 / 10;
    struct button_style st = {COLOR_BUTTON, COLOR_BUTTON_TEXT, big ? FONT_TITLE : FONT_BUTTON,
                              big ? b->touch * 3 / 2 : b->touch, CONTENT_NONE};
    struct hit cont = {ACTION_CONTINUE, CONTENT_NONE};
    y += layout_button(b, px + (panel_w - bw) / 2, y, bw, w->countdown_button, st, cont);
    return y + b->margin;
}

void layout_countdown_overlay(struct build *b)
{
    struct color dim = layout_color(b, COLOR_TEXT);
    layout_rect(b, (struct rect){0, 0, b->w, b->h}, dim, 190, 0);
    struct hit cont = {ACTION_CONTINUE, CONTENT_NONE};
    layout_push_hit(b, (struct rect){0, 0, b->w, b->h}, cont);

    int panel_w = b->w - 2 * b->margin;
    if (panel_w > b->h * 14 / 10 && b->w > b->h) {
        panel_w = b->h * 14 / 10;
    }
    int px = (b->w - panel_w) / 2;
    /* The panel sits below the top bar: Quick exit must stay in sight and working. */
    struct mark k = layout_mark(b);
    int qh = layout_quick_exit_button(b, 0, b->touch + 2 * layout_bar_gap(b));
    layout_rollback(b, k);
    int bar_h = max_int(b->touch, qh) + 2 * layout_bar_gap(b);
    int room = b->h - bar_h - 2 * layout_bar_gap(b);
    bool big = countdown_panel(b, px, panel_w, 0, true) <= room;
    layout_rollback(b, k);
    size_t panel = layout_rect(b, (struct rect){px, 0, panel_w, 0},
                               layout_color(b, COLOR_BACKGROUND), 255, b->radius * 2);
    size_t first = b->l->n_items;
    size_t hits_before = b->l->n_hits;
    int y = countdown_panel(b, px, panel_w, b->margin, big);
    int dy = max_int((b->h - y) / 2, bar_h + layout_bar_gap(b));
    b->l->items[panel].rect.y = dy;
    b->l->items[panel].rect.h = y;
    layout_shift_items(b, first, 0, dy);
    layout_shift_hits(b, hits_before, 0, dy);
    /* Quick exit stays on top and working even while the overlay asks. */
    layout_quick_exit_button(b, 0, bar_h);
}
