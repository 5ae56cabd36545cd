/* The kiosk's own live loop (kiosk/core/live.h) with the clock taken away: wake-ups happen
 * when the soak moves its fake clock, not when SDL_WaitEventTimeout returns. */
#define _POSIX_C_SOURCE 200809L

#include "sim.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config_locate.h"
#include "config_reader.h"
#include "handles.h"
#include "libraries.h"
#include "schedule.h"
#include "staff_report.h"

/* The shipped config's own example (commented out there), so the nights are part of the week. */
static const char *const soak_hours[] = {"Mon-Fri 08:30-17:30", "Sat 09:00-12:00"};
#define SOAK_PIN "2580"

static struct content *load_uncounted(const struct sim *s);

/* Loading content is when the kiosk reads files; the soak checks it reads none at other times. */
static struct content *load(struct sim *s)
{
    long reads = handles_live().reads;
    struct content *c = load_uncounted(s);
    s->stats.load_reads += handles_live().reads - reads;
    return c;
}

static struct content *load_uncounted(const struct sim *s)
{
    struct diag_list diags;
    diag_init(&diags, s->config_path);
    struct content *c = config_load(s->config_path, config_assets_dir(), &diags);
    diag_finish(&diags);
    if (!c) {
        fprintf(stderr, "soak: %s does not load (kiosk --check lists why)\n", s->config_path);
        return NULL;
    }
    if (s->add_hours && !c->schedule.enabled) {
        char err[256];
        for (size_t i = 0; i < sizeof(soak_hours) / sizeof(soak_hours[0]); i++) {
            if (!schedule_add_rule(&c->schedule, soak_hours[i], err, sizeof(err))) {
                fprintf(stderr, "soak: %s: %s\n", soak_hours[i], err);
            }
        }
    }
    if (s->add_pin && !c->staff_pin) {
        c->staff_pin = strdup(SOAK_PIN); /* content_destroy frees it */
    }
    return c;
}

static int minute_of_week(uint64_t t)
{
    return (int)((t / SIM_MINUTE) % SCHEDULE_WEEK_MINUTES);
}

bool sim_open_at(const struct sim *s, uint64_t t)
{
    return schedule_is_open(&s->content->schedule, minute_of_week(t));
}

/* ---- the live loop's ports: the same loop as the kiosk, with the soak's drawing and files */

static void port_text_percent(void *ctx, int percent)
{
    struct sim *s = ctx;
    view_set_text_percent(&s->view, percent);
}

static void port_draw(void *ctx, const struct layout *layout, int scroll)
{
    struct sim *s = ctx;
    view_draw(&s->view, layout, scroll);
    SDL_RenderPresent(s->sdl);
    s->stats.frames++;
}

/* Staff pressed reload: the file is read again at once. Otherwise new content waits only when
 * the soak's calendar has read it (sim_reload). */
static bool port_check(void *ctx, uint64_t now, bool force)
{
    struct sim *s = ctx;
    (void)now;
    if (force) {
        content_destroy(s->waiting);
        s->waiting = load(s);
    }
    return s->waiting != NULL;
}

/* As run.c's: the view is rebuilt around the new content, and the old content is freed only
 * once nothing points into it. */
static const struct content *port_take(void *ctx)
{
    struct sim *s = ctx;
    long reads = handles_live().reads;
    view_finish(&s->view);
    content_destroy(s->content);
    s->content = s->waiting;
    s->waiting = NULL;
    if (!view_init(&s->view, s->content, s->sdl, s->width, s->height)) {
        fprintf(stderr, "soak: no font opens after a reload\n");
        exit(1);
    }
    pictures_try_all(&s->view.pictures); /* as run.c does, between visits */
    s->stats.load_reads += handles_live().reads - reads;
    s->stats.reloads++;
    return s->content;
}

static void port_forget(void *ctx)
{
    struct sim *s = ctx;
    view_forget(&s->view);
}

static const char *port_staff_report(void *ctx)
{
    struct sim *s = ctx;
    return staff_report_format(&s->report, s->content, NULL);
}

/* One wake-up of the live loop at the fake clock. */
static void iterate(struct sim *s, bool dirty)
{
    if (dirty) {
        live_redraw(&s->live);
    }
    struct live_clock clock = {s->now, minute_of_week(s->now), (int)(s->now % SIM_MINUTE)};
    live_step(&s->live, &clock);
}

