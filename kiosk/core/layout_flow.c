/* Marked-up text (markup.h) flowed into a column: words wrapped at the column's width, a word
 * wider than the column broken between characters, bold runs, bullets with hanging lines,
 * centring, and text against the screen's direction turned around in its column. Every screen
 * shows its words through layout_flow. */
#include <string.h>

#include "layout_blocks.h"
#include "markup.h"
#include "utf8.h"
#include "util.h"

struct flow {
    struct build *b;
    int left, width, y;
    enum align align;
    enum font_style regular, bold;
    struct color color;
    bool rtl;          /* this text reads right to left */
    int indent;        /* bullet points hang their lines after the bullet */
    int line_w;        /* pixels used on the current line, after the indent */
    size_t line_first; /* first item on the current line */
    long segment;      /* item the next word of the same font may join, or -1 */
    bool line_used;
};

static void flow_newline(struct flow *f)
{
    if (f->align == ALIGN_CENTER && f->line_used) {
        layout_shift_items(f->b, f->line_first, (f->width - f->indent - f->line_w) / 2, 0);
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
        /* The run being joined is the last text stored, so the word lands right after it. */
        KIOSK_ASSERT((size_t)f->segment < b->l->n_items);
        KIOSK_ASSERT(seg->text + seg->len == b->l->store_used);
        if (space) {
            layout_store_add(b->l, " ", 1);
            seg->len++;
        }
        layout_store_add(b->l, s, len);
        seg->len += len;
        seg->rect.w = layout_text_width(b, font, layout_text(b->l, seg), seg->len);
        f->line_w = seg->rect.x - (f->left + f->indent) + seg->rect.w;
    } else {
        int sp = space ? layout_text_width(b, font, " ", 1) : 0;
        struct draw_item it = {.kind = DRAW_TEXT,
                               .color = f->color,
                               .font = font,
                               .picture = CONTENT_NONE,
                               .alpha = 255,
                               .rtl = f->rtl};
        it.rect.x = f->left + f->indent + f->line_w + sp;
        it.rect.y = f->y;
        it.rect.w = layout_text_width(b, font, s, len);
        it.rect.h = layout_line_height(b, font);
        it.text = layout_store_add(b->l, s, len);
        it.len = len;
        f->segment = (long)layout_push_item(b, it);
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
        if (mid < len) {
            size_t start = utf8_floor(s, mid); /* back to the start of a character */
            mid = start > lo ? start : lo;
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
    int avail = (int)((f->width - f->indent) * LAYOUT_LINE_FILL);
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
                enum font_style regular, enum font_style bold, struct color color, enum align align)
{
    struct flow f = {.b = b,
                     .left = left,
                     .width = width,
                     .y = y,
                     .align = align,
                     .regular = regular,
                     .bold = bold,
                     .color = color,
                     .segment = -1,
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
