/* What the three fuzz harnesses share: reading typed values out of the fuzzer's bytes, a fake
 * text measurer for the layout (widths per byte or per character, some characters of zero
 * width), a UTF-8 check of its own (so a bug in kiosk/core/utf8.c cannot hide itself), and a
 * check that aborts with file:line, which libFuzzer reports as a crash with the input saved. */
#ifndef KIOSK_FUZZ_COMMON_H
#define KIOSK_FUZZ_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout.h"

/* The last values of the session's enums, to tell a valid one from garbage. */
#define FUZZ_LAST_ACTION ACTION_TEXT_SIZE
#define FUZZ_LAST_SCREEN SCREEN_STAFF_CLEAN

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* An invariant that does not hold: say which, and abort so libFuzzer keeps the input. */
#define FUZZ_CHECK(cond, ...)                                                                      \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "%s:%d: invariant failed: %s: ", __FILE__, __LINE__, #cond);           \
            fprintf(stderr, __VA_ARGS__);                                                          \
            fputc('\n', stderr);                                                                   \
            abort();                                                                               \
        }                                                                                          \
    } while (0)

/* ---- the fuzzer's bytes as typed values; past the end every read gives 0 ----------------- */

struct bytes {
    const uint8_t *p;
    size_t n;
};

static inline uint8_t take_u8(struct bytes *b)
{
    if (b->n == 0) {
        return 0;
    }
    b->n--;
    return *b->p++;
}

static inline uint16_t take_u16(struct bytes *b)
{
    uint16_t hi = take_u8(b);
    return (uint16_t)(hi << 8 | take_u8(b));
}

static inline uint32_t take_u32(struct bytes *b)
{
    uint32_t hi = take_u16(b);
    return hi << 16 | take_u16(b);
}

static inline uint64_t take_u64(struct bytes *b)
{
    uint64_t hi = take_u32(b);
    return hi << 32 | take_u32(b);
}

/* A value in [lo, hi] (both included). */
static inline int take_range(struct bytes *b, int lo, int hi)
{
    uint32_t span = (uint32_t)((int64_t)hi - lo) + 1u;
    uint32_t v = span > 0xFFFF ? take_u32(b) : span > 0xFF ? take_u16(b) : take_u8(b);
    return (int)((int64_t)lo + (span ? v % span : v));
}

/* ---- UTF-8, independently of kiosk/core/utf8.c ---------------------------------------------- */

/* Decodes one character; returns its length, with *cp = FUZZ_BROKEN for a broken byte (then
 * the length is 1). */
#define FUZZ_BROKEN 0x110000u
static inline size_t fuzz_utf8_next(const char *text, size_t len, uint32_t *cp)
{
    const unsigned char *s = (const unsigned char *)text;
    unsigned char c = s[0];
    size_t n;
    uint32_t v, min;
    *cp = FUZZ_BROKEN;
    if (c < 0x80) {
        *cp = c;
        return 1;
    } else if ((c & 0xE0) == 0xC0) {
        n = 2, v = c & 0x1Fu, min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
        n = 3, v = c & 0x0Fu, min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
        n = 4, v = c & 0x07u, min = 0x10000;
    } else {
        return 1;
    }
    if (len < n) {
        return 1;
    }
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            return 1;
        }
        v = v << 6 | (s[i] & 0x3Fu);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
        return 1;
    }
    *cp = v;
    return n;
}

static inline bool fuzz_utf8_valid(const char *s, size_t len)
{
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        i += fuzz_utf8_next(s + i, len - i, &cp);
        if (cp == FUZZ_BROKEN) {
            return false;
        }
    }
    return true;
}

/* ---- a fake text measurer ------------------------------------------------------------------ */

enum fake_mode {
    FAKE_PER_BYTE, /* every byte is half an em: the simplest monospace */
    FAKE_PER_CHAR, /* per character: marks and joiners 0, wide scripts 1 em, others half */
    FAKE_VARIED,   /* per character, widths that vary from character to character */
    FAKE_MODES
};

struct fake_metrics {
    int px[FONT_COUNT];
    enum fake_mode mode;
};

/* Characters a real font draws with no advance of their own. */
static inline bool fake_zero_width(uint32_t cp)
{
    return (cp >= 0x0300 && cp <= 0x036F) ||   /* combining diacritical marks */
           (cp >= 0x200B && cp <= 0x200F) ||   /* zero-width space, (non-)joiner, marks */
           (cp >= 0x2060 && cp <= 0x2064) ||   /* word joiner and invisible operators */
           (cp >= 0xFE00 && cp <= 0xFE0F) ||   /* variation selectors */
           (cp >= 0x1F3FB && cp <= 0x1F3FF) || /* skin-tone modifiers */
           cp == 0xFEFF || cp == 0x00AD;       /* BOM as ZWNBSP, soft hyphen */
}

