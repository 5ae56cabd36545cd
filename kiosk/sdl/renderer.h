/* The renderer: draws a layout's list with an SDL_Renderer. It knows nothing of pages, only
 * rectangles, text runs and pictures. Text is rasterised once and kept as a texture until it
 * has gone unused for a while, so scrolling and redraws cost no font work. */
#ifndef KIOSK_RENDERER_H
#define KIOSK_RENDERER_H

#include <SDL.h>

#include "fonts.h"
#include "layout.h"
#include "pictures.h"

struct text_entry;

struct renderer {
    SDL_Renderer *sdl;
    struct fonts *fonts;
    struct pictures *pictures;
    struct text_entry **buckets;
    size_t n_buckets, n_entries;
    unsigned long frame;
};

/* Prepares a renderer drawing with `sdl` (not owned), `fonts` and `pictures` (not owned). */
void renderer_init(struct renderer *r, SDL_Renderer *sdl, struct fonts *fonts,
                   struct pictures *pictures);
/* Frees every cached texture. */
void renderer_finish(struct renderer *r);
/* Forgets all cached text (after the fonts change). */
void renderer_clear_cache(struct renderer *r);
/* Draws `l` with the page scrolled by `scroll` pixels; does not present. */
void renderer_draw(struct renderer *r, const struct layout *l, int scroll);
/* How many text textures are cached (the soak test counts them). */
size_t renderer_text_count(const struct renderer *r);

#endif
