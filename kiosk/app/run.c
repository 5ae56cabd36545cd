/* The live kiosk: a fullscreen window, the clock, and a wait that sleeps until input, the live
 * loop's next deadline (kiosk/core/live.h: timers, a config change, opening hours) or the
 * watchdog's, then lets the loop step. Its ports here draw (turned, on a rotated panel),
 * light the panel and check the config file. */
#define _POSIX_C_SOURCE 200809L

#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "abs_pointer.h"
#include "app.h"
#include "backlight.h"
#include "check_worker.h"
#include "clock_watch.h"
#include "core_dumps.h"
#include "display.h"
#include "input.h"
#include "input_devices.h"
#include "input_wait.h"
#include "libraries.h"
#include "live.h"
#include "live_events.h"
#include "log.h"
#include "notify.h"
#include "schedule.h"
#include "screen_open.h"
#include "signals.h"
#include "staff_report.h"
#include "usb_request.h"
#include "view.h"

#define BACKLIGHT_ROOT "/sys/class/backlight"

/* What woke the watcher thread (the changed event's code). */
enum { CHANGE_FILE, CHANGE_SIGHUP, CHANGE_CLOCK, CHANGE_CHECKED };

struct app {
    SDL_Window *window;
    SDL_Renderer *sdl;
    SDL_Texture *turned; /* the upright picture, when the panel is rotated */
    struct view view;
    struct live live;
    struct live_events events;
    struct content *content; /* on screen, owned */
    struct reload *reload;
    int logical_w, logical_h; /* what the layout sees */
    bool quit;
    Uint32 changed_event; /* pushed by the watcher thread when the config folder changes */
    SDL_Thread *watcher;
    int stop_pipe[2];
    int hup_fd;                  /* SIGHUP's pipe (signals.h), or -1 */
    int clock_fd;                /* readable when the wall clock is set (clock_watch.h), or -1 */
    struct check_worker checker; /* checks changes of the config off the main loop */
    bool checking;               /* ... when it could be started */
    int done_pipe[2];            /* the checker writes here when a result is ready */
    int max_texture_w, max_texture_h; /* the renderer's, for the checker's pictures (fixed) */
    struct input_wait waiter;         /* on the bare display: see sleep_until() */
    bool wait_on_devices;
    struct abs_pointers absolute; /* on the bare display: pointers SDL would misread */
    struct strbuf report;         /* the staff menu's status */
    char notice[256];
};

/* ---- screen size and rotation ------------------------------------------------------------ */

static void measure(struct app *a)
{
    int ow, oh, ww, wh;
    SDL_GetRendererOutputSize(a->sdl, &ow, &oh);
    SDL_GetWindowSize(a->window, &ww, &wh);
    a->events.scale_x = ww > 0 ? (float)ow / (float)ww : 1.0f;
    a->events.scale_y = wh > 0 ? (float)oh / (float)wh : 1.0f;
    a->events.panel_w = ow;
    a->events.panel_h = oh;
    display_logical_size(&a->content->display, ow, oh, &a->logical_w, &a->logical_h);
    if (a->turned) {
        SDL_DestroyTexture(a->turned);
        a->turned = NULL;
    }
    if (a->content->display.rotation != 0) {
        a->turned = SDL_CreateTexture(a->sdl, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET,
                                      a->logical_w, a->logical_h);
        if (!a->turned) {
            log_error("cannot rotate the screen (%s); showing it unrotated", SDL_GetError());
            a->logical_w = ow;
            a->logical_h = oh;
        }
    }
    view_resize(&a->view, a->logical_w, a->logical_h);
    live_resize(&a->live, a->logical_w, a->logical_h);
}

/* ---- the live loop's ports ------------------------------------------------------------------ */

static void port_text_percent(void *ctx, int percent)
{
    struct app *a = ctx;
    view_set_text_percent(&a->view, percent);
}

static void port_draw(void *ctx, const struct layout *layout, int scroll)
{
    struct app *a = ctx;
    if (!a->turned) {
        view_draw(&a->view, layout, scroll);
    } else {
        /* KMSDRM cannot rotate: draw upright into a texture, then turn it onto the panel. */
        SDL_SetRenderTarget(a->sdl, a->turned);
        view_draw(&a->view, layout, scroll);
        SDL_SetRenderTarget(a->sdl, NULL);
        SDL_SetRenderDrawColor(a->sdl, 0, 0, 0, 255);
        SDL_RenderClear(a->sdl);
        int pw = a->events.panel_w, ph = a->events.panel_h;
        SDL_Rect dst = {(pw - a->logical_w) / 2, (ph - a->logical_h) / 2, a->logical_w,
                        a->logical_h};
        SDL_RenderCopyEx(a->sdl, a->turned, NULL, &dst, a->content->display.rotation, NULL,
                         SDL_FLIP_NONE);
    }
    SDL_RenderPresent(a->sdl);
}

