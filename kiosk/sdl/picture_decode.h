/* Decoding a picture's bytes (already in memory) within the limits of picture_probe.h. The
 * bytes are probed first and the decoder for the format found is given exactly those bytes,
 * so a file that changed after `kiosk --check`, or one that lies about its type, still cannot
 * make the kiosk decode more than the limits allow. No renderer: the fuzz harness
 * (tests/fuzz/fuzz_picture.c) calls these as the kiosk does. */
#ifndef KIOSK_PICTURE_DECODE_H
#define KIOSK_PICTURE_DECODE_H

#include <SDL.h>

#include "file_read.h"
#include "picture_probe.h"

/* A PNG or JPEG decoded at its own size, or NULL (the reason in SDL_GetError) when the bytes
 * are no such picture, exceed the limits or do not decode to the size they declare. */
SDL_Surface *picture_decode(const struct file_bytes *bytes, const struct picture_probe *probe);
/* An SVG drawn to fit within w x h (kept within the limits; SDL_image rounds the scaled size
 * up, so one pixel more at most), or NULL. */
SDL_Surface *picture_decode_svg(const struct file_bytes *bytes, int w, int h);
/* `s` scaled down, smoothly, to fit within max_w x max_h, keeping its shape; `s` itself when it
 * fits already (or on failure); otherwise `s` is freed. */
SDL_Surface *picture_shrink(SDL_Surface *s, int max_w, int max_h);

#endif
