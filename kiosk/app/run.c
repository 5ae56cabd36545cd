/* The live kiosk: a fullscreen window, and a loop that sleeps until input or the session's next
 * deadline, then draws only if something changed. */
#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <limits.h>

#include "app.h"
#include "input.h"
#include "log.h"
#include "view.h"

struct live {
    SDL_Window *window;
    SDL_Renderer *sdl;
    struct view view;
    struct input input;
    bool windowed;
    bool quit;
    bool dirty;
    float scale_x, scale_y; /* window coordinates to output pixels (HiDPI) */
};

static void measure(struct live *k)
{
    int ow, oh, ww, wh;
    SDL_GetRendererOutputSize(k->sdl, &ow, &oh);
    SDL_GetWindowSize(k->window, &ww, &wh);
    k->scale_x = ww > 0 ? (float)ow / (float)ww : 1.0f;
    k->scale_y = wh > 0 ? (float)oh / (float)wh : 1.0f;
    view_resize(&k->view, ow, oh);
}

static void handle(struct live *k, const SDL_Event *e)
{
    switch (e->type) {
    case SDL_QUIT: /* SDL turns SIGTERM and SIGINT into this; closing the window does not */
        k->quit = true;
        return;
    case SDL_WINDOWEVENT:
        switch (e->window.event) {
        case SDL_WINDOWEVENT_CLOSE:
            /* Fullscreen, nothing closes the kiosk but a signal; a preview window closes. */
            k->quit = k->quit || k->windowed;
            break;
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
    if (input_translate(&k->input, e, k->view.width, k->view.height, k->scale_x, k->scale_y, &p)) {
        if (view_pointer(&k->view, p.kind, p.x, p.y, SDL_GetTicks64())) {
            k->dirty = true;
        }
    }
    /* Keys are ignored on purpose: Escape, Alt+F4, Ctrl+Q and the rest do nothing here. */
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
    /* On X11 a borderless window the size of the display comes up far faster than SDL's
     * fullscreen mode (no mode switch); elsewhere (KMSDRM) fullscreen is the only way. */
    Uint32 flags = SDL_WINDOW_BORDERLESS;
    if (SDL_strcmp(SDL_GetCurrentVideoDriver(), "x11") != 0) {
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    }
    return SDL_CreateWindow("Kiosk", 0, 0, mode.w, mode.h, flags);
}

int app_run(const struct content *content, bool windowed, int width, int height)
{
    /* One tap must count once: touches do not also arrive as mouse clicks. (Mouse clicks that
     * SDL copies as touches are dropped in input.c.) */
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
    SDL_SetHint(SDL_HINT_QUIT_ON_LAST_WINDOW_CLOSE, "0");
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
    SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "0");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        log_error("cannot open the display: %s", SDL_GetError());
        return 1;
    }
    int status = 1;
    struct live k;
    SDL_memset(&k, 0, sizeof(k));
    k.windowed = windowed;
    if (!app_init_libraries()) {
        goto out_sdl;
    }
    k.window = open_window(windowed, width, height);
    if (!k.window) {
        log_error("cannot open a window: %s", SDL_GetError());
        goto out_libs;
    }
    k.sdl = SDL_CreateRenderer(k.window, -1, 0);
    if (!k.sdl) {
        log_error("cannot draw on the window: %s", SDL_GetError());
        goto out_window;
    }
    if (!windowed) {
        SDL_ShowCursor(SDL_DISABLE);
    }
    SDL_DisableScreenSaver();
    int ow, oh;
    SDL_GetRendererOutputSize(k.sdl, &ow, &oh);
    if (!view_init(&k.view, content, k.sdl, ow, oh)) {
        goto out_renderer;
    }
    measure(&k);
    SDL_RendererInfo info;
    SDL_GetRendererInfo(k.sdl, &info);
    log_info("showing %d pages at %dx%d (video %s, renderer %s)", content->n_pages, ow, oh,
             SDL_GetCurrentVideoDriver(), info.name);

    k.dirty = true;
    while (!k.quit) {
        uint64_t now = SDL_GetTicks64();
        if (session_tick(&k.view.session, now)) {
            k.dirty = true;
        }
        if (k.dirty) {
            view_draw(&k.view);
            SDL_RenderPresent(k.sdl);
            k.dirty = false;
        }
        uint64_t deadline = session_deadline(&k.view.session);
        int timeout = -1; /* nothing due: sleep until input */
        if (deadline != SESSION_NO_DEADLINE) {
            now = SDL_GetTicks64();
            timeout = deadline <= now ? 0 : deadline - now > INT_MAX ? INT_MAX
                                                                     : (int)(deadline - now);
        }
        SDL_Event e;
        if (SDL_WaitEventTimeout(&e, timeout)) {
            handle(&k, &e);
            while (!k.quit && SDL_PollEvent(&e)) {
                handle(&k, &e);
            }
        }
    }
    log_info("stopping");
    status = 0;
    view_finish(&k.view);
out_renderer:
    SDL_DestroyRenderer(k.sdl);
out_window:
    SDL_DestroyWindow(k.window);
out_libs:
    app_quit_libraries();
out_sdl:
    SDL_Quit();
    return status;
}
