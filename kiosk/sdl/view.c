#include "view.h"

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
    v->text_percent = session_text_percent[0];
    if (!fonts_open(&v->fonts, &content->theme, width, height, v->text_percent)) {
        return false;
    }
    pictures_init(&v->pictures, content, sdl);
    renderer_init(&v->renderer, sdl, &v->fonts, &v->pictures);
    v->metrics = (struct text_metrics){v, metric_width, metric_line_height, metric_picture};
    return true;
}

void view_finish(struct view *v)
{
    renderer_finish(&v->renderer);
    pictures_finish(&v->pictures);
    fonts_finish(&v->fonts);
}

/* Text drawn at the old sizes is of no use at the new ones. */
static void reopen_fonts(struct view *v)
{
    renderer_clear_cache(&v->renderer);
    fonts_open(&v->fonts, &v->content->theme, v->width, v->height, v->text_percent);
}

void view_resize(struct view *v, int width, int height)
{
    if (width == v->width && height == v->height) {
        return;
    }
    v->width = width;
    v->height = height;
    reopen_fonts(v);
}

void view_set_text_percent(struct view *v, int percent)
{
    if (percent == v->text_percent) {
        return;
    }
    v->text_percent = percent;
    reopen_fonts(v);
}

void view_draw(struct view *v, const struct layout *layout, int scroll)
{
    renderer_draw(&v->renderer, layout, scroll);
}

static void port_text_percent(void *ctx, int percent)
{
    view_set_text_percent(ctx, percent);
}

void view_forget(struct view *v)
{
    renderer_clear_cache(&v->renderer);
    pictures_forget(&v->pictures);
}

static void port_forget(void *ctx)
{
    view_forget(ctx);
}

static void port_draw(void *ctx, const struct layout *layout, int scroll)
{
    view_draw(ctx, layout, scroll);
}

struct live_ports view_ports(struct view *v)
{
    struct live_ports p;
    memset(&p, 0, sizeof(p));
    p.ctx = v;
    p.metrics = &v->metrics;
    p.text_percent = port_text_percent;
    p.draw = port_draw;
    p.forget = port_forget;
    return p;
}
