/* A view and the live loop around it, for tests that lay out or draw screens without running
 * the loop's timers: the same pairing as `kiosk --render` (kiosk/app/render_all.c). */
#ifndef TESTS_VIEW_RIG_H
#define TESTS_VIEW_RIG_H

#include "live.h"
#include "view.h"

struct view_rig {
    struct view view;
    struct live live;
};

/* False when no font opens. The rig must not move while in use (the ports point into it). */
static inline bool view_rig_init(struct view_rig *r, const struct content *c, SDL_Renderer *sdl,
                                 int width, int height)
{
    if (!view_init(&r->view, c, sdl, width, height)) {
        return false;
    }
    struct live_ports ports = view_ports(&r->view);
    live_init(&r->live, c, &ports, width, height);
    return true;
}

static inline void view_rig_finish(struct view_rig *r)
{
    live_finish(&r->live);
    view_finish(&r->view);
}

static inline void view_rig_resize(struct view_rig *r, int width, int height)
{
    view_resize(&r->view, width, height);
    live_resize(&r->live, width, height);
}

/* Draws what the session shows now (without presenting it). */
static inline void view_rig_draw(struct view_rig *r)
{
    view_draw(&r->view, live_layout(&r->live), live_scroll(&r->live));
}

#endif
