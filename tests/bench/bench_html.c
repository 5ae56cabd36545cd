/* bench_html: writes the kiosk's screens as static HTML, so a browser kiosk can be measured on
 * exactly the same content. It reads the config with the kiosk's own reader and lays every
 * screen out with the kiosk's own layout and fonts, then writes each draw item as an absolutely
 * placed element: same words, colours, font files, pixel sizes and positions, and a link where
 * the kiosk has a button. Because the positions are the same, one list of tap points drives
 * both programs; it is written to taps.txt (x y screen, one tap a line, the first on the
 * welcome screen).
 *
 * Usage: bench_html CONFIG OUTDIR [WIDTH HEIGHT [TAPS]] */
#define _POSIX_C_SOURCE 200809L

#include <SDL.h>
#include <SDL_ttf.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config_locate.h"
#include "config_reader.h"
#include "libraries.h"
#include "view_rig.h"

/* Which fonts the kiosk makes bold: mirrors fonts.c (titles, buttons, emphasis). */
static bool style_is_bold(enum font_style s)
{
    return s == FONT_BOLD || s == FONT_TITLE || s == FONT_BUTTON || s == FONT_WELCOME;
}

static const char *const font_files[2][3] = {
    {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/TTF/DejaVuSans.ttf",
     "/usr/share/fonts/dejavu/DejaVuSans.ttf"},
    {"/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
     "/usr/share/fonts/TTF/DejaVuSans-Bold.ttf", "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf"},
};

/* The font file the kiosk uses for regular (0) or bold (1) text. */
static const char *font_file(const struct theme *t, int bold)
{
    if (bold && t->font_bold) {
        return t->font_bold;
    }
    if (t->font) {
        return t->font;
    }
    for (int i = 0; i < 3; i++) {
        struct stat st;
        if (stat(font_files[bold][i], &st) == 0) {
            return font_files[bold][i];
        }
    }
    return font_files[bold][0];
}

/* A file:// URL for an absolute or relative path; only the characters HTML and URLs care
 * about are escaped, which covers every path the kiosk's assets use. */
static void put_url(FILE *f, const char *path)
{
    fputs("file://", f);
    if (path[0] != '/') {
        char cwd[4096];
        if (getcwd(cwd, sizeof(cwd))) {
            fprintf(f, "%s/", cwd);
        }
    }
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        if (*p <= ' ' || *p == '"' || *p == '%' || *p == '#' || *p == '?' || *p == '\'' ||
            *p == '<' || *p == '>' || *p == '&' || *p >= 0x80) {
            fprintf(f, "%%%02X", *p);
        } else {
            fputc(*p, f);
        }
    }
}

static void put_text(FILE *f, const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        switch (s[i]) {
        case '<':
            fputs("&lt;", f);
            break;
        case '>':
            fputs("&gt;", f);
            break;
        case '&':
            fputs("&amp;", f);
            break;
        case '"':
            fputs("&quot;", f);
            break;
        default:
            fputc(s[i], f);
            break;
        }
    }
}

static void put_color(FILE *f, struct color c, unsigned char alpha)
{
    if (alpha == 255) {
        fprintf(f, "#%02x%02x%02x", c.r, c.g, c.b);
    } else {
        fprintf(f, "rgba(%d,%d,%d,%.3f)", c.r, c.g, c.b, alpha / 255.0);
    }
}

static void put_box(FILE *f, struct rect r, int dx, int dy)
{
    fprintf(f, "left:%dpx;top:%dpx;width:%dpx;height:%dpx", r.x - dx, r.y - dy, r.w, r.h);
}

/* The file name of a page (or of the welcome and cover screens). */
static const char *page_file(const struct content *c, int page, char *buf, size_t size)
{
    snprintf(buf, size, "%s.html", c->pages[page].id);
    return buf;
}

/* Where a button leads, or NULL when a static page cannot follow it (Back needs history). */
static const char *link_of(struct view_rig *v, struct hit h, char *buf, size_t size)
{
    const struct content *c = v->live.content;
    switch (h.action) {
    case ACTION_NONE:
        /* Only the welcome and cover screens are one big tap target. */
        if (v->live.session.screen == SCREEN_WELCOME) {
            return page_file(c, c->menu, buf, size);
        }
        return v->live.session.screen == SCREEN_COVER ? "welcome.html" : NULL;
    case ACTION_QUICK_EXIT:
        return "cover.html";
    case ACTION_NEXT: {
        int next = session_next_page(&v->live.session);
        return next == CONTENT_NONE ? NULL : page_file(c, next, buf, size);
    }
    case ACTION_HOME:
        return page_file(c, c->menu, buf, size);
    case ACTION_HELP:
        return c->help_page == CONTENT_NONE ? NULL : page_file(c, c->help_page, buf, size);
    case ACTION_GOTO:
        return h.target == CONTENT_NONE ? NULL : page_file(c, h.target, buf, size);
    default:
        return NULL;
    }
}