static void port_light(void *ctx, bool on)
{
    (void)ctx;
    backlight_set(BACKLIGHT_ROOT, on);
}

/* Staff's "reload now" checks at once, here (staff mode has no Quick exit to wait); a change
 * of the file is checked on the worker thread, and its result taken in at a later step. */
static bool port_check(void *ctx, uint64_t now, bool force)
{
    struct app *a = ctx;
    if (force || !a->checking) {
        bool found = reload_check(a->reload, now, force);
        return force ? found : a->reload->pending != NULL;
    }
    struct reload_check_result result;
    if (check_worker_take(&a->checker, &result)) {
        reload_check_apply(a->reload, &result, now, false);
    }
    if (!check_worker_busy(&a->checker) && reload_check_due(a->reload, now)) {
        check_worker_ask(&a->checker);
    }
    return a->reload->pending != NULL;
}

static uint64_t port_check_deadline(void *ctx)
{
    struct app *a = ctx;
    /* While a check runs, its end wakes the loop (done_pipe); a change that settles meanwhile
     * waits for it. */
    if (a->checking && check_worker_busy(&a->checker)) {
        return RELOAD_NO_DEADLINE;
    }
    return reload_deadline(a->reload);
}

/* Puts the waiting content on screen in place of the current one; keeps the old if it fails. */
static const struct content *port_take(void *ctx)
{
    struct app *a = ctx;
    void *pictures = NULL;
    struct content *next = reload_take_prepared(a->reload, &pictures);
    if (!next) {
        return a->content;
    }
    struct content *old = a->content;
    view_finish(&a->view);
    a->content = next;
    if (!view_init(&a->view, next, a->sdl, a->logical_w, a->logical_h)) {
        log_error("cannot show the new content (no font opens); keeping the old content");
        reload_not_shown(a->reload);
        pictures_batch_free(pictures);
        content_destroy(next);
        a->content = old;
        view_init(&a->view, old, a->sdl, a->logical_w, a->logical_h);
    } else {
        content_destroy(old);
        /* Decoded by the checking thread: nothing is read or decoded here. */
        pictures_adopt(&a->view.pictures, pictures);
        log_info("now showing the new content: %d pages%s%s%s", next->n_pages,
                 next->version ? ", version \"" : "", next->version ? next->version : "",
                 next->version ? "\"" : "");
    }
    measure(a); /* the new file may rotate the panel differently */
    return a->content;
}

/* On the checking thread, once new content checks OK: its pictures, read and decoded, so the
 * main loop only turns them into textures when the content goes on screen. */
static void *prepare_pictures(void *ctx, const struct content *content)
{
    const struct app *a = ctx;
    return pictures_load_batch(content, a->max_texture_w, a->max_texture_h);
}

static void discard_pictures(void *prepared)
{
    pictures_batch_free(prepared);
}

/* SDL keeps an error message per thread; only threads SDL made free it by themselves. */
static void checker_done(void *ctx)
{
    (void)ctx;
    SDL_TLSCleanup();
}

static void port_forget(void *ctx)
{
    struct app *a = ctx;
    view_forget(&a->view);
}

static const char *port_staff_report(void *ctx)
{
    struct app *a = ctx;
    return staff_report_format(&a->report, a->content, a->reload);
}

static bool port_can_go_back(void *ctx)
{
    struct app *a = ctx;
    return a->reload && usb_request_can_go_back(a->reload);
}

static void port_go_back(void *ctx)
{
    struct app *a = ctx;
    if (a->reload) {
        usb_request_go_back(a->reload);
    }
}

static void start_live(struct app *a)
{
    struct live_ports ports = {
        .ctx = a,
        .metrics = &a->view.metrics,
        .text_percent = port_text_percent,
        .draw = port_draw,
        .light = port_light,
        .check = port_check,
        .check_deadline = port_check_deadline,
        .take = port_take,
        .staff_report = port_staff_report,
        .can_go_back = port_can_go_back,
        .go_back = port_go_back,
        .forget = port_forget,
    };
    live_init(&a->live, a->content, &ports, a->logical_w, a->logical_h);
}

