/* What one SDL event means to the live loop: the kiosk's own way out (only in a window), a
 * window that was uncovered or resized, and touches and clicks, translated to one pointer and
 * turned with the panel's rotation. Keys do nothing. The live kiosk and the lockdown test
 * hand their events to the same function. */
#ifndef KIOSK_LIVE_EVENTS_H
#define KIOSK_LIVE_EVENTS_H

#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>

#include "input.h"
#include "live.h"

struct live_events {
    struct input input;
    int panel_w, panel_h;   /* output pixels */
    float scale_x, scale_y; /* window coordinates to output pixels (HiDPI) */
    bool windowed;          /* a developer's window, which may be closed */
};

enum live_event_result {
    LIVE_EVENT_DONE,    /* handled (or ignored on purpose) */
    LIVE_EVENT_QUIT,    /* the kiosk should stop */
    LIVE_EVENT_RESIZED, /* the window changed size: measure it again */
};

/* Sets up for a panel of panel_w x panel_h output pixels, at scale 1. */
void live_events_init(struct live_events *ev, int panel_w, int panel_h, bool windowed);
/* Hands one SDL event to the loop at time `now`. */
enum live_event_result live_events_handle(struct live_events *ev, struct live *l,
                                          const SDL_Event *e, uint64_t now);
/* A pointer event in panel pixels (from SDL, or read from a device by abs_pointer.c). */
void live_events_pointer(struct live_events *ev, struct live *l, const struct pointer_event *p,
                         uint64_t now);

#endif