static inline bool fake_wide(uint32_t cp)
{
    return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
           (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
           (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0x1F300 && cp <= 0x1FAFF);
}

static inline int fake_char_width(const struct fake_metrics *f, enum font_style font, uint32_t cp)
{
    int em = f->px[font];
    switch (f->mode) {
    case FAKE_PER_BYTE:
        return em / 2;
    case FAKE_PER_CHAR:
        return fake_zero_width(cp) ? 0 : cp == ' ' ? em / 4 : fake_wide(cp) ? em : em / 2;
    default:
        if (fake_zero_width(cp)) {
            return 0;
        }
        return em * (int)(3 + (cp * 2654435761u >> 28) % 10) / 12; /* 1/4 to 1 em */
    }
}

static inline int fake_width(void *ctx, enum font_style font, const char *text, size_t len)
{
    const struct fake_metrics *f = ctx;
    int w = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t n = f->mode == FAKE_PER_BYTE ? 1 : fuzz_utf8_next(text + i, len - i, &cp);
        if (f->mode == FAKE_PER_BYTE) {
            cp = (unsigned char)text[i];
        }
        w += fake_char_width(f, font, cp);
        i += n;
    }
    return w;
}

static inline int fake_line_height(void *ctx, enum font_style font)
{
    const struct fake_metrics *f = ctx;
    return f->px[font] * 6 / 5;
}

/* Pictures have the size the harness put in `fake_picture_w/h`; 0 means it cannot be shown. */
static int fake_picture_w, fake_picture_h;

static inline bool fake_picture_size(void *ctx, int picture, int *w, int *h)
{
    (void)ctx;
    (void)picture;
    *w = fake_picture_w;
    *h = fake_picture_h;
    return fake_picture_w > 0 && fake_picture_h > 0;
}

static inline struct text_metrics fake_metrics_init(struct fake_metrics *f, enum fake_mode mode,
                                                    int width, int height, int text_size)
{
    layout_font_sizes(width, height, text_size, f->px);
    f->mode = mode;
    struct text_metrics m = {f, fake_width, fake_line_height, fake_picture_size};
    return m;
}

/* The widest single character the fake can measure in `font` (per byte, a 4-byte one). */
static inline int fake_max_char_width(const struct fake_metrics *f, enum font_style font)
{
    return f->mode == FAKE_PER_BYTE ? 4 * (f->px[font] / 2) : f->px[font];
}

/* Screens the kiosk is made for, from the 7-inch Raspberry Pi display to 4K, both ways up. */
static const struct {
    int w, h;
} fuzz_screens[] = {
    {800, 480},   {480, 800},   {1280, 800}, {1024, 600}, {1920, 1080},
    {1080, 1920}, {3840, 2160}, {1280, 720}, {720, 1280}, {640, 480},
};
#define FUZZ_SCREENS ((int)(sizeof(fuzz_screens) / sizeof(fuzz_screens[0])))

/* ---- checks on a finished layout ------------------------------------------------------------ */

/* Every promise layout.h makes about the lists, on a width x height screen. `valid_utf8` says
 * whether every text the layout was given was valid UTF-8 (then every run must be too).
 * `marks_off_screen`: rectangles may reach past the edges (the touch test's cross hairs). */
