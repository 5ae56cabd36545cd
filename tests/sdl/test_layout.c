/* Layout with the real fonts, on every screen of a config at every screen size the kiosk must
 * serve: no text runs off the screen sideways, no button is smaller than a fingertip, and no
 * text or picture lies on top of another. Usage: test_layout CONFIG... */
#define _POSIX_C_SOURCE 200809L
#include <SDL.h>
#include <SDL_ttf.h>
#include <string.h>

#include "check.h"
#include "config_locate.h"
#include "config_reader.h"
#include "libraries.h"
#include "view_rig.h"

static const int sizes[][2] = {{800, 480}, {1280, 800}, {1920, 1080}, {1080, 1920}, {3840, 2160}};

static bool overlap(struct rect a, struct rect b)
{
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

static int problems;

static void report(const char *cfg, int w, int h, const char *screen, const char *what)
{
    if (problems++ < 40) {
        fprintf(stderr, "%s at %dx%d, %s: %s\n", cfg, w, h, screen, what);
    }
}

static void check_screen(struct view_rig *v, const char *cfg, const char *screen)
{
    live_layout(&v->live);
    const struct layout *l = &v->live.layout;
    int w = v->live.width, h = v->live.height;
    int min_touch = layout_min_touch(w, h);
    char msg[512];
    bool ok = true;
    /* A see-through rectangle over the whole screen starts an overlay: what follows is a layer
     * of its own, drawn over the page. */
    size_t overlay = l->n_items;
    for (size_t i = 0; i < l->n_items && overlay == l->n_items; i++) {
        const struct draw_item *it = &l->items[i];
        if (it->kind == DRAW_RECT && it->alpha < 255 && it->rect.w == w && it->rect.h == h) {
            overlay = i;
        }
    }
    for (size_t i = 0; i < l->n_items; i++) {
        const struct draw_item *it = &l->items[i];
        if (it->kind == DRAW_RECT) {
            continue;
        }
        struct rect r = it->rect;
        if (r.x < 0 || r.x + r.w > w) {
            snprintf(msg, sizeof(msg), "\"%.*s\" runs off the side (x %d, width %d)", (int)it->len,
                     layout_text(l, it), r.x, r.w);
            report(cfg, w, h, screen, msg);
            ok = false;
        }
        if (!it->scrolls && (r.y < 0 || r.y + r.h > h)) {
            snprintf(msg, sizeof(msg), "\"%.*s\" runs off the top or bottom", (int)it->len,
                     it->kind == DRAW_TEXT ? layout_text(l, it) : "(picture)");
            report(cfg, w, h, screen, msg);
            ok = false;
        }
        for (size_t j = i + 1; j < l->n_items; j++) {
            const struct draw_item *o = &l->items[j];
            /* Items on one layer must not collide. */
            bool same_layer = o->scrolls == it->scrolls && (i >= overlay) == (j >= overlay);
            if (o->kind != DRAW_RECT && same_layer && overlap(r, o->rect)) {
                snprintf(msg, sizeof(msg), "\"%.*s\" overlaps \"%.*s\"",
                         it->kind == DRAW_TEXT ? (int)it->len : 9,
                         it->kind == DRAW_TEXT ? layout_text(l, it) : "(picture)",
                         o->kind == DRAW_TEXT ? (int)o->len : 9,
                         o->kind == DRAW_TEXT ? layout_text(l, o) : "(picture)");
                report(cfg, w, h, screen, msg);
                ok = false;
            }
        }
    }
    for (size_t i = 0; i < l->n_hits; i++) {
        const struct layout_hit *hit = &l->hits[i];
        if (hit->hit.action == ACTION_NONE) {
            continue;
        }
        if (hit->rect.w < min_touch || hit->rect.h < min_touch) {
            snprintf(msg, sizeof(msg), "a button is %dx%d, smaller than %d px (9 mm)", hit->rect.w,
                     hit->rect.h, min_touch);
            report(cfg, w, h, screen, msg);
            ok = false;
        }
    }
    CHECK(ok);
}

/* A tap on the button `hit` at (x, y), as the session gets it from the layout. */
static void tap(struct view_rig *v, struct hit hit, int x, int y)
{
    static uint64_t now = 1000;
    struct session_event down = {INPUT_DOWN, x, y, hit};
    struct session_event up = {INPUT_UP, x, y, hit};
    live_event(&v->live, &down, now += 100);
    live_event(&v->live, &up, now += 80);
}

static const struct layout_hit *find_hit(const struct layout *l, enum session_action a, int target);

/* Staff mode's screens, as staff see them: a wrong PIN, then digits typed; a long report; the
 * touch test after a dozen touches at the screen's edge. */
static void check_staff_screens(struct view_rig *v, const char *path)
{
    const char *pin = v->live.content->staff_pin;
    session_preview(&v->live.session, SCREEN_STAFF_PIN, CONTENT_NONE, false);
    int wrong_digit = pin[0] == '9' ? 0 : 9;
    for (size_t i = 0; i < strlen(pin); i++) {
        tap(v, (struct hit){ACTION_KEY, wrong_digit}, 10, 10);
    }
    CHECK(v->live.session.screen == SCREEN_STAFF_PIN && v->live.session.staff.wrong);
    check_screen(v, path, "staff PIN pad, wrong PIN");
    tap(v, (struct hit){ACTION_KEY, 1}, 10, 10);
    tap(v, (struct hit){ACTION_KEY, 2}, 10, 10);
    CHECK_STR(v->live.session.staff.entered, "12");
    check_screen(v, path, "staff PIN pad");
    session_preview(&v->live.session, SCREEN_STAFF, CONTENT_NONE, false);
    session_set_staff_report(
        &v->live.session,
        "Version 0.1.0\nConfig: /boot/firmware/kiosk/kiosk.cfg\nOK: 35 pages in 8 topics, 5 "
        "warnings\nLast reload at 14:02: *2 errors*, still showing the content from 09:15\n"
        "- kiosk.cfg:12: pages.[3].title: is the number 4; write text in double quotes\n"
        "- kiosk.cfg:40: opening_hours[1]: \"Mon-Fri 9-5\": the opening time is not a time");
    check_screen(v, path, "staff menu");
    /* After a USB stick: one more button, and the report's line about the stick. */
    session_set_staff_can_go_back(&v->live.session, true);
    session_set_staff_report(
        &v->live.session,
        "Version 0.1.0\nConfig: /boot/firmware/kiosk/kiosk.cfg\n*Showing:* your file, 35 pages "
        "in 8 topics, version \"Spring leaflets 2027-03\"\n*Last USB stick:* 2027-03-02 09:30: "
        "INSTALLED, version \"Spring leaflets 2027-03\"\n*Last check (09:31):* OK, 5 warnings");
    check_screen(v, path, "staff menu after a USB stick");
    CHECK(find_hit(&v->live.layout, ACTION_STAFF_GO_BACK, CONTENT_NONE) != NULL);
    session_set_staff_can_go_back(&v->live.session, false);
    session_set_staff_report(&v->live.session, NULL);
    session_preview(&v->live.session, SCREEN_STAFF_TOUCH, CONTENT_NONE, false);
    for (int i = 0; i < 12; i++) {
        tap(v, (struct hit){ACTION_NONE, CONTENT_NONE}, v->live.width - 1, v->live.height / 2);
    }
    CHECK_INT(v->live.session.staff.touches, 12);
    check_screen(v, path, "touch test");
    session_preview(&v->live.session, SCREEN_STAFF_CLEAN, CONTENT_NONE, false);
    check_screen(v, path, "clean screen");
    session_preview(&v->live.session, SCREEN_ASLEEP, CONTENT_NONE, false);
    check_screen(v, path, "asleep");
    CHECK(v->live.layout.n_items == 0 && v->live.layout.background.r == 0);
}

static void preview(struct view_rig *v, enum session_screen screen, int page, bool countdown,
                    int lang, int scale)
{
    session_preview(&v->live.session, screen, page, countdown);
    session_preview_language(&v->live.session, lang);
    session_preview_text_size(&v->live.session, scale);
}

static const struct layout_hit *find_hit(const struct layout *l, enum session_action a, int target)
{
    for (size_t i = 0; i < l->n_hits; i++) {
        if (l->hits[i].hit.action == a &&
            (target == CONTENT_NONE || l->hits[i].hit.target == target)) {
            return &l->hits[i];
        }
    }
    return NULL;
}

/* A right-to-left language mirrors the screen: Next on the left, Back on the right, the menu's
 * buttons in mirrored places. Quick exit and "A+" stay at the top right in every language. */
static void check_mirrored(struct view_rig *v, int rtl_lang)
{
    const struct content *c = v->live.content;
    int page = c->topics[0].first_page + (c->topics[0].n_pages > 1 ? 1 : 0);
    struct rect ltr[4], rtl[4];
    static const enum session_action actions[] = {ACTION_NEXT, ACTION_BACK, ACTION_QUICK_EXIT,
                                                  ACTION_TEXT_SIZE};
    for (int pass = 0; pass < 2; pass++) {
        /* From the menu to the page, so Back shows. */
        preview(v, SCREEN_PAGE, c->menu, false, pass ? rtl_lang : 0, 0);
        tap(v, (struct hit){ACTION_GOTO, page}, v->live.width / 2, v->live.height / 2);
        CHECK(v->live.session.visit.page == page && session_can_go_back(&v->live.session));
        live_layout(&v->live);
        for (int i = 0; i < 4; i++) {
            const struct layout_hit *h = find_hit(&v->live.layout, actions[i], CONTENT_NONE);
            CHECK(h != NULL);
            (pass ? rtl : ltr)[i] = h ? h->rect : (struct rect){0, 0, 0, 0};
        }
    }
    int w = v->live.width;
    CHECK(ltr[0].x + ltr[0].w > w / 2 && rtl[0].x + rtl[0].w < w / 2); /* Next: right, then left */
    CHECK(ltr[1].x < w / 2 && rtl[1].x > w / 2);                       /* Back: left, then right */
    CHECK(rtl[0].x == w - (ltr[0].x + ltr[0].w) || rtl[0].x == ltr[1].x);
    CHECK(rtl[2].x + rtl[2].w == ltr[2].x + ltr[2].w); /* Quick exit stays at the right edge */
    CHECK(rtl[3].x + rtl[3].w < rtl[2].x);             /* "A+" just left of it */
    /* The menu's buttons: each in the mirror image of its place. */
    int checked = 0;
    for (int pass = 0; pass < 2; pass++) {
        preview(v, SCREEN_PAGE, c->menu, false, pass ? rtl_lang : 0, 0);
        live_layout(&v->live);
        for (int t = 0; t < c->n_topics && pass == 1; t++) {
            preview(v, SCREEN_PAGE, c->menu, false, 0, 0);
            live_layout(&v->live);
            const struct layout_hit *a =
                find_hit(&v->live.layout, ACTION_GOTO, c->topics[t].first_page);
            struct rect ra = a ? a->rect : (struct rect){0, 0, 0, 0};
            preview(v, SCREEN_PAGE, c->menu, false, rtl_lang, 0);
            live_layout(&v->live);
            const struct layout_hit *b =
                find_hit(&v->live.layout, ACTION_GOTO, c->topics[t].first_page);
            CHECK(a && b);
            if (a && b) {
                CHECK_INT(b->rect.x, w - ra.x - ra.w);
                CHECK_INT(b->rect.w, ra.w);
                checked++;
            }
        }
    }
    CHECK(checked == c->n_topics);
}

static void check_config(const char *path)
{
    struct diag_list diags;
    diag_init(&diags, path);
    struct content *c = config_load(path, config_assets_dir(), &diags);
    diag_finish(&diags);
    CHECK(c != NULL);
    if (!c) {
        fprintf(stderr, "%s does not load\n", path);
        return;
    }
    if (!c->staff_pin) {
        c->staff_pin = strdup("2580"); /* so staff mode's screens are laid out too */
    }
    SDL_Surface *surface = SDL_CreateRGBSurfaceWithFormat(0, 16, 16, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *sdl = SDL_CreateSoftwareRenderer(surface);
    for (size_t s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
        struct view_rig v;
        if (!view_rig_init(&v, c, sdl, sizes[s][0], sizes[s][1])) {
            CHECK(!"fonts open");
            continue;
        }
        /* Every language, at the normal text size and at the largest "A+" gives. */
        for (int lang = 0; lang < c->n_languages; lang++) {
            for (int scale = 0; scale < SESSION_TEXT_SCALES; scale += SESSION_TEXT_SCALES - 1) {
                char where[160];
                snprintf(where, sizeof(where), "%s, text %d%%", c->languages[lang].code,
                         session_text_percent[scale]);
                char name[300];
                preview(&v, SCREEN_WELCOME, CONTENT_NONE, false, lang, scale);
                snprintf(name, sizeof(name), "welcome (%s)", where);
                check_screen(&v, path, name);
                for (int p = 0; p < c->n_pages; p++) {
                    preview(&v, SCREEN_PAGE, p, false, lang, scale);
                    snprintf(name, sizeof(name), "%s (%s)", c->pages[p].id, where);
                    check_screen(&v, path, name);
                }
                preview(&v, SCREEN_PAGE, c->menu, true, lang, scale);
                snprintf(name, sizeof(name), "countdown (%s)", where);
                check_screen(&v, path, name);
                preview(&v, SCREEN_COVER, CONTENT_NONE, false, lang, scale);
                snprintf(name, sizeof(name), "cover (%s)", where);
                check_screen(&v, path, name);
            }
        }
        check_staff_screens(&v, path);
        for (int lang = 1; lang < c->n_languages; lang++) {
            if (c->languages[lang].rtl) {
                check_mirrored(&v, lang);
            }
        }
        view_rig_finish(&v);
    }
    SDL_DestroyRenderer(sdl);
    SDL_FreeSurface(surface);
    content_destroy(c);
}

int main(int argc, char **argv)
{
    if (!libraries_init()) {
        return 1;
    }
    for (int i = 1; i < argc; i++) {
        check_config(argv[i]);
    }
    libraries_quit();
    if (problems > 40) {
        fprintf(stderr, "... and %d more problems\n", problems - 40);
    }
    return check_summary("test_layout");
}
