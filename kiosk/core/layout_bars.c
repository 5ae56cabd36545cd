/* The bars of a visitor page and the corner buttons that visitor screens share: the top bar
 * (progress, A+, Quick exit), the bottom bar (Back, Home, Help, Next), and Quick exit and A+ on
 * their own for the welcome screen and the countdown overlay. Quick exit and A+ keep their
 * place in every language, so they are placed against the right-to-left mirroring. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "layout_blocks.h"
#include "util.h"

/* The bars hug their buttons more tightly than the page spaces its blocks. */
int layout_bar_gap(const struct build *b)
{
    return max_int(2, (int)lround(1.2 * b->u));
}

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
int layout_quick_exit_button(struct build *b, int y, int bar_h)
{
    const char *label = b->lang->words.quick_exit;
    struct button_style st = {COLOR_QUICK_EXIT, COLOR_QUICK_EXIT_TEXT, FONT_BUTTON,
                              bar_h - 2 * layout_bar_gap(b), CONTENT_NONE};
    int w = quick_exit_width(b);
    struct hit hit = {ACTION_QUICK_EXIT, CONTENT_NONE};
    return layout_button(b, stay(b, b->w - b->margin - w, w), y + layout_bar_gap(b), w, label, st,
                         hit);
}

/* "A+": the next text size for this visit. Its label says what a tap does, in signs every
 * language reads, so it needs no translation. */
static const char *text_size_label(const struct build *b)
{
    return b->s->visit.text_scale + 1 < SESSION_TEXT_SCALES ? "A+" : "A\xE2\x88\x92"; /* minus */
}

int layout_text_size_width(struct build *b)
{
    const char *label = text_size_label(b);
    return max_int(b->touch, layout_text_width(b, FONT_BUTTON, label, strlen(label)) + 3 * b->pad);
}

void layout_text_size_button(struct build *b, int x, int y, int h)
{
    struct button_style st = {COLOR_CHOICE, COLOR_CHOICE_TEXT, FONT_BUTTON, h, CONTENT_NONE};
    struct hit hit = {ACTION_TEXT_SIZE, CONTENT_NONE};
    int w = layout_text_size_width(b);
    layout_button(b, stay(b, x, w), y, w, text_size_label(b), st, hit);
}

int layout_top_bar(struct build *b)
{
    const struct page *p = &b->c->pages[b->s->visit.page];
    int bar_h = b->touch + 2 * layout_bar_gap(b);
    struct mark k = layout_mark(b);
    int qh = layout_quick_exit_button(b, 0, bar_h);
    layout_rollback(b, k);
    bar_h = max_int(bar_h, qh + 2 * layout_bar_gap(b));
    layout_rect(b, (struct rect){0, 0, b->w, bar_h}, layout_color(b, COLOR_BAR), 255, 0);
    layout_quick_exit_button(b, 0, bar_h);
    /* A+ sits just left of Quick exit on screen; the progress line has the rest. */
    int qw = quick_exit_width(b), aw = layout_text_size_width(b);
    int ax = b->w - b->margin - qw - b->gap - aw;
    layout_text_size_button(b, ax, layout_bar_gap(b), bar_h - 2 * layout_bar_gap(b));
    int room = ax - 2 * b->margin;
    int text_x = b->rtl ? b->w - b->margin - room : b->margin;
    if (p->topic != CONTENT_NONE) {
        KIOSK_ASSERT(p->topic >= 0 && p->topic < b->c->n_topics); /* the reader links topics */
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

struct nav_button {
    const char *label;
    struct hit hit;
    bool primary;
};

/* The widths of the bottom bar's n buttons, and the font they take: natural widths in the
 * button font; if the row is too wide (a narrow portrait screen, a large text size), the
 * smaller font; if even that fails, equal shares with wrapping. */
static enum font_style nav_widths(const struct build *b, const struct nav_button *buttons, int n,
                                  int *widths)
{
    int avail = b->w - 2 * b->margin;
    static const enum font_style fonts[] = {FONT_BUTTON, FONT_SMALL};
    for (size_t f = 0; f < ARRAY_LEN(fonts); f++) {
        int total = 0;
        for (int i = 0; i < n; i++) {
            widths[i] = layout_text_width(b, fonts[f], buttons[i].label, strlen(buttons[i].label)) +
                        3 * b->pad;
            widths[i] = max_int(widths[i], b->touch * 3 / 2);
            total += widths[i] + (i ? b->gap : 0);
        }
        if (total <= avail) {
            return fonts[f];
        }
    }
    for (int i = 0; i < n; i++) {
        widths[i] = (avail - (n - 1) * b->gap) / n;
    }
    return FONT_BUTTON;
}

int layout_nav_bar(struct build *b)
{
    const struct content *c = b->c;
    const struct session *s = b->s;
    const struct page *p = &c->pages[s->visit.page];
    const struct words *words = &b->lang->words;
    struct nav_button buttons[4];
    int n = 0;
    /* Declared here, not in the ifs below: the buttons point into them until they are drawn. */
    /* cppcheck-suppress variableScope */
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
    int widths[ARRAY_LEN(buttons)];
    enum font_style font = nav_widths(b, buttons, n, widths);
    int btn_h = b->touch;
    for (int i = 0; i < n; i++) {
        struct button_style st = {buttons[i].primary ? COLOR_BUTTON : COLOR_CHOICE,
                                  buttons[i].primary ? COLOR_BUTTON_TEXT : COLOR_CHOICE_TEXT, font,
                                  b->touch, CONTENT_NONE};
        btn_h = max_int(btn_h, layout_button_height(b, widths[i], buttons[i].label, st));
    }
    int bar_h = btn_h + 2 * layout_bar_gap(b);
    int top = b->h - bar_h;
    layout_rect(b, (struct rect){0, top, b->w, bar_h}, layout_color(b, COLOR_BAR), 255, 0);
    int x = b->margin;
    for (int i = 0; i < n; i++) {
        struct button_style st = {buttons[i].primary ? COLOR_BUTTON : COLOR_CHOICE,
                                  buttons[i].primary ? COLOR_BUTTON_TEXT : COLOR_CHOICE_TEXT, font,
                                  btn_h, CONTENT_NONE};
        int bx = x;
        if (buttons[i].primary) {
            bx = b->w - b->margin - widths[i]; /* Next always sits at the right edge */
        }
        layout_button(b, bx, top + layout_bar_gap(b), widths[i], buttons[i].label, st,
                      buttons[i].hit);
        x += widths[i] + b->gap;
    }
    return bar_h;
}
