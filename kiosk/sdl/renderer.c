#include "renderer.h"

#include <stdio.h>
#include <string.h>

#include "wipe.h"
#include "xalloc.h"

/* Text unused for this many frames is dropped, so memory stays flat over months of use. */
#define TEXT_KEEP_FRAMES 8
#define TEXT_BUCKETS 509

struct text_entry {
    struct text_entry *next;
    enum font_style font;
    struct color color;
    bool rtl;
    char *text;
    size_t len;
    SDL_Texture *texture;
    int w, h, dy;
    unsigned long used;
};

void renderer_init(struct renderer *r, SDL_Renderer *sdl, struct fonts *fonts,
                   struct pictures *pictures)
{
    memset(r, 0, sizeof(*r));
    r->sdl = sdl;
    r->fonts = fonts;
    r->pictures = pictures;
    r->n_buckets = TEXT_BUCKETS;
    /* An array of pointers (bucket heads): sizeof(*r->buckets) is meant. */
    r->buckets = xcalloc(r->n_buckets, sizeof(*r->buckets)); // NOLINT(bugprone-sizeof-expression)
}

static void entry_free(struct text_entry *e)
{
    if (e->texture) {
        SDL_DestroyTexture(e->texture);
    }
    wipe(e->text, e->len); /* the words of a visit, which freed memory would keep */
    free(e->text);
    wipe(e, sizeof(*e));
    free(e);
}

/* Drops entries last used before `keep_after` (all of them for ULONG_MAX semantics: pass 0
 * with `all`). */
static void sweep(struct renderer *r, bool all)
{
    for (size_t b = 0; b < r->n_buckets; b++) {
        struct text_entry **pp = &r->buckets[b];
        while (*pp) {
            struct text_entry *e = *pp;
            if (all || r->frame - e->used > TEXT_KEEP_FRAMES) {
                *pp = e->next;
                entry_free(e);
                r->n_entries--;
            } else {
                pp = &e->next;
            }
        }
    }
}

void renderer_clear_cache(struct renderer *r)
{
    sweep(r, true);
}

void renderer_finish(struct renderer *r)
{
    if (r->buckets) {
        sweep(r, true);
    }
    free(r->buckets);
    memset(r, 0, sizeof(*r));
}

size_t renderer_text_count(const struct renderer *r)
{
    return r->n_entries;
}

static size_t hash(enum font_style font, struct color c, const char *s, size_t len)
{
    size_t h =
        2166136261u ^ (size_t)font ^ ((size_t)c.r << 8) ^ ((size_t)c.g << 16) ^ ((size_t)c.b << 24);
    /* (The direction is compared, not hashed: the same words rarely come in both.) */
    for (size_t i = 0; i < len; i++) {
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    }
    return h;
}

/* The cached texture of a text run, or NULL; marks it used in this frame. */
static struct text_entry *text_find(struct renderer *r, const struct draw_item *it, const char *s,
                                    size_t b)
{
    for (struct text_entry *e = r->buckets[b]; e; e = e->next) {
        if (e->font == it->font && e->len == it->len && e->rtl == it->rtl &&
            e->color.r == it->color.r && e->color.g == it->color.g && e->color.b == it->color.b &&
            memcmp(e->text, s, it->len) == 0) {
            e->used = r->frame;
            return e;
        }
    }
    return NULL;
}

static struct text_entry *text_texture(struct renderer *r, const struct draw_item *it,
                                       const char *s)
{
    size_t b = hash(it->font, it->color, s, it->len) % r->n_buckets;
    struct text_entry *e = text_find(r, it, s, b);
    if (e) {
        return e;
    }
    e = xcalloc(1, sizeof(*e));
    e->font = it->font;
    e->color = it->color;
    e->rtl = it->rtl;
    e->text = xstrndup(s, it->len);
    e->len = it->len;
    e->used = r->frame;
    SDL_Color fg = {it->color.r, it->color.g, it->color.b, 255};
    SDL_Surface *surface = fonts_render(r->fonts, it->font, e->text, e->len, e->rtl, fg, &e->dy);
    if (surface) {
        e->texture = SDL_CreateTextureFromSurface(r->sdl, surface);
        e->w = surface->w;
        e->h = surface->h;
        SDL_FreeSurface(surface);
    }
    e->next = r->buckets[b];
    r->buckets[b] = e;
    r->n_entries++;
    return e;
}

