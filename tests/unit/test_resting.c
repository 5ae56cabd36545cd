/* The resting screen, the stand-in of last resort, loads with no message at all; and the
 * welcome screen of any stand-in carries the small mark the staff guide explains, in its
 * bottom-left corner, while the staff's own content never does. */
#include <string.h>

#include "check.h"
#include "layout.h"
#include "resting.h"
#include "session.h"

static int fake_width(void *ctx, enum font_style font, const char *text, size_t len)
{
    (void)ctx;
    (void)font;
    (void)text;
    return (int)len * 10;
}

static int fake_line(void *ctx, enum font_style font)
{
    (void)ctx;
    (void)font;
    return 20;
}

static bool no_picture(void *ctx, int picture, int *w, int *h)
{
    (void)ctx;
    (void)picture;
    *w = *h = 0;
    return false;
}

/* How many rectangles of the welcome screen lie wholly in its bottom-left corner, the
 * bottom-left twentieth of each side. */
static int corner_rects(const struct content *c, int w, int h)
{
    struct text_metrics m = {NULL, fake_width, fake_line, no_picture};
    struct session s;
    session_init(&s, c, w, h);
    struct layout l;
    layout_init(&l);
    layout_build(&l, c, &s, &m, w, h);
    int n = 0;
    for (size_t i = 0; i < l.n_items; i++) {
        const struct draw_item *it = &l.items[i];
        if (it->kind == DRAW_RECT && it->rect.x + it->rect.w <= w / 20 &&
            it->rect.y >= h - h / 20 && it->rect.y + it->rect.h <= h && it->rect.w >= 2) {
            n++;
        }
    }
    layout_finish(&l);
    return n;
}

int main(void)
{
    struct diag_list d;
    diag_init(&d, RESTING_NAME);
    struct content *c = resting_content(NULL, &d);
    CHECK(c != NULL);
    CHECK_INT((int)d.count, 0);
    diag_finish(&d);
    CHECK(c->stand_in);
    CHECK_INT(c->n_topics, 1);
    CHECK(c->staff_pin == NULL && !c->schedule.enabled);
    /* The mark: a ring of two rectangles, on every screen size. */
    CHECK_INT(corner_rects(c, 800, 480), 2);
    CHECK_INT(corner_rects(c, 1280, 800), 2);
    CHECK_INT(corner_rects(c, 600, 1024), 2);
    c->stand_in = false;
    CHECK_INT(corner_rects(c, 800, 480), 0);
    content_destroy(c);
    return check_summary("test_resting");
}
