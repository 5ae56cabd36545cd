/* The proofreading pages (render_proof.h). Each screen is drawn as a visitor who chose the
 * language sees it; a page longer than the screen is drawn again scrolled, as often as it takes
 * for every line to be clear of the fades at the edges in one picture. Writing PNGs is most of
 * --render's time, and this writes a set for every language, so: the pictures --render has just
 * written in its own language are copied, not drawn again, and the rest are written with
 * libpng's quick setting (no filtering, light compression), about six times faster than
 * IMG_SavePNG, which has no such setting, at much the same size. */
#define _POSIX_C_SOURCE 200809L

#include "render_proof.h"

#include <dirent.h>
#include <errno.h>
#include <png.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>

#include "log.h"
#include "proof_html.h"
#include "strbuf.h"
#include "util.h"
#include "xalloc.h"

/* More pictures than this for one page would be a page no visitor reads to the end. */
#define MAX_PARTS 40

struct proof_run {
    struct view *v;
    struct live *l;
    SDL_Surface *surface;
    const char *dir;
    const struct content *c;
    int lang;
    int drawn_lang; /* the language of --render's own pictures, which this copies */
    struct proof_screen *screens;
    int *first_picture; /* per screen: its first name in `names` */
    int n_screens;
    char **names; /* the pictures' paths relative to dir */
    int n_names, cap_names;
    int pictures; /* written in all languages */
};

static bool save_png(SDL_Surface *surface, const char *path)
{
    SDL_Surface *rgb = SDL_ConvertSurfaceFormat(surface, SDL_PIXELFORMAT_RGB24, 0);
    if (!rgb) {
        log_error("cannot write %s: %s", path, SDL_GetError());
        return false;
    }
    png_image image;
    memset(&image, 0, sizeof(image));
    image.version = PNG_IMAGE_VERSION;
    image.width = (png_uint_32)rgb->w;
    image.height = (png_uint_32)rgb->h;
    image.format = PNG_FORMAT_RGB;
    image.flags = PNG_IMAGE_FLAG_FAST;
    bool ok = png_image_write_to_file(&image, path, 0, rgb->pixels, rgb->pitch, NULL) != 0;
    if (!ok) {
        log_error("cannot write %s: %s", path, image.message);
    }
    png_image_free(&image);
    SDL_FreeSurface(rgb);
    return ok;
}

/* Copies the file `from` to `to`; false, quietly, when `from` cannot be read (it is drawn then). */
static bool copy_file(const char *from, const char *to)
{
    FILE *in = fopen(from, "rb");
    if (!in) {
        return false;
    }
    FILE *out = fopen(to, "wb");
    bool ok = out != NULL;
    char buf[65536];
    size_t n;
    while (ok && (n = fread(buf, 1, sizeof(buf), in)) > 0) {
        ok = fwrite(buf, 1, n, out) == n;
    }
    ok = ok && !ferror(in);
    fclose(in);
    if (out && fclose(out) != 0) {
        ok = false;
    }
    return ok;
}

/* Whether --render's own <id>.png shows only this screen: its name is no other screen's, not
 * even in other letter case (on a FAT card or a Mac's disk "Help.png" is "help.png"), nor a
 * staff screen's that --render writes after the pages (staff-pin.png...). */
static bool drawn_alone(const struct content *c, const char *id)
{
    static const char *const fixed[] = {"welcome", "countdown", "cover"};
    static const char *const staff[] = {"staff-pin", "staff", "staff-touch", "staff-clean"};
    int same = 0;
    for (size_t i = 0; i < ARRAY_LEN(fixed); i++) {
        same += strcasecmp(fixed[i], id) == 0;
    }
    for (size_t i = 0; c->staff_pin && i < ARRAY_LEN(staff); i++) {
        same += strcasecmp(staff[i], id) == 0;
    }
    for (int p = 0; p < c->n_pages; p++) {
        same += strcasecmp(c->pages[p].id, id) == 0;
    }
    return same <= 1;
}

