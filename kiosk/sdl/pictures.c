#include "pictures.h"

#include <SDL_image.h>
#include <string.h>

#include "log.h"
#include "xalloc.h"

static void load(struct pictures *p, int i);

void pictures_init(struct pictures *p, const struct content *content, SDL_Renderer *renderer)
{
    memset(p, 0, sizeof(*p));
    p->content = content;
    p->renderer = renderer;
    p->n = content->n_pictures;
    p->slots = xcalloc((size_t)(p->n ? p->n : 1), sizeof(*p->slots));
}

void pictures_try_all(struct pictures *p)
{
    /* Not in pictures_init: loading every SVG (rasterised, only to learn its size) took most of
     * the kiosk's start-up, so the live kiosk calls this once its first frame is up. */
    if (p->all_tried) {
        return;
    }
    for (int i = 0; i < p->n; i++) {
        if (!p->slots[i].tried) {
            load(p, i);
        }
    }
    p->all_tried = true;
}

void pictures_finish(struct pictures *p)
{
    for (int i = 0; i < p->n; i++) {
        if (p->slots[i].texture) {
            SDL_DestroyTexture(p->slots[i].texture);
        }
    }
    free(p->slots);
    memset(p, 0, sizeof(*p));
}

static bool ends_with_svg(const char *path)
{
    size_t n = strlen(path);
    return n >= 4 && SDL_strcasecmp(path + n - 4, ".svg") == 0;
}

static void load(struct pictures *p, int i)
{
    struct picture_slot *s = &p->slots[i];
    const char *path = p->content->pictures[i].path;
    s->tried = true;
    SDL_Surface *surface = IMG_Load(path);
    if (!surface) {
        log_warn("cannot load the picture %s (%s); pages show without it", path, IMG_GetError());
        return;
    }
    s->w = surface->w;
    s->h = surface->h;
    s->svg = ends_with_svg(path);
    s->ok = s->w > 0 && s->h > 0;
    SDL_FreeSurface(surface);
}

bool pictures_size(struct pictures *p, int picture, int *w, int *h)
{
    if (picture < 0 || picture >= p->n) {
        return false;
    }
    if (!p->slots[picture].tried) {
        load(p, picture);
    }
    /* Drawings scale crisply to any size; photos look soft past twice their own size. */
    int limit = p->slots[picture].svg ? 64 : 2;
    *w = p->slots[picture].w * limit;
    *h = p->slots[picture].h * limit;
    return p->slots[picture].ok;
}

SDL_Texture *pictures_texture(struct pictures *p, int picture, int w, int h)
{
    int nw, nh;
    if (!pictures_size(p, picture, &nw, &nh) || w <= 0 || h <= 0) {
        return NULL;
    }
    struct picture_slot *s = &p->slots[picture];
    if (s->texture && (!s->svg || (s->tex_w == w && s->tex_h == h))) {
        return s->texture;
    }
    if (s->texture) {
        SDL_DestroyTexture(s->texture);
        s->texture = NULL;
    }
    const char *path = p->content->pictures[picture].path;
    SDL_Surface *surface = NULL;
    if (s->svg) {
        SDL_RWops *rw = SDL_RWFromFile(path, "rb");
        if (rw) {
            surface = IMG_LoadSizedSVG_RW(rw, w, h);
            SDL_RWclose(rw);
        }
    } else {
        surface = IMG_Load(path);
    }
    if (!surface) {
        /* It loaded at start, so it changed since. This runs while a visitor looks at the
         * page, so nothing is logged: the time and the file would say what they opened. The
         * page shows without it; `kiosk --render` or a restart names the file for staff. */
        s->ok = false;
        return NULL;
    }
    s->texture = SDL_CreateTextureFromSurface(p->renderer, surface);
    SDL_FreeSurface(surface);
    if (s->texture) {
        SDL_SetTextureScaleMode(s->texture, SDL_ScaleModeLinear);
    }
    s->tex_w = w;
    s->tex_h = h;
    return s->texture;
}

int pictures_texture_count(const struct pictures *p)
{
    int n = 0;
    for (int i = 0; i < p->n; i++) {
        n += p->slots[i].texture != NULL;
    }
    return n;
}
