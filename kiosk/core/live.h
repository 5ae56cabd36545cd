/* The live kiosk's loop with the window, the wait and the clock taken out. Each wake-up is one
 * live_step() given the time; live_deadline() says when the next one is due; input arrives as
 * live_pointer(). What the loop needs from outside (drawing, the backlight, the config file)
 * comes through `struct live_ports`. The binary (kiosk/app/run.c), the soak, the lockdown test
 * and the session fuzzer all drive this one loop; only what they plug into its ports differs,
 * so what the tests exercise is what ships. */
#ifndef KIOSK_LIVE_H
#define KIOSK_LIVE_H

#include <stdbool.h>
#include <stdint.h>

#include "content.h"
#include "layout.h"
#include "session.h"

#define LIVE_NO_DEADLINE UINT64_MAX

/* The time, as the loop sees it at one wake-up. */
struct live_clock {
    uint64_t ms;        /* monotonic milliseconds: timers, gliding, the countdown */
    int minute_of_week; /* local wall time, for opening hours (schedule_minute_of_week) */
    int ms_into_minute; /* milliseconds since that minute began */
};

/* What the loop asks of the edges around it. Only `metrics` is required. */
struct live_ports {
    void *ctx;
    /* Text and pictures measured as the screen will draw them. */
    const struct text_metrics *metrics;
    /* Measure and draw at `percent` of the config's text size (the visitor's "A+"); called
     * before every layout, so it must be cheap when the size is already that one. */
    void (*text_percent)(void *ctx, int percent);
    /* Draws the layout, its page scrolled up by `scroll` pixels, and shows it. */
    void (*draw)(void *ctx, const struct layout *layout, int scroll);
    /* Lights the panel, or turns it dark (outside opening hours the screen is black). */
    void (*light)(void *ctx, bool on);
    /* Checks the config file. With `force` (staff pressed "reload"): at once, true when that
     * check found good new content. Without: only a change that has settled, true when new
     * content waits to be shown. */
    bool (*check)(void *ctx, uint64_t now, bool force);
    /* When `check` next has work to do, or LIVE_NO_DEADLINE. */
    uint64_t (*check_deadline)(void *ctx);
    /* Puts the waiting content on screen: prepares to draw it and frees the old content. Returns
     * the content now shown (the old one if the new cannot be drawn). It may call live_resize (new
     * content may turn the panel). */
    const struct content *(*take)(void *ctx);
    /* The staff menu's status text, fresh for each frame of it; owned by the edge. */
    const char *(*staff_report)(void *ctx);
    /* Whether there is content from before a USB stick to go back to (may be NULL: never), and
     * asking for it (staff pressed the button); the new file then comes as any edit does. */
    bool (*can_go_back)(void *ctx);
    void (*go_back)(void *ctx);
    /* A visit (or staff mode) has ended: drop and overwrite everything composed for it (text
     * drawn, pictures drawn at its sizes). The loop has already wiped its own layout. */
    void (*forget)(void *ctx);
};

struct live {
    struct live_ports ports;
    const struct content *content; /* on screen; owned by the edge */
    struct session session;
    struct layout layout;
    struct session_shown laid_out; /* what the layout was built for */
    bool layout_valid;
    bool dirty; /* the screen must be drawn again */
    bool lit;   /* what the backlight was last told */
    int width, height;
    uint64_t hours_change; /* when opening hours next open or close, or LIVE_NO_DEADLINE */
    const char *notice;    /* a problem staff must see on the welcome screen, or NULL */
    unsigned long frames;  /* frames drawn */
    enum live_showing { LIVE_SHOWING_OTHER, LIVE_SHOWING_PAGES, LIVE_SHOWING_STAFF } showing;
};

/* Starts at the welcome screen of `content`, which must outlive the loop or be replaced
 * through the `take` port. The first live_step draws. */
void live_init(struct live *l, const struct content *content, const struct live_ports *ports,
               int width, int height);
/* Frees what the loop made; safe on an all-zero struct live. */
void live_finish(struct live *l);
/* A finger or the mouse at (x, y) in layout pixels, matched to the button under it. True when
 * the screen changed (it is drawn at the next step). */
bool live_pointer(struct live *l, enum session_input kind, int x, int y, uint64_t now);
/* An event whose button is already decided (the session fuzzer presses anything). */
bool live_event(struct live *l, const struct session_event *ev, uint64_t now);
/* The screen changed size; the edge has already resized its fonts. */
void live_resize(struct live *l, int width, int height);
/* The screen must be laid out and drawn again at the next step (it was uncovered, or the
 * panel reset). */
void live_redraw(struct live *l);
/* A problem staff must see on the welcome screen (it must outlive the loop), or NULL. */
void live_set_notice(struct live *l, const char *notice);
/* One wake-up: opening hours, timers, new content, the backlight, then a frame when anything
 * on screen changed (every wake-up in staff mode, whose status changes by itself). */
void live_step(struct live *l, const struct live_clock *clock);
/* When the next step has work to do, or LIVE_NO_DEADLINE. */
uint64_t live_deadline(const struct live *l);
/* No visit is in progress: new content may go on screen. */
bool live_between_visits(const struct live *l);
/* The layout of what the session shows now (built if out of date). */
const struct layout *live_layout(struct live *l);
/* The page scroll, in whole pixels, as it is drawn. */
int live_scroll(const struct live *l);

#endif
