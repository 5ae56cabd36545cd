#include "pictures.h"

#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "picture_decode.h"
#include "xalloc.h"

/* No texture larger than this either way: more than a picture is ever shown at (it fits in a
 * page beside its text) and what every Pi GPU takes (the renderer's own limit, if lower, wins). */
#define PICTURES_MAX_TEXTURE 2048
/* An SVG that does not say how big it is is drawn once at this size to learn its shape. */
#define PICTURES_SVG_PROBE 1024

void pictures_init(struct pictures *p, const struct content *content, SDL_Renderer *renderer)
{
    memset(p, 0, sizeof(*p));
    p->content = content;
    p->renderer = renderer;
    p->n = content->n_pictures;
    p->slots = xcalloc((size_t)(p->n ? p->n : 1), sizeof(*p->slots));
    p->max_texture_w = p->max_texture_h = PICTURES_MAX_TEXTURE;
    SDL_RendererInfo info;
    if (renderer && SDL_GetRendererInfo(renderer, &info) == 0) {
        if (info.max_texture_width > 0 && info.max_texture_width < p->max_texture_w) {
            p->max_texture_w = info.max_texture_width;
        }
        if (info.max_texture_height > 0 && info.max_texture_height < p->max_texture_h) {
            p->max_texture_h = info.max_texture_height;
        }
    }
}

static void load(struct pictures *p, int i);

void pictures_try_all(struct pictures *p)
{
    /* Not in pictures_init: decoding every picture took most of the kiosk's start-up, so the
     * live kiosk calls this once its first frame is up. */
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
        free(p->slots[i].svg.data);
    }
    free(p->slots);
    memset(p, 0, sizeof(*p));
}

/* A PNG or JPEG becomes its texture now, once: no page opened later reads or decodes it. */
static bool load_photo(struct pictures *p, struct picture_slot *s, struct file_bytes *bytes,
                       const struct picture_probe *probe)
{
    SDL_Surface *surface = picture_decode(bytes, probe);
    if (!surface) {
        return false;
    }
    surface = picture_shrink(surface, p->max_texture_w, p->max_texture_h);
    s->texture = SDL_CreateTextureFromSurface(p->renderer, surface);
    SDL_FreeSurface(surface);
    if (!s->texture) {
        return false;
    }
    SDL_SetTextureScaleMode(s->texture, SDL_ScaleModeLinear);
    return true;
}

/* An SVG keeps its text, to be drawn again crisply at each size it is shown at. */
static bool load_drawing(struct picture_slot *s, struct file_bytes *bytes,
                         const struct picture_probe *probe)
{
    s->svg = *bytes;
    memset(bytes, 0, sizeof(*bytes));
    if (probe->w > 0 && probe->h > 0) {
        return true;
    }
    SDL_Surface *shape = picture_decode_svg(&s->svg, PICTURES_SVG_PROBE, PICTURES_SVG_PROBE);
    if (!shape) {
        return false;
    }
    s->w = shape->w;
    s->h = shape->h;
    SDL_FreeSurface(shape);
    return true;
}

static void load(struct pictures *p, int i)
{
    struct picture_slot *s = &p->slots[i];
    const char *path = p->content->pictures[i].path;
    s->tried = true;
    struct file_bytes bytes;
    int err;
    enum file_read_status status = file_read(path, PICTURE_MAX_BYTES, &bytes, &err);
    if (status != FILE_READ_OK) {
        log_warn("cannot load the picture %s: it %s; pages show without it", path,
                 file_read_reason(status, err));
        return;
    }
    struct picture_probe probe = picture_probe(bytes.data, bytes.size);
    s->w = probe.w;
    s->h = probe.h;
    s->is_svg = probe.format == PICTURE_SVG;
    SDL_ClearError();
    bool ok = s->is_svg ? load_drawing(s, &bytes, &probe) : load_photo(p, s, &bytes, &probe);
    free(bytes.data);
    s->ok = ok && s->w > 0 && s->h > 0;
    if (!s->ok) {
        log_warn("cannot load the picture %s (%s); pages show without it", path,
                 probe.format == PICTURE_UNKNOWN ? "not a PNG, JPEG or SVG picture"
                                                 : SDL_GetError());
    }
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
    int limit = p->slots[picture].is_svg ? 64 : 2;
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
    if (!s->is_svg || (s->texture && s->tex_w == w && s->tex_h == h)) {
        return s->texture;
    }
    if (s->texture) {
        SDL_DestroyTexture(s->texture);
        s->texture = NULL;
    }
    SDL_Surface *surface = picture_decode_svg(&s->svg, w, h);
    if (!surface) {
        /* It drew at start, so this is out of memory. This runs while a visitor looks at the
         * page, so nothing is logged: the time and the file would say what they opened. */
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

void pictures_forget(struct pictures *p)
{
    for (int i = 0; i < p->n; i++) {
        struct picture_slot *s = &p->slots[i];
        if (s->is_svg && s->texture) {
            SDL_DestroyTexture(s->texture);
            s->texture = NULL;
            s->tex_w = s->tex_h = 0;
        }
    }
}

int pictures_texture_count(const struct pictures *p)
{
    int n = 0;
    for (int i = 0; i < p->n; i++) {
        n += p->slots[i].texture != NULL;
    }
    return n;
}
