/* The layout's building blocks: the lists one build fills (draw items, hit regions and the
 * text store), rectangles and pictures, moving what was laid out, dry runs, colours and text
 * measuring, and the sizes every screen derives from the screen. Everything else in the layout
 * builds on these, and this file calls nothing else in the layout. */
#include <math.h>
#include <string.h>

#include "layout_blocks.h"
#include "util.h"
#include "wipe.h"
#include "xalloc.h"

const char *layout_text(const struct layout *l, const struct draw_item *item)
{
    /* Every item's text lies in the store, also after a dry run was rolled back. */
    KIOSK_ASSERT(item->text <= l->store_used && item->len <= l->store_used - item->text);
    return l->store + item->text;
}

size_t layout_store_add(struct layout *l, const char *s, size_t len)
{
    if (l->store_used + len + 1 > l->store_cap) {
        size_t cap = (l->store_used + len + 1) * 2;
        l->store = wipe_realloc(l->store, l->store_cap, cap); /* it holds a visitor's pages */
        l->store_cap = cap;
    }
    size_t at = l->store_used;
    memcpy(l->store + at, s, len);
    l->store_used += len;
    l->store[l->store_used] = '\0';
    return at;
}

size_t layout_push_item(struct build *b, struct draw_item item)
{
    struct layout *l = b->l;
    if (l->n_items == l->cap_items) {
        size_t cap = l->cap_items ? l->cap_items * 2 : 64;
        l->items =
            wipe_realloc(l->items, l->cap_items * sizeof(*l->items), cap * sizeof(*l->items));
        l->cap_items = cap;
    }
    item.scrolls = b->scrolls;
    l->items[l->n_items] = item;
    return l->n_items++;
}

void layout_push_hit(struct build *b, struct rect r, struct hit hit)
{
    struct layout *l = b->l;
    if (l->n_hits == l->cap_hits) {
        size_t cap = l->cap_hits ? l->cap_hits * 2 : 16;
        l->hits = wipe_realloc(l->hits, l->cap_hits * sizeof(*l->hits), cap * sizeof(*l->hits));
        l->cap_hits = cap;
    }
    struct layout_hit h = {r, hit, b->scrolls};
    l->hits[l->n_hits++] = h;
}

size_t layout_rect(struct build *b, struct rect r, struct color color, unsigned char alpha,
                   int radius)
{
    struct draw_item it = {.kind = DRAW_RECT,
                           .rect = r,
                           .color = color,
                           .alpha = alpha,
                           .radius = radius,
                           .picture = CONTENT_NONE};
    return layout_push_item(b, it);
}

void layout_picture(struct build *b, struct rect r, int picture)
{
    struct draw_item it = {.kind = DRAW_PICTURE, .rect = r, .picture = picture, .alpha = 255};
    layout_push_item(b, it);
}

void layout_shift_items(struct build *b, size_t from, int dx, int dy)
{
    KIOSK_ASSERT(from <= b->l->n_items);
    for (size_t i = from; i < b->l->n_items; i++) {
        b->l->items[i].rect.x += dx;
        b->l->items[i].rect.y += dy;
    }
}

void layout_shift_hits(struct build *b, size_t from, int dx, int dy)
{
    KIOSK_ASSERT(from <= b->l->n_hits);
    for (size_t i = from; i < b->l->n_hits; i++) {
        b->l->hits[i].rect.x += dx;
        b->l->hits[i].rect.y += dy;
    }
}

struct mark layout_mark(const struct build *b)
{
    struct mark k = {b->l->n_items, b->l->n_hits, b->l->store_used};
    return k;
}

void layout_rollback(struct build *b, struct mark k)
{
    /* The lists only grow during a build, so a mark can only take them back. */
    KIOSK_ASSERT(k.items <= b->l->n_items && k.hits <= b->l->n_hits && k.store <= b->l->store_used);
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

void layout_build_init(struct build *b, struct layout *l, const struct content *c,
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
void layout_fit_picture(int pw, int ph, int box_w, int box_h, int *w, int *h)
{
    KIOSK_ASSERT(pw > 0 && ph > 0); /* callers leave out a picture without a size */
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
