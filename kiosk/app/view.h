/* The view: one loaded content on one SDL renderer, with its session, layout, fonts, pictures
 * and text cache. Both the live kiosk and `--render` drive the same view, so what staff preview
 * is exactly what visitors see. */
#ifndef KIOSK_VIEW_H
#define KIOSK_VIEW_H

#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>

#include "content.h"
#include "fonts.h"
#include "layout.h"
#include "pictures.h"
#include "renderer.h"
#include "session.h"

/* What a layout depends on besides scrolling; when it changes, the layout is rebuilt. */
struct view_key {
    enum session_screen screen;
    int page, depth, countdown_seconds, lang, text_scale;
    bool countdown;
    struct hit pressed;
};

struct view {
    const struct content *content;
    SDL_Renderer *sdl;
    int width, height;
    struct session session;
    struct layout layout;
    struct fonts fonts;
    struct pictures pictures;
    struct renderer renderer;
    struct text_metrics metrics;
    struct view_key key;
    bool layout_valid;
};

/* Sets up a view of `content` drawn with `sdl` at width x height; false if no font opens. */
bool view_init(struct view *v, const struct content *content, SDL_Renderer *sdl, int width,
               int height);
/* Frees everything the view made (not the content or the SDL renderer). */
void view_finish(struct view *v);
/* Adapts to a new screen size. */
void view_resize(struct view *v, int width, int height);
/* Brings the layout up to date with the session (cheap when nothing changed). */
void view_update(struct view *v);
/* Draws the current screen (after view_update); the caller presents it. */
void view_draw(struct view *v);
/* Passes a pointer event at (x, y) to the session, hit-tested against the current layout.
 * Returns true when the screen changed. */
bool view_pointer(struct view *v, enum session_input kind, int x, int y, uint64_t now);

#endif
