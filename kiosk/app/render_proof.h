/* --render's proofreading pages: for every language the config offers, DIR/proof-<code>.html
 * with every screen in reading order, and its pictures in DIR/proof-<code>/ (kiosk/core's
 * proof_html makes the text; this draws and writes). */
#ifndef KIOSK_RENDER_PROOF_H
#define KIOSK_RENDER_PROOF_H

#include <SDL.h>
#include <stdbool.h>

#include "live.h"
#include "view.h"

/* Draws every language's screens with --render's view `v`, loop `l` and target `surface`, and
 * writes the pages to `dir` (which exists). The pictures --render has just drawn there in
 * language `drawn_lang` are copied rather than drawn again. Returns false after saying what
 * failed. */
bool render_proof(struct view *v, struct live *l, SDL_Surface *surface, const char *dir,
                  int drawn_lang);

#endif
