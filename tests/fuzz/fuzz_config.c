/* Fuzzes the config reader with bytes in, through the same path as a file: config_load reads a
 * file and hands its bytes to config_load_buffer, which is what this calls. Relative picture and
 * font names resolve beside tests/data/fuzz.cfg (where leaf.png and heart.svg are), then in the
 * shipped assets folder.
 *
 * Checked, besides memory safety, undefined behaviour and leaks:
 *   - a content comes back exactly when no error was reported, and a failure always says why;
 *   - every diagnostic formats (diag_format) to "path..." and names a line of the file, the
 *     list is sorted by line, its counts add up, and every message and key is valid UTF-8;
 *   - a content is what content.h promises: indices in range (pages, targets, next, topics,
 *     pictures, help page), topics cover consecutive pages, ids valid and unique, every string
 *     set and valid UTF-8, settings inside their documented ranges;
 *   - opening hours: the minutes to the next change agree with the minute-by-minute answer;
 *   - a content lays out: its first pages and the fixed screens, at one screen size, pass the
 *     layout checks of fuzz_common.h. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "config_reader.h"
#include "content.h"
#include "diag.h"
#include "fuzz_common.h"
#include "layout.h"
#include "session.h"

#define FUZZ_PATH KIOSK_SOURCE_DIR "/tests/data/fuzz.cfg"
#define FUZZ_ASSETS KIOSK_SOURCE_DIR "/assets"
/* Laying out thousands of pages would only slow the fuzzer; the first ones show the way. */
#define LAYOUT_PAGES 24

static bool valid_text(const char *s)
{
    return s && fuzz_utf8_valid(s, strlen(s));
}

static bool is_blank(const char *s)
{
    return s[strspn(s, " \t\n")] == '\0';
}

/* Lines as an editor counts them: CRLF, CR and LF each end one. */
static int count_lines(const char *data, size_t size)
{
    int lines = 1;
    for (size_t i = 0; i < size; i++) {
        if (data[i] == '\n' || (data[i] == '\r' && (i + 1 == size || data[i + 1] != '\n'))) {
            lines++;
        }
    }
    return lines;
}

static void check_diags(const struct diag_list *diags, const char *data, size_t size)
{
    int lines = count_lines(data, size);
    size_t errors = 0, warnings = 0;
    int last_line = 0;
    size_t path_len = strlen(FUZZ_PATH);
    for (size_t i = 0; i < diags->count; i++) {
        const struct diag *d = &diags->items[i];
        FUZZ_CHECK(d->level == DIAG_ERROR || d->level == DIAG_WARNING, "level %d", (int)d->level);
        errors += d->level == DIAG_ERROR;
        warnings += d->level == DIAG_WARNING;
        FUZZ_CHECK(d->line >= 0 && d->line <= lines, "diagnostic %zu on line %d of %d", i, d->line,
                   lines);
        FUZZ_CHECK(d->line >= last_line, "diagnostic %zu on line %d after line %d", i, d->line,
                   last_line);
        last_line = d->line;
        FUZZ_CHECK(d->message && d->message[0], "diagnostic %zu has no message", i);
        FUZZ_CHECK(valid_text(d->message), "message %zu is not UTF-8: %s", i, d->message);
        FUZZ_CHECK(!d->key || (d->key[0] && valid_text(d->key)), "key %zu: \"%s\"", i, d->key);
        struct strbuf line;
        strbuf_init(&line);
        diag_format(diags, d, &line);
        const char *buf = strbuf_str(&line);
        FUZZ_CHECK(strncmp(buf, FUZZ_PATH, path_len) == 0 && buf[path_len] == ':',
                   "diagnostic %zu formats as \"%s\"", i, buf);
        FUZZ_CHECK(strlen(buf) > path_len + 2, "diagnostic %zu formats as \"%s\"", i, buf);
        strbuf_finish(&line);
    }
    FUZZ_CHECK(errors == diags->errors && warnings == diags->warnings,
               "counted %zu errors and %zu warnings, the list says %zu and %zu", errors, warnings,
               diags->errors, diags->warnings);
}

static bool valid_id(const char *id)
{
    size_t n = strlen(id);
    if (n == 0 || n > 64) {
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        char c = id[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_')) {
            return false;
        }
    }
    return strcmp(id, "welcome") != 0 && strcmp(id, "countdown") != 0 && strcmp(id, "cover") != 0;
}

