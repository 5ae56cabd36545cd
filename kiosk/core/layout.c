#include "layout.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "layout_internal.h"
#include "markup.h"
#include "utf8.h"
#include "util.h"
#include "xalloc.h"

/* Lines are filled to this share of their width: SDL_ttf can measure a run a pixel wider than
 * the sum of its words, so a little slack keeps every line inside its column. */
#define LINE_FILL 0.97


/* ---- the lists ------------------------------------------------------------------------ */

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

const char *layout_text(const struct layout *l, const struct draw_item *item)
{
    return l->store + item->text;
}

static size_t store_add(struct layout *l, const char *s, size_t len)
{
    if (l->store_used + len + 1 > l->store_cap) {
        l->store_cap = (l->store_used + len + 1) * 2;
        l->store = xrealloc(l->store, l->store_cap);
    }
    size_t at = l->store_used;
    memcpy(l->store + at, s, len);
    l->store_used += len;
    l->store[l->store_used] = '\0';
    return at;
}

static size_t push_item(struct build *b, struct draw_item item)
{
    struct layout *l = b->l;
    if (l->n_items == l->cap_items) {
        l->cap_items = l->cap_items ? l->cap_items * 2 : 64;
        l->items = xrealloc(l->items, l->cap_items * sizeof(*l->items));
    }
    item.scrolls = b->scrolls;
    l->items[l->n_items] = item;
    return l->n_items++;
}

void layout_push_hit(struct build *b, struct rect r, struct hit hit)
{
    struct layout *l = b->l;
    if (l->n_hits == l->cap_hits) {
        l->cap_hits = l->cap_hits ? l->cap_hits * 2 : 16;
        l->hits = xrealloc(l->hits, l->cap_hits * sizeof(*l->hits));
    }
    struct layout_hit h = {r, hit, b->scrolls};
    l->hits[l->n_hits++] = h;
}

size_t layout_rect(struct build *b, struct rect r, struct color color, unsigned char alpha,
                        int radius)
{
    struct draw_item it = {.kind = DRAW_RECT, .rect = r, .color = color, .alpha = alpha,
                           .radius = radius, .picture = CONTENT_NONE};
    return push_item(b, it);
}

static void picture_item(struct build *b, struct rect r, int picture)
{
    struct draw_item it = {.kind = DRAW_PICTURE, .rect = r, .picture = picture, .alpha = 255};
    push_item(b, it);
}

static void shift_items(struct build *b, size_t from, int dx, int dy)
{
    for (size_t i = from; i < b->l->n_items; i++) {
        b->l->items[i].rect.x += dx;
        b->l->items[i].rect.y += dy;
    }
}

/* A dry run: remember where the lists stand, lay something out to measure it, then forget. */
struct mark {
    size_t items, hits, store;
};

static struct mark mark(const struct build *b)
{
    struct mark k = {b->l->n_items, b->l->n_hits, b->l->store_used};
    return k;
}

static void rollback(struct build *b, struct mark k)
{
    b->l->n_items = k.items;
    b->l->n_hits = k.hits;
    b->l->store_used = k.store;
}

struct color layout_color(const struct build *b, enum theme_color which)
{
    return b->c->theme.colors[which];
}

int layout_text_width(const struct build *b, enum font_style f, const char *s, size_t len)
{
    return b->m->width(b->m->ctx, f, s, len);
}

int layout_line_height(const struct build *b, enum font_style f)
{
    return b->m->line_height(b->m->ctx, f);
}

/* ---- flowing text into a column ------------------------------------------------------- */

struct flow {
    struct build *b;
    int left, width, y;
    enum align align;
    enum font_style regular, bold;
    struct color color;
    bool rtl;       /* this text reads right to left */
    int indent;     /* bullet points hang their lines after the bullet */
    int line_w;     /* pixels used on the current line, after the indent */
    size_t line_first; /* first item on the current line */
    long segment;   /* item the next word of the same font may join, or -1 */
    bool line_used;
};