static void write_item(FILE *f, struct view_rig *v, const struct draw_item *it, int dx, int dy)
{
    const struct layout *l = &v->live.layout;
    switch (it->kind) {
    case DRAW_RECT:
        fputs("<div style=\"", f);
        put_box(f, it->rect, dx, dy);
        fputs(";background:", f);
        put_color(f, it->color, it->alpha);
        if (it->radius > 1) {
            fprintf(f, ";border-radius:%dpx", it->radius);
        }
        fputs("\"></div>\n", f);
        break;
    case DRAW_TEXT:
        fprintf(f, "<div class=\"t f%d\" style=\"left:%dpx;top:%dpx;color:", (int)it->font,
                it->rect.x - dx, it->rect.y - dy);
        put_color(f, it->color, 255);
        fputs("\">", f);
        put_text(f, layout_text(l, it), it->len);
        fputs("</div>\n", f);
        break;
    case DRAW_PICTURE:
        fputs("<img alt=\"\" src=\"", f);
        put_url(f, v->live.content->pictures[it->picture].path);
        fputs("\" style=\"", f);
        put_box(f, it->rect, dx, dy);
        fputs("\">\n", f);
        break;
    }
}

static void write_hits(FILE *f, struct view_rig *v, bool scrolling, int dx, int dy)
{
    for (size_t i = 0; i < v->live.layout.n_hits; i++) {
        const struct layout_hit *h = &v->live.layout.hits[i];
        char buf[200];
        const char *href = h->scrolls == scrolling ? link_of(v, h->hit, buf, sizeof(buf)) : NULL;
        if (href) {
            fprintf(f, "<a href=\"%s\" style=\"", href);
            put_box(f, h->rect, dx, dy);
            fputs("\"></a>\n", f);
        }
    }
}

static bool write_screen(struct view_rig *v, const char *dir, const char *name)
{
    char path[4096];
    snprintf(path, sizeof(path), "%s/%s.html", dir, name);
    FILE *f = fopen(path, "w");
    if (!f) {
        fprintf(stderr, "bench_html: cannot write %s: %s\n", path, strerror(errno));
        return false;
    }
    live_layout(&v->live);
    const struct layout *l = &v->live.layout;
    const struct theme *t = &v->live.content->theme;
    fputs("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n<style>\n", f);
    /* A bold face only when the kiosk has a bold file; otherwise both embolden the regular. */
    for (int bold = 0; bold < 2; bold++) {
        if (bold && !t->font_bold && t->font) {
            break;
        }
        fprintf(f, "@font-face{font-family:K;font-weight:%d;src:url(\"", bold ? 700 : 400);
        put_url(f, font_file(t, bold));
        fputs("\");}\n", f);
    }
    fprintf(f,
            "html,body{margin:0;padding:0;overflow:hidden;width:%dpx;height:%dpx;"
            "background:",
            v->live.width, v->live.height);
    put_color(f, l->background, 255);
    fputs("}\ndiv,img,a{position:absolute;display:block}\n"
          ".t{white-space:pre}\n",
          f);
    for (int i = 0; i < FONT_COUNT; i++) {
        TTF_Font *font = v->view.fonts.font[i];
        /* The kiosk draws a run as a surface TTF_FontHeight tall from the item's top. */
        fprintf(f,
                ".f%d{font-family:K,'DejaVu Sans',sans-serif;font-weight:%d;font-size:%dpx;"
                "line-height:%dpx}\n",
                i, style_is_bold((enum font_style)i) ? 700 : 400, v->view.fonts.px[i],
                TTF_FontHeight(font));
    }
    fputs("</style></head>\n<body>\n", f);
    /* Items that scroll are drawn inside the viewport, clipped to it, as the renderer does. */
    const struct rect *vp = &l->viewport;
    bool open = false;
    for (size_t i = 0; i < l->n_items; i++) {
        const struct draw_item *it = &l->items[i];
        if (it->scrolls && !open) {
            fputs("<div style=\"overflow:hidden;", f);
            put_box(f, *vp, 0, 0);
            fputs("\">\n", f);
            open = true;
        } else if (!it->scrolls && open) {
            write_hits(f, v, true, vp->x, vp->y);
            fputs("</div>\n", f);
            open = false;
        }
        write_item(f, v, it, open ? vp->x : 0, open ? vp->y : 0);
    }
    if (open) {
        write_hits(f, v, true, vp->x, vp->y);
        fputs("</div>\n", f);
    }
    write_hits(f, v, false, 0, 0);
    fputs("</body></html>\n", f);
    if (fclose(f) != 0) {
        fprintf(stderr, "bench_html: cannot write %s\n", path);
        return false;
    }
    return true;
}

