/* The live kiosk: a fullscreen window, and a loop that sleeps until input, the session's next
 * deadline, a config change or the next opening-hours boundary, then draws only if something
 * changed. Between visits it switches to new content; outside opening hours it goes black. */
#define _POSIX_C_SOURCE 200809L

#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <limits.h>
#include <poll.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "abs_pointer.h"
#include "app.h"
#include "backlight.h"
#include "display.h"
#include "input.h"
#include "input_devices.h"
#include "input_wait.h"
#include "log.h"
#include "notify.h"
#include "screen_open.h"
#include "staff_report.h"
#include "view.h"

#define BACKLIGHT_ROOT "/sys/class/backlight"

struct live {
    SDL_Window *window;
    SDL_Renderer *sdl;
    SDL_Texture *turned; /* the upright picture, when the panel is rotated */
    struct view view;
    struct input input;
    struct content *content; /* on screen, owned */
    struct reload *reload;
    int panel_w, panel_h;     /* output pixels */
    int logical_w, logical_h; /* what the layout sees */
    bool windowed;
    bool quit;
    bool dirty;
    bool dark; /* the backlight is off */
    float scale_x, scale_y; /* window coordinates to output pixels (HiDPI) */
    Uint32 changed_event;   /* pushed by the watcher thread when the config folder changes */
    SDL_Thread *watcher;
    int stop_pipe[2];
    struct input_wait waiter; /* on the bare display: see sleep_until() */
    bool wait_on_devices;
    struct abs_pointers absolute; /* on the bare display: pointers SDL would misread */
    char report[2048];
    char notice[256];
};

/* ---- screen size and rotation ------------------------------------------------------------ */

static void measure(struct live *k)
{
    int ow, oh, ww, wh;
    SDL_GetRendererOutputSize(k->sdl, &ow, &oh);
    SDL_GetWindowSize(k->window, &ww, &wh);
    k->scale_x = ww > 0 ? (float)ow / (float)ww : 1.0f;
    k->scale_y = wh > 0 ? (float)oh / (float)wh : 1.0f;
    k->panel_w = ow;
    k->panel_h = oh;
    display_logical_size(&k->content->display, ow, oh, &k->logical_w, &k->logical_h);
    if (k->turned) {
        SDL_DestroyTexture(k->turned);
        k->turned = NULL;
    }
    if (k->content->display.rotation != 0) {
        k->turned = SDL_CreateTexture(k->sdl, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET,
                                      k->logical_w, k->logical_h);
        if (!k->turned) {
            log_error("cannot rotate the screen (%s); showing it unrotated", SDL_GetError());
            k->logical_w = ow;
            k->logical_h = oh;
        }
    }
    view_resize(&k->view, k->logical_w, k->logical_h);
}

static void present(struct live *k)
{
    if (session_in_staff_mode(&k->view.session)) {
        staff_report_format(k->report, sizeof(k->report), k->content, k->reload);
    }
    if (!k->turned) {
        view_draw(&k->view);
    } else {
        /* KMSDRM cannot rotate: draw upright into a texture, then turn it onto the panel. */
        SDL_SetRenderTarget(k->sdl, k->turned);
        view_draw(&k->view);
        SDL_SetRenderTarget(k->sdl, NULL);
        SDL_SetRenderDrawColor(k->sdl, 0, 0, 0, 255);
        SDL_RenderClear(k->sdl);
        SDL_Rect dst = {(k->panel_w - k->logical_w) / 2, (k->panel_h - k->logical_h) / 2,
                        k->logical_w, k->logical_h};
        SDL_RenderCopyEx(k->sdl, k->turned, NULL, &dst, k->content->display.rotation, NULL,
                         SDL_FLIP_NONE);
    }
    SDL_RenderPresent(k->sdl);
}

/* ---- content: the first, and new content between visits ---------------------------------- */

static void attach(struct live *k)
{
    k->view.session.staff_report = k->report;
    k->view.session.notice = k->notice[0] ? k->notice : NULL;
}

/* Puts `next` on screen in place of the current content; keeps the old one if it fails. */
static void switch_content(struct live *k, struct content *next, bool staff)
{
    bool open = k->view.session.open;
    struct content *old = k->content;
    view_finish(&k->view);
    k->content = next;
    if (!view_init(&k->view, next, k->sdl, k->logical_w, k->logical_h)) {
        log_error("cannot show the new content (no font opens); keeping the old content");
        content_destroy(next);
        k->content = old;
        view_init(&k->view, old, k->sdl, k->logical_w, k->logical_h);
    } else {
        content_destroy(old);
        log_info("now showing the new content: %d pages", next->n_pages);
    }
    measure(k); /* the new file may rotate the panel differently */
    attach(k);
    session_set_open(&k->view.session, open);
    if (staff) {
        k->view.session.screen = SCREEN_STAFF;
        k->view.session.staff.since = SDL_GetTicks64();
    }
    k->dirty = true;
}

