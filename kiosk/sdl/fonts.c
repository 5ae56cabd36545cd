#include "fonts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "text_runs.h"
#include "utf8.h"
#include "util.h"
#include "wipe.h"

static const char *const system_regular[] = {
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
};
static const char *const system_bold[] = {
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/TTF/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf",
};

/* Where Debian's Noto and DejaVu packages put the fonts for scripts DejaVu Sans lacks or draws
 * poorly (fonts-noto-ui-core, fonts-noto-core, fonts-noto-cjk). Missing files are skipped. */
static const char *const default_chain[] = {
    "/usr/share/fonts/truetype/noto/NotoSansArabicUI-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansHebrew-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansDevanagariUI-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansBengaliUI-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansGurmukhiUI-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansTamilUI-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansThaiUI-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansEthiopic-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansArmenian-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansGeorgian-Regular.ttf",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
};

/* Titles, buttons and emphasis are bold; running text is regular. */
static bool style_is_bold(enum font_style s)
{
    return s == FONT_BOLD || s == FONT_TITLE || s == FONT_BUTTON || s == FONT_WELCOME;
}

static TTF_Font *open_first(const struct font_files *files, const char *const *paths, size_t n,
                            int px)
{
    for (size_t i = 0; i < n; i++) {
        TTF_Font *font = font_files_open(files, paths[i], px);
        if (font) {
            return font;
        }
    }
    return NULL;
}

static TTF_Font *open_style(const struct font_files *files, const struct theme *theme,
                            enum font_style s, int px)
{
    bool bold = style_is_bold(s);
    if (bold && theme->font_bold) {
        TTF_Font *font = font_files_open(files, theme->font_bold, px);
        if (font) {
            return font;
        }
        log_warn("cannot open the bold font %s (%s); using another", theme->font_bold,
                 TTF_GetError());
    }
    if (theme->font) {
        TTF_Font *font = font_files_open(files, theme->font, px);
        if (font) {
            if (bold && !theme->font_bold) {
                TTF_SetFontStyle(font, TTF_STYLE_BOLD); /* embolden the one font we have */
            }
            return font;
        }
        log_warn("cannot open the font %s (%s); using DejaVu Sans", theme->font, TTF_GetError());
    }
    TTF_Font *font = bold ? open_first(files, system_bold, ARRAY_LEN(system_bold), px) : NULL;
    if (!font) {
        font = open_first(files, system_regular, ARRAY_LEN(system_regular), px);
        if (font && bold) {
            TTF_SetFontStyle(font, TTF_STYLE_BOLD);
        }
    }
    return font;
}

/* The bold file of a family that has one: "-Regular." becomes "-Bold."; false for others. */
static bool bold_sibling(const char *path, char *bold, size_t size)
{
    const char *regular = strstr(path, "-Regular.");
    if (!regular) {
        return false;
    }
    int n = snprintf(bold, size, "%.*s-Bold.%s", (int)(regular - path), path,
                     regular + strlen("-Regular."));
    return n > 0 && (size_t)n < size;
}

/* Every file the theme, the system fallback and the chain could need, read now (between
 * visits) so that no font is read from disk while a visitor looks. */
static void read_all(struct fonts *f, const struct theme *theme)
{
    if (f->files_read) {
        return;
    }
    f->files_read = true;
    if (theme->font_bold) {
        font_files_read(&f->files, theme->font_bold);
    }
    if (theme->font) {
        font_files_read(&f->files, theme->font);
    }
    for (size_t i = 0; i < ARRAY_LEN(system_bold); i++) {
        if (font_files_read(&f->files, system_bold[i])) {
            break;
        }
    }
    for (size_t i = 0; i < ARRAY_LEN(system_regular); i++) {
        if (font_files_read(&f->files, system_regular[i])) {
            break;
        }
    }
    int n = theme->n_fallback_fonts > 0 ? theme->n_fallback_fonts : (int)ARRAY_LEN(default_chain);
    for (int i = 0; i < n && i < FONTS_CHAIN_MAX; i++) {
        const char *path =
            theme->n_fallback_fonts > 0 ? theme->fallback_fonts[i] : default_chain[i];
        char bold[512];
        if (font_files_read(&f->files, path) && bold_sibling(path, bold, sizeof(bold))) {
            font_files_read(&f->files, bold);
        }
    }
}