/* The next scroll position after `scroll`: the first line of text not yet whole and clear of
 * the fade at the bottom goes just below the fade at the top (renderer.c draws each fade a
 * tenth of the viewport deep, where more of the page lies beyond that edge). */
static int next_scroll(const struct layout *lay, int scroll)
{
    const struct rect *vp = &lay->viewport;
    int fade = vp->h / 10, clear = vp->h - 2 * fade;
    int bottom = scroll + vp->y + vp->h - fade;
    int next = lay->scroll_max;
    for (size_t i = 0; i < lay->n_items; i++) {
        const struct draw_item *it = &lay->items[i];
        if (it->scrolls && it->kind == DRAW_TEXT && it->rect.h <= clear &&
            it->rect.y + it->rect.h > bottom && it->rect.y - vp->y - fade < next) {
            next = it->rect.y - vp->y - fade;
        }
    }
    if (next <= scroll) {
        next = scroll + (clear > 0 ? clear : 1);
    }
    return next < lay->scroll_max ? next : lay->scroll_max;
}

static void add_name(struct proof_run *run, char *name)
{
    if (run->n_names == run->cap_names) {
        run->cap_names = run->cap_names ? 2 * run->cap_names : 64;
        run->names = xrealloc(run->names, (size_t)run->cap_names * sizeof(*run->names));
    }
    run->names[run->n_names++] = name;
}

/* Draws what the session shows now as screen `s` of the proof, top to bottom when `whole`; its
 * pictures are proof-<code>/NN-<id>.png, then NN-<id>.2.png and on for a long page. */
static bool shoot(struct proof_run *run, struct proof_screen *s, bool whole)
{
    const char *code = run->c->languages[run->lang].code;
    int number = run->n_screens + 1;
    run->first_picture[run->n_screens] = run->n_names;
    struct strbuf name = {0}, path = {0}, drawn = {0};
    bool ok = true;
    int scroll = 0;
    for (int part = 1; ok; part++) {
        const struct layout *lay = live_layout(run->l);
        if (part == 1) {
            strbuf_setf(&name, "proof-%s/%02d-%s.png", code, number, s->id);
        } else {
            strbuf_setf(&name, "proof-%s/%02d-%s.%d.png", code, number, s->id, part);
        }
        strbuf_setf(&path, "%s/%s", run->dir, strbuf_str(&name));
        /* --render has drawn the top of each screen in its language as <id>.png, and the end
         * of a long page as <id>.end.png: the same pictures. */
        bool last = !whole || scroll >= lay->scroll_max;
        if (run->lang == run->drawn_lang && (part == 1 || last) && drawn_alone(run->c, s->id)) {
            strbuf_setf(&drawn, "%s/%s%s.png", run->dir, s->id, part == 1 ? "" : ".end");
        } else {
            strbuf_reset(&drawn);
        }
        if (!drawn.len || !copy_file(strbuf_str(&drawn), strbuf_str(&path))) {
            session_scroll_to(&run->l->session, scroll);
            view_draw(run->v, lay, live_scroll(run->l));
            SDL_RenderFlush(run->v->sdl);
            ok = save_png(run->surface, strbuf_str(&path));
        }
        if (ok) {
            add_name(run, strbuf_take(&name));
            s->n_pictures++;
            run->pictures++;
        }
        if (last || part == MAX_PARTS) {
            break;
        }
        scroll = next_scroll(lay, scroll);
    }
    strbuf_finish(&name);
    strbuf_finish(&path);
    strbuf_finish(&drawn);
    run->screens[run->n_screens++] = *s;
    return ok;
}

/* Shows a screen as a visitor who chose the proof's language would see it. */
static void show(struct proof_run *run, enum session_screen screen, int page, bool countdown)
{
    session_preview(&run->l->session, screen, page, countdown);
    session_preview_language(&run->l->session, run->lang);
}

