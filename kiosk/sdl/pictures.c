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

/* One picture read and decoded, not yet a texture: what any thread can do (no renderer). */
struct picture_loaded {
    bool ok, is_svg;
    int w, h;
    struct file_bytes svg;
    SDL_Surface *surface; /* a photo's, shrunk to the texture limit */
};

struct picture_batch {
    const struct content *content;
    int n;
    struct picture_loaded *items;
};

/* An SVG keeps its text, to be drawn again crisply at each size it is shown at. */
static bool load_drawing(struct picture_loaded *out, struct file_bytes *bytes,
                         const struct picture_probe *probe)
{
    out->svg = *bytes;
    memset(bytes, 0, sizeof(*bytes));
    if (probe->w > 0 && probe->h > 0) {
        return true;
    }
    SDL_Surface *shape = picture_decode_svg(&out->svg, PICTURES_SVG_PROBE, PICTURES_SVG_PROBE);
    if (!shape) {
        return false;
    }
    out->w = shape->w;
    out->h = shape->h;
    SDL_FreeSurface(shape);
    return true;
}

static void decode_one(const char *path, int max_w, int max_h, struct picture_loaded *out)
{
    memset(out, 0, sizeof(*out));
    struct file_bytes bytes;
    int err;
    enum file_read_status status = file_read(path, PICTURE_MAX_BYTES, &bytes, &err);
    if (status != FILE_READ_OK) {
        log_warn("cannot load the picture %s: it %s; pages show without it", path,
                 file_read_reason(status, err));
        return;
    }
    struct picture_probe probe = picture_probe(bytes.data, bytes.size);
    out->w = probe.w;
    out->h = probe.h;
    out->is_svg = probe.format == PICTURE_SVG;
    SDL_ClearError();
    bool ok;
    if (out->is_svg) {
        ok = load_drawing(out, &bytes, &probe);
    } else {
        out->surface = picture_shrink(picture_decode(&bytes, &probe), max_w, max_h);
        ok = out->surface != NULL;
    }
    free(bytes.data);
    out->ok = ok && out->w > 0 && out->h > 0;
    if (!out->ok) {
        log_warn("cannot load the picture %s (%s); pages show without it", path,
                 probe.format == PICTURE_UNKNOWN ? "not a PNG, JPEG or SVG picture"
                                                 : SDL_GetError());
    }
}

/* Into slot `i`: a photo becomes its texture now, once, so no page opened later reads or
 * decodes it; a drawing keeps its text. `loaded` is emptied. */
static void adopt_one(struct pictures *p, int i, struct picture_loaded *loaded)
{
    struct picture_slot *s = &p->slots[i];
    s->tried = true;
    s->w = loaded->w;
    s->h = loaded->h;
    s->is_svg = loaded->is_svg;
    s->svg = loaded->svg;
    s->ok = loaded->ok;
    if (loaded->surface) {
        s->texture = SDL_CreateTextureFromSurface(p->renderer, loaded->surface);
        SDL_FreeSurface(loaded->surface);
        if (s->texture) {
            SDL_SetTextureScaleMode(s->texture, SDL_ScaleModeLinear);
        } else {
            s->ok = false;
            log_warn("cannot load the picture %s (%s); pages show without it",
                     p->content->pictures[i].path, SDL_GetError());
        }
    }
    memset(loaded, 0, sizeof(*loaded));
}

static void load(struct pictures *p, int i)
{
    struct picture_loaded loaded;
    decode_one(p->content->pictures[i].path, p->max_texture_w, p->max_texture_h, &loaded);
    adopt_one(p, i, &loaded);
}

struct picture_batch *pictures_load_batch(const struct content *content, int max_w, int max_h)
{
    struct picture_batch *b = xcalloc(1, sizeof(*b));
    b->content = content;
    b->n = content->n_pictures;
    b->items = xcalloc((size_t)(b->n ? b->n : 1), sizeof(*b->items));
    for (int i = 0; i < b->n; i++) {
        decode_one(content->pictures[i].path, max_w, max_h, &b->items[i]);
    }
    return b;
}

void pictures_batch_free(struct picture_batch *b)
{
    if (!b) {
        return;
    }
    for (int i = 0; i < b->n; i++) {
        free(b->items[i].svg.data);
        SDL_FreeSurface(b->items[i].surface);
    }
    free(b->items);
    free(b);
}

bool pictures_adopt(struct pictures *p, struct picture_batch *b)
{
    if (!b || b->content != p->content || b->n != p->n) {
        pictures_batch_free(b);
        return false;
    }
    for (int i = 0; i < p->n; i++) {
        if (!p->slots[i].tried) {
            adopt_one(p, i, &b->items[i]);
        }
    }
    p->all_tried = true;
    pictures_batch_free(b);
    return true;
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
