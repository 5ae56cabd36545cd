#define _POSIX_C_SOURCE 200809L

#include "screen_open.h"

#include <signal.h>
#include <stdlib.h>
#include <time.h>

#include "log.h"
#include "notify.h"

bool screen_is_bare_display(void)
{
    const char *driver = SDL_GetCurrentVideoDriver();
    return driver && SDL_strcasecmp(driver, "KMSDRM") == 0;
}

/* Only then is a missing display worth waiting for: under X or Wayland it means the session is
 * gone. */
bool screen_bare_display_requested(void)
{
    const char *driver = getenv("SDL_VIDEODRIVER");
    return driver && SDL_strcasecmp(driver, "kmsdrm") == 0;
}

/* One try at SDL_Init, with SIGTERM and SIGINT held back while SDL sets up its own handlers for
 * them (which turn them into SDL_QUIT). A stop signal that comes meanwhile is delivered when
 * they are let go: to SDL's handler if video started, else to the default action, which ends
 * the process. Either way it is not lost. */
static bool try_video(void)
{
    sigset_t stops, before;
    sigemptyset(&stops);
    sigaddset(&stops, SIGTERM);
    sigaddset(&stops, SIGINT);
    sigprocmask(SIG_BLOCK, &stops, &before);
    bool ok = SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) == 0;
    if (!ok) {
        SDL_Quit(); /* nothing half-started; the default signal actions are back */
    }
    sigprocmask(SIG_SETMASK, &before, NULL);
    return ok;
}

static void sleep_ms(long ms)
{
    struct timespec t = {ms / 1000, (ms % 1000) * 1000000L};
    while (nanosleep(&t, &t) != 0) {
    }
}

bool screen_start_video(void)
{
    if (try_video()) {
        return true;
    }
    if (!screen_bare_display_requested()) {
        log_error("cannot open the display: %s", SDL_GetError());
        return false;
    }
    /* At boot the kiosk may start before the DRM driver has probed the display, or before udev
     * has let the video group open it. Try again every 100 ms for the first 10 s (the display
     * usually comes within a second or two, and each try costs well under a millisecond), then
     * every second: a screen switched on or plugged in later still comes up. */
    log_warn("no display yet (%s); waiting for one", SDL_GetError());
    notify_send("STATUS=Waiting for the display");
    long waited = 0, last_report = 0, last_log = 0;
    for (;;) {
        long step = waited < 10000 ? 100 : 1000;
        sleep_ms(step);
        waited += step;
        if (try_video()) {
            log_info("the display is ready after %.1f s of waiting", (double)waited / 1000.0);
            notify_send("STATUS=");
            return true;
        }
        if (waited - last_report >= 5000) {
            /* Still starting, not hung: push the start timeout and the watchdog back. */
            notify_send("EXTEND_TIMEOUT_USEC=20000000");
            notify_send("WATCHDOG=1");
            last_report = waited;
        }
        if (waited - last_log >= 60000) {
            log_warn("still no display after %ld s (%s); waiting", waited / 1000, SDL_GetError());
            last_log = waited;
        }
    }
}

static SDL_Window *open_window(bool windowed, int width, int height)
{
    if (windowed) {
        return SDL_CreateWindow("Kiosk", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, width,
                                height, SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    }
    SDL_DisplayMode mode;
    if (SDL_GetDesktopDisplayMode(0, &mode) != 0) {
        mode.w = width;
        mode.h = height;
    }
    /* A borderless window the size of the display, without SDL's fullscreen flags, where that
     * covers the screen:
     * - On X11 it comes up far faster than SDL's fullscreen mode (no mode switch).
     * - On KMSDRM every window covers the display at the mode nearest its size. Asking for
     *   fullscreen as well makes SDL 2.26 mark the window's buffers for re-creation right after
     *   making them, and the first frame drawn is thrown away with them: the screen stayed
     *   black until something else was drawn.
     * Elsewhere (Wayland) fullscreen is the only way to cover the screen. */
    Uint32 flags = SDL_WINDOW_BORDERLESS;
    const char *driver = SDL_GetCurrentVideoDriver();
    if (SDL_strcmp(driver, "x11") != 0 && !screen_is_bare_display()) {
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    }
    return SDL_CreateWindow("Kiosk", 0, 0, mode.w, mode.h, flags);
}

/* The render driver, chosen for the display path rather than left to SDL, whose first choice
 * is desktop OpenGL. SDL_RENDER_DRIVER set by hand still wins over these hints. */
static void choose_render_driver(void)
{
    if (SDL_strcmp(SDL_GetCurrentVideoDriver(), "x11") == 0) {
        /* Under X the kiosk draws in software into a shared-memory image: its pages need no
         * GPU, and SDL's default GL renderer loads Mesa, costing some 60 MB more and starting
         * several times slower (tests/bench). */
        SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
        SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    } else if (screen_is_bare_display()) {
        /* On the bare display SDL draws through EGL on GBM buffers, and the API a Pi's GPU
         * drivers (Mesa's vc4 and v3d) speak there is OpenGL ES 2. SDL's default, "opengl",
         * needs desktop GL (libOpenGL.so.0), which the package does not bring: without it
         * SDL 2.26 still makes a desktop-GL context whose drawing, apart from clearing, never
         * reaches the screen (one flat field of the background colour). The package depends
         * on what this renderer loads: libegl1, libgles2 and Mesa's drivers (libgl1-mesa-dri;
         * libgbm1 and libdrm2 come with SDL). The software renderer cannot draw here at all. */
        SDL_SetHint(SDL_HINT_RENDER_DRIVER, "opengles2");
    }
}

bool screen_open(bool windowed, int width, int height, SDL_Window **window, SDL_Renderer **renderer)
{
    choose_render_driver();
    *window = open_window(windowed, width, height);
    if (!*window) {
        log_error("cannot open a window: %s", SDL_GetError());
        return false;
    }
    *renderer = SDL_CreateRenderer(*window, -1, 0);
    if (!*renderer) {
        log_error("cannot draw on the window: %s", SDL_GetError());
        SDL_DestroyWindow(*window);
        *window = NULL;
        return false;
    }
    if (!windowed) {
        SDL_ShowCursor(SDL_DISABLE);
    }
    return true;
}
