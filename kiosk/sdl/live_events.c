#include "live_events.h"

#include <string.h>

#include "display.h"

void live_events_init(struct live_events *ev, int panel_w, int panel_h, bool windowed)
{
    memset(ev, 0, sizeof(*ev));
    ev->panel_w = panel_w;
    ev->panel_h = panel_h;
    ev->scale_x = ev->scale_y = 1.0f;
    ev->windowed = windowed;
}

void live_events_pointer(struct live_events *ev, struct live *l, const struct pointer_event *p,
                         uint64_t now)
{
    /* Touch follows rotation: the same transform as the picture, inverted. */
    int x, y;
    display_map_point(&l->content->display, ev->panel_w, ev->panel_h, p->x, p->y, &x, &y);
    live_pointer(l, p->kind, x, y, now);
}

enum live_event_result live_events_handle(struct live_events *ev, struct live *l,
                                          const SDL_Event *e, uint64_t now)
{
    if (input_ends_kiosk(e, ev->windowed)) {
        return LIVE_EVENT_QUIT;
    }
    if (e->type == SDL_WINDOWEVENT) {
        switch (e->window.event) {
        case SDL_WINDOWEVENT_SIZE_CHANGED:
            return LIVE_EVENT_RESIZED;
        case SDL_WINDOWEVENT_EXPOSED:
            live_redraw(l);
            break;
        default:
            break;
        }
        return LIVE_EVENT_DONE;
    }
    struct pointer_event p;
    if (input_translate(&ev->input, e, ev->panel_w, ev->panel_h, ev->scale_x, ev->scale_y, &p)) {
        live_events_pointer(ev, l, &p, now);
    }
    /* Keys are ignored on purpose: Escape, Alt+F4, Ctrl+Q and the rest do nothing here. */
    return LIVE_EVENT_DONE;
}