/* The centre of the first visible button doing `action`; false when there is none. */
static bool find_tap(const struct view_rig *v, enum session_action action, int nth, int *x, int *y,
                     struct hit *hit)
{
    const struct layout *l = &v->live.layout;
    for (size_t i = 0; i < l->n_hits; i++) {
        const struct layout_hit *h = &l->hits[i];
        int cx = h->rect.x + h->rect.w / 2, cy = h->rect.y + h->rect.h / 2;
        bool seen = !h->scrolls || (cy > l->viewport.y && cy < l->viewport.y + l->viewport.h);
        if (h->hit.action == action && seen && nth-- == 0) {
            *x = cx;
            *y = cy;
            *hit = h->hit;
            return true;
        }
    }
    return false;
}

/* A walk of `n` taps, each to a new screen: welcome, the menu, then every page of a topic by
 * Next, back to the menu at its end, then the next topic. Both programs replay it. */
static bool write_taps(struct view_rig *v, const char *path, int n)
{
    FILE *f = fopen(path, "w");
    if (!f) {
        fprintf(stderr, "bench_html: cannot write %s: %s\n", path, strerror(errno));
        return false;
    }
    const struct content *c = v->live.content;
    session_preview(&v->live.session, SCREEN_WELCOME, CONTENT_NONE, false);
    live_layout(&v->live);
    fprintf(f, "%d %d %s\n", v->live.width / 2, v->live.height / 2, c->pages[c->menu].id);
    session_preview(&v->live.session, SCREEN_PAGE, c->menu, false);
    int topic = 0;
    bool ok = true;
    for (int i = 1; i < n && ok; i++) {
        live_layout(&v->live);
        int x, y, next;
        struct hit h;
        if (find_tap(v, ACTION_NEXT, 0, &x, &y, &h)) {
            next = session_next_page(&v->live.session);
        } else if (find_tap(v, ACTION_GOTO, topic, &x, &y, &h) ||
                   find_tap(v, ACTION_GOTO, topic = 0, &x, &y, &h)) {
            next = h.target;
            topic++;
        } else {
            fprintf(stderr, "bench_html: no Next or topic button on %s\n",
                    c->pages[v->live.session.visit.page].id);
            ok = false;
            break;
        }
        fprintf(f, "%d %d %s\n", x, y, c->pages[next].id);
        session_preview(&v->live.session, SCREEN_PAGE, next, false);
    }
    return fclose(f) == 0 && ok;
}

int main(int argc, char **argv)
{
    if (argc != 3 && argc != 5 && argc != 6) {
        fprintf(stderr, "usage: bench_html CONFIG OUTDIR [WIDTH HEIGHT [TAPS]]\n");
        return 2;
    }
    const char *dir = argv[2];
    int width = argc >= 5 ? atoi(argv[3]) : 1280, height = argc >= 5 ? atoi(argv[4]) : 800;
    int taps = argc == 6 ? atoi(argv[5]) : 101;
    if (mkdir(dir, 0755) != 0 && errno != EEXIST) {
        fprintf(stderr, "bench_html: cannot create %s: %s\n", dir, strerror(errno));
        return 1;
    }
    struct diag_list diags;
    diag_init(&diags, argv[1]);
    struct content *c = config_load(argv[1], config_assets_dir(), &diags);
    diag_finish(&diags);
    if (!c || !libraries_init()) {
        fprintf(stderr, "bench_html: %s does not load (kiosk --check says why)\n", argv[1]);
        content_destroy(c);
        return 1;
    }
    int status = 1;
    SDL_Surface *surface =
        SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *sdl = surface ? SDL_CreateSoftwareRenderer(surface) : NULL;
    struct view_rig v;
    if (sdl && view_rig_init(&v, c, sdl, width, height)) {
        bool ok = write_screen(&v, dir, "welcome");
        for (int i = 0; i < c->n_pages && ok; i++) {
            session_preview(&v.live.session, SCREEN_PAGE, i, false);
            ok = write_screen(&v, dir, c->pages[i].id);
        }
        session_preview(&v.live.session, SCREEN_COVER, CONTENT_NONE, false);
        ok = ok && write_screen(&v, dir, "cover");
        char path[4096];
        snprintf(path, sizeof(path), "%s/taps.txt", dir);
        ok = ok && write_taps(&v, path, taps);
        if (ok) {
            printf("bench_html: wrote %d screens at %dx%d and %d taps to %s\n", c->n_pages + 2,
                   width, height, taps, dir);
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
