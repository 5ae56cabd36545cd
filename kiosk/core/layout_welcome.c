/* The welcome and cover screens: a column of centred words (title, text and a prompt button)
 * with a picture above them when there is room; the welcome screen adds the language picker
 * and A+. Large text on a small screen gives way in steps: the prompt first, then the headline
 * size, never the words themselves. */
#include <stdio.h>
#include <string.h>

#include "layout_blocks.h"
#include "layout_screens.h"
#include "util.h"

/* The title, text and button of a centred screen, from `y` down; returns the y below them. */
static int centred_blocks(struct build *b, int x, int col_w, int y, const char *title,
                          const char *text, const char *prompt, bool big)
{
    y = layout_flow(b, title, x, col_w, y, big ? FONT_WELCOME : FONT_TITLE,
                    big ? FONT_WELCOME : FONT_TITLE, layout_color(b, COLOR_HEADING), ALIGN_CENTER);
    if (text && *text) {
        y += b->gap;
        y = layout_flow(b, text, x, col_w, y, big ? FONT_LEAD : FONT_BODY,
                        big ? FONT_TITLE : FONT_BOLD, layout_color(b, COLOR_TEXT), ALIGN_CENTER);
    }
    if (prompt && *prompt) {
        y += b->margin;
        struct button_style st = {COLOR_BUTTON, COLOR_BUTTON_TEXT, FONT_BUTTON, b->touch,
                                  CONTENT_NONE};
        int pw = layout_text_width(b, FONT_BUTTON, prompt, strlen(prompt)) + 4 * b->pad;
        pw = clamp_int(pw, 3 * b->touch, col_w);
        struct hit none = {ACTION_NONE, CONTENT_NONE};
        y += layout_button(b, (b->w - pw) / 2, y, pw, prompt, st, none);
    }
    return y;
}

/* A column of centred blocks (picture, title, text, button) placed in the middle of the band
 * from `top` to `bottom`: the welcome and cover screens. The picture takes what room the words
 * leave, and gives way altogether on a crowded small screen. */
static void centred_screen(struct build *b, int picture, const char *title, const char *text,
                           const char *prompt, int top, int bottom)
{
    size_t first_hit = b->l->n_hits;
    int col_w = min_int(b->w - 2 * b->margin, (int)(b->w * 0.86));
    int x = (b->w - col_w) / 2;
    struct mark dry = layout_mark(b);
    bool big = true;
    int words_h = centred_blocks(b, x, col_w, 0, title, text, prompt, big);
    layout_rollback(b, dry);
    if (words_h > bottom - top && prompt) {
        /* Large text on a small screen: the prompt goes first (a tap anywhere still starts),
         * then the headline size; never the words that say nothing is saved. */
        prompt = NULL;
        words_h = centred_blocks(b, x, col_w, 0, title, text, prompt, big);
        layout_rollback(b, dry);
    }
    if (words_h > bottom - top) {
        big = false;
        words_h = centred_blocks(b, x, col_w, 0, title, text, prompt, big);
        layout_rollback(b, dry);
    }
    size_t first = b->l->n_items;
    int y = 0;
    int pw, ph;
    int room = min_int((bottom - top) - words_h - b->margin, (int)((bottom - top) * 0.32));
    if (picture != CONTENT_NONE && room >= 6 * b->u &&
        b->m->picture_size(b->m->ctx, picture, &pw, &ph) && pw > 0 && ph > 0) {
        int dw, dh;
        layout_fit_picture(pw, ph, col_w / 2, room, &dw, &dh);
        layout_picture(b, (struct rect){(b->w - dw) / 2, y, dw, dh}, picture);
        y += dh + b->margin;
    }
    y = centred_blocks(b, x, col_w, y, title, text, prompt, big);
    int dy = top + max_int(0, (bottom - top - y) / 2);
    layout_shift_items(b, first, 0, dy);
    layout_shift_hits(b, first_hit, 0, dy);
}

/* One button per language, named in that language, in rows centred above `bottom`; the chosen
 * one is marked with a tick as well as its colour. Returns the top of the rows. */
