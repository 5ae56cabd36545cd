/* --render: every screen drawn to a PNG with the software renderer on a plain surface, so it
 * needs no display at all. Staff use it to proofread (and print the proofreading pages,
 * render_proof.h); the tests compare it with golden images. */
#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "app.h"
#include "libraries.h"
#include "log.h"
#include "render_proof.h"
#include "staff_report.h"
#include "util.h"
#include "view.h"

static bool save(struct view *v, struct live *l, SDL_Surface *surface, const char *dir,
                 const char *name)
{
    view_draw(v, live_layout(l), live_scroll(l));
    SDL_RenderFlush(v->sdl);
    char path[4096];
    snprintf(path, sizeof(path), "%s/%s.png", dir, name);
    if (IMG_SavePNG(surface, path) != 0) {
        log_error("cannot write %s: %s", path, IMG_GetError());
        return false;
    }
    return true;
}

/* Creates `dir` and any missing parents, like mkdir -p. */
static bool make_folder(const char *dir)
{
    char path[4096];
    snprintf(path, sizeof(path), "%s", dir);
    for (char *p = path + 1; *p; p++) {
        if (*p == '/') {
            *p = '\0';
            if (mkdir(path, 0777) != 0 && errno != EEXIST) {
                return false;
            }
            *p = '/';
        }
    }
    return mkdir(path, 0777) == 0 || errno == EEXIST;
}

/* Shows a screen as a visitor who chose language `lang` would see it. */
static void preview(struct live *l, enum session_screen screen, int page, bool countdown, int lang)
{
    session_preview(&l->session, screen, page, countdown);
    session_preview_language(&l->session, lang);
}

int app_render_all(const struct content *content, const char *dir, int width, int height, int lang,
                   bool proof)
{
    if (!make_folder(dir)) {
        log_error("cannot create the folder %s: %s", dir, strerror(errno));
        return 1;
    }
    if (!libraries_init()) {
        return 1;
    }
    int status = 1;
    SDL_Surface *surface =
        SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *sdl = surface ? SDL_CreateSoftwareRenderer(surface) : NULL;
    struct view v;
    if (!sdl) {
        log_error("cannot draw at %dx%d: %s", width, height, SDL_GetError());
        goto out;
    }
    if (!view_init(&v, content, sdl, width, height)) {
        goto out_renderer;
    }
    struct live_ports ports = view_ports(&v);
    struct live l;
    live_init(&l, content, &ports, width, height);
    int written = 0;
    preview(&l, SCREEN_WELCOME, CONTENT_NONE, false, lang);
    bool ok = save(&v, &l, surface, dir, "welcome");
    written += ok;
    for (int i = 0; i < content->n_pages && ok; i++) {
        preview(&l, SCREEN_PAGE, i, false, lang);
        ok = save(&v, &l, surface, dir, content->pages[i].id);
        written += ok;
        if (ok && live_layout(&l)->scroll_max > 0) {
            /* A page longer than the screen: also show its end, as a visitor scrolled there. */
            char name[160];
            snprintf(name, sizeof(name), "%s.end", content->pages[i].id);
            session_scroll_to(&l.session, l.layout.scroll_max);
            ok = save(&v, &l, surface, dir, name);
            written += ok;
        }
    }
    if (ok) {
        preview(&l, SCREEN_PAGE, content->menu, true, lang);
        ok = save(&v, &l, surface, dir, "countdown");
        written += ok;
    }
    if (ok) {
        preview(&l, SCREEN_COVER, CONTENT_NONE, false, lang);
        ok = save(&v, &l, surface, dir, "cover");
        written += ok;
    }
    if (ok && content->staff_pin) {
        /* Staff mode's screens, so staff can see what the corner hold leads to. */
        struct strbuf report;
        strbuf_init(&report);
        staff_report_format(&report, content, NULL);
        static const struct {
            enum session_screen screen;
            const char *name;
        } staff[] = {{SCREEN_STAFF_PIN, "staff-pin"},
                     {SCREEN_STAFF, "staff"},
                     {SCREEN_STAFF_TOUCH, "staff-touch"},
                     {SCREEN_STAFF_CLEAN, "staff-clean"}};
        for (size_t i = 0; i < ARRAY_LEN(staff) && ok; i++) {
            session_preview(&l.session, staff[i].screen, CONTENT_NONE, false);
            session_set_staff_report(&l.session, strbuf_str(&report));
            ok = save(&v, &l, surface, dir, staff[i].name);
            written += ok;
        }
        session_set_staff_report(&l.session, NULL);
        strbuf_finish(&report);
    }
    if (ok) {
        printf("kiosk: wrote %d screens at %dx%d to %s\n", written, width, height, dir);
    }
    if (ok && proof) {
        ok = render_proof(&v, &l, surface, dir, lang);
    }
    status = ok ? 0 : 1;
    live_finish(&l);
    view_finish(&v);
out_renderer:
    SDL_DestroyRenderer(sdl);
out:
    SDL_FreeSurface(surface);
    libraries_quit();
    return status;
}