bool fonts_open(struct fonts *f, const struct theme *theme, int width, int height, int scale)
{
    fonts_close(f);
    read_all(f, theme);
    f->width = width;
    f->height = height;
    f->scale = scale > 0 ? scale : 100;
    f->text_size = theme->text_size * f->scale / 100;
    layout_font_sizes(width, height, f->text_size, f->px);
    for (int i = 0; i < FONT_COUNT; i++) {
        f->font[i] = open_style(&f->files, theme, (enum font_style)i, f->px[i]);
        if (!f->font[i]) {
            log_error("no usable font: the config's font failed and DejaVu Sans is not installed "
                      "(install the fonts-dejavu-core package)");
            fonts_finish(f);
            return false;
        }
        TTF_SetFontHinting(f->font[i], TTF_HINTING_LIGHT);
    }
    f->n_chain = 0;
    int n = theme->n_fallback_fonts > 0 ? theme->n_fallback_fonts : (int)ARRAY_LEN(default_chain);
    for (int i = 0; i < n && f->n_chain < FONTS_CHAIN_MAX; i++) {
        f->chain_paths[f->n_chain++] =
            theme->n_fallback_fonts > 0 ? theme->fallback_fonts[i] : default_chain[i];
    }
    return true;
}

void fonts_close(struct fonts *f)
{
    for (int i = 0; i < FONT_COUNT; i++) {
        if (f->font[i]) {
            TTF_CloseFont(f->font[i]);
            f->font[i] = NULL;
        }
        for (int k = 0; k < FONTS_CHAIN_MAX; k++) {
            if (f->chain[i][k]) {
                TTF_CloseFont(f->chain[i][k]);
                f->chain[i][k] = NULL;
            }
            f->tried[i][k] = false;
        }
    }
}

void fonts_finish(struct fonts *f)
{
    fonts_close(f);
    font_files_finish(&f->files);
    f->files_read = false;
}

/* Font `k` of the chain in `style`, opened the first time a character asks for it. A bold style
 * takes the family's bold file when there is one ("-Regular." -> "-Bold."). */
static TTF_Font *chain_font(struct fonts *f, enum font_style style, int k)
{
    if (f->tried[style][k]) {
        return f->chain[style][k];
    }
    f->tried[style][k] = true;
    const char *path = f->chain_paths[k];
    TTF_Font *font = NULL;
    char bold[512];
    if (style_is_bold(style) && bold_sibling(path, bold, sizeof(bold))) {
        font = font_files_open(&f->files, bold, f->px[style]);
    }
    if (!font) {
        font = font_files_open(&f->files, path, f->px[style]);
        if (font && style_is_bold(style)) {
            TTF_SetFontStyle(font, TTF_STYLE_BOLD);
        }
    }
    if (font) {
        TTF_SetFontHinting(font, TTF_HINTING_LIGHT);
    }
    f->chain[style][k] = font;
    return font;
}

struct pick {
    struct fonts *fonts;
    enum font_style style;
};

/* Latin, Greek, Cyrillic, punctuation and symbols: the theme's own font draws these when it
 * can, so the clinic's font choice shows. Other scripts go to the chain first: DejaVu Sans has
 * Arabic, for one, but Noto's is made for reading on screen. */
static bool theme_script(uint32_t cp)
{
    return cp < 0x0590 || (cp >= 0x1E00 && cp <= 0x1FFF) || (cp >= 0x2000 && cp <= 0x2BFF);
}

/* The chain index for a character: 0 the theme's font, k + 1 chain font k, -1 any. */
static int font_for(void *ctx, uint32_t cp)
{
    struct pick *p = ctx;
    if (cp == ' ' || cp == 0xA0 || cp == 0x202F || (cp >= 0x0300 && cp <= 0x036F) ||
        (cp >= 0x200B && cp <= 0x200F) || cp == 0x2060 || cp == 0xFEFF) {
        return -1; /* spaces, joiners and combining marks go with their neighbours */
    }
    TTF_Font *own = p->fonts->font[p->style];
    if (theme_script(cp) && TTF_GlyphIsProvided32(own, cp)) {
        return 0;
    }
    for (int k = 0; k < p->fonts->n_chain; k++) {
        TTF_Font *font = chain_font(p->fonts, p->style, k);
        if (font && TTF_GlyphIsProvided32(font, cp)) {
            return k + 1;
        }
    }
    return 0; /* nobody has it: the theme's font draws its empty box */
}

static TTF_Font *run_font(struct fonts *f, enum font_style style, int index)
{
    TTF_Font *font = index > 0 ? chain_font(f, style, index - 1) : NULL;
    return font ? font : f->font[style];
}

/* Sets HarfBuzz's direction and script for one run, and back to the defaults after it. */
static void run_begin(TTF_Font *font, const struct text_run *run)
{
    if (run->rtl) {
        TTF_SetFontDirection(font, TTF_DIRECTION_RTL);
    }
    if (run->script) {
        TTF_SetFontScriptName(font, run->script);
    }
}

static void run_end(TTF_Font *font, const struct text_run *run)
{
    if (run->rtl) {
        TTF_SetFontDirection(font, TTF_DIRECTION_LTR);
    }
    if (run->script) {
        TTF_SetFontScriptName(font, "Zzzz"); /* HarfBuzz's "unknown", SDL_ttf's default */
    }
}

