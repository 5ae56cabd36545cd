/* Counts the SDL handles the kiosk's own code holds: textures, fonts and surfaces it created
 * and has not yet destroyed, and the files it has read (file_read.h). The soak links kiosk_sdl with
 * the linker's --wrap for each create and destroy call (tests/soak/CMakeLists.txt), so the counts
 * come from the calls themselves and not from the kiosk's own bookkeeping, which a leak would fool.
 */
#ifndef SOAK_HANDLES_H
#define SOAK_HANDLES_H

#include <stdbool.h>

struct handles {
    long textures, fonts, surfaces;
    long reads; /* files read so far, all told */
};

/* What is alive now. */
struct handles handles_live(void);
/* For the soak's self-test: from now on, one SDL_DestroyTexture call in 50 does nothing, as if
 * the kiosk forgot it on some rarely taken path. */
void handles_leak_textures(bool leak);

#endif
