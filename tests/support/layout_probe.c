/* Prints where the buttons of one screen are, so the end-to-end test can tap them by name:
 *   layout_probe CONFIG WxH welcome|cover|countdown|PAGE-ID
 * One line per button: ACTION TARGET-ID CENTRE-X CENTRE-Y */
#include <SDL.h>
#include <stdio.h>
#include <string.h>

#include "config_locate.h"
#include "config_reader.h"
#include "libraries.h"
#include "view_rig.h"

/* In enum session_action order. */
static const char *const action_names[] = {
    "none",        "quick_exit",   "back",          "next",       "home",        "help",
    "goto",        "continue",     "key",           "key_erase",  "staff_close", "staff_touch_test",
    "staff_clean", "staff_reload", "staff_go_back", "staff_back", "language",    "text_size"};
_Static_assert(sizeof(action_names) / sizeof(action_names[0]) == ACTION_TEXT_SIZE + 1,
               "one name for each enum session_action, in its order");

int main(int argc, char **argv)
{
    int w, h;
    if (argc != 4 || sscanf(argv[2], "%dx%d", &w, &h) != 2) {
        fprintf(stderr, "usage: layout_probe CONFIG WxH SCREEN\n");
        return 2;
    }
    struct diag_list diags;
    diag_init(&diags, argv[1]);
    struct content *c = config_load(argv[1], config_assets_dir(), &diags);
    diag_finish(&diags);
    if (!c || !libraries_init()) {
        return 1;
    }
    SDL_Surface *surface = SDL_CreateRGBSurfaceWithFormat(0, 16, 16, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *sdl = SDL_CreateSoftwareRenderer(surface);
    struct view_rig v;
    if (!view_rig_init(&v, c, sdl, w, h)) {
        return 1;
    }
    if (strcmp(argv[3], "cover") == 0) {
        session_preview(&v.live.session, SCREEN_COVER, CONTENT_NONE, false);
    } else if (strcmp(argv[3], "countdown") == 0) {
        session_preview(&v.live.session, SCREEN_PAGE, c->menu, true);
    } else if (strcmp(argv[3], "welcome") != 0) {
        int page = content_find_page(c, argv[3]);
        if (page == CONTENT_NONE) {
            fprintf(stderr, "no page %s\n", argv[3]);
            return 1;
        }
        session_preview(&v.live.session, SCREEN_PAGE, page, false);
    }
    live_layout(&v.live);
    for (size_t i = 0; i < v.live.layout.n_hits; i++) {
        const struct layout_hit *hit = &v.live.layout.hits[i];
        int t =
            hit->hit.action == ACTION_NEXT ? session_next_page(&v.live.session) : hit->hit.target;
        const char *target = t >= 0 ? c->pages[t].id : "-";
        printf("%s %s %d %d\n", action_names[hit->hit.action], target,
               hit->rect.x + hit->rect.w / 2, hit->rect.y + hit->rect.h / 2);
    }
    view_rig_finish(&v);
    SDL_DestroyRenderer(sdl);
    SDL_FreeSurface(surface);
    content_destroy(c);
    libraries_quit();
    return 0;
}
