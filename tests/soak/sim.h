/* The kiosk under test: the real view (session, layout, fonts, pictures, renderer) on an SDL
 * window of the dummy video driver, in the kiosk's own live loop, driven by a fake clock.
 * Time only moves when the soak says so, so a week passes in minutes. */
#ifndef SOAK_SIM_H
#define SOAK_SIM_H

#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>

#include "live.h"
#include "strbuf.h"
#include "view.h"

#define SIM_MINUTE (60u * 1000u)
#define SIM_HOUR (60u * SIM_MINUTE)
#define SIM_DAY (24u * SIM_HOUR)

struct sim_stats {
    unsigned long frames, events, tour_frames, reloads, resizes;
    long load_reads; /* files read while loading content and setting up its view */
};

struct sim {
    const char *config_path;
    bool add_hours, add_pin; /* give the content opening hours / a staff PIN if it has none */
    SDL_Window *window;
    SDL_Renderer *sdl;
    struct content *content; /* on screen, owned */
    struct content *waiting; /* read by sim_reload, for the loop to put on screen */
    struct view view;
    struct live live;
    uint64_t now; /* fake clock: ms since Monday 00:00 of the first simulated week */
    int width, height;
    struct strbuf report;
    bool recheck; /* the tour forced the screen open: check opening hours at the next step */
    struct sim_stats stats;
};

/* Loads the config and opens a width x height window; false (with a message) on failure. */
bool sim_open(struct sim *s, const char *config_path, int width, int height, bool add_hours,
              bool add_pin);
/* Frees everything. */
void sim_close(struct sim *s);
/* Lets the fake clock run to `until`, doing what the live loop does at every deadline on the
 * way: timers, gliding, opening hours, drawing what changed. */
void sim_advance(struct sim *s, uint64_t until);
/* One pointer event at the current time, hit-tested against the layout on screen. */
void sim_pointer(struct sim *s, enum session_input kind, int x, int y);
/* The display changes size (a different panel is plugged in). */
void sim_resize(struct sim *s, int width, int height);
/* Reads the config again, as when the file changes: the live loop shows it once no visit is
 * in progress. False if the file no longer loads (the old content stays). */
bool sim_reload(struct sim *s);
/* No visit is in progress: the live kiosk switches content only then. */
bool sim_between_visits(const struct sim *s);
/* Whether opening hours say the kiosk is open at `t`. */
bool sim_open_at(const struct sim *s, uint64_t t);
/* Shows every page (and its end), the countdown and the cover once, then the welcome screen
 * for long enough that the text cache holds only its text: the same state at every call, so
 * memory and handle counts can be compared between calls. The session is reset afterwards. */
void sim_tour(struct sim *s);

#endif