/* Whether any of page `p`'s words in this language are the first language's. */
static bool page_untranslated(const struct proof_run *run, int p)
{
    const struct content *c = run->c;
    const struct language *lang = &c->languages[run->lang], *first = &c->languages[0];
    if (run->lang == 0) {
        return false;
    }
    const struct page_words *mine = &lang->pages[p], *theirs = &first->pages[p];
    bool missing =
        mine->title == theirs->title || (c->pages[p].text[0] && mine->text == theirs->text);
    for (int i = 0; i < c->pages[p].n_choices; i++) {
        /* The menu's first buttons are the topics' titles. */
        if (p == c->menu && i < c->n_topics) {
            missing |= lang->topics[i] == first->topics[i];
        } else {
            missing |= mine->choices[i] == theirs->choices[i];
        }
    }
    return missing;
}

static bool shoot_page(struct proof_run *run, int p)
{
    const struct content *c = run->c;
    const struct language *lang = &c->languages[run->lang];
    const struct page *page = &c->pages[p];
    struct proof_screen s = {
        .id = page->id,
        .title = lang->pages[p].title,
        .topic = page->topic != CONTENT_NONE ? lang->topics[page->topic] : NULL,
        .title_line = lang->pages[p].title_line,
        .text_line = page->text[0] ? lang->pages[p].text_line : 0,
        .untranslated = page_untranslated(run, p),
    };
    show(run, SCREEN_PAGE, p, false);
    return shoot(run, &s, true);
}

/* Every screen of one language in reading order: welcome, the menu and the topics' pages, the
 * other pages, help, the countdown and the cover. */
static bool shoot_language(struct proof_run *run)
{
    const struct content *c = run->c;
    const struct words *w = &c->languages[run->lang].words, *f = &c->languages[0].words;
    const struct word_lines *at = &c->languages[run->lang].word_lines;
    bool translation = run->lang > 0;
    show(run, SCREEN_WELCOME, CONTENT_NONE, false);
    struct proof_screen s = {
        .id = "welcome",
        .fixed = true,
        .title = w->welcome_title,
        .title_line = at->welcome_title,
        .text_line = at->welcome_text,
        .untranslated = translation && (w->welcome_title == f->welcome_title ||
                                        w->welcome_text == f->welcome_text ||
                                        w->welcome_prompt == f->welcome_prompt),
    };
    bool ok = shoot(run, &s, true);
    for (int p = 0; p < c->n_pages && ok; p++) {
        if (p != c->help_page) {
            ok = shoot_page(run, p);
        }
    }
    if (ok && c->help_page != CONTENT_NONE) {
        ok = shoot_page(run, c->help_page);
    }
    if (ok) {
        show(run, SCREEN_PAGE, c->menu, true);
        s = (struct proof_screen){
            .id = "countdown",
            .fixed = true,
            .title = w->countdown_title,
            .title_line = at->countdown_title,
            .text_line = at->countdown_text,
            .untranslated = translation && (w->countdown_title == f->countdown_title ||
                                            w->countdown_text == f->countdown_text ||
                                            w->countdown_button == f->countdown_button),
        };
        /* Over the menu, which does not scroll while the question is up. */
        ok = shoot(run, &s, false);
    }
    if (ok) {
        show(run, SCREEN_COVER, CONTENT_NONE, false);
        s = (struct proof_screen){
            .id = "cover",
            .fixed = true,
            .title = w->cover_title,
            .title_line = at->cover_title,
            .text_line = at->cover_text,
            .untranslated =
                translation && (w->cover_title == f->cover_title || w->cover_text == f->cover_text),
        };
        ok = shoot(run, &s, true);
    }
    return ok;
}

static bool write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    if (!f) {
        log_error("cannot write %s: %s", path, strerror(errno));
        return false;
    }
    size_t n = strlen(text);
    bool ok = fwrite(text, 1, n, f) == n;
    ok = fclose(f) == 0 && ok;
    if (!ok) {
        log_error("cannot write %s: %s", path, strerror(errno));
    }
    return ok;
}

/* Removes the pictures an earlier --render left in `folder` (NN-<id>.png and its parts), so that
 * what staff copy or send with the page is only what it shows. Nothing else is touched. */
