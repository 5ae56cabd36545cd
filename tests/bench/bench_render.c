/* bench_render: the kiosk's drawing work without a display, for figures that must not depend on
 * X or on how busy the machine is. It drives the same view as the live kiosk (taps hit-tested
 * against the layout, the session, layout, text cache and software renderer) on a plain
 * surface.
 *
 *   bench_render CONFIG WxH turns N
 *       opens the first page of the first topic and taps Next N times, each to a new page (at
 *       a topic's end, the menu, then the next topic); a turn is the tap through to the new
 *       page fully drawn. Prints "turns N turns_us min MIN median MED max MAX".
 *   bench_render CONFIG WxH tap N
 *       N times, a fresh view: the welcome screen drawn, then a tap on it through to the menu
 *       drawn (every text texture new). Prints "taps N taps_us min MIN median MED max MAX".
 *   bench_render CONFIG WxH draw
 *       from the menu, taps the first topic once (bench_turn: the new page drawn from nothing,
 *       text rasterised) and draws it again (bench_redraw: everything cached). Run it under
 *       valgrind --tool=callgrind --toggle-collect=bench_turn (or bench_redraw) to count only
 *       that draw.
 * Every mode first prints "load_ms L pages P" (reading the config). Like the live kiosk, every
 * picture is tried once the first screen is drawn (run.c). */
#define _POSIX_C_SOURCE 200809L

#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "config_locate.h"
#include "config_reader.h"
#include "libraries.h"
#include "view_rig.h"

static uint64_t clock_us(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t)t.tv_sec * 1000000u + (uint64_t)t.tv_nsec / 1000u;
}

/* The session's clock: real time, as in the live kiosk, so taps are not read as drags. */
static uint64_t session_ms;

/* Taps the `nth` visible button doing `action`; false when there is none. */
static bool tap_nth(struct view_rig *v, enum session_action action, int nth)
{
    const struct layout *l = &v->live.layout;
    for (size_t i = 0; i < l->n_hits; i++) {
        const struct layout_hit *h = &l->hits[i];
        int x = h->rect.x + h->rect.w / 2, y = h->rect.y + h->rect.h / 2;
        bool seen = !h->scrolls || (y > l->viewport.y && y < l->viewport.y + l->viewport.h);
        if (h->hit.action == action && seen && nth-- == 0) {
            live_pointer(&v->live, INPUT_DOWN, x, y, session_ms += 50);
            live_pointer(&v->live, INPUT_UP, x, y, session_ms += 50);
            return true;
        }
    }
    return false;
}

static bool tap(struct view_rig *v, enum session_action action)
{
    return tap_nth(v, action, 0);
}

static void draw(struct view_rig *v)
{
    view_rig_draw(v);
    SDL_RenderFlush(v->view.sdl);
}

/* What a visitor's tap on a topic costs: the new page laid out and drawn from nothing. Not
 * inlined, so callgrind can count it alone. */
__attribute__((noinline)) void bench_turn(struct view_rig *v);
__attribute__((noinline)) void bench_turn(struct view_rig *v)
{
    if (!tap(v, ACTION_GOTO)) {
        fprintf(stderr, "bench_render: the menu has no topic button\n");
        exit(1);
    }
    draw(v);
}

/* The same page drawn again: the cost of a redraw with every text texture cached. */
__attribute__((noinline)) void bench_redraw(struct view_rig *v);
__attribute__((noinline)) void bench_redraw(struct view_rig *v)
{
    draw(v);
}

static int compare_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static void print_times(const char *what, uint64_t *us, int n)
{
    qsort(us, (size_t)n, sizeof(*us), compare_u64);
    printf("%s %d %s_us min %llu median %llu max %llu\n", what, n, what, (unsigned long long)us[0],
           (unsigned long long)us[n / 2], (unsigned long long)us[n - 1]);
}

/* The first screen a visitor sees, drawn as the live kiosk starts. */
static void start(struct view_rig *v)
{
    draw(v);
    pictures_try_all(&v->view.pictures);
}