/* Waits for the config folder to change, or for SIGHUP, and wakes the main loop; the loop itself
 * sleeps in SDL_WaitEventTimeout, which cannot wait on a file descriptor (or, on the bare
 * display, on the input devices: then a byte on the wake-up pipe wakes it too). */
static int watch_thread(void *data)
{
    struct app *k = data;
    /* poll() skips a descriptor of -1: no inotify, or no SIGHUP pipe. */
    struct pollfd fds[5] = {{reload_fd(k->reload), POLLIN, 0},
                            {k->stop_pipe[0], POLLIN, 0},
                            {k->hup_fd, POLLIN, 0},
                            {k->clock_fd, POLLIN, 0},
                            {k->done_pipe[0], POLLIN, 0}};
    for (;;) {
        if (poll(fds, 5, -1) < 0) {
            continue;
        }
        if (fds[1].revents) {
            return 0;
        }
        bool changed = (fds[0].revents & POLLIN) && reload_drain_events(fds[0].fd);
        bool hup = (fds[2].revents & POLLIN) && signals_drain(fds[2].fd);
        bool clock = (fds[3].revents & POLLIN) && clock_watch_fired(fds[3].fd);
        bool checked = (fds[4].revents & POLLIN) && signals_drain(fds[4].fd);
        if (changed || hup || clock || checked) {
            SDL_Event e;
            SDL_zero(e);
            e.type = k->changed_event;
            e.user.code = hup       ? CHANGE_SIGHUP
                          : changed ? CHANGE_FILE
                          : clock   ? CHANGE_CLOCK
                                    : CHANGE_CHECKED;
            SDL_PushEvent(&e);
            if (k->wait_on_devices) {
                ssize_t w = write(input_wait_wake_fd(&k->waiter), "c", 1);
                (void)w; /* a full pipe is awake already */
            }
        }
    }
}

static void start_watching(struct app *k)
{
    k->stop_pipe[0] = k->stop_pipe[1] = -1;
    k->done_pipe[0] = k->done_pipe[1] = -1;
    k->hup_fd = k->clock_fd = -1;
    k->changed_event = SDL_RegisterEvents(1);
    if (k->changed_event == (Uint32)-1 || pipe(k->stop_pipe) != 0) {
        return;
    }
    bool watching = reload_watch(k->reload); /* logged when it cannot */
    k->hup_fd = signals_watch_hup();
    k->clock_fd = clock_watch_open(); /* cheap; new content may bring opening hours */
    k->watcher = SDL_CreateThread(watch_thread, "config-watch", k);
    if (!k->watcher) {
        log_warn("cannot start the thread that watches the config (%s)%s", SDL_GetError(),
                 watching ? "; changes to it are not noticed" : "");
        return;
    }
    /* The checker's results reach the loop through the watcher thread: it needs that one. */
    if (pipe(k->done_pipe) == 0) {
        for (int i = 0; i < 2; i++) {
            fcntl(k->done_pipe[i], F_SETFL, O_NONBLOCK);
        }
        k->checking = check_worker_start(&k->checker, k->reload, k->done_pipe[1]);
        check_worker_prepare(&k->checker, prepare_pictures, discard_pictures, checker_done, k);
    }
}

static void stop_watching(struct app *k)
{
    if (k->checking) {
        check_worker_stop(&k->checker); /* after the check it is running, if any */
        k->checking = false;
    }
    if (k->watcher) {
        ssize_t w = write(k->stop_pipe[1], "x", 1);
        (void)w;
        SDL_WaitThread(k->watcher, NULL);
    }
    if (k->hup_fd >= 0) {
        signals_unwatch_hup();
    }
    clock_watch_close(k->clock_fd);
    for (int i = 0; i < 2; i++) {
        if (k->done_pipe[i] >= 0) {
            close(k->done_pipe[i]);
        }
    }
    for (int i = 0; i < 2; i++) {
        if (k->stop_pipe[i] >= 0) {
            close(k->stop_pipe[i]);
        }
    }
}

/* ---- the clock ----------------------------------------------------------------------------- */

/* Monotonic time for timers; local wall time for opening hours. */
static struct live_clock clock_now(void)
{
    struct live_clock c;
    c.ms = SDL_GetTicks64();
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    struct tm tm;
    localtime_r(&ts.tv_sec, &tm);
    c.minute_of_week = schedule_minute_of_week(tm.tm_wday, tm.tm_hour, tm.tm_min);
    c.ms_into_minute = tm.tm_sec * 1000 + (int)(ts.tv_nsec / 1000000);
    return c;
}

/* ---- events ------------------------------------------------------------------------------ */