static void remove_old_pictures(const char *folder)
{
    DIR *d = opendir(folder);
    if (!d) {
        return;
    }
    struct strbuf path = {0};
    const struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        const char *n = e->d_name;
        size_t len = strlen(n), digits = strspn(n, "0123456789");
        if (digits >= 2 && n[digits] == '-' && len > digits + 5 &&
            strcmp(n + len - 4, ".png") == 0) {
            strbuf_setf(&path, "%s/%s", folder, n);
            remove(strbuf_str(&path));
        }
    }
    closedir(d);
    strbuf_finish(&path);
}

/* Draws one language and writes its page; `made` is when, as the page shows it. */
static bool write_language(struct proof_run *run, const char *made)
{
    const struct content *c = run->c;
    const struct language *lang = &c->languages[run->lang];
    struct strbuf path = {0}, html = {0};
    strbuf_setf(&path, "%s/proof-%s", run->dir, lang->code);
    bool ok = mkdir(strbuf_str(&path), 0777) == 0 || errno == EEXIST;
    if (!ok) {
        log_error("cannot create the folder %s: %s", strbuf_str(&path), strerror(errno));
    } else {
        remove_old_pictures(strbuf_str(&path));
    }
    run->n_screens = 0;
    run->n_names = 0;
    ok = ok && shoot_language(run);
    if (ok) {
        for (int i = 0; i < run->n_screens; i++) {
            run->screens[i].pictures = (const char *const *)&run->names[run->first_picture[i]];
        }
        const char *slash = strrchr(c->path, '/');
        struct proof_doc doc = {
            .file_name = slash ? slash + 1 : c->path,
            .version = c->version,
            .made = made,
            .lang_code = lang->code,
            .lang_name = lang->name,
            .first_language = c->languages[0].name,
            .rtl = lang->rtl,
            .width = run->surface->w,
            .height = run->surface->h,
            .screens = run->screens,
            .n_screens = run->n_screens,
        };
        proof_html_build(&html, &doc);
        strbuf_setf(&path, "%s/proof-%s.html", run->dir, lang->code);
        ok = write_file(strbuf_str(&path), strbuf_str(&html));
    }
    for (int i = 0; i < run->n_names; i++) {
        free(run->names[i]);
    }
    strbuf_finish(&path);
    strbuf_finish(&html);
    return ok;
}

bool render_proof(struct view *v, struct live *l, SDL_Surface *surface, const char *dir,
                  int drawn_lang)
{
    const struct content *c = v->content;
    struct proof_run run = {
        .v = v, .l = l, .surface = surface, .dir = dir, .c = c, .drawn_lang = drawn_lang};
    /* Welcome, every page, the countdown and the cover. */
    run.screens = xcalloc((size_t)c->n_pages + 3, sizeof(*run.screens));
    run.first_picture = xcalloc((size_t)c->n_pages + 3, sizeof(*run.first_picture));
    char made[64] = "";
    time_t now = time(NULL);
    struct tm tm;
    if (localtime_r(&now, &tm)) {
        strftime(made, sizeof(made), "%Y-%m-%d %H:%M", &tm);
    }
    struct strbuf files = {0};
    bool ok = true;
    for (run.lang = 0; run.lang < c->n_languages && ok; run.lang++) {
        ok = write_language(&run, made);
        strbuf_addf(&files, "%sproof-%s.html", run.lang ? ", " : "", c->languages[run.lang].code);
    }
    if (ok && c->n_languages == 1) {
        printf("kiosk: wrote the proofreading page, %d screens (%d pictures), to %s: %s\n",
               run.n_screens, run.pictures, dir, strbuf_str(&files));
    } else if (ok) {
        printf("kiosk: wrote proofreading pages, %d screens in each of %d languages (%d pictures), "
               "to %s: %s\n",
               run.n_screens, c->n_languages, run.pictures, dir, strbuf_str(&files));
    }
    strbuf_finish(&files);
    free(run.names);
    free(run.screens);
    free(run.first_picture);
    return ok;
}