/* A NUL-terminated copy of s[0..len) in `small` when it fits, else on the heap. */
static char *terminated(const char *s, size_t len, char *small, size_t size)
{
    char *buf = len < size ? small : malloc(len + 1);
    if (buf) {
        memcpy(buf, s, len);
        buf[len] = '\0';
    }
    return buf;
}

/* The copy overwritten (it holds a visitor's words) and freed if it was on the heap. */
static void release(char *buf, char *small, size_t len)
{
    wipe(buf, len);
    if (buf != small) {
        free(buf);
    }
}

static int plain_width(TTF_Font *font, const char *s, size_t len)
{
    char small[512];
    char *buf = terminated(s, len, small, sizeof(small));
    if (!buf) {
        return 0;
    }
    int w = 0, h = 0;
    if (TTF_SizeUTF8(font, buf, &w, &h) != 0) {
        w = 0;
    }
    release(buf, small, len);
    return w;
}

int fonts_width(struct fonts *f, enum font_style style, const char *s, size_t len)
{
    struct pick pick = {f, style};
    /* The paragraph's direction only reorders runs; their widths add up the same either way. */
    bool rtl = utf8_text_direction(s, len) == 1;
    if (text_runs_simple(s, len, rtl, font_for, &pick)) {
        return plain_width(f->font[style], s, len);
    }
    struct text_runs runs = {0};
    text_runs_split(&runs, s, len, rtl, font_for, &pick);
    int w = 0;
    for (size_t i = 0; i < runs.n; i++) {
        TTF_Font *font = run_font(f, style, runs.runs[i].font);
        run_begin(font, &runs.runs[i]);
        w += plain_width(font, s + runs.runs[i].offset, runs.runs[i].len);
        run_end(font, &runs.runs[i]);
    }
    text_runs_free(&runs);
    return w;
}

static SDL_Surface *render_plain(TTF_Font *font, const char *s, size_t len, SDL_Color color)
{
    char small[512];
    char *buf = terminated(s, len, small, sizeof(small));
    if (!buf) {
        return NULL;
    }
    SDL_Surface *surface = TTF_RenderUTF8_Blended(font, buf, color);
    release(buf, small, len);
    return surface;
}

SDL_Surface *fonts_render(struct fonts *f, enum font_style style, const char *s, size_t len,
                          bool rtl, SDL_Color color, int *dy)
{
    *dy = 0;
    struct pick pick = {f, style};
    if (text_runs_simple(s, len, rtl, font_for, &pick)) {
        return render_plain(f->font[style], s, len, color);
    }
    struct text_runs runs = {0};
    text_runs_split(&runs, s, len, rtl, font_for, &pick);
    /* Each run is drawn on its own, then they are set side by side on one baseline. */
    /* An array of pointers: sizeof(*parts) is meant. */
    SDL_Surface **parts = calloc(runs.n + 1, sizeof(*parts)); // NOLINT(bugprone-sizeof-expression)
    int *tops = calloc(runs.n + 1, sizeof(*tops));
    int ascent = TTF_FontAscent(f->font[style]);
    int top = 0, bottom = TTF_FontHeight(f->font[style]), width = 0;
    for (size_t i = 0; parts && tops && i < runs.n; i++) {
        TTF_Font *font = run_font(f, style, runs.runs[i].font);
        run_begin(font, &runs.runs[i]);
        parts[i] = render_plain(font, s + runs.runs[i].offset, runs.runs[i].len, color);
        run_end(font, &runs.runs[i]);
        if (parts[i]) {
            tops[i] = ascent - TTF_FontAscent(font);
            top = tops[i] < top ? tops[i] : top;
            bottom = tops[i] + parts[i]->h > bottom ? tops[i] + parts[i]->h : bottom;
            width += parts[i]->w;
        }
    }
    SDL_Surface *out = NULL;
    if (parts && tops && width > 0) {
        out = SDL_CreateRGBSurfaceWithFormat(0, width, bottom - top, 32, SDL_PIXELFORMAT_ARGB8888);
    }
    int x = 0;
    for (size_t i = 0; parts && i < runs.n; i++) {
        if (parts[i] && out) {
            SDL_SetSurfaceBlendMode(parts[i], SDL_BLENDMODE_NONE);
            SDL_Rect at = {x, tops[i] - top, parts[i]->w, parts[i]->h};
            SDL_BlitSurface(parts[i], NULL, out, &at);
            x += parts[i]->w;
        }
        if (parts[i]) {
            SDL_FreeSurface(parts[i]);
        }
    }
    *dy = top;
    free(tops);
    free(parts);
    text_runs_free(&runs);
    return out;
}

int fonts_open_count(const struct fonts *f)
{
    int n = 0;
    for (int i = 0; i < FONT_COUNT; i++) {
        n += f->font[i] != NULL;
        for (int k = 0; k < FONTS_CHAIN_MAX; k++) {
            n += f->chain[i][k] != NULL;
        }
    }
    return n;
}

int fonts_line_height(const struct fonts *f, enum font_style style)
{
    return TTF_FontLineSkip(f->font[style]);
}
