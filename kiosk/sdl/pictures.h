/* Pictures: loads each picture of the content once, when it is first needed or when the live
 * kiosk tries them all after its first frame. A PNG or JPEG becomes one texture there and then
 * (shrunk to what the GPU takes); an SVG keeps its text in memory and is drawn at the exact
 * size it is shown, so it stays crisp. Files are read only here, through file_read, and every
 * decode is bounded (picture_decode.h). A picture that cannot be loaded is reported once and
 * left out of every page. */
#ifndef KIOSK_PICTURES_H
#define KIOSK_PICTURES_H

#include <SDL.h>
#include <stdbool.h>

#include "content.h"
#include "file_read.h"

struct picture_slot {
    bool tried, ok, is_svg;
    int w, h;              /* natural size */
    struct file_bytes svg; /* an SVG's text */
    SDL_Texture *texture;  /* a photo's, or an SVG's at tex_w x tex_h */
    int tex_w, tex_h;
};

struct picture_batch;

struct pictures {
    const struct content *content;
    SDL_Renderer *renderer;
    struct picture_slot *slots;
    int n;
    int max_texture_w, max_texture_h;
    bool all_tried; /* pictures_try_all has run */
};

/* Prepares slots for every picture of `content`; nothing is loaded yet. */
void pictures_init(struct pictures *p, const struct content *content, SDL_Renderer *renderer);
/* Tries every picture now, so one that cannot be loaded is named in the log before any visit,
 * never at the moment a visitor opens the page that shows it. Cheap once done. */
void pictures_try_all(struct pictures *p);
/* Every picture of `content` read and decoded without a renderer, so a thread other than the
 * drawing one can do it while the screen goes on answering (photos shrunk to max_w x max_h,
 * the limit of the renderer they will go to). Problems are logged. */
struct picture_batch *pictures_load_batch(const struct content *content, int max_w, int max_h);
/* Frees a batch that will not be adopted; safe on NULL. */
void pictures_batch_free(struct picture_batch *b);
/* Takes a batch loaded for this same content into the slots (photos become textures now);
 * nothing is read from disk after. Frees the batch; false (it is freed, nothing changed) when
 * it was made for other content. */
bool pictures_adopt(struct pictures *p, struct picture_batch *b);
/* Frees every texture. */
void pictures_finish(struct pictures *p);
/* Natural size of a picture, loading it on first use; false when it cannot be shown. */
bool pictures_size(struct pictures *p, int picture, int *w, int *h);
/* A texture of the picture for drawing at w x h, or NULL. */
SDL_Texture *pictures_texture(struct pictures *p, int picture, int w, int h);
/* Drops the drawings rasterised at the sizes a visit showed them (which pages were opened);
 * photos, made once for every visit alike, stay. */
void pictures_forget(struct pictures *p);
/* How many textures are alive (the soak test counts them). */
int pictures_texture_count(const struct pictures *p);

#endif
