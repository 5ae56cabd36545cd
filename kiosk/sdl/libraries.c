/* Starting and stopping the SDL satellite libraries, shared by the kiosk and its tests. */
#include <SDL_image.h>
#include <SDL_ttf.h>

#include "libraries.h"
#include "log.h"

bool libraries_init(void)
{
    if (TTF_Init() != 0) {
        log_error("cannot start SDL_ttf: %s", TTF_GetError());
        return false;
    }
    int want = IMG_INIT_PNG | IMG_INIT_JPG;
    if ((IMG_Init(want) & want) != want) {
        log_warn("SDL_image cannot load every picture format: %s", IMG_GetError());
    }
    return true;
}

void libraries_quit(void)
{
    IMG_Quit();
    TTF_Quit();
}
