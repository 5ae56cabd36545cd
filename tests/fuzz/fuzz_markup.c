/* Fuzzes the page-text markup and line wrapping. The input is text (any bytes: invalid UTF-8,
 * zero-width joiners, combining marks, words longer than any screen) that becomes a page's body
 * and title, a choice label, a topic name and one of the fixed screens' words; the real
 * layout_build lays it out with a fake text measurer at several screen sizes and text sizes.
 *
 * Input: 8 bytes of parameters, then the text. NUL bytes split the text into up to five parts:
 * body, title, choice label, topic name, a word (one part only: it is the body and the title).
 *
 * Checked: the markup tokenizer ends, loses no byte and never yields an empty or spaced word;
 * every draw item and touch region lies inside the screen (a single character wider than the
 * whole column is the one thing allowed past the right edge), every text run is valid UTF-8 when
 * the input was, is measured as wide as its rectangle says, and lies in the layout's text store;
 * scrolling items stay inside the scrolling content; layout_hit_test finds only real pages. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "content.h"
#include "fuzz_common.h"
#include "layout.h"
#include "markup.h"
#include "session.h"
#include "xalloc.h"

enum { PART_BODY, PART_TITLE, PART_LABEL, PART_TOPIC, PART_WORD, PARTS };
enum { PAGE_MENU, PAGE_ONE, PAGE_TWO, PAGE_HELP, PAGES };

static bool is_blank_byte(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* The tokenizer on its own: it ends, it loses nothing, and its words are words. */
static void check_markup(const char *text, size_t len)
{
    struct markup_cursor c;
    markup_init(&c, text, len);
    size_t word_bytes = 0, stars_in_words = 0, bullets = 0, tokens = 0;
    const char *end_of_last = text;
    bool last_was_word = false;
    for (;;) {
        struct markup_token t = markup_next(&c);
        FUZZ_CHECK(tokens <= len + 1, "%zu tokens from %zu bytes", tokens, len);
        if (tokens == 0) {
            FUZZ_CHECK(t.kind == MARKUP_WORD || t.kind == MARKUP_BULLET || t.kind == MARKUP_END,
                       "first token is kind %d", (int)t.kind);
        }
        tokens++;
        if (t.kind == MARKUP_END) {
            break;
        }
        if (t.kind == MARKUP_BULLET) {
            bullets++;
        }
        if (t.kind != MARKUP_WORD) {
            last_was_word = false;
            continue;
        }
        FUZZ_CHECK(t.len > 0, "an empty word");
        FUZZ_CHECK(t.text >= end_of_last && t.text + t.len <= text + len,
                   "word at %td+%zu, after %td, in %zu bytes", t.text - text, t.len,
                   end_of_last - text, len);
        FUZZ_CHECK(!t.glued || last_was_word, "a glued word after a structural token");
        for (size_t i = 0; i < t.len; i++) {
            FUZZ_CHECK(!is_blank_byte(t.text[i]), "word \"%.*s\" holds a blank", (int)t.len,
                       t.text);
            stars_in_words += t.text[i] == '*';
        }
        word_bytes += t.len;
        end_of_last = t.text + t.len;
        last_was_word = true;
    }
    for (int i = 0; i < 3; i++) {
        FUZZ_CHECK(markup_next(&c).kind == MARKUP_END, "a token after MARKUP_END");
    }
    /* Every byte that is not blank is in a word, is an emphasis marker (every '*' outside the
     * words, an even number of them), or is the '-' of a bullet. */
    size_t printable = 0, stars = 0;
    for (size_t i = 0; i < len; i++) {
        printable += !is_blank_byte(text[i]);
        stars += text[i] == '*';
    }
    size_t markers = stars - stars_in_words;
    FUZZ_CHECK(markers % 2 == 0, "%zu emphasis markers", markers);
    FUZZ_CHECK(printable == word_bytes + markers + bullets,
               "%zu visible bytes, %zu in words, %zu markers, %zu bullets", printable, word_bytes,
               markers, bullets);
}

static char *part_or(const char *const *parts, const size_t *lens, int i, const char *fallback)
{
    return parts[i] ? xstrndup(parts[i], lens[i]) : xstrdup(fallback);
}