bool sim_open(struct sim *s, const char *config_path, int width, int height, bool add_hours,
              bool add_pin)
{
    memset(s, 0, sizeof(*s));
    s->config_path = config_path;
    s->add_hours = add_hours;
    s->add_pin = add_pin;
    s->width = width;
    s->height = height;
    /* Headless by default; the environment may still choose (the tests set the same). */
    SDL_SetHint(SDL_HINT_VIDEODRIVER, "dummy");
    SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
    s->content = load(s);
    if (!s->content) {
        return false;
    }
    if (SDL_Init(SDL_INIT_VIDEO) != 0 || !libraries_init()) {
        fprintf(stderr, "soak: cannot start SDL: %s\n", SDL_GetError());
        return false;
    }
    s->window = SDL_CreateWindow("soak", 0, 0, width, height, 0);
    s->sdl = s->window ? SDL_CreateRenderer(s->window, -1, 0) : NULL;
    long reads = handles_live().reads;
    if (!s->sdl || !view_init(&s->view, s->content, s->sdl, width, height)) {
        fprintf(stderr, "soak: cannot draw at %dx%d: %s\n", width, height, SDL_GetError());
        return false;
    }
    pictures_try_all(&s->view.pictures);
    s->stats.load_reads += handles_live().reads - reads;
    struct live_ports ports = {
        .ctx = s,
        .metrics = &s->view.metrics,
        .text_percent = port_text_percent,
        .draw = port_draw,
        .check = port_check,
        .take = port_take,
        .staff_report = port_staff_report,
        .forget = port_forget,
    };
    live_init(&s->live, s->content, &ports, width, height);
    iterate(s, true);
    return true;
}

void sim_close(struct sim *s)
{
    live_finish(&s->live); /* safe if live_init never ran: sim_open zeroed it */
    if (s->sdl) {
        view_finish(&s->view);
        SDL_DestroyRenderer(s->sdl);
    }
    if (s->window) {
        SDL_DestroyWindow(s->window);
    }
    libraries_quit();
    SDL_Quit();
    content_destroy(s->waiting);
    content_destroy(s->content);
    strbuf_finish(&s->report);
    memset(s, 0, sizeof(*s));
}

void sim_advance(struct sim *s, uint64_t until)
{
    if (s->recheck) {
        s->recheck = false;
        iterate(s, false);
    }
    for (;;) {
        uint64_t next = live_deadline(&s->live);
        if (next <= s->now) {
            next = s->now + 1; /* a deadline already due: the loop wakes again at once */
        }
        if (next > until) {
            break;
        }
        s->now = next;
        iterate(s, false);
    }
    if (until > s->now) {
        s->now = until;
    }
}

void sim_pointer(struct sim *s, enum session_input kind, int x, int y)
{
    s->stats.events++;
    live_pointer(&s->live, kind, x, y, s->now);
    iterate(s, false);
}

void sim_resize(struct sim *s, int width, int height)
{
    SDL_SetWindowSize(s->window, width, height);
    SDL_PumpEvents();
    int w, h;
    SDL_GetRendererOutputSize(s->sdl, &w, &h);
    if (w != width || h != height) {
        fprintf(stderr, "soak: asked for %dx%d, the renderer draws %dx%d\n", width, height, w, h);
    }
    s->width = w;
    s->height = h;
    view_resize(&s->view, w, h);
    live_resize(&s->live, w, h);
    s->stats.resizes++;
    iterate(s, true);
}

bool sim_reload(struct sim *s)
{
    struct content *next = load(s);
    if (!next) {
        return false;
    }
    content_destroy(s->waiting);
    s->waiting = next;
    iterate(s, false); /* the loop puts it on screen, between visits */
    return true;
}

bool sim_between_visits(const struct sim *s)
{
    return live_between_visits(&s->live);
}

static void tour_frame(struct sim *s)
{
    view_draw(&s->view, live_layout(&s->live), live_scroll(&s->live));
    SDL_RenderPresent(s->sdl);
    s->stats.tour_frames++;
}

void sim_tour(struct sim *s)
{
    struct session *ses = &s->live.session;
    session_set_open(ses, true);
    for (int i = 0; i < s->content->n_pages; i++) {
        session_preview(ses, SCREEN_PAGE, i, false);
        tour_frame(s);
        if (live_layout(&s->live)->scroll_max > 0) {
            session_scroll_to(ses, s->live.layout.scroll_max);
            tour_frame(s);
        }
    }
    session_preview(ses, SCREEN_PAGE, s->content->menu, true);
    tour_frame(s);
    session_preview(ses, SCREEN_COVER, CONTENT_NONE, false);
    tour_frame(s);
    session_restart(ses, s->now);
    /* Text unused for a few frames leaves the cache (renderer.c): after these, only the
     * welcome screen's text is in it. */
    for (int i = 0; i < 12; i++) {
        tour_frame(s);
    }
    s->recheck = true;
}
