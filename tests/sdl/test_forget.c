/* Nothing of a visit stays in the kiosk's memory once it ends. A page is drawn through the
 * real view and loop, the visitor presses Quick exit (or walks away, or staff mode ends), and
 * then every readable mapping of the process (/proc/self/mem: heap, stacks, libraries' data)
 * is searched for a string that exists only once that page was drawn: its header, composed
 * from the topic's title and "{page} of {pages}". Before the exit the search must find it
 * (else it proves nothing); after, it must find none. A core dump or a memory read by another
 * process would see what this search sees. */
#define _GNU_SOURCE /* memmem */

#include <SDL.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "config_locate.h"
#include "config_reader.h"
#include "libraries.h"
#include "view_rig.h"

#define W 800
#define H 480

static const char cfg[] = "staff_pin = \"4719\";\n"
                          "topics = ( { title = \"Quokkas\"; pages = (\n"
                          "  { id = \"q1\"; title = \"One\"; text = \"Words.\"; },\n"
                          "  { id = \"q2\"; title = \"Two\"; text = \"More words.\"; },\n"
                          "  { id = \"q3\"; title = \"Three\"; text = \"Last.\"; } ); } );\n";

/* The needle, kept scrambled so this program's own copy is not what the search finds: only the
 * one place it is unscrambled into is skipped. */
static char needle[64];

/* Under AddressSanitizer, FORGET_DEBUG also says which allocation holds a copy. */
void __asan_describe_address(void *addr) __attribute__((weak));
static size_t needle_len;

static void make_needle(const char *plain)
{
    needle_len = strlen(plain);
    memcpy(needle, plain, needle_len);
}

/* Where the needle occurs in readable memory, not counting `needle` itself. */
static int occurrences(void)
{
    FILE *maps = fopen("/proc/self/maps", "r");
    int mem = open("/proc/self/mem", O_RDONLY);
    if (!maps || mem < 0) {
        fprintf(stderr, "test_forget: cannot read /proc/self/maps or mem\n");
        exit(1);
    }
    int found = 0;
    char line[512];
    size_t cap = 1 << 20;
    char *buf = malloc(cap);
    while (fgets(line, sizeof(line), maps)) {
        unsigned long lo, hi;
        char perms[5];
        if (sscanf(line, "%lx-%lx %4s", &lo, &hi, perms) != 3 || perms[0] != 'r' ||
            strstr(line, "[vvar]") || strstr(line, "[vsyscall]")) {
            continue;
        }
        if (hi - lo > (1ul << 30)) {
            /* Reserved, not used: AddressSanitizer's shadow and allocator space (terabytes,
             * nearly all never touched). The plain build's heap is far smaller. */
            continue;
        }
        for (unsigned long at = lo; at < hi;) {
            size_t want = hi - at < cap ? hi - at : cap;
            ssize_t got = pread(mem, buf, want, (off_t)at);
            if (got <= 0) {
                break;
            }
            for (char *p = buf;
                 (p = memmem(p, (size_t)got - (size_t)(p - buf), needle, needle_len)); p++) {
                unsigned long where = at + (unsigned long)(p - buf);
                if (where == (unsigned long)needle ||
                    (where >= (unsigned long)buf && where < (unsigned long)buf + cap)) {
                    continue;
                }
                found++;
                if (getenv("FORGET_DEBUG")) { /* where it is, to find what kept it */
                    fprintf(stderr, "found at %lx in %s", where, line);
                    if (__asan_describe_address) {
                        __asan_describe_address((void *)where);
                    }
                }
            }
            /* A needle split across two reads is missed: read the next block with overlap. */
            at += (size_t)got > needle_len ? (size_t)got - needle_len : (size_t)got;
        }
    }
    free(buf);
    close(mem);
    fclose(maps);
    return found;
}

static uint64_t now_ms = 1000;

static void step(struct view_rig *r)
{
    struct live_clock c = {now_ms, 600, 0};
    live_step(&r->live, &c);
    now_ms += 100;
}

static void press(struct view_rig *r, struct hit hit, int x, int y)
{
    struct session_event down = {INPUT_DOWN, x, y, hit}, up = {INPUT_UP, x, y, hit};
    live_event(&r->live, &down, now_ms);
    now_ms += 50;
    live_event(&r->live, &up, now_ms);
    step(r);
}

/* Opens page 2 of the topic and draws it; the header is then in memory. */
static void read_page(struct view_rig *r, const struct content *c)
{
    for (int i = 0; i < 3 && r->live.session.screen != SCREEN_PAGE; i++) {
        press(r, (struct hit){ACTION_NONE, CONTENT_NONE}, 400, 300); /* cover, then welcome */
    }
    press(r, (struct hit){ACTION_GOTO, content_find_page(c, "q2")}, 400, 300);
    step(r);
}

int main(void)
{
    SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
    struct diag_list diags;
    diag_init(&diags, "forget.cfg");
    struct content *c =
        config_load_buffer("forget.cfg", cfg, sizeof(cfg) - 1, config_assets_dir(), &diags);
    diag_finish(&diags);
    if (!c || SDL_Init(SDL_INIT_VIDEO) != 0 || !libraries_init()) {
        fprintf(stderr, "test_forget: cannot start\n");
        return 1;
    }
    SDL_Surface *surface = SDL_CreateRGBSurfaceWithFormat(0, W, H, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *sdl = SDL_CreateSoftwareRenderer(surface);
    static struct view_rig r;
    CHECK(view_rig_init(&r, c, sdl, W, H));
    step(&r);

    /* Composed at run time from its parts, as the layout composes it. */
    char plain[64];
    snprintf(plain, sizeof(plain), "%s%s%d of %d", "Quok", "kas \xC2\xB7 ", 2, 3);
    make_needle(plain);
    memset(plain, 0, sizeof(plain));
    CHECK_INT(occurrences(), 0); /* nothing yet: the page was never drawn */

    read_page(&r, c);
    CHECK(occurrences() > 0); /* the search sees the page while it is up */
    press(&r, (struct hit){ACTION_QUICK_EXIT, CONTENT_NONE}, 700, 30);
    CHECK_INT(r.live.session.screen, SCREEN_COVER);
    CHECK_INT(occurrences(), 0);

    read_page(&r, c); /* the next visitor, who walks away */
    CHECK(occurrences() > 0);
    for (int i = 0; i < 1000 && r.live.session.screen != SCREEN_WELCOME; i++) {
        uint64_t due = live_deadline(&r.live);
        now_ms = due > now_ms && due != LIVE_NO_DEADLINE ? due : now_ms + 1000;
        step(&r);
    }
    CHECK(r.live.session.screen == SCREEN_WELCOME);
    CHECK_INT(occurrences(), 0);

    /* Staff open staff mode over a visitor's page: the page is forgotten as the pad appears. */
    read_page(&r, c);
    CHECK(occurrences() > 0);
    struct session_event down = {INPUT_DOWN, 5, 5, {ACTION_NONE, CONTENT_NONE}};
    live_event(&r.live, &down, now_ms);
    now_ms += SESSION_STAFF_HOLD_MS;
    step(&r);
    CHECK_INT(r.live.session.screen, SCREEN_STAFF_PIN);
    CHECK_INT(occurrences(), 0);

    view_rig_finish(&r);
    SDL_DestroyRenderer(sdl);
    SDL_FreeSurface(surface);
    libraries_quit();
    SDL_Quit();
    content_destroy(c);
    return check_summary("test_forget");
}
