/* The top of the layout: the layout's lifetime (layout_init/finish), layout_build, which
 * picks the screen the session shows and mirrors it for a right-to-left language, and the hit
 * test. It calls down into the screens (layout_screens.h) and the building blocks
 * (layout_blocks.h); nothing in the layout calls back up into this file. */
#include "layout.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout_blocks.h"
#include "layout_screens.h"
#include "util.h"

void layout_init(struct layout *l)
{
    memset(l, 0, sizeof(*l));
}

void layout_finish(struct layout *l)
{
    free(l->items);
    free(l->hits);
    free(l->store);
    memset(l, 0, sizeof(*l));
}

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
    for (size_t i = first_hit; i < b->l->n_hits; i++) {
        b->l->hits[i].rect.y += dy;
    }
}

/* The bars hug their buttons more tightly than the page spaces its blocks. */
static int bar_gap(const struct build *b)
{
    return max_int(2, (int)lround(1.2 * b->u));
}

struct nav_button {
    const char *label;
    struct hit hit;
    bool primary;
};

/* Where x must be for a box of width w to end up at screen x `want` once the screen is mirrored
 * (or not): for the few things that stay put in every language. */
static int stay(const struct build *b, int want, int w)
{
    return b->rtl ? b->w - want - w : want;
}

static int quick_exit_width(struct build *b)
{
    const char *label = b->lang->words.quick_exit;
    int w = layout_text_width(b, FONT_BUTTON, label, strlen(label)) + 3 * b->pad;
    return clamp_int(w, 2 * b->touch, b->w / 2);
}

/* Quick exit sits at the top right in every language: a visitor in a hurry, and staff who
 * point it out, find it in the same place; the top-left corner is the staff hold. */
static int quick_exit_button(struct build *b, int y, int bar_h)
{
    const char *label = b->lang->words.quick_exit;
    struct button_style st = {COLOR_QUICK_EXIT, COLOR_QUICK_EXIT_TEXT, FONT_BUTTON,
                              bar_h - 2 * bar_gap(b), CONTENT_NONE};
    int w = quick_exit_width(b);
    struct hit hit = {ACTION_QUICK_EXIT, CONTENT_NONE};
    return layout_button(b, stay(b, b->w - b->margin - w, w), y + bar_gap(b), w, label, st, hit);
}

/* "A+": the next text size for this visit. Its label says what a tap does, in signs every
 * language reads, so it needs no translation. */
static const char *text_size_label(const struct build *b)
{
    return b->s->visit.text_scale + 1 < SESSION_TEXT_SCALES ? "A+" : "A\xE2\x88\x92"; /* minus */
}

static int text_size_width(struct build *b)
{
    const char *label = text_size_label(b);
    return max_int(b->touch, layout_text_width(b, FONT_BUTTON, label, strlen(label)) + 3 * b->pad);
}

static void text_size_button(struct build *b, int x, int y, int h)
{
    struct button_style st = {COLOR_CHOICE, COLOR_CHOICE_TEXT, FONT_BUTTON, h, CONTENT_NONE};
    struct hit hit = {ACTION_TEXT_SIZE, CONTENT_NONE};
    int w = text_size_width(b);
    layout_button(b, stay(b, x, w), y, w, text_size_label(b), st, hit);
}

static int top_bar(struct build *b)
{
    const struct page *p = &b->c->pages[b->s->visit.page];
    int bar_h = b->touch + 2 * bar_gap(b);
    struct mark k = layout_mark(b);
    int qh = quick_exit_button(b, 0, bar_h);
    layout_rollback(b, k);
    bar_h = max_int(bar_h, qh + 2 * bar_gap(b));
    layout_rect(b, (struct rect){0, 0, b->w, bar_h}, layout_color(b, COLOR_BAR), 255, 0);
    quick_exit_button(b, 0, bar_h);
    /* A+ sits just left of Quick exit on screen; the progress line has the rest. */
    int qw = quick_exit_width(b), aw = text_size_width(b);
    int ax = b->w - b->margin - qw - b->gap - aw;
    text_size_button(b, ax, bar_gap(b), bar_h - 2 * bar_gap(b));
    int room = ax - 2 * b->margin;
    int text_x = b->rtl ? b->w - b->margin - room : b->margin;
    if (p->topic != CONTENT_NONE) {
        const struct topic *t = &b->c->topics[p->topic];
        char num[16], total[16];
        snprintf(num, sizeof(num), "%d", p->index_in_topic + 1);
        snprintf(total, sizeof(total), "%d", t->n_pages);
        const char *names[] = {"page", "pages"};
        const char *values[] = {num, total};
        char progress[256], line[768];
        layout_fill_template(progress, sizeof(progress), b->lang->words.progress, names, values, 2);
        snprintf(line, sizeof(line), "%s \xC2\xB7 %s", b->lang->topics[p->topic],
                 progress); /* middle dot */
        layout_cut_to_character(line);
        const char *shown = line;
        if (layout_text_width(b, FONT_SMALL, line, strlen(line)) > room * LAYOUT_LINE_FILL) {
            shown = progress; /* a long topic name gives way; the count always shows */
        }
        struct mark before = layout_mark(b);
        int bottom = layout_flow(b, shown, text_x, room, 0, FONT_SMALL, FONT_SMALL,
                               layout_color(b, COLOR_TEXT), ALIGN_LEFT);
        int th = bottom;
        if (th > bar_h) {
            layout_rollback(b, before); /* no room even for the count at this size: leave it out */
        } else {
            layout_shift_items(b, before.items, 0, (bar_h - th) / 2);
        }
    }
    return bar_h;
}