static void flow_newline(struct flow *f)
{
    if (f->align == ALIGN_CENTER && f->line_used) {
        shift_items(f->b, f->line_first, (f->width - f->indent - f->line_w) / 2, 0);
    }
    /* Text against the screen's direction is turned around in its column here, so that the
     * mirroring of the whole screen (or its absence) leaves it reading its own way. */
    if (f->rtl != f->b->rtl) {
        struct layout *l = f->b->l;
        for (size_t i = f->line_first; i < l->n_items; i++) {
            l->items[i].rect.x = 2 * f->left + f->width - l->items[i].rect.x - l->items[i].rect.w;
        }
    }
    f->y += layout_line_height(f->b, f->regular);
    f->line_w = 0;
    f->line_used = false;
    f->segment = -1;
    f->line_first = f->b->l->n_items;
}

/* Puts one piece of a word on the current line, after a space when `space` is set. */
static void flow_piece(struct flow *f, enum font_style font, const char *s, size_t len, bool space)
{
    struct build *b = f->b;
    struct draw_item *seg = f->segment >= 0 ? &b->l->items[f->segment] : NULL;
    if (seg && seg->font == font) {
        if (space) {
            store_add(b->l, " ", 1);
            seg->len++;
        }
        store_add(b->l, s, len);
        seg->len += len;
        seg->rect.w = layout_text_width(b, font, layout_text(b->l, seg), seg->len);
        f->line_w = seg->rect.x - (f->left + f->indent) + seg->rect.w;
    } else {
        int sp = space ? layout_text_width(b, font, " ", 1) : 0;
        struct draw_item it = {.kind = DRAW_TEXT, .color = f->color, .font = font,
                               .picture = CONTENT_NONE, .alpha = 255, .rtl = f->rtl};
        it.rect.x = f->left + f->indent + f->line_w + sp;
        it.rect.y = f->y;
        it.rect.w = layout_text_width(b, font, s, len);
        it.rect.h = layout_line_height(b, font);
        it.text = store_add(b->l, s, len);
        it.len = len;
        f->segment = (long)push_item(b, it);
        f->line_w += sp + it.rect.w;
    }
    f->line_used = true;
}