static bool between_visits(const struct session *s)
{
    return (s->screen == SCREEN_WELCOME || s->screen == SCREEN_ASLEEP) && !s->pointer.down;
}

static void check_reload(struct live *k, uint64_t now)
{
    struct session *s = &k->view.session;
    if (s->reload_requested) {
        s->reload_requested = false;
        k->dirty = true;
        if (reload_check(k->reload, now, true)) {
            switch_content(k, reload_take(k->reload), true);
        }
        return;
    }
    reload_check(k->reload, now, false);
    if (k->reload->pending && between_visits(s)) {
        switch_content(k, reload_take(k->reload), false);
    }
}

/* Waits for the config folder to change and wakes the main loop; the loop itself sleeps in
 * SDL_WaitEventTimeout, which cannot wait on a file descriptor (or, on the bare display, on the
 * input devices: then a byte on the wake-up pipe wakes it too). */
static int watch_thread(void *data)
{
    struct live *k = data;
    struct pollfd fds[2] = {{reload_fd(k->reload), POLLIN, 0}, {k->stop_pipe[0], POLLIN, 0}};
    for (;;) {
        if (poll(fds, 2, -1) < 0) {
            continue;
        }
        if (fds[1].revents) {
            return 0;
        }
        if ((fds[0].revents & POLLIN) && reload_drain_events(fds[0].fd)) {
            SDL_Event e;
            SDL_zero(e);
            e.type = k->changed_event;
            SDL_PushEvent(&e);
            if (k->wait_on_devices) {
                ssize_t w = write(input_wait_wake_fd(&k->waiter), "c", 1);
                (void)w; /* a full pipe is awake already */
            }
        }
    }
}

static void start_watching(struct live *k)
{
    k->stop_pipe[0] = k->stop_pipe[1] = -1;
    k->changed_event = SDL_RegisterEvents(1);
    if (k->changed_event == (Uint32)-1 || !reload_watch(k->reload) || pipe(k->stop_pipe) != 0) {
        return;
    }
    k->watcher = SDL_CreateThread(watch_thread, "config-watch", k);
}

static void stop_watching(struct live *k)
{
    if (k->watcher) {
        ssize_t w = write(k->stop_pipe[1], "x", 1);
        (void)w;
        SDL_WaitThread(k->watcher, NULL);
    }
    for (int i = 0; i < 2; i++) {
        if (k->stop_pipe[i] >= 0) {
            close(k->stop_pipe[i]);
        }
    }
}

/* ---- opening hours ------------------------------------------------------------------------- */

/* Whether the clock is inside opening hours; `ms_to_change` is when that next changes. */
static bool open_now(const struct content *c, uint64_t *ms_to_change)
{
    time_t t = time(NULL);
    struct tm tm;
    localtime_r(&t, &tm);
    int minute = schedule_minute_of_week(tm.tm_wday, tm.tm_hour, tm.tm_min);
    int left = schedule_minutes_to_change(&c->schedule, minute);
    *ms_to_change = left < 0 ? UINT64_MAX : ((uint64_t)left * 60u - (uint64_t)tm.tm_sec) * 1000u;
    return schedule_is_open(&c->schedule, minute);
}

/* ---- events ------------------------------------------------------------------------------ */

/* A touch, click or pointer event in panel pixels. */
static void pointer(struct live *k, const struct pointer_event *p)
{
    /* Touch follows rotation: the same transform as the picture, inverted. */
    int x, y;
    display_map_point(&k->content->display, k->panel_w, k->panel_h, p->x, p->y, &x, &y);
    if (view_pointer(&k->view, p->kind, x, y, SDL_GetTicks64())) {
        k->dirty = true;
    }
}

static void handle(struct live *k, const SDL_Event *e)
{
    if (e->type == k->changed_event) {
        reload_note_change(k->reload, SDL_GetTicks64());
        return;
    }
    if (input_ends_kiosk(e, k->windowed)) {
        k->quit = true;
        return;
    }
    switch (e->type) {
    case SDL_WINDOWEVENT:
        switch (e->window.event) {
        case SDL_WINDOWEVENT_SIZE_CHANGED:
            measure(k);
            k->dirty = true;
            break;
        case SDL_WINDOWEVENT_EXPOSED:
            k->dirty = true;
            break;
        default:
            break;
        }
        return;
    default:
        break;
    }
    struct pointer_event p;
    if (input_translate(&k->input, e, k->panel_w, k->panel_h, k->scale_x, k->scale_y, &p)) {
        pointer(k, &p);
    }
    /* Keys are ignored on purpose: Escape, Alt+F4, Ctrl+Q and the rest do nothing here. */
}

/* What the absolute pointers the kiosk reads itself have said since the last time, and any
 * such pointer plugged in since. */
static void read_absolute(struct live *k)
{
    struct abs_event a;
    while (abs_pointers_read(&k->absolute, &a)) {
        struct pointer_event p;
        if (input_translate_absolute(&k->input, a.kind, a.x, a.y, k->panel_w, k->panel_h, &p)) {
            pointer(k, &p);
        }
    }
    if (k->waiter.devices_changed) {
        k->waiter.devices_changed = false;
        abs_pointers_rescan(&k->absolute);
    }
}