static int nav_bar(struct build *b)
{
    const struct content *c = b->c;
    const struct session *s = b->s;
    const struct page *p = &c->pages[s->visit.page];
    const struct words *words = &b->lang->words;
    struct nav_button buttons[4];
    int n = 0;
    char back[256], next[256];
    /* The arrows point the way the pages turn: in a right-to-left language, Next is on the
     * left and points left. */
    const char *left = "\xE2\x86\x90", *right = "\xE2\x86\x92";
    if (session_can_go_back(s)) {
        snprintf(back, sizeof(back), "%s %s", b->rtl ? right : left, words->back);
        layout_cut_to_character(back);
        buttons[n++] = (struct nav_button){back, {ACTION_BACK, CONTENT_NONE}, false};
    }
    if (s->visit.page != c->menu) {
        buttons[n++] = (struct nav_button){words->home, {ACTION_HOME, CONTENT_NONE}, false};
    }
    if (c->help_page != CONTENT_NONE && s->visit.page != c->help_page) {
        buttons[n++] = (struct nav_button){words->help, {ACTION_HELP, CONTENT_NONE}, false};
    }
    int nextp = session_next_page(s);
    if (nextp != CONTENT_NONE) {
        const char *word = p->next == CONTENT_NONE ? words->done : words->next;
        snprintf(next, sizeof(next), "%s %s", word, b->rtl ? left : right);
        layout_cut_to_character(next);
        buttons[n++] = (struct nav_button){next, {ACTION_NEXT, CONTENT_NONE}, true};
    }
    int avail = b->w - 2 * b->margin;
    int widths[4];
    /* Natural widths in the button font; if the row is too wide (a narrow portrait screen, a
     * large text size), the smaller font; if even that fails, equal shares with wrapping. */
    static const enum font_style fonts[] = {FONT_BUTTON, FONT_SMALL};
    enum font_style font = FONT_BUTTON;
    bool fits = false;
    for (size_t f = 0; f < ARRAY_LEN(fonts) && !fits; f++) {
        font = fonts[f];
        int total = 0;
        for (int i = 0; i < n; i++) {
            widths[i] = layout_text_width(b, font, buttons[i].label, strlen(buttons[i].label)) +
                        3 * b->pad;
            widths[i] = max_int(widths[i], b->touch * 3 / 2);
            total += widths[i] + (i ? b->gap : 0);
        }
        fits = total <= avail;
    }
    if (!fits) {
        font = FONT_BUTTON;
        for (int i = 0; i < n; i++) {
            widths[i] = (avail - (n - 1) * b->gap) / n;
        }
    }
    int btn_h = b->touch;
    for (int i = 0; i < n; i++) {
        struct button_style st = {buttons[i].primary ? COLOR_BUTTON : COLOR_CHOICE,
                                  buttons[i].primary ? COLOR_BUTTON_TEXT : COLOR_CHOICE_TEXT,
                                  font, b->touch, CONTENT_NONE};
        btn_h = max_int(btn_h, layout_button_height(b, widths[i], buttons[i].label, st));
    }
    int bar_h = btn_h + 2 * bar_gap(b);
    int top = b->h - bar_h;
    layout_rect(b, (struct rect){0, top, b->w, bar_h}, layout_color(b, COLOR_BAR), 255, 0);
    int x = b->margin;
    for (int i = 0; i < n; i++) {
        struct button_style st = {buttons[i].primary ? COLOR_BUTTON : COLOR_CHOICE,
                                  buttons[i].primary ? COLOR_BUTTON_TEXT : COLOR_CHOICE_TEXT,
                                  font, btn_h, CONTENT_NONE};
        int bx = x;
        if (buttons[i].primary) {
            bx = b->w - b->margin - widths[i]; /* Next always sits at the right edge */
        }
        layout_button(b, bx, top + bar_gap(b), widths[i], buttons[i].label, st, buttons[i].hit);
        x += widths[i] + b->gap;
    }
    return bar_h;
}

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

static void page_screen(struct build *b)
{
    const struct content *c = b->c;
    const struct page *p = &c->pages[b->s->visit.page];
    const struct page_words *said = &b->lang->pages[b->s->visit.page];
    int top = top_bar(b);
    int bottom_h = nav_bar(b);
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
        y = layout_flow(b, said->text, col_x, text_w, y, FONT_BODY, FONT_BOLD, layout_color(b, COLOR_TEXT),
                      ALIGN_LEFT);
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
                    big ? FONT_WELCOME : FONT_TITLE, layout_color(b, COLOR_HEADING),
                    ALIGN_CENTER);
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