static void handle(struct app *k, const SDL_Event *e)
{
    uint64_t now = SDL_GetTicks64();
    if (e->type == k->changed_event) {
        if (e->user.code == CHANGE_CLOCK) {
            log_info("the clock was set; the opening hours follow it");
            return; /* the loop's next step looks at the hours on the new time */
        }
        if (e->user.code == CHANGE_CHECKED) {
            return; /* the loop's next step takes the result in (port_check) */
        }
        if (e->user.code == CHANGE_SIGHUP) {
            log_info("SIGHUP: reading %s again", k->reload->path);
        }
        reload_note_change(k->reload, now);
        return;
    }
    switch (live_events_handle(&k->events, &k->live, e, now)) {
    case LIVE_EVENT_QUIT:
        k->quit = true;
        break;
    case LIVE_EVENT_RESIZED:
        measure(k);
        live_redraw(&k->live);
        break;
    case LIVE_EVENT_DONE:
        break;
    }
}

/* What the absolute pointers the kiosk reads itself have said since the last time, and any
 * such pointer plugged in since. */
static void read_absolute(struct app *k)
{
    struct abs_event a;
    while (abs_pointers_read(&k->absolute, &a)) {
        struct pointer_event p;
        if (input_translate_absolute(&k->events.input, a.kind, a.x, a.y, k->events.panel_w,
                                     k->events.panel_h, &p)) {
            live_events_pointer(&k->events, &k->live, &p, SDL_GetTicks64());
        }
    }
    if (k->waiter.devices_changed) {
        k->waiter.devices_changed = false;
        abs_pointers_rescan(&k->absolute);
    }
}

/* On the bare display SDL reads /dev/input itself and says nothing when it may not: check. */
static void check_input(struct app *k)
{
    if (!screen_is_bare_display()) {
        return; /* X11 and Wayland hand input over themselves */
    }
    char why[200];
    if (input_devices_report("/dev/input", why, sizeof(why)) == 0) {
        log_error("no touch screen or mouse can be read: %s", why);
        SDL_snprintf(k->notice, sizeof(k->notice), "No touch screen found: %s.", why);
        live_set_notice(&k->live, k->notice);
    }
}

static int timeout_until(uint64_t deadline, uint64_t now)
{
    if (deadline == LIVE_NO_DEADLINE) {
        return -1;
    }
    return deadline <= now ? 0 : deadline - now > INT_MAX ? INT_MAX : (int)(deadline - now);
}

/* Sleeps until an event or `timeout_ms` (-1: none); true with the first event in `e`. Under X11
 * and Wayland SDL sleeps on the display connection itself. On the bare display SDL 2.26 can only
 * poll every millisecond, so the kiosk sleeps on the input devices instead (input_wait.h). */
static bool sleep_until(struct app *k, SDL_Event *e, int timeout_ms)
{
    if (!k->wait_on_devices) {
        return SDL_WaitEventTimeout(e, timeout_ms);
    }
    if (SDL_PollEvent(e)) {
        return true;
    }
    int fds[ABS_POINTER_DEVICES];
    input_wait_watch(&k->waiter, fds, abs_pointers_fds(&k->absolute, fds, ABS_POINTER_DEVICES));
    input_wait_sleep(&k->waiter, timeout_ms);
    return SDL_PollEvent(e);
}

/* The window, the wait and the clock; everything else is the live loop's (kiosk/core/live.h). */
static void loop(struct app *k)
{
    uint64_t ping_every = notify_watchdog_interval(), last_ping = 0;
    bool ready = false;
    while (!k->quit) {
        struct live_clock clock = clock_now();
        live_step(&k->live, &clock);
        /* Content drawn for the first time becomes the last good copy only now. */
        reload_shown(k->reload);
        if (!ready) {
            /* The first frame is on the screen now: on KMSDRM the first present sets the
             * display's mode with it and returns once it shows (screen_open.c makes sure SDL
             * does not throw that frame away). */
            notify_send("READY=1");
            ready = true;
        }
        /* Once the first frame is up, and before any touch is handled: a picture that cannot
         * be loaded is named at start, never while a visitor looks (cheap after the first). */
        pictures_try_all(&k->view.pictures);
        uint64_t now = SDL_GetTicks64();
        if (ping_every && now - last_ping >= ping_every) {
            notify_send("WATCHDOG=1"); /* the loop is alive: systemd need not restart it */
            last_ping = now;
        }
        uint64_t deadline = live_deadline(&k->live);
        if (ping_every && last_ping + ping_every < deadline) {
            deadline = last_ping + ping_every;
        }
        SDL_Event e;
        if (sleep_until(k, &e, timeout_until(deadline, now))) {
            handle(k, &e);
            while (!k->quit && SDL_PollEvent(&e)) {
                handle(k, &e);
            }
        }
        if (k->wait_on_devices) {
            read_absolute(k);
        }
    }
}