static inline void fuzz_check_layout(const struct layout *l, const struct content *c,
                                     const struct text_metrics *m, int width, int height,
                                     bool valid_utf8, bool marks_off_screen)
{
    const struct fake_metrics *f = m->ctx;
    FUZZ_CHECK(l->store_used == 0 || l->store_used < l->store_cap, "store %zu of %zu",
               l->store_used, l->store_cap);
    FUZZ_CHECK(l->n_items <= l->cap_items && l->n_hits <= l->cap_hits, "%zu/%zu %zu/%zu",
               l->n_items, l->cap_items, l->n_hits, l->cap_hits);
    /* The viewport may have no height left (even less than none): button words hundreds of
     * characters long make the bars taller than the screen. Then the page has no room, and
     * only the checks that do not depend on it apply. */
    const struct rect vp = l->viewport;
    const bool page_room = vp.h > 0;
    FUZZ_CHECK(vp.x >= 0 && vp.y >= 0 && vp.w >= 0 && vp.x + vp.w <= width && vp.y + vp.h <= height,
               "viewport %d,%d %dx%d on %dx%d", vp.x, vp.y, vp.w, vp.h, width, height);
    FUZZ_CHECK((l->content_height >= 0 || !page_room) && l->scroll_max >= 0,
               "content %d, scroll_max %d", l->content_height, l->scroll_max);
    int overflow = l->content_height - vp.h;
    FUZZ_CHECK(l->scroll_max == (overflow > 0 ? overflow : 0), "scroll_max %d, content %d, vp %d",
               l->scroll_max, l->content_height, vp.h);
    for (size_t i = 0; i < l->n_items; i++) {
        const struct draw_item *it = &l->items[i];
        const struct rect r = it->rect;
        if (it->kind == DRAW_PICTURE && !page_room) {
            continue;
        }
        FUZZ_CHECK(r.w >= 0 && r.h >= 0, "item %zu is %dx%d", i, r.w, r.h);
        if (it->kind == DRAW_RECT && marks_off_screen) {
            continue;
        }
        FUZZ_CHECK(r.x >= 0, "item %zu (kind %d) starts at x=%d", i, (int)it->kind, r.x);
        bool one_char = false;
        if (it->kind == DRAW_TEXT) {
            FUZZ_CHECK(it->len > 0, "text item %zu is empty", i);
            FUZZ_CHECK(it->text <= l->store_used && it->len <= l->store_used - it->text,
                       "text item %zu at %zu+%zu of %zu", i, it->text, it->len, l->store_used);
            const char *s = layout_text(l, it);
            FUZZ_CHECK(memchr(s, '\0', it->len) == NULL && memchr(s, '\n', it->len) == NULL &&
                           memchr(s, '\r', it->len) == NULL && memchr(s, '\t', it->len) == NULL,
                       "text item %zu holds a NUL, tab or line break", i);
            FUZZ_CHECK(!valid_utf8 || fuzz_utf8_valid(s, it->len),
                       "text item %zu (font %d at %d,%d) \"%.*s\" is not valid UTF-8", i,
                       (int)it->font, r.x, r.y, (int)it->len, s);
            FUZZ_CHECK(it->font >= 0 && it->font < FONT_COUNT, "font %d", (int)it->font);
            int w = m->width(m->ctx, it->font, s, it->len);
            FUZZ_CHECK(r.w == w, "text item %zu is %d wide but measures %d", i, r.w, w);
            FUZZ_CHECK(r.h == m->line_height(m->ctx, it->font), "text item %zu is %d high", i, r.h);
            uint32_t cp;
            one_char = fuzz_utf8_next(s, it->len, &cp) == it->len;
        }
        /* Text may only run past the right edge when a single character is wider than the room
         * its column has (which a bullet's indent can use up); the layout promises to break
         * anything longer between characters. */
        bool wide_char = one_char && r.w > 0 && r.w <= fake_max_char_width(f, it->font);
        FUZZ_CHECK(r.x + r.w <= width || wide_char, "item %zu (kind %d) at x=%d w=%d on %d", i,
                   (int)it->kind, r.x, r.w, width);
        /* Vertically only the page's own content is promised to fit (it scrolls): bars and
         * panels with button words hundreds of characters long can outgrow the screen. */
        if (it->scrolls && page_room) {
            FUZZ_CHECK(r.y >= vp.y && r.y + r.h <= vp.y + l->content_height,
                       "scrolling item %zu at y=%d h=%d outside %d..%d", i, r.y, r.h, vp.y,
                       vp.y + l->content_height);
        }
        if (it->kind == DRAW_PICTURE) {
            FUZZ_CHECK(it->picture >= 0 && it->picture < c->n_pictures, "picture %d", it->picture);
        }
    }
    for (size_t i = 0; i < l->n_hits; i++) {
        const struct layout_hit *h = &l->hits[i];
        FUZZ_CHECK(h->rect.w >= 0 && h->rect.h >= 0 && h->rect.x >= 0 &&
                       h->rect.x + h->rect.w <= width,
                   "hit %zu at x=%d w=%d h=%d", i, h->rect.x, h->rect.w, h->rect.h);
        FUZZ_CHECK(h->hit.action >= ACTION_NONE && h->hit.action <= FUZZ_LAST_ACTION, "action %d",
                   (int)h->hit.action);
        FUZZ_CHECK(h->hit.action != ACTION_GOTO ||
                       (h->hit.target >= 0 && h->hit.target < c->n_pages),
                   "hit %zu goes to page %d of %d", i, h->hit.target, c->n_pages);
    }
}

#endif