static void set_color(SDL_Renderer *sdl, struct color c, unsigned char alpha)
{
    SDL_SetRenderDrawBlendMode(sdl, alpha == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(sdl, c.r, c.g, c.b, alpha);
}

/* A filled rectangle with rounded corners, drawn as horizontal spans: SDL has no primitive for
 * it, and spans keep the corners exact at every size. */
static void fill_rounded(SDL_Renderer *sdl, SDL_Rect r, int radius)
{
    if (radius * 2 > r.h) {
        radius = r.h / 2;
    }
    if (radius * 2 > r.w) {
        radius = r.w / 2;
    }
    if (radius <= 1) {
        SDL_RenderFillRect(sdl, &r);
        return;
    }
    SDL_Rect middle = {r.x, r.y + radius, r.w, r.h - 2 * radius};
    SDL_RenderFillRect(sdl, &middle);
    for (int dy = 0; dy < radius; dy++) {
        /* Inset of the corner at this row, measured at the row's centre. */
        double yy = radius - dy - 0.5;
        double inset = radius - SDL_sqrt((double)radius * radius - yy * yy);
        int in = (int)(inset + 0.5);
        SDL_Rect top = {r.x + in, r.y + dy, r.w - 2 * in, 1};
        SDL_Rect bottom = {r.x + in, r.y + r.h - 1 - dy, r.w - 2 * in, 1};
        SDL_RenderFillRect(sdl, &top);
        SDL_RenderFillRect(sdl, &bottom);
    }
}

static void draw_item(struct renderer *r, const struct layout *l, const struct draw_item *it,
                      int dy)
{
    SDL_Rect rect = {it->rect.x, it->rect.y - dy, it->rect.w, it->rect.h};
    switch (it->kind) {
    case DRAW_RECT:
        set_color(r->sdl, it->color, it->alpha);
        fill_rounded(r->sdl, rect, it->radius);
        break;
    case DRAW_TEXT: {
        struct text_entry *e = text_texture(r, it, layout_text(l, it));
        if (e->texture) {
            SDL_Rect dst = {rect.x, rect.y + e->dy, e->w, e->h};
            SDL_RenderCopy(r->sdl, e->texture, NULL, &dst);
        }
        break;
    }
    case DRAW_PICTURE: {
        SDL_Texture *t = pictures_texture(r->pictures, it->picture, rect.w, rect.h);
        if (t) {
            SDL_RenderCopy(r->sdl, t, NULL, &rect);
        }
        break;
    }
    }
}

/* A soft fade into the background where more of the page lies beyond the edge, so a visitor
 * sees there is more to read before they think to drag. */
static void draw_fade(struct renderer *r, const struct layout *l, bool bottom)
{
    const struct rect *vp = &l->viewport;
    int depth = vp->h / 10, strips = 12;
    for (int i = 0; i < strips; i++) {
        int y0 = depth * i / strips, y1 = depth * (i + 1) / strips;
        SDL_Rect strip = {vp->x, bottom ? vp->y + vp->h - y1 : vp->y + y0, vp->w, y1 - y0};
        set_color(r->sdl, l->background, (unsigned char)(230 * (strips - i) / strips));
        SDL_RenderFillRect(r->sdl, &strip);
    }
}

static void draw_scrollbar(struct renderer *r, const struct layout *l, int scroll)
{
    if (l->scroll_max <= 0 || l->content_height <= 0) {
        return;
    }
    if (scroll < l->scroll_max) {
        draw_fade(r, l, true);
    }
    if (scroll > 0) {
        draw_fade(r, l, false);
    }
    const struct rect *vp = &l->viewport;
    int w = l->scrollbar_width;
    int thumb = (int)((long long)vp->h * vp->h / l->content_height);
    if (thumb < 3 * w) {
        thumb = 3 * w;
    }
    int y = vp->y + (int)((long long)(vp->h - thumb) * scroll / l->scroll_max);
    /* A mirrored (right-to-left) screen has its scrollbar on the left. */
    SDL_Rect track = {l->rtl ? vp->x + w / 2 : vp->x + vp->w - w - w / 2, vp->y, w, vp->h};
    SDL_Rect bar = {track.x, y, w, thumb};
    set_color(r->sdl, l->scrollbar, 40);
    fill_rounded(r->sdl, track, w / 2);
    set_color(r->sdl, l->scrollbar, 200);
    fill_rounded(r->sdl, bar, w / 2);
}

void renderer_draw(struct renderer *r, const struct layout *l, int scroll)
{
    r->frame++;
    SDL_RenderSetClipRect(r->sdl, NULL);
    set_color(r->sdl, l->background, 255);
    SDL_RenderClear(r->sdl);
    SDL_Rect vp = {l->viewport.x, l->viewport.y, l->viewport.w, l->viewport.h};
    size_t last_scrolling = l->n_items;
    for (size_t i = 0; i < l->n_items; i++) {
        if (l->items[i].scrolls) {
            last_scrolling = i;
        }
    }
    bool clipped = false;
    for (size_t i = 0; i < l->n_items; i++) {
        const struct draw_item *it = &l->items[i];
        if (it->scrolls) {
            if (!clipped) {
                SDL_RenderSetClipRect(r->sdl, &vp);
                clipped = true;
            }
            if (it->rect.y - scroll < vp.y + vp.h && it->rect.y + it->rect.h - scroll > vp.y) {
                draw_item(r, l, it, scroll);
            } else if (it->kind == DRAW_TEXT) {
                /* Out of sight but on this page: keep its texture for when it scrolls back. */
                const char *s = layout_text(l, it);
                text_find(r, it, s, hash(it->font, it->color, s, it->len) % r->n_buckets);
            }
            /* The scrollbar sits just above the page, below any overlay drawn after it. */
            if (i == last_scrolling) {
                draw_scrollbar(r, l, scroll);
            }
        } else {
            if (clipped) {
                SDL_RenderSetClipRect(r->sdl, NULL);
                clipped = false;
            }
            draw_item(r, l, it, 0);
        }
    }
    if (clipped) {
        SDL_RenderSetClipRect(r->sdl, NULL);
    }
    sweep(r, false);
}
