/* The two ways the kiosk shows content: live on a screen, or drawn to PNG files. */
#ifndef KIOSK_APP_H
#define KIOSK_APP_H

#include <stdbool.h>

#include "content.h"
#include "reload.h"

/* Runs the kiosk until SIGTERM or SIGINT (or the window is closed when windowed), starting with
 * `content` (taken over) and switching to what `reload` finds between visits. Returns the exit
 * status. */
int app_run(struct reload *reload, struct content *content, bool windowed, int width, int height);
/* Draws every screen to PNG files in `dir` in language `lang`, and with `proof` the
 * proofreading pages of every language (render_proof.h); returns the exit status. */
int app_render_all(const struct content *content, const char *dir, int width, int height, int lang,
                   bool proof);

#endif