static void countdown_overlay(struct build *b)
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
    int qh = quick_exit_button(b, 0, b->touch + 2 * bar_gap(b));
    layout_rollback(b, k);
    int bar_h = max_int(b->touch, qh) + 2 * bar_gap(b);
    int room = b->h - bar_h - 2 * bar_gap(b);
    bool big = countdown_panel(b, px, panel_w, 0, true) <= room;
    layout_rollback(b, k);
    size_t panel = layout_rect(b, (struct rect){px, 0, panel_w, 0},
                               layout_color(b, COLOR_BACKGROUND), 255, b->radius * 2);
    size_t first = b->l->n_items;
    size_t hits_before = b->l->n_hits;
    int y = countdown_panel(b, px, panel_w, b->margin, big);
    int dy = max_int((b->h - y) / 2, bar_h + bar_gap(b));
    b->l->items[panel].rect.y = dy;
    b->l->items[panel].rect.h = y;
    layout_shift_items(b, first, 0, dy);
    for (size_t i = hits_before; i < b->l->n_hits; i++) {
        b->l->hits[i].rect.y += dy;
    }
    /* Quick exit stays on top and working even while the overlay asks. */
    quick_exit_button(b, 0, bar_h);
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

/* The welcome screen: a tap anywhere starts the visit; the language buttons along the bottom
 * and "A+" in the corner change the screen first. */
static void welcome_screen(struct build *b)
{
    const struct content *c = b->c;
    struct hit start = {ACTION_NONE, CONTENT_NONE};
    /* First, so the buttons laid over it win the hit test. */
    layout_push_hit(b, (struct rect){0, 0, b->w, b->h}, start);
    int top = b->margin + b->touch, bottom = b->h - b->margin;
    text_size_button(b, b->w - b->margin - text_size_width(b), b->margin, b->touch);
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
    centred_screen(b, c->welcome_picture, b->lang->words.welcome_title,
                   b->lang->words.welcome_text, b->lang->words.welcome_prompt, top,
                   bottom - b->margin);
}

/* Turns a screen built left to right into its right-to-left mirror image. */
static void mirror(struct layout *l, int width)
{
    for (size_t i = 0; i < l->n_items; i++) {
        l->items[i].rect.x = width - l->items[i].rect.x - l->items[i].rect.w;
    }
    for (size_t i = 0; i < l->n_hits; i++) {
        l->hits[i].rect.x = width - l->hits[i].rect.x - l->hits[i].rect.w;
    }
    l->viewport.x = width - l->viewport.x - l->viewport.w;
    l->rtl = true;
}

void layout_build(struct layout *l, const struct content *c, const struct session *s,
                  const struct text_metrics *m, int width, int height)
{
    l->n_items = 0;
    l->n_hits = 0;
    l->store_used = 0;
    l->viewport = (struct rect){0, 0, width, height};
    l->content_height = 0;
    l->scroll_max = 0;
    l->scrollbar_width = 0;
    l->background = c->theme.colors[COLOR_BACKGROUND];
    l->rtl = false;
    struct build b;
    layout_build_init(&b, l, c, s, m, width, height);
    if (session_in_staff_mode(s)) {
        b.lang = content_language(c, 0);
        b.rtl = false;
    }
    switch (s->screen) {
    case SCREEN_WELCOME:
        welcome_screen(&b);
        break;
    case SCREEN_COVER:
        centred_screen(&b, CONTENT_NONE, b.lang->words.cover_title, b.lang->words.cover_text, NULL,
                       0, height);
        break;
    case SCREEN_PAGE:
        page_screen(&b);
        if (s->visit.countdown) {
            countdown_overlay(&b);
        }
        break;
    case SCREEN_ASLEEP:
        /* Black, with nothing on it: a night screen that does not glow in a dark room. */
        l->background = (struct color){0, 0, 0};
        break;
    case SCREEN_STAFF_PIN:
    case SCREEN_STAFF:
    case SCREEN_STAFF_TOUCH:
    case SCREEN_STAFF_CLEAN:
        layout_staff_screen(&b); /* built left to right: b.rtl is off for staff screens */
        break;
    }
    if (b.rtl) {
        mirror(l, width);
    }
}

static bool inside(struct rect r, int x, int y)
{
    return x >= r.x && y >= r.y && x < r.x + r.w && y < r.y + r.h;
}

struct hit layout_hit_test(const struct layout *l, int x, int y, int scroll)
{
    for (size_t i = l->n_hits; i-- > 0;) {
        const struct layout_hit *h = &l->hits[i];
        if (h->scrolls) {
            if (inside(l->viewport, x, y) && inside(h->rect, x, y + scroll)) {
                return h->hit;
            }
        } else if (inside(h->rect, x, y)) {
            return h->hit;
        }
    }
    struct hit none = {ACTION_NONE, CONTENT_NONE};
    return none;
}