static struct content *make_content(const char *const *parts, const size_t *lens, int word,
                                    bool picture, bool help)
{
    struct content *c = xcalloc(1, sizeof(*c));
    c->n_pages = PAGES;
    c->pages = xcalloc(PAGES, sizeof(*c->pages));
    static const char *const ids[PAGES] = {"menu", "one", "two", "help"};
    for (int i = 0; i < PAGES; i++) {
        struct page *p = &c->pages[i];
        p->id = xstrdup(ids[i]);
        p->title = xstrdup(i == PAGE_MENU ? "What would you like to read about?" : "Two");
        p->text = xstrdup(i == PAGE_HELP ? "Call us on 0800 000 000." : "");
        p->picture = CONTENT_NONE;
        p->topic = CONTENT_NONE;
        p->next = CONTENT_NONE;
    }
    struct page *one = &c->pages[PAGE_ONE];
    free(one->title);
    free(one->text);
    one->title = part_or(parts, lens, PART_TITLE, "");
    one->text = part_or(parts, lens, PART_BODY, "");
    one->picture = picture ? 0 : CONTENT_NONE;
    one->next = PAGE_TWO;
    one->n_choices = 2;
    one->choices = xcalloc(2, sizeof(*one->choices));
    for (int k = 0; k < 2; k++) {
        one->choices[k] =
            (struct choice){part_or(parts, lens, PART_LABEL, "Yes"), xstrdup(ids[PAGE_TWO + k]),
                            PAGE_TWO + k, k == 1 && picture ? 0 : CONTENT_NONE, 0};
    }
    c->n_topics = 1;
    c->topics = xcalloc(1, sizeof(*c->topics));
    c->topics[0] = (struct topic){.title = part_or(parts, lens, PART_TOPIC, "Feeling safe"),
                                  .picture = picture ? 0 : CONTENT_NONE,
                                  .first_page = PAGE_ONE,
                                  .n_pages = 2};
    for (int i = 0; i < 2; i++) {
        c->pages[PAGE_ONE + i].topic = 0;
        c->pages[PAGE_ONE + i].index_in_topic = i;
    }
    struct page *menu = &c->pages[PAGE_MENU];
    menu->n_choices = 2;
    menu->choices = xcalloc(2, sizeof(*menu->choices));
    menu->choices[0] = (struct choice){xstrdup(c->topics[0].title), xstrdup("one"), PAGE_ONE,
                                       c->topics[0].picture, 0};
    menu->choices[1] = (struct choice){part_or(parts, lens, PART_LABEL, "More"), xstrdup("two"),
                                       PAGE_TWO, CONTENT_NONE, 0};
    c->n_pictures = 1;
    c->pictures = xcalloc(1, sizeof(*c->pictures));
    c->pictures[0].path = xstrdup("fuzz.png");
    c->menu = PAGE_MENU;
    c->help_page = help ? PAGE_HELP : CONTENT_NONE;
    c->welcome_picture = picture ? 0 : CONTENT_NONE;
    c->settings.idle_timeout = 90;
    c->settings.reset_countdown = 20;
    c->theme.text_size = 100;
    struct words *w = &c->words;
    struct {
        char **field;
        const char *text;
    } words[] = {
        {&w->welcome_title, "Hello"},
        {&w->welcome_text, "Take a moment for yourself. Nothing you tap here is saved."},
        {&w->welcome_prompt, "Tap anywhere to begin"},
        {&w->cover_title, "Welcome"},
        {&w->cover_text, "Please take a seat. Someone will be with you soon."},
        {&w->countdown_title, "Still there?"},
        {&w->countdown_text, "Starting again in {seconds} seconds."},
        {&w->countdown_button, "Continue"},
        {&w->back, "Back"},
        {&w->next, "Next"},
        {&w->home, "Topics"},
        {&w->help, "Get help"},
        {&w->quick_exit, "Quick exit"},
        {&w->done, "More topics"},
        {&w->progress, "{page} of {pages}"},
    };
    int n_words = (int)(sizeof(words) / sizeof(words[0]));
    for (int i = 0; i < n_words; i++) {
        *words[i].field = i == word % n_words ? part_or(parts, lens, PART_WORD, words[i].text)
                                              : xstrdup(words[i].text);
    }
    /* The same words as a right-to-left language too, so the mirrored layout is fuzzed. */
    c->theme.animations = true;
    c->n_languages = 2;
    c->languages = xcalloc(2, sizeof(*c->languages));
    language_init_from(&c->languages[0], c, "en", "English", false);
    language_init_from(&c->languages[1], c, "ar", "Arabic", true);
    return c;
}