int app_run(struct reload *reload, struct content *content, bool windowed, int width, int height)
{
    /* One tap must count once: touches do not also arrive as mouse clicks. (Mouse clicks that
     * SDL copies as touches are dropped in input.c.) */
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
    SDL_SetHint(SDL_HINT_QUIT_ON_LAST_WINDOW_CLOSE, "0");
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
    SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "0");
    /* Under X, SDL opens an input method, and Xlib parses the locale's whole Compose table for
     * it (a sixth of the start-up under Xvfb). The kiosk reads no typed text: give it none. */
    setenv("XCOMPOSEFILE", "/dev/null", 0);
    /* Mesa keeps compiled shaders in a cache under $XDG_CACHE_HOME or ~/.cache, and fills it
     * the first time a visit reaches a new kind of screen: a file written during a visit, with
     * its time, on the SD card. The kiosk's few shaders compile in milliseconds; no cache. */
    setenv("MESA_SHADER_CACHE_DISABLE", "true", 1);
    signals_ignore_stray(); /* before SDL, which installs its own for SIGTERM and SIGINT only */
    core_dumps_forbid();    /* before anything of a visit is in memory */
    struct app k;
    SDL_memset(&k, 0, sizeof(k));
    k.content = content;
    k.reload = reload;
    if (screen_bare_display_requested()) {
        /* The service may start before udev has looked at every input device (it starts as
         * early in boot as the display allows): give udev a moment, or SDL would ignore them. */
        int missing = input_devices_wait_for_udev("/dev/input", "/run/udev/data", 5000);
        if (missing > 0) {
            log_warn("udev has not described %d input device%s after 5 s; SDL may not read "
                     "%s",
                     missing, missing == 1 ? "" : "s", missing == 1 ? "it" : "them");
        }
    }
    if (!screen_start_video()) {
        content_destroy(k.content);
        return 1;
    }
    int status = 1;
    if (!libraries_init()) {
        goto out_sdl;
    }
    if (!screen_open(windowed, width, height, &k.window, &k.sdl)) {
        goto out_libs;
    }
    SDL_DisableScreenSaver();
    int ow, oh;
    SDL_GetRendererOutputSize(k.sdl, &ow, &oh);
    display_logical_size(&content->display, ow, oh, &k.logical_w, &k.logical_h);
    if (!view_init(&k.view, content, k.sdl, k.logical_w, k.logical_h)) {
        goto out_renderer;
    }
    live_events_init(&k.events, ow, oh, windowed);
    start_live(&k);
    k.max_texture_w = k.view.pictures.max_texture_w;
    k.max_texture_h = k.view.pictures.max_texture_h;
    measure(&k);
    check_input(&k);
    k.wait_on_devices = screen_is_bare_display() && input_wait_open(&k.waiter, "/dev/input");
    if (k.wait_on_devices) {
        abs_pointers_open(&k.absolute, "/dev/input");
    }
    start_watching(&k);
    SDL_RendererInfo info;
    SDL_GetRendererInfo(k.sdl, &info);
    log_info("showing %d pages of %s%s%s%s at %dx%d, rotated %d (video %s, renderer %s)",
             content->n_pages, reload_source_name(reload->source),
             content->version ? ", version \"" : "", content->version ? content->version : "",
             content->version ? "\"" : "", k.logical_w, k.logical_h, content->display.rotation,
             SDL_GetCurrentVideoDriver(), info.name);

    loop(&k);
    log_info("stopping");
    status = 0;
    stop_watching(&k);
    if (k.wait_on_devices) {
        abs_pointers_close(&k.absolute);
        input_wait_close(&k.waiter);
    }
    if (!k.live.lit) {
        backlight_set(BACKLIGHT_ROOT, true); /* whatever runs next should be seen */
    }
    live_finish(&k.live);
    strbuf_finish(&k.report);
    view_finish(&k.view);
    if (k.turned) {
        SDL_DestroyTexture(k.turned);
    }
out_renderer:
    SDL_DestroyRenderer(k.sdl);
    SDL_DestroyWindow(k.window);
out_libs:
    libraries_quit();
out_sdl:
    SDL_Quit();
    content_destroy(k.content);
    return status;
}