/* On the bare display SDL reads /dev/input itself and says nothing when it may not: check. */
static void check_input(struct live *k)
{
    if (!screen_is_bare_display()) {
        return; /* X11 and Wayland hand input over themselves */
    }
    char why[200];
    if (input_devices_report("/dev/input", why, sizeof(why)) == 0) {
        log_error("no touch screen or mouse can be read: %s", why);
        SDL_snprintf(k->notice, sizeof(k->notice), "No touch screen found: %s.", why);
    }
}

static int timeout_until(uint64_t deadline, uint64_t now)
{
    if (deadline == UINT64_MAX) {
        return -1;
    }
    return deadline <= now ? 0 : deadline - now > INT_MAX ? INT_MAX : (int)(deadline - now);
}

static uint64_t min_u64(uint64_t a, uint64_t b)
{
    return a < b ? a : b;
}

/* Sleeps until an event or `timeout_ms` (-1: none); true with the first event in `e`. Under X11
 * and Wayland SDL sleeps on the display connection itself. On the bare display SDL 2.26 can only
 * poll every millisecond, so the kiosk sleeps on the input devices instead (input_wait.h). */
static bool sleep_until(struct live *k, SDL_Event *e, int timeout_ms)
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

static void loop(struct live *k)
{
    uint64_t ping_every = notify_watchdog_interval(), last_ping = 0;
    bool ready = false;
    while (!k->quit) {
        uint64_t now = SDL_GetTicks64();
        uint64_t to_change;
        if (session_set_open(&k->view.session, open_now(k->content, &to_change))) {
            k->dirty = true;
        }
        if (session_tick(&k->view.session, now)) {
            k->dirty = true;
        }
        check_reload(k, now);
        bool dark = k->view.session.screen == SCREEN_ASLEEP;
        if (dark != k->dark) {
            backlight_set(BACKLIGHT_ROOT, !dark);
            k->dark = dark;
        }
        if (k->dirty || session_in_staff_mode(&k->view.session)) {
            present(k);
            k->dirty = false;
        }
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
        now = SDL_GetTicks64();
        if (ping_every && now - last_ping >= ping_every) {
            notify_send("WATCHDOG=1"); /* the loop is alive: systemd need not restart it */
            last_ping = now;
        }
        uint64_t deadline = session_deadline(&k->view.session);
        deadline = min_u64(deadline, reload_deadline(k->reload));
        if (to_change != UINT64_MAX) {
            deadline = min_u64(deadline, now + to_change);
        }
        if (ping_every) {
            deadline = min_u64(deadline, last_ping + ping_every);
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

int app_run(struct reload *reload, struct content *content, bool windowed, int width,
            int height)
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
    struct live k;
    SDL_memset(&k, 0, sizeof(k));
    k.content = content;
    k.reload = reload;
    k.windowed = windowed;
    if (screen_bare_display_requested()) {
        /* The service may start before udev has looked at every input device (it starts as
         * early in boot as the display allows): give udev a moment, or SDL would ignore them. */
        int missing = input_devices_wait_for_udev("/dev/input", "/run/udev/data", 5000);
        if (missing > 0) {
            log_warn("udev has not described %d input device%s after 5 s; SDL may not read "
                     "%s", missing, missing == 1 ? "" : "s", missing == 1 ? "it" : "them");
        }
    }
    if (!screen_start_video()) {
        content_destroy(k.content);
        return 1;
    }
    int status = 1;
    if (!app_init_libraries()) {
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
    measure(&k);
    check_input(&k);
    k.wait_on_devices = screen_is_bare_display() && input_wait_open(&k.waiter, "/dev/input");
    if (k.wait_on_devices) {
        abs_pointers_open(&k.absolute, "/dev/input");
    }
    attach(&k);
    start_watching(&k);
    SDL_RendererInfo info;
    SDL_GetRendererInfo(k.sdl, &info);
    log_info("showing %d pages at %dx%d, rotated %d (video %s, renderer %s)", content->n_pages,
             k.logical_w, k.logical_h, content->display.rotation, SDL_GetCurrentVideoDriver(),
             info.name);

    k.dirty = true;
    loop(&k);
    log_info("stopping");
    status = 0;
    stop_watching(&k);
    if (k.wait_on_devices) {
        abs_pointers_close(&k.absolute);
        input_wait_close(&k.waiter);
    }
    if (k.dark) {
        backlight_set(BACKLIGHT_ROOT, true); /* whatever runs next should be seen */
    }
    view_finish(&k.view);
    if (k.turned) {
        SDL_DestroyTexture(k.turned);
    }
out_renderer:
    SDL_DestroyRenderer(k.sdl);
    SDL_DestroyWindow(k.window);
out_libs:
    app_quit_libraries();
out_sdl:
    SDL_Quit();
    content_destroy(k.content);
    return status;
}