/* Lays out one screen and checks it, and what a finger finds on it. */
static void lay_out(struct layout *l, const struct content *c, struct session *s,
                    const struct text_metrics *m, int width, int height, bool valid)
{
    layout_build(l, c, s, m, width, height);
    fuzz_check_layout(l, c, m, width, height, valid, false);
    int scrolls[] = {0, l->scroll_max / 2, l->scroll_max};
    for (int k = 0; k < 3; k++) {
        for (int y = 0; y < height; y += height / 7) {
            for (int x = 0; x < width; x += width / 5) {
                struct hit h = layout_hit_test(l, x, y, scrolls[k]);
                FUZZ_CHECK(h.action != ACTION_GOTO || (h.target >= 0 && h.target < c->n_pages),
                           "(%d,%d) goes to page %d", x, y, h.target);
            }
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct bytes in = {data, size};
    uint8_t flags = take_u8(&in);
    int screen_a = take_u8(&in) % FUZZ_SCREENS;
    int screen_b = take_u8(&in) % FUZZ_SCREENS;
    int text_size = 50 + take_u8(&in) % 151; /* the config's range, in percent */
    fake_picture_w = take_u8(&in) * 16;
    fake_picture_h = take_u8(&in) * 16;
    int word = take_u8(&in);
    enum fake_mode mode = (enum fake_mode)(take_u8(&in) % FAKE_MODES);

    /* The rest is text, cut at NUL bytes as the config's C strings would be. */
    const char *parts[PARTS] = {0};
    size_t lens[PARTS] = {0};
    const char *text = (const char *)in.p;
    size_t left = in.n;
    for (int i = 0; i < PARTS && (i == 0 || left > 0); i++) {
        const char *nul = memchr(text, '\0', left);
        size_t n = nul ? (size_t)(nul - text) : left;
        parts[i] = text;
        lens[i] = n;
        text += n + (nul != NULL);
        left -= n + (nul != NULL);
    }
    if (!parts[PART_TITLE]) {
        parts[PART_TITLE] = parts[PART_BODY];
        lens[PART_TITLE] = lens[PART_BODY];
    }
    bool valid = true;
    for (int i = 0; i < PARTS; i++) {
        if (parts[i]) {
            check_markup(parts[i], lens[i]);
            valid = valid && fuzz_utf8_valid(parts[i], lens[i]);
        }
    }

    struct content *c = make_content(parts, lens, word, flags & 1, flags & 2);
    c->theme.text_size = text_size;
    struct layout l;
    layout_init(&l);
    struct session s;
    int screens[2] = {screen_a, screen_b};
    for (int k = 0; k < 2; k++) {
        int w = fuzz_screens[screens[k]].w, h = fuzz_screens[screens[k]].h;
        struct fake_metrics fm;
        struct text_metrics m = fake_metrics_init(&fm, mode, w, h, text_size);
        session_init(&s, c, w, h);
        session_preview(&s, SCREEN_PAGE, PAGE_ONE, flags & 4);
        session_preview_language(&s, (flags & 32) ? 1 : 0);
        if (flags & 8) {
            session_preview_pressed(&s,
                                    (struct hit){ACTION_GOTO, PAGE_TWO}); /* a finger on a choice */
        }
        lay_out(&l, c, &s, &m, w, h, valid);
        if (k == 1) {
            break;
        }
        session_preview(&s, SCREEN_PAGE, PAGE_MENU, flags & 16);
        session_preview_language(&s, (flags & 32) ? 1 : 0);
        lay_out(&l, c, &s, &m, w, h, valid);
        session_preview(&s, SCREEN_WELCOME, 0, false);
        session_preview_language(&s, (flags & 32) ? 1 : 0);
        lay_out(&l, c, &s, &m, w, h, valid);
        session_preview(&s, SCREEN_COVER, 0, false);
        session_preview_language(&s, (flags & 32) ? 1 : 0);
        lay_out(&l, c, &s, &m, w, h, valid);
    }
    layout_finish(&l);
    content_destroy(c);
    return 0;
}
