/* The top of the layout: the layout's lifetime (layout_init/finish), layout_build, which
 * picks the screen the session shows and mirrors it for a right-to-left language, and the hit
 * test. It calls down into the screens (layout_screens.h) and the building blocks
 * (layout_blocks.h); nothing in the layout calls back up into this file. */
#include "layout.h"

#include <stdlib.h>
#include <string.h>

#include "layout_blocks.h"
#include "layout_screens.h"
#include "wipe.h"

void layout_init(struct layout *l)
{
    memset(l, 0, sizeof(*l));
}

void layout_wipe(struct layout *l)
{
    if (l->store) {
        wipe(l->store, l->store_cap);
    }
    if (l->items) {
        wipe(l->items, l->cap_items * sizeof(*l->items));
    }
    if (l->hits) {
        wipe(l->hits, l->cap_hits * sizeof(*l->hits));
    }
    l->n_items = l->n_hits = l->store_used = 0;
}

void layout_finish(struct layout *l)
{
    layout_wipe(l);
    free(l->items);
    free(l->hits);
    free(l->store);
    memset(l, 0, sizeof(*l));
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
        layout_welcome_screen(&b);
        break;
    case SCREEN_COVER:
        layout_cover_screen(&b);
        break;
    case SCREEN_PAGE:
        layout_page_screen(&b);
        if (s->visit.countdown) {
            layout_countdown_overlay(&b);
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