/* Longest prefix of s[0..len) (whole characters) no wider than `room`. */
static size_t fitting_prefix(const struct build *b, enum font_style font, const char *s, size_t len,
                             int room)
{
    size_t lo = 0, hi = len; /* lo fits, find the largest boundary that does */
    while (lo < hi) {
        size_t mid = lo + (hi - lo + 1) / 2;
        while (mid > lo && mid < len && ((unsigned char)s[mid] & 0xC0) == 0x80) {
            mid--; /* back to the start of a character */
        }
        if (mid == lo) {
            /* No character boundary strictly between lo and hi except hi itself. */
            size_t step = lo + utf8_char_len(s + lo, len - lo);
            if (step <= hi && layout_text_width(b, font, s, step) <= room) {
                lo = step;
                continue;
            }
            break;
        }
        if (layout_text_width(b, font, s, mid) <= room) {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    return lo;
}

static void flow_word(struct flow *f, const struct markup_token *t)
{
    struct build *b = f->b;
    enum font_style font = t->bold ? f->bold : f->regular;
    int avail = (int)((f->width - f->indent) * LINE_FILL);
    const char *s = t->text;
    size_t len = t->len;
    bool space = f->line_used && !t->glued && f->line_w > 0; /* none right after a bullet */
    int ww = layout_text_width(b, font, s, len);
    int sp = space ? layout_text_width(b, font, " ", 1) : 0;
    if (f->line_used && f->line_w + sp + ww > avail) {
        flow_newline(f);
        space = false;
        sp = 0;
    }
    /* A word longer than the whole line is broken between characters, never cut off. */
    while (f->line_w + sp + ww > avail && len > 0) {
        size_t n = fitting_prefix(b, font, s, len, avail - f->line_w - sp);
        if (n == 0) {
            if (f->line_used) {
                flow_newline(f);
                space = false;
                sp = 0;
                continue;
            }
            n = utf8_char_len(s, len); /* a single character wider than the screen: take it */
        }
        flow_piece(f, font, s, n, space);
        flow_newline(f);
        s += n;
        len -= n;
        space = false;
        sp = 0;
        ww = len ? layout_text_width(b, font, s, len) : 0;
    }
    if (len > 0) {
        flow_piece(f, font, s, len, space);
    }
}

/* Lays out marked-up text in a column; returns the y below its last line. */
int layout_flow(struct build *b, const char *text, int left, int width, int y,
                     enum font_style regular, enum font_style bold, struct color color,
                     enum align align)
{
    struct flow f = {.b = b, .left = left, .width = width, .y = y, .align = align,
                     .regular = regular, .bold = bold, .color = color, .segment = -1,
                     .line_first = b->l->n_items};
    int dir = text ? utf8_text_direction(text, strlen(text)) : -1;
    f.rtl = dir < 0 ? b->rtl : dir == 1;
    int lh = layout_line_height(b, regular);
    struct markup_cursor cur;
    markup_init(&cur, text, text ? strlen(text) : 0);
    bool any = false;
    for (;;) {
        struct markup_token t = markup_next(&cur);
        if (t.kind == MARKUP_END) {
            break;
        }
        switch (t.kind) {
        case MARKUP_WORD:
            flow_word(&f, &t);
            any = true;
            break;
        case MARKUP_LINE:
            flow_newline(&f);
            break;
        case MARKUP_PARAGRAPH:
            if (f.line_used) {
                flow_newline(&f);
            }
            f.indent = 0;
            f.y += lh / 2;
            break;
        case MARKUP_BULLET: {
            if (f.line_used) {
                flow_newline(&f);
            }
            if (any) {
                f.y += lh / 5;
            }
            static const char bullet[] = "\xE2\x80\xA2"; /* U+2022 BULLET */
            f.indent = 0;
            f.line_w = 0;
            flow_piece(&f, regular, bullet, sizeof(bullet) - 1, false);
            f.segment = -1;
            f.indent = layout_text_width(b, regular, bullet, sizeof(bullet) - 1) + lh / 2;
            f.line_w = 0;
            any = true;
            break;
        }
        case MARKUP_END:
            break;
        }
    }
    if (f.line_used) {
        flow_newline(&f);
    }
    return f.y;
}

/* ---- buttons ----------------------------------------------------------------------------- */

/* A rounded button with a wrapped, centred label and an optional icon. Returns its height. */
int layout_button(struct build *b, int x, int y, int w, const char *label, struct button_style st,
                  struct hit hit)
{
    struct color bg = layout_color(b, st.bg), fg = layout_color(b, st.fg);
    if ((b->s->screen == SCREEN_PAGE || session_in_staff_mode(b->s)) &&
        hit.action != ACTION_NONE &&
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
    shift_items(b, first, 0, (h - text_h) / 2 - b->pad);
    b->l->items[box].rect.h = h;
    if (icon) {
        /* Fit the picture into a square, keeping its shape. */
        int iw = icon, ih = icon;
        if (pw * icon > ph * icon) {
            ih = icon * ph / pw;
        } else {
            iw = icon * pw / ph;
        }
        picture_item(b, (struct rect){x + b->pad + (icon - iw) / 2, y + (h - ih) / 2, iw, ih},
                     st.picture);
    }
    layout_push_hit(b, (struct rect){x, y, w, h}, hit);
    return h;
}

/* Height a button would take, found by laying it out and taking it back. */
static int button_height(struct build *b, int w, const char *label, struct button_style st)
{
    struct mark k = mark(b);
    struct hit none = {ACTION_NONE, CONTENT_NONE};
    int h = layout_button(b, 0, 0, w, label, st, none);
    rollback(b, k);
    return h;
}

/* ---- sizes ------------------------------------------------------------------------------ */

void layout_font_sizes(int width, int height, int text_size, int px[FONT_COUNT])
{
    double u = min_int(width, height) / 100.0;
    double k = (text_size > 0 ? text_size : 100) / 100.0;
    px[FONT_BODY] = (int)lround(4.4 * u * k);
    px[FONT_BOLD] = px[FONT_BODY];
    px[FONT_TITLE] = (int)lround(6.6 * u * k);
    px[FONT_BUTTON] = (int)lround(4.4 * u * k);
    px[FONT_SMALL] = (int)lround(3.6 * u * k);
    px[FONT_WELCOME] = (int)lround(10.0 * u * k);
    px[FONT_LEAD] = (int)lround(5.6 * u * k);
    for (int i = 0; i < FONT_COUNT; i++) {
        px[i] = max_int(px[i], 8);
    }
}

int layout_min_touch(int width, int height)
{
    /* Pixels per millimetre if the screen is as small as the 7-inch Raspberry Pi display; any
     * larger screen has fewer, so the same count of pixels is at least 9 mm there too. */
    double diag_px = sqrt((double)width * width + (double)height * height);
    double px_per_mm = diag_px / (7.0 * 25.4);
    return (int)ceil(9.0 * px_per_mm);
}

static void build_init(struct build *b, struct layout *l, const struct content *c,
                       const struct session *s, const struct text_metrics *m, int w, int h)
{
    memset(b, 0, sizeof(*b));
    b->l = l;
    b->c = c;
    b->s = s;
    b->m = m;
    b->lang = content_language(c, s->visit.lang);
    b->rtl = b->lang->rtl;
    b->w = w;
    b->h = h;
    b->u = min_int(w, h) / 100.0;
    int touch = layout_min_touch(w, h);
    int comfortable = (int)lround(10.5 * b->u); /* generous targets on big screens */
    b->touch = max_int(touch, comfortable);
    b->margin = (int)lround(4 * b->u);
    b->gap = (int)lround(2 * b->u);
    b->pad = (int)lround(2 * b->u);
    b->radius = (int)lround(1.6 * b->u);
}

/* The largest w x h with the picture's shape inside the box, and no larger than `pw` x `ph`. */
static void fit_picture(int pw, int ph, int box_w, int box_h, int *w, int *h)
{
    if (box_w > pw) {
        box_w = pw;
    }
    if (box_h > ph) {
        box_h = ph;
    }
    *w = box_w;
    *h = (int)((long long)box_w * ph / pw);
    if (*h > box_h) {
        *h = box_h;
        *w = (int)((long long)box_h * pw / ph);
    }
}

/* ---- screens ----------------------------------------------------------------------------- */

/* A text cut short to fit its buffer may end inside a character: drop that partial character,
 * so the renderer never gets broken UTF-8 (words in the config have no length limit). */
static void cut_to_character(char *s)
{
    size_t n = strlen(s), start = n;
    while (start > 0 && n - start < 3 && ((unsigned char)s[start - 1] & 0xC0) == 0x80) {
        start--;
    }
    /* A lead byte that utf8_char_len takes alone starts a character that is not all there. */
    if (start > 0 && (unsigned char)s[start - 1] >= 0xC0 &&
        utf8_char_len(s + start - 1, n - start + 1) == 1) {
        s[start - 1] = '\0';
    }
}

/* Fills `out` from a template, replacing each {name} with its value. */
static void fill_template(char *out, size_t size, const char *tmpl, const char *const *names,
                          const char *const *values, int n)
{
    size_t o = 0;
    for (const char *p = tmpl; *p && o + 1 < size;) {
        bool replaced = false;
        for (int i = 0; i < n && *p == '{'; i++) {
            size_t nl = strlen(names[i]);
            if (strncmp(p + 1, names[i], nl) == 0 && p[1 + nl] == '}') {
                int wrote = snprintf(out + o, size - o, "%s", values[i]);
                o += wrote > 0 ? (size_t)wrote : 0;
                if (o >= size) {
                    o = size - 1;
                }
                p += nl + 2;
                replaced = true;
                break;
            }
        }
        if (!replaced) {
            out[o++] = *p++;
        }
    }
    out[o] = '\0';
    cut_to_character(out);
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
    struct mark dry = mark(b);
    bool big = true;
    int words_h = centred_blocks(b, x, col_w, 0, title, text, prompt, big);
    rollback(b, dry);
    if (words_h > bottom - top && prompt) {
        /* Large text on a small screen: the prompt goes first (a tap anywhere still starts),
         * then the headline size; never the words that say nothing is saved. */
        prompt = NULL;
        words_h = centred_blocks(b, x, col_w, 0, title, text, prompt, big);
        rollback(b, dry);
    }
    if (words_h > bottom - top) {
        big = false;
        words_h = centred_blocks(b, x, col_w, 0, title, text, prompt, big);
        rollback(b, dry);
    }
    size_t first = b->l->n_items;
    int y = 0;
    int pw, ph;
    int room = min_int((bottom - top) - words_h - b->margin, (int)((bottom - top) * 0.32));
    if (picture != CONTENT_NONE && room >= 6 * b->u &&
        b->m->picture_size(b->m->ctx, picture, &pw, &ph) && pw > 0 && ph > 0) {
        int dw, dh;
        fit_picture(pw, ph, col_w / 2, room, &dw, &dh);
        picture_item(b, (struct rect){(b->w - dw) / 2, y, dw, dh}, picture);
        y += dh + b->margin;
    }
    y = centred_blocks(b, x, col_w, y, title, text, prompt, big);
    int dy = top + max_int(0, (bottom - top - y) / 2);
    shift_items(b, first, 0, dy);
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
    struct mark k = mark(b);
    int qh = quick_exit_button(b, 0, bar_h);
    rollback(b, k);
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
        fill_template(progress, sizeof(progress), b->lang->words.progress, names, values, 2);
        snprintf(line, sizeof(line), "%s \xC2\xB7 %s", b->lang->topics[p->topic],
                 progress); /* middle dot */
        cut_to_character(line);
        const char *shown = line;
        if (layout_text_width(b, FONT_SMALL, line, strlen(line)) > room * LINE_FILL) {
            shown = progress; /* a long topic name gives way; the count always shows */
        }
        struct mark before = mark(b);
        int bottom = layout_flow(b, shown, text_x, room, 0, FONT_SMALL, FONT_SMALL,
                               layout_color(b, COLOR_TEXT), ALIGN_LEFT);
        int th = bottom;
        if (th > bar_h) {
            rollback(b, before); /* no room even for the count at this size: leave it out */
        } else {
            shift_items(b, before.items, 0, (bar_h - th) / 2);
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
        cut_to_character(back);
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
        cut_to_character(next);
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
        btn_h = max_int(btn_h, button_height(b, widths[i], buttons[i].label, st));
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
            row_h = max_int(row_h, button_height(b, cw, labels[i + k], st));
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
        fit_picture(pw, ph, box_w, max_int(box_h, box_w / 2), &dw, &dh);
        int box_x = col_x + text_w + b->margin;
        picture_item(b, (struct rect){box_x + (box_w - dw) / 2, y, dw, dh}, p->picture);
        pic_bottom = y + dh;
    } else {
        if (has_picture) {
            int dw, dh;
            fit_picture(pw, ph, col_w, vp.h * 30 / 100, &dw, &dh);
            picture_item(b, (struct rect){col_x + (col_w - dw) / 2, y, dw, dh}, p->picture);
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
    fill_template(text, sizeof(text), w->countdown_text, names, values, 1);
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
    struct mark k = mark(b);
    int qh = quick_exit_button(b, 0, b->touch + 2 * bar_gap(b));
    rollback(b, k);
    int bar_h = max_int(b->touch, qh) + 2 * bar_gap(b);
    int room = b->h - bar_h - 2 * bar_gap(b);
    bool big = countdown_panel(b, px, panel_w, 0, true) <= room;
    rollback(b, k);
    size_t panel = layout_rect(b, (struct rect){px, 0, panel_w, 0},
                               layout_color(b, COLOR_BACKGROUND), 255, b->radius * 2);
    size_t first = b->l->n_items;
    size_t hits_before = b->l->n_hits;
    int y = countdown_panel(b, px, panel_w, b->margin, big);
    int dy = max_int((b->h - y) / 2, bar_h + bar_gap(b));
    b->l->items[panel].rect.y = dy;
    b->l->items[panel].rect.h = y;
    shift_items(b, first, 0, dy);
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
        cut_to_character(labels[i]);
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
    build_init(&b, l, c, s, m, width, height);
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