static int by_string(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static bool picture_ok(const struct content *c, int picture)
{
    return picture == CONTENT_NONE || (picture >= 0 && picture < c->n_pictures);
}

static bool page_ok(const struct content *c, int page)
{
    return page >= 0 && page < c->n_pages;
}

static void check_content(const struct content *c)
{
    FUZZ_CHECK(c->path && strcmp(c->path, FUZZ_PATH) == 0, "path %s", c->path);
    FUZZ_CHECK(c->n_pages >= 1 && c->pages, "%d pages", c->n_pages);
    FUZZ_CHECK(page_ok(c, c->menu) && strcmp(c->pages[c->menu].id, CONTENT_MENU_ID) == 0,
               "menu is page %d", c->menu);
    FUZZ_CHECK(c->help_page == CONTENT_NONE || page_ok(c, c->help_page), "help page %d",
               c->help_page);
    FUZZ_CHECK(picture_ok(c, c->welcome_picture), "welcome picture %d", c->welcome_picture);
    FUZZ_CHECK(c->settings.idle_timeout >= 15 && c->settings.idle_timeout <= 3600,
               "idle_timeout %d", c->settings.idle_timeout);
    FUZZ_CHECK(c->settings.reset_countdown >= 5 && c->settings.reset_countdown <= 300,
               "reset_countdown %d", c->settings.reset_countdown);
    FUZZ_CHECK(c->theme.text_size >= 50 && c->theme.text_size <= 200, "text_size %d",
               c->theme.text_size);
    FUZZ_CHECK(!c->theme.font || c->theme.font[0], "empty font path");
    FUZZ_CHECK(!c->theme.font_bold || c->theme.font_bold[0], "empty bold font path");
    FUZZ_CHECK(c->display.rotation % 90 == 0 && c->display.rotation >= 0 &&
                   c->display.rotation <= 270,
               "rotation %d", c->display.rotation);
    if (c->staff_pin) {
        size_t n = strlen(c->staff_pin);
        FUZZ_CHECK(n >= 4 && n <= 8 && strspn(c->staff_pin, "0123456789") == n, "PIN \"%s\"",
                   c->staff_pin);
    }
    /* Opening hours: the time to the next change is exact, from a few points of the week. */
    static const int minutes[] = {0, 1, 8 * 60 + 29, 3 * 24 * 60 + 17 * 60 + 30,
                                  SCHEDULE_WEEK_MINUTES - 1};
    for (size_t i = 0; i < sizeof(minutes) / sizeof(minutes[0]); i++) {
        int m = minutes[i];
        bool open = schedule_is_open(&c->schedule, m);
        int k = schedule_minutes_to_change(&c->schedule, m);
        FUZZ_CHECK(k == -1 || (k >= 1 && k <= SCHEDULE_WEEK_MINUTES), "change in %d min", k);
        int until = k == -1 ? SCHEDULE_WEEK_MINUTES : k;
        for (int j = 1; j < until; j++) {
            FUZZ_CHECK(schedule_is_open(&c->schedule, (m + j) % SCHEDULE_WEEK_MINUTES) == open,
                       "minute %d changes before the %d minutes said from %d", m + j, k, m);
        }
        FUZZ_CHECK(k == -1 ||
                       schedule_is_open(&c->schedule, (m + k) % SCHEDULE_WEEK_MINUTES) != open,
                   "nothing changes %d minutes after minute %d", k, m);
    }
    const struct words *w = &c->words;
    const char *const words[] = {
        w->welcome_title,  w->welcome_text,
        w->welcome_prompt, w->cover_title,
        w->cover_text,     w->countdown_title,
        w->countdown_text, w->countdown_button,
        w->back,           w->next,
        w->home,           w->help,
        w->quick_exit,     w->done,
        w->progress,
    };
    for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
        FUZZ_CHECK(valid_text(words[i]), "word %zu is not set or not UTF-8", i);
    }
    for (int i = 0; i < c->n_pictures; i++) {
        FUZZ_CHECK(c->pictures[i].path && c->pictures[i].path[0], "picture %d has no path", i);
    }
    FUZZ_CHECK(c->n_topics >= 1 && c->topics, "%d topics", c->n_topics);
    int next_first = c->menu + 1;
    for (int t = 0; t < c->n_topics; t++) {
        const struct topic *tp = &c->topics[t];
        FUZZ_CHECK(valid_text(tp->title) && !is_blank(tp->title), "topic %d title", t);
        FUZZ_CHECK(picture_ok(c, tp->picture), "topic %d picture %d", t, tp->picture);
        FUZZ_CHECK(tp->n_pages >= 1 && tp->first_page == next_first &&
                       tp->first_page + tp->n_pages <= c->n_pages,
                   "topic %d is pages %d+%d of %d (expected to start at %d)", t, tp->first_page,
                   tp->n_pages, c->n_pages, next_first);
        next_first = tp->first_page + tp->n_pages;
    }
    const char **ids = malloc((size_t)c->n_pages * sizeof(*ids));
    for (int i = 0; i < c->n_pages; i++) {
        const struct page *p = &c->pages[i];
        FUZZ_CHECK(p->id && (i == c->menu || valid_id(p->id)), "page %d id \"%s\"", i, p->id);
        ids[i] = p->id;
        FUZZ_CHECK(valid_text(p->title) && !is_blank(p->title), "page %d title", i);
        FUZZ_CHECK(valid_text(p->text), "page %d text", i);
        FUZZ_CHECK(picture_ok(c, p->picture), "page %d picture %d", i, p->picture);
        FUZZ_CHECK(p->next == CONTENT_NONE || page_ok(c, p->next), "page %d next %d", i, p->next);
        if (p->topic == CONTENT_NONE) {
            FUZZ_CHECK(i == c->menu || i >= next_first, "page %d outside the topics", i);
        } else {
            FUZZ_CHECK(p->topic >= 0 && p->topic < c->n_topics, "page %d topic %d", i, p->topic);
            const struct topic *tp = &c->topics[p->topic];
            FUZZ_CHECK(i >= tp->first_page && i < tp->first_page + tp->n_pages &&
                           p->index_in_topic == i - tp->first_page,
                       "page %d is number %d of topic %d (pages %d+%d)", i, p->index_in_topic,
                       p->topic, tp->first_page, tp->n_pages);
        }
        FUZZ_CHECK(p->n_choices >= 0 && (p->n_choices == 0 || p->choices), "page %d choices", i);
        for (int k = 0; k < p->n_choices; k++) {
            const struct choice *ch = &p->choices[k];
            FUZZ_CHECK(valid_text(ch->label) && !is_blank(ch->label), "page %d choice %d label", i,
                       k);
            FUZZ_CHECK(page_ok(c, ch->target), "page %d choice %d goes to %d", i, k, ch->target);
            FUZZ_CHECK(picture_ok(c, ch->picture), "page %d choice %d picture %d", i, k,
                       ch->picture);
        }
        FUZZ_CHECK(content_find_page(c, p->id) == i, "id \"%s\" finds page %d, not %d", p->id,
                   content_find_page(c, p->id), i);
    }
    qsort(ids, (size_t)c->n_pages, sizeof(*ids), by_string);
    for (int i = 1; i < c->n_pages; i++) {
        FUZZ_CHECK(strcmp(ids[i - 1], ids[i]) != 0, "two pages have the id \"%s\"", ids[i]);
    }
    free(ids);
}