static int language_picker(struct build *b, int bottom)
{
    const struct content *c = b->c;
    char labels[16][160];
    int widths[ARRAY_LEN(labels)];
    /* More would not fit a waiting-room screen anyway. */
    int n = min_int(c->n_languages, (int)ARRAY_LEN(labels));
    for (int i = 0; i < n; i++) {
        bool chosen = i == b->s->visit.lang;
        snprintf(labels[i], sizeof(labels[i]), "%s%s", chosen ? "\xE2\x9C\x93 " : "",
                 c->languages[i].name); /* check mark */
        layout_cut_to_character(labels[i]);
        widths[i] = layout_text_width(b, FONT_BUTTON, labels[i], strlen(labels[i])) + 4 * b->pad;
        widths[i] = clamp_int(widths[i], 2 * b->touch, b->w - 2 * b->margin);
    }
    /* Rows from the last language up, so the first row holds the first languages. */
    int row_start[ARRAY_LEN(labels) + 1], rows = 0;
    for (int i = 0; i < n;) {
        int used = widths[i], k = i + 1;
        while (k < n && used + b->gap + widths[k] <= b->w - 2 * b->margin) {
            used += b->gap + widths[k];
            k++;
        }
        row_start[rows++] = i;
        i = k;
    }
    row_start[rows] = n;
    int y = bottom - rows * b->touch - (rows - 1) * b->gap;
    int top = y;
    for (int r = 0; r < rows; r++) {
        int used = 0;
        for (int i = row_start[r]; i < row_start[r + 1]; i++) {
            used += widths[i] + (i > row_start[r] ? b->gap : 0);
        }
        int x = (b->w - used) / 2;
        for (int i = row_start[r]; i < row_start[r + 1]; i++) {
            bool chosen = i == b->s->visit.lang;
            struct button_style st = {chosen ? COLOR_BUTTON : COLOR_CHOICE,
                                      chosen ? COLOR_BUTTON_TEXT : COLOR_CHOICE_TEXT, FONT_BUTTON,
                                      b->touch, CONTENT_NONE};
            struct hit hit = {ACTION_LANGUAGE, i};
            layout_button(b, x, y, widths[i], labels[i], st, hit);
            x += widths[i] + b->gap;
        }
        y += b->touch + b->gap;
    }
    return top;
}

/* The mark staff know means "this is not your file" (the staff guide explains it): a small
 * ring in the bottom-left corner, in the text colour but faint, that a visitor takes for a
 * detail of the design. Staff mode and CHECK.txt say why. */
static void stand_in_mark(struct build *b)
{
    int d = max_int(12, (int)(2.4 * b->u + 0.5));
    int ring = max_int(2, d / 6);
    int x = b->margin / 2, y = b->h - b->margin / 2 - d;
    struct color text = layout_color(b, COLOR_TEXT);
    layout_rect(b, (struct rect){x, y, d, d}, text, 140, d / 2);
    layout_rect(b, (struct rect){x + ring, y + ring, d - 2 * ring, d - 2 * ring},
                layout_color(b, COLOR_BACKGROUND), 255, d / 2 - ring);
}

/* The welcome screen: a tap anywhere starts the visit; the language buttons along the bottom
 * and "A+" in the corner change the screen first. */
void layout_welcome_screen(struct build *b)
{
    const struct content *c = b->c;
    struct hit start = {ACTION_NONE, CONTENT_NONE};
    /* First, so the buttons laid over it win the hit test. */
    layout_push_hit(b, (struct rect){0, 0, b->w, b->h}, start);
    int top = b->margin + b->touch, bottom = b->h - b->margin;
    layout_text_size_button(b, b->w - b->margin - layout_text_size_width(b), b->margin, b->touch);
    if (b->s->notice) {
        /* Only for problems staff must fix, such as no touch screen found. */
        int lh = layout_line_height(b, FONT_SMALL);
        bottom -= lh;
        layout_flow(b, b->s->notice, b->margin, b->w - 2 * b->margin, bottom, FONT_SMALL,
                    FONT_SMALL, layout_color(b, COLOR_QUICK_EXIT), ALIGN_CENTER);
    }
    if (c->n_languages > 1) {
        bottom = language_picker(b, bottom);
    }
    centred_screen(b, c->welcome_picture, b->lang->words.welcome_title, b->lang->words.welcome_text,
                   b->lang->words.welcome_prompt, top, bottom - b->margin);
    if (c->stand_in) {
        stand_in_mark(b);
    }
}

/* The cover screen that Quick exit shows: neutral words, centred on the whole screen, that say
 * nothing of what the kiosk is about. */
void layout_cover_screen(struct build *b)
{
    centred_screen(b, CONTENT_NONE, b->lang->words.cover_title, b->lang->words.cover_text, NULL, 0,
                   b->h);
}
