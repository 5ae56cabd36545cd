/* The view: what it takes to draw one loaded content on one SDL renderer (fonts, pictures,
 * the renderer and its text cache), and the ports that plug it into the live loop
 * (kiosk/core/live.h). The live kiosk, `--render` and the tests all draw through it, so what
 * staff preview is exactly what visitors see. */
#ifndef KIOSK_VIEW_H
#define KIOSK_VIEW_H

#include <SDL.h>
#include <stdbool.h>

#include "content.h"
#include "fonts.h"
#include "layout.h"
#include "live.h"
#include "pictures.h"
#include "renderer.h"

struct view {
    const struct content *content;
    SDL_Renderer *sdl;
    int width, height;
    int text_percent;
    struct fonts fonts;
    struct pictures pictures;
    struct renderer renderer;
    struct text_metrics metrics;
};

/* Sets up drawing `content` with `sdl` at width x height and the normal text size; false if no
 * font opens. */
bool view_init(struct view *v, const struct content *content, SDL_Renderer *sdl, int width,
               int height);
/* Frees everything the view made (not the content or the SDL renderer). */
void view_finish(struct view *v);
/* Adapts the fonts to a new screen size. */
void view_resize(struct view *v, int width, int height);
/* Opens the fonts at `percent` of the config's text size ("A+"). */
void view_set_text_percent(struct view *v, int percent);
/* Drops everything drawn for a visit that has ended: every text texture (their words
 * overwritten) and the drawings rasterised at that visit's sizes (live_ports.forget). */
void view_forget(struct view *v);
/* Draws a layout, its page scrolled up by `scroll` pixels; the caller presents it. */
void view_draw(struct view *v, const struct layout *layout, int scroll);
/* Ports for live_init that measure with this view and draw into it (without presenting);
 * callers add their own draw, light and content ports where they need them. */
struct live_ports view_ports(struct view *v);

#endif
