/* SDL's satellite libraries (SDL_ttf, SDL_image), started and stopped in one place for the
 * kiosk and its tests. */
#ifndef KIOSK_LIBRARIES_H
#define KIOSK_LIBRARIES_H

#include <stdbool.h>

/* Starts SDL_ttf and SDL_image; false (logged) when they cannot start. */
bool libraries_init(void);
/* Stops what libraries_init started. */
void libraries_quit(void);

#endif
