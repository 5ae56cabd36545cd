#include "view.h"

#include <math.h>
#include <string.h>

static int metric_width(void *ctx, enum font_style font, const char *text, size_t len)
{
    return fonts_width(&((struct view *)ctx)->fonts, font, text, len);
}

static int metric_line_height(void *ctx, enum font_style font)
{
    return fonts_line_height(&((struct view *)ctx)->fonts, font);
}

static bool metric_picture(void *ctx, int picture, int *w, int *h)
{
    return pictures_size(&((struct view *)ctx)->pictures, picture, w, h);
}

bool view_init(struct view *v, const struct content *content, SDL_Renderer *sdl, int width,
               int height)
{
    memset(v, 0, sizeof(*v));
    v->content = content;
    v->sdl = sdl;
    v->width = width;
    v->height = height;
    if (!fonts_open(&v->fonts, &content->theme, width, height, session_text_percent[0])) {
        return false;
    }
    pictures_init(&v->pictures, content, sdl);
    renderer_init(&v->renderer, sdl, &v->fonts, &v->pictures);
    layout_init(&v->layout);
    session_init(&v->session, content, width, height);
    v->metrics = (struct text_metrics){v, metric_width, metric_line_height, metric_picture};
    return true;
}

void view_finish(struct view *v)
{
    layout_finish(&v->layout);
    renderer_finish(&v->renderer);
    pictures_finish(&v->pictures);
    fonts_close(&v->fonts);
}

void view_resize(struct view *v, int width, int height)
{
    if (width == v->width && height == v->height) {
        return;
    }
    v->width = width;
    v->height = height;
    renderer_clear_cache(&v->renderer);
    fonts_open(&v->fonts, &v->content->theme, width, height,
               session_text_percent[v->session.visit.text_scale]);
    session_set_screen(&v->session, width, height);
    v->layout_valid = false;
}

static struct view_key key_of(const struct session *s)
{
    struct view_key k;
    memset(&k, 0, sizeof(k));
    k.screen = s->screen;
    k.page = s->visit.page;
    k.depth = s->visit.depth;
    k.countdown = s->visit.countdown;
    k.countdown_seconds = s->visit.countdown_seconds;
    k.pressed = s->visit.pressed;
    k.lang = s->visit.lang;
    k.text_scale = s->visit.text_scale;
    return k;
}

void view_update(struct view *v)
{
    struct view_key k = key_of(&v->session);
    /* Staff screens change with every key and touch; they are rare, so they always rebuild. */
    if (v->layout_valid && memcmp(&k, &v->key, sizeof(k)) == 0 &&
        !session_in_staff_mode(&v->session)) {
        return;
    }
    int scale = session_text_percent[k.text_scale];
    if (v->fonts.scale != scale) {
        /* "A+" (or its reset): new font sizes, and text drawn at the old ones is of no use. */
        renderer_clear_cache(&v->renderer);
        fonts_open(&v->fonts, &v->content->theme, v->width, v->height, scale);
    }
    layout_build(&v->layout, v->content, &v->session, &v->metrics, v->width, v->height);
    session_set_scroll_max(&v->session, v->layout.scroll_max);
    v->key = k;
    v->layout_valid = true;
}

void view_draw(struct view *v)
{
    view_update(v);
    renderer_draw(&v->renderer, &v->layout, (int)lround(v->session.visit.scroll));
}

bool view_pointer(struct view *v, enum session_input kind, int x, int y, uint64_t now)
{
    view_update(v);
    struct session_event ev = {kind, x, y, {ACTION_NONE, CONTENT_NONE}};
    ev.hit = layout_hit_test(&v->layout, x, y, (int)lround(v->session.visit.scroll));
    return session_handle(&v->session, &ev, now);
}