/* A content that loads must also lay out: its first pages, the fixed screens, the overlay. */
static void lay_out(const struct content *c)
{
    const int w = 800, h = 480;
    struct fake_metrics fm;
    struct text_metrics m = fake_metrics_init(&fm, FAKE_PER_CHAR, w, h, c->theme.text_size);
    fake_picture_w = 400;
    fake_picture_h = 300;
    struct layout l;
    layout_init(&l);
    struct session s;
    session_init(&s, c, w, h);
    for (int i = 0; i < c->n_pages && i < LAYOUT_PAGES; i++) {
        session_preview(&s, SCREEN_PAGE, i, i == 0);
        layout_build(&l, c, &s, &m, w, h);
        fuzz_check_layout(&l, c, &m, w, h, true, false);
    }
    const enum session_screen fixed[] = {SCREEN_WELCOME, SCREEN_COVER};
    for (size_t i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++) {
        session_preview(&s, fixed[i], 0, false);
        layout_build(&l, c, &s, &m, w, h);
        fuzz_check_layout(&l, c, &m, w, h, true, false);
    }
    layout_finish(&l);
}

/* The same file checked against its own translation ledger names nothing out of date, and a
 * ledger of any bytes (the input itself) is read without harm. */
static void check_ledger(const struct content *c, const uint8_t *data, size_t size)
{
    struct config_history own = {.ledger = c->ledger, .ledger_size = strlen(c->ledger)};
    struct config_history raw = {.ledger = (const char *)data, .ledger_size = size};
    const struct config_history *both[] = {&own, &raw};
    for (int k = 0; k < 2; k++) {
        struct diag_list d;
        diag_init(&d, FUZZ_PATH);
        struct content *again =
            config_load_buffer_since(FUZZ_PATH, (const char *)data, size, FUZZ_ASSETS, both[k], &d);
        FUZZ_CHECK(again != NULL, "a good file failed when checked against a ledger");
        for (int i = 0; k == 0 && again && i < again->n_languages; i++) {
            FUZZ_CHECK(again->languages[i].stale == 0,
                       "a file checked against its own ledger has %d texts out of date",
                       again->languages[i].stale);
        }
        content_destroy(again);
        diag_finish(&d);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct diag_list diags;
    diag_init(&diags, FUZZ_PATH);
    struct content *c =
        config_load_buffer(FUZZ_PATH, (const char *)data, size, FUZZ_ASSETS, &diags);
    check_diags(&diags, (const char *)data, size);
    if (c) {
        FUZZ_CHECK(diags.errors == 0, "a content came back with %zu errors", diags.errors);
        check_content(c);
        lay_out(c);
        check_ledger(c, data, size);
    } else {
        FUZZ_CHECK(diags.errors > 0, "no content, and no error says why");
    }
    content_destroy(c);
    diag_finish(&diags);
    return 0;
}
