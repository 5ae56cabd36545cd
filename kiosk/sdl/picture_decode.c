#include "picture_decode.h"

#include <SDL_image.h>
#include <stdbool.h>

SDL_Surface *picture_decode(const struct file_bytes *bytes, const struct picture_probe *probe)
{
    if (probe->format != PICTURE_PNG && probe->format != PICTURE_JPEG) {
        SDL_SetError("not a PNG or JPEG picture");
        return NULL;
    }
    if (!picture_within_limits(probe)) {
        SDL_SetError("%d x %d pixels is more than a picture may have", probe->w, probe->h);
        return NULL;
    }
    if (bytes->size > PICTURE_MAX_BYTES) {
        SDL_SetError("the file is larger than a picture may be");
        return NULL;
    }
    SDL_RWops *rw = SDL_RWFromConstMem(bytes->data, (int)bytes->size);
    if (!rw) {
        return NULL;
    }
    /* The decoder for the format probed, never one SDL_image guesses from the bytes. */
    SDL_Surface *s = probe->format == PICTURE_PNG ? IMG_LoadPNG_RW(rw) : IMG_LoadJPG_RW(rw);
    SDL_RWclose(rw);
    if (s && (s->w != probe->w || s->h != probe->h)) {
        SDL_SetError("decoded to %d x %d, not the %d x %d it declares", s->w, s->h, probe->w,
                     probe->h);
        SDL_FreeSurface(s);
        return NULL;
    }
    return s;
}

SDL_Surface *picture_decode_svg(const struct file_bytes *bytes, int w, int h)
{
    if (w <= 0 || h <= 0 || bytes->size > PICTURE_MAX_SVG_BYTES) {
        SDL_SetError("no size to draw at, or the drawing is too large");
        return NULL;
    }
    picture_fit_limits(&w, &h);
    SDL_RWops *rw = SDL_RWFromConstMem(bytes->data, (int)bytes->size);
    if (!rw) {
        return NULL;
    }
    /* nanosvg draws it scaled to fit w x h: the surface is never larger. */
    SDL_Surface *s = IMG_LoadSizedSVG_RW(rw, w, h);
    SDL_RWclose(rw);
    return s;
}

SDL_Surface *picture_shrink(SDL_Surface *s, int max_w, int max_h)
{
    if (!s || max_w <= 0 || max_h <= 0 || (s->w <= max_w && s->h <= max_h)) {
        return s;
    }
    double scale = SDL_min((double)max_w / s->w, (double)max_h / s->h);
    int w = SDL_max(1, (int)(s->w * scale)), h = SDL_max(1, (int)(s->h * scale));
    /* Smooth stretching takes 32-bit pixels alike on both sides: a PNG with alpha has them
     * already; anything else (a JPEG's 24-bit pixels) is converted first. */
    bool direct = s->format->BytesPerPixel == 4 && !SDL_ISPIXELFORMAT_INDEXED(s->format->format);
    SDL_Surface *from = direct ? s : SDL_ConvertSurfaceFormat(s, SDL_PIXELFORMAT_ARGB8888, 0);
    SDL_Surface *small =
        from ? SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, from->format->format) : NULL;
    bool ok = small && SDL_SoftStretchLinear(from, NULL, small, NULL) == 0;
    if (from != s) {
        SDL_FreeSurface(from);
    }
    if (!ok) {
        SDL_FreeSurface(small);
        return s; /* drawn at its own size; the renderer may refuse it */
    }
    SDL_FreeSurface(s);
    return small;
}