static int run_taps(struct view_rig *v, int n)
{
    const struct content *c = v->live.content;
    SDL_Renderer *sdl = v->view.sdl;
    int width = v->live.width, height = v->live.height;
    uint64_t *us = calloc((size_t)n, sizeof(*us));
    for (int i = 0; i < n; i++) {
        view_rig_finish(v);
        if (!view_rig_init(v, c, sdl, width, height)) {
            free(us);
            return 1;
        }
        start(v);
        uint64_t t0 = clock_us();
        live_pointer(&v->live, INPUT_DOWN, width / 2, height / 2, session_ms += 50);
        live_pointer(&v->live, INPUT_UP, width / 2, height / 2, session_ms += 50);
        draw(v);
        us[i] = clock_us() - t0;
    }
    print_times("taps", us, n);
    free(us);
    return 0;
}

static int run_turns(struct view_rig *v, int n)
{
    const struct content *c = v->live.content;
    if (c->n_topics == 0) {
        fprintf(stderr, "bench_render: no topics to turn pages in\n");
        return 1;
    }
    start(v);
    session_preview(&v->live.session, SCREEN_PAGE, c->topics[0].first_page, false);
    draw(v);
    uint64_t *us = calloc((size_t)n, sizeof(*us));
    int done = 0, topic = 1;
    for (; done < n; done++) {
        uint64_t t0 = clock_us();
        /* Next through a topic; from the menu at its end, the next topic (as a visitor would,
         * so the new page's text is not still cached). */
        if (!tap(v, ACTION_NEXT) && !tap_nth(v, ACTION_GOTO, topic++) &&
            !tap_nth(v, ACTION_GOTO, topic = 0)) {
            break;
        }
        draw(v);
        us[done] = clock_us() - t0;
    }
    if (done == 0) {
        fprintf(stderr, "bench_render: no Next button\n");
        free(us);
        return 1;
    }
    print_times("turns", us, done);
    free(us);
    return 0;
}

int main(int argc, char **argv)
{
    int width, height;
    bool turns = argc == 5 && strcmp(argv[3], "turns") == 0;
    bool taps = argc == 5 && strcmp(argv[3], "tap") == 0;
    bool drawing = argc == 4 && strcmp(argv[3], "draw") == 0;
    if ((!turns && !taps && !drawing) || sscanf(argv[2], "%dx%d", &width, &height) != 2) {
        fprintf(stderr, "usage: bench_render CONFIG WxH turns N | tap N | draw\n");
        return 2;
    }
    session_ms = SDL_GetTicks64();
    uint64_t t0 = clock_us();
    struct diag_list diags;
    diag_init(&diags, argv[1]);
    struct content *c = config_load(argv[1], config_assets_dir(), &diags);
    diag_finish(&diags);
    uint64_t loaded = clock_us() - t0;
    if (!c || !libraries_init()) {
        fprintf(stderr, "bench_render: %s does not load (kiosk --check says why)\n", argv[1]);
        content_destroy(c);
        return 1;
    }
    int status = 1;
    SDL_Surface *surface =
        SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *sdl = surface ? SDL_CreateSoftwareRenderer(surface) : NULL;
    struct view_rig v;
    if (sdl && view_rig_init(&v, c, sdl, width, height)) {
        printf("load_ms %.1f pages %d\n", loaded / 1000.0, c->n_pages);
        if (turns) {
            status = run_turns(&v, atoi(argv[4]));
        } else if (taps) {
            status = run_taps(&v, atoi(argv[4]));
        } else {
            start(&v);
            session_preview(&v.live.session, SCREEN_PAGE, c->menu, false);
            draw(&v);
            bench_turn(&v);
            bench_redraw(&v);
            status = 0;
        }
        view_rig_finish(&v);
    }
    if (sdl) {
        SDL_DestroyRenderer(sdl);
    }
    SDL_FreeSurface(surface);
    libraries_quit();
    content_destroy(c);
    return status;
}
