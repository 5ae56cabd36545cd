/* Tests for the config reader and config_locate.
 *
 * Run from tests/ (or pass that folder as the first argument). `test_config --print FILE`
 * prints the messages for FILE exactly as a NAME.expected file holds them: use it to write a
 * new bad case, then read every line before committing it.
 *
 * For tests/CMakeLists.txt:
 *
 *   add_executable(test_config test_config.c)
 *   target_link_libraries(test_config PRIVATE kiosk_core)
 *   add_test(NAME test_config COMMAND test_config
 *            WORKING_DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR})
 *   set_tests_properties(test_config PROPERTIES TIMEOUT 60)
 */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "config_locate.h"
#include "config_reader.h"
#include "util.h"

/* Pictures a config does not have beside it are looked for here, as in the assets folder. */
#define ASSETS "data"

#if defined(__SANITIZE_ADDRESS__)
#define SLOW_BUILD 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SLOW_BUILD 1
#endif
#endif
#ifndef SLOW_BUILD
#define SLOW_BUILD 0
#endif

static char *read_file(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        return NULL;
    }
    size_t cap = 4096, n = 0;
    char *data = malloc(cap + 1);
    size_t got;
    while ((got = fread(data + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            cap *= 2;
            data = realloc(data, cap + 1);
        }
    }
    fclose(f);
    data[n] = '\0';
    if (size) {
        *size = n;
    }
    return data;
}

static bool write_file(const char *path, const char *data, size_t size)
{
    FILE *f = fopen(path, "wb");
    if (!f) {
        return false;
    }
    bool ok = fwrite(data, 1, size, f) == size;
    return fclose(f) == 0 && ok;
}

/* Every message of the list as the kiosk prints it, one per line. */
static char *format_all(const struct diag_list *list)
{
    struct strbuf out;
    strbuf_init(&out);
    strbuf_add(&out, "", 0);
    for (size_t i = 0; i < list->count; i++) {
        diag_format(list, &list->items[i], &out);
        strbuf_add(&out, "\n", 1);
    }
    return strbuf_take(&out);
}

static struct content *load(const char *path, struct diag_list *diags)
{
    diag_init(diags, path);
    return config_load(path, ASSETS, diags);
}

static struct content *load_text(const char *path, const char *text, struct diag_list *diags)
{
    diag_init(diags, path);
    return config_load_buffer(path, text, strlen(text), ASSETS, diags);
}

/* Fails with every message shown, so a broken good file explains itself. */
static void check_no_messages(const char *what, const struct diag_list *diags)
{
    CHECK_INT(diags->count, 0);
    if (diags->count) {
        char *all = format_all(diags);
        fprintf(stderr, "unexpected messages for %s:\n%s", what, all);
        free(all);
    }
}

static bool has_cr(const char *s)
{
    return s && strchr(s, '\r') != NULL;
}

/* ---- good files ---------------------------------------------------------------------------- */

static void test_minimal_defaults(void)
{
    struct diag_list d;
    struct content *c = load("config/good/minimal.cfg", &d);
    CHECK(c != NULL);
    check_no_messages("minimal.cfg", &d);
    if (c) {
        CHECK_STR(c->path, "config/good/minimal.cfg");
        CHECK_INT(c->display.rotation, 0);
        CHECK(!c->display.touch_swap_xy && !c->display.touch_invert_x);
        CHECK(!c->schedule.enabled);
        CHECK(schedule_is_open(&c->schedule, 0));
        CHECK(c->staff_pin == NULL); /* no PIN: staff mode is off */
        CHECK_INT(c->settings.idle_timeout, 90);
        CHECK_INT(c->settings.reset_countdown, 20);
        CHECK_INT(c->theme.text_size, 100);
        CHECK(c->theme.font == NULL);
        CHECK(c->theme.font_bold == NULL);
        const struct color bg = c->theme.colors[COLOR_BACKGROUND];
        CHECK(bg.r == 0xF7 && bg.g == 0xF4 && bg.b == 0xEF);
        const struct color qx = c->theme.colors[COLOR_QUICK_EXIT];
        CHECK(qx.r == 0x5B && qx.g == 0x23 && qx.b == 0x33);
        const struct color bar = c->theme.colors[COLOR_BAR];
        CHECK(bar.r == 0xEA && bar.g == 0xE4 && bar.b == 0xDA);
        CHECK_STR(c->words.welcome_title, "Hello");
        CHECK_STR(c->words.welcome_text,
                  "Take a moment for yourself. Nothing you tap here is saved.");
        CHECK_STR(c->words.welcome_prompt, "Tap anywhere to begin");
        CHECK_STR(c->words.cover_title, "Welcome");
        CHECK_STR(c->words.cover_text, "Please take a seat. Someone will be with you soon.");
        CHECK_STR(c->words.countdown_title, "Still there?");
        CHECK_STR(c->words.countdown_text, "Starting again in {seconds} seconds.");
        CHECK_STR(c->words.countdown_button, "Continue");
        CHECK_STR(c->words.back, "Back");
        CHECK_STR(c->words.next, "Next");
        CHECK_STR(c->words.home, "Topics");
        CHECK_STR(c->words.help, "Get help");
        CHECK_STR(c->words.quick_exit, "Quick exit");
        CHECK_STR(c->words.done, "More topics");
        CHECK_STR(c->words.progress, "{page} of {pages}");
        CHECK_INT(c->n_pages, 2);
        CHECK_INT(c->n_topics, 1);
        CHECK_INT(c->n_pictures, 0);
        CHECK_INT(c->menu, 0);
        CHECK_INT(c->help_page, CONTENT_NONE);
        CHECK_INT(c->welcome_picture, CONTENT_NONE);
        const struct page *menu = &c->pages[0];
        CHECK_STR(menu->id, "menu");
        CHECK_STR(menu->title, "What would you like to read about?");
        CHECK_STR(menu->text, "");
        CHECK_INT(menu->topic, CONTENT_NONE);
        CHECK_INT(menu->next, CONTENT_NONE);
        CHECK_INT(menu->n_choices, 1);
        CHECK_STR(menu->choices[0].label, "Only topic");
        CHECK_STR(menu->choices[0].target_id, "only");
        CHECK_INT(menu->choices[0].target, 1);
        CHECK_INT(menu->choices[0].picture, CONTENT_NONE);
        const struct page *p = &c->pages[1];
        CHECK_STR(p->id, "only");
        CHECK_STR(p->title, "The only page");
        CHECK_STR(p->text, "");
        CHECK_INT(p->picture, CONTENT_NONE);
        CHECK_INT(p->n_choices, 0);
        CHECK_INT(p->topic, 0);
        CHECK_INT(p->index_in_topic, 0);
        CHECK_INT(p->next, CONTENT_NONE);
        CHECK_INT(p->line, 4);
        CHECK_INT(c->topics[0].first_page, 1);
        CHECK_INT(c->topics[0].n_pages, 1);
        CHECK_STR(c->topics[0].title, "Only topic");
        CHECK_INT(c->topics[0].picture, CONTENT_NONE);
    }
    content_destroy(c);
    diag_finish(&d);
}

static void test_full(void)
{
    struct diag_list d;
    struct content *c = load("config/good/full.cfg", &d);
    CHECK(c != NULL);
    check_no_messages("full.cfg", &d);
    if (c) {
        CHECK_INT(c->settings.idle_timeout, 120);
        CHECK_INT(c->settings.reset_countdown, 0x1E);
        CHECK_INT(c->theme.text_size, 150);
        CHECK_STR(c->theme.font, "config/good/stub-font.ttf");
        CHECK_STR(c->theme.font_bold, "config/good/stub-font.ttf");
        for (int i = 0; i < COLOR_COUNT; i++) {
            /* Every colour is set, each one step from its default so a mix-up shows. */
            CHECK(c->theme.colors[i].b == i);
        }
        CHECK_STR(c->words.welcome_title, "Hi there");
        CHECK_STR(c->words.welcome_text, "Welcome text");
        CHECK_STR(c->words.welcome_prompt, "Touch to start");
        CHECK_STR(c->words.cover_title, "Reception");
        CHECK_STR(c->words.cover_text, "Cover text");
        CHECK_STR(c->words.countdown_title, "Are you still here?");
        CHECK_STR(c->words.countdown_text, "Back to the start in {seconds} s");
        CHECK_STR(c->words.countdown_button, "Stay");
        CHECK_STR(c->words.back, "Previous");
        CHECK_STR(c->words.next, "Forward");
        CHECK_STR(c->words.home, "Menu");
        CHECK_STR(c->words.help, "Help");
        CHECK_STR(c->words.quick_exit, "Leave");
        CHECK_STR(c->words.done, "Finished");
        CHECK_STR(c->words.progress, "Page {page} of {pages}");
        /* heart.svg twice (beside nothing, so from the assets folder) and leaf.png beside the
         * config: each file once. */
        CHECK_INT(c->n_pictures, 2);
        if (c->n_pictures == 2) {
            CHECK_STR(c->pictures[0].path, "data/heart.svg");
            CHECK_STR(c->pictures[1].path, "config/good/leaf.png");
        }
        CHECK_INT(c->welcome_picture, 0);
        CHECK_INT(c->topics[0].picture, 0);
        CHECK_INT(c->topics[1].picture, 1);
        const struct page *menu = &c->pages[c->menu];
        CHECK_STR(menu->title, "Pick a topic");
        CHECK_STR(menu->text, "Menu text");
        CHECK_INT(menu->n_choices, 3);
        CHECK_STR(menu->choices[1].label, "Second topic");
        CHECK_INT(menu->choices[1].picture, 1);
        CHECK_INT(menu->choices[1].target, 3);
        CHECK_STR(menu->choices[2].label, "Help please");
        CHECK_INT(menu->choices[2].picture, 1);
        CHECK_INT(menu->choices[2].target, c->help_page);
        CHECK_INT(c->help_page, 4);
        const struct page *p = &c->pages[1];
        CHECK_STR(p->id, "first");
        CHECK_STR(p->title, "First page");
        CHECK_STR(p->text, "One line.\nTwo lines.\n\n- a bullet\n- *bold* bullet");
        CHECK_INT(p->picture, 0);
        CHECK_INT(p->n_choices, 2);
        CHECK_STR(p->choices[0].label, "Go to help");
        CHECK_STR(p->choices[0].target_id, "help");
        CHECK_INT(p->choices[0].target, 4);
        CHECK_INT(p->choices[0].picture, 0);
        CHECK_INT(p->choices[1].target, 0);
        CHECK_INT(p->choices[1].picture, CONTENT_NONE);
        CHECK_INT(p->next, 2);
        CHECK_STR(c->pages[4].text, "Adjacent strings join into one.");
        CHECK_INT(c->display.rotation, 270);
        CHECK(c->display.touch_swap_xy);
        CHECK(c->display.touch_invert_x);
        CHECK(!c->display.touch_invert_y);
        CHECK_STR(c->staff_pin, "4719");
        CHECK(c->schedule.enabled);
        /* Monday 08:29 closed, 08:30 open, 17:29 open, 17:30 closed; Saturday morning open;
         * Sunday open until midnight. */
        CHECK(!schedule_is_open(&c->schedule, schedule_minute_of_week(1, 8, 29)));
        CHECK(schedule_is_open(&c->schedule, schedule_minute_of_week(1, 8, 30)));
        CHECK(schedule_is_open(&c->schedule, schedule_minute_of_week(5, 17, 29)));
        CHECK(!schedule_is_open(&c->schedule, schedule_minute_of_week(5, 17, 30)));
        CHECK(schedule_is_open(&c->schedule, schedule_minute_of_week(6, 9, 0)));
        CHECK(!schedule_is_open(&c->schedule, schedule_minute_of_week(6, 12, 0)));
        CHECK(schedule_is_open(&c->schedule, schedule_minute_of_week(0, 23, 59)));
        CHECK(!schedule_is_open(&c->schedule, schedule_minute_of_week(0, 9, 59)));
    }
    content_destroy(c);
    diag_finish(&d);
}

static void test_links(void)
{
    struct diag_list d;
    struct content *c = load("config/good/links.cfg", &d);
    CHECK(c != NULL);
    check_no_messages("links.cfg", &d);
    if (c) {
        /* Page order: menu, topic A (a1 a2 a3), topic B (b1 b2), loose (q, end). */
        static const char *const ids[] = {"menu", "a1", "a2", "a3", "b1", "b2", "q", "end"};
        static const int topics[] = {CONTENT_NONE, 0, 0, 0, 1, 1, CONTENT_NONE, CONTENT_NONE};
        static const int indices[] = {0, 0, 1, 2, 0, 1, 0, 0};
        static const int nexts[] = {CONTENT_NONE, 2, 6, CONTENT_NONE, 5, 7, CONTENT_NONE, 0};
        CHECK_INT(c->n_pages, 8);
        for (int i = 0; i < 8 && i < c->n_pages; i++) {
            CHECK_STR(c->pages[i].id, ids[i]);
            CHECK_INT(c->pages[i].topic, topics[i]);
            CHECK_INT(c->pages[i].index_in_topic, indices[i]);
            CHECK_INT(c->pages[i].next, nexts[i]);
            CHECK_INT(content_find_page(c, ids[i]), i);
        }
        CHECK_INT(c->n_topics, 2);
        CHECK_INT(c->topics[0].first_page, 1);
        CHECK_INT(c->topics[0].n_pages, 3);
        CHECK_INT(c->topics[1].first_page, 4);
        CHECK_INT(c->topics[1].n_pages, 2);
        CHECK_INT(c->pages[0].n_choices, 3);
        CHECK_INT(c->pages[0].choices[0].target, 1);
        CHECK_INT(c->pages[0].choices[1].target, 4);
        CHECK_INT(c->pages[0].choices[2].target, 6);
        CHECK_INT(c->pages[6].n_choices, 2);
        CHECK_INT(c->pages[6].choices[0].target, 7);
        CHECK_INT(c->pages[6].choices[1].target, 0);
        CHECK_INT(c->pages[6].choices[1].line, 27);
        CHECK_INT(c->help_page, CONTENT_NONE);
    }
    content_destroy(c);
    diag_finish(&d);
}

static void test_crlf_bom(void)
{
    size_t size;
    char *raw = read_file("config/good/crlf_bom.cfg", &size);
    /* Guard against a checkout that rewrote line endings: the case would prove nothing. */
    CHECK(raw && size > 3 && memcmp(raw, "\xEF\xBB\xBF", 3) == 0 && strstr(raw, "\r\n"));
    free(raw);
    struct diag_list d;
    struct content *c = load("config/good/crlf_bom.cfg", &d);
    CHECK(c != NULL);
    check_no_messages("crlf_bom.cfg", &d);
    if (c) {
        CHECK_INT(c->settings.idle_timeout, 60);
        CHECK_INT(c->n_pages, 3);
        for (int i = 0; i < c->n_pages; i++) {
            CHECK(!has_cr(c->pages[i].id) && !has_cr(c->pages[i].title));
            CHECK(!has_cr(c->pages[i].text));
        }
        CHECK(!has_cr(c->words.welcome_text));
        CHECK_STR(c->pages[1].title, "Über uns – Grüße");
        CHECK_STR(c->pages[1].text, "Line one\nline two, written over two lines of the file.");
        CHECK_INT(c->pages[1].line, 8);
        CHECK_INT(c->pages[2].line, 14);
        CHECK_STR(c->words.welcome_text, "Multi\nline");
    }
    content_destroy(c);
    diag_finish(&d);
}

/* libconfig 1.5 rejects a comment on a last line with no line break; the reader adds one. */
static void test_comment_last_line(void)
{
    struct diag_list d;
    struct content *c = load("config/good/comment_last_line.cfg", &d);
    CHECK(c != NULL);
    check_no_messages("comment_last_line.cfg", &d);
    content_destroy(c);
    diag_finish(&d);
}

static void test_sample(void)
{
    struct diag_list d;
    struct content *c = load("data/sample.cfg", &d);
    CHECK(c != NULL);
    /* Its two translations are partial on purpose: one warning each, naming what is left. */
    CHECK_INT(d.errors, 0);
    CHECK_INT(d.warnings, 2);
    if (c) {
        CHECK_INT(c->n_topics, 2);
        CHECK_INT(c->topics[0].n_pages, 3);
        CHECK_INT(c->topics[1].n_pages, 2);
        CHECK_INT(c->n_pages, 8);
        CHECK_INT(c->n_pictures, 2);
        CHECK_STR(c->pictures[0].path, "data/heart.svg");
        CHECK_STR(c->pictures[1].path, "data/leaf.png");
        CHECK_INT(c->welcome_picture, 0);
        CHECK_INT(c->help_page, content_find_page(c, "help"));
        CHECK_INT(c->pages[0].n_choices, 3);
        CHECK_INT(c->pages[0].choices[2].target, content_find_page(c, "talk"));
        int talk = content_find_page(c, "talk");
        CHECK(talk > 0 && c->pages[talk].n_choices == 2);
        CHECK_INT(c->pages[1].picture, 0);
        CHECK(strstr(c->pages[1].text, "\n- ") != NULL);
        CHECK(strstr(c->pages[1].text, "*safe*") != NULL);
        int words = 0;
        const char *text = c->pages[3].text;
        for (const char *s = text; *s; s++) {
            words += (s == text || s[-1] == ' ' || s[-1] == '\n') && *s != ' ' && *s != '\n';
        }
        CHECK(words >= 250);
    }
    content_destroy(c);
    diag_finish(&d);
}

/* Languages: the picker's list, names in their own script, direction, and every string
 * either translated or pointing at the first language's. */
static void test_languages(void)
{
    struct diag_list d;
    struct content *c = load("data/sample.cfg", &d);
    CHECK(c != NULL);
    if (!c) {
        diag_finish(&d);
        return;
    }
    CHECK_INT(c->n_languages, 3);
    CHECK_STR(c->languages[0].code, "en");
    CHECK_STR(c->languages[1].name, "Fran\xC3\xA7"
                                    "ais");
    CHECK_STR(c->languages[2].code, "ar");
    CHECK(!c->languages[0].rtl && !c->languages[1].rtl && c->languages[2].rtl);
    CHECK_INT(content_find_language(c, "ar"), 2);
    CHECK_INT(content_find_language(c, "de"), CONTENT_NONE);
    CHECK(content_language(c, 99) == &c->languages[0]);
    const struct language *en = &c->languages[0], *fr = &c->languages[1], *ar = &c->languages[2];
    int talk = content_find_page(c, "talk"), h1 = content_find_page(c, "healthy-1");
    /* Translated where the translation says so... */
    CHECK_STR(fr->pages[talk].title, "Voulez-vous parler \xC3\xA0 quelqu'un ?");
    CHECK_STR(fr->pages[talk].choices[1], "Pas maintenant");
    CHECK_STR(fr->words.back, "Retour");
    CHECK_STR(fr->topics[0], "Des relations saines");
    /* ...the menu's topic button follows the topic's title... */
    CHECK_STR(fr->pages[c->menu].choices[0], "Des relations saines");
    /* ...and the rest is the first language's own string. */
    CHECK(fr->pages[h1].title == en->pages[h1].title);
    CHECK(fr->topics[1] == en->topics[1]);
    CHECK(ar->pages[h1].title == en->pages[h1].title);
    CHECK_STR(en->pages[talk].title, "Would you like to talk to someone?");
    CHECK_INT(fr->missing, 15);
    CHECK_INT(ar->missing, 14);
    CHECK_INT(en->missing, 0);
    content_destroy(c);
    diag_finish(&d);

    /* Without `languages`, every translation is offered in file order; without `language` the
     * pages are English. (Each has every fixed word, the safety path of this file.) */
#define ALL_BUT_NEXT                                                                               \
    "words = { welcome_title = \"w\"; welcome_text = \"w\"; welcome_prompt = \"w\"; "              \
    "cover_title = \"w\"; cover_text = \"w\"; countdown_title = \"w\"; countdown_text = "          \
    "\"{seconds}\"; countdown_button = \"w\"; back = \"w\"; home = \"w\"; help = \"w\"; "          \
    "quick_exit = \"w\"; done = \"w\"; progress = \"{page}/{pages}\"; "
    c = load_text("langs.cfg",
                  "topics = ({ title = \"T\"; pages = ({ id = \"a\"; title = \"A\"; }); });\n"
                  "translations = ( { language = \"he\"; " ALL_BUT_NEXT "next = \"n\"; }; }, "
                  "{ language = \"pt-BR\"; " ALL_BUT_NEXT "next = \"Pr\xC3\xB3ximo\"; }; }, "
                  "{ language = \"xx\"; name = \"Xish\"; direction = \"rtl\"; " ALL_BUT_NEXT
                  "next = \"n\"; }; } );\n",
                  &d);
#undef ALL_BUT_NEXT
    CHECK(c != NULL);
    CHECK_INT(d.errors, 0);
    if (c) {
        CHECK_INT(c->n_languages, 4);
        CHECK_STR(c->languages[0].code, "en");
        CHECK_STR(c->languages[1].code, "he");
        CHECK(c->languages[1].rtl);
        CHECK_STR(c->languages[2].name, "Portugu\xC3\xAAs");
        CHECK_STR(c->languages[2].words.next, "Pr\xC3\xB3ximo");
        CHECK_STR(c->languages[3].name, "Xish");
        CHECK(c->languages[3].rtl);
    }
    content_destroy(c);
    diag_finish(&d);

    /* A translation that lacks some of the safety path (the help page's text, a self-check
     * answer) is not offered; one that lacks only a teaching page is. */
    c = load("config/bad/language_unsafe.cfg", &d);
    CHECK(c != NULL);
    if (c) {
        CHECK_INT(c->n_languages, 2);
        CHECK_STR(c->languages[1].code, "fr");
        CHECK_INT(content_find_language(c, "es"), CONTENT_NONE);
    }
    content_destroy(c);
    diag_finish(&d);

    /* The shipped config: French and Spanish complete, Arabic has the screens' words. */
    c = load("../config/kiosk.cfg", &d);
    CHECK(c != NULL);
    CHECK_INT(d.errors, 0);
    if (c) {
        CHECK_INT(c->n_languages, 4);
        CHECK_INT(c->languages[1].missing, 0);
        CHECK_INT(c->languages[2].missing, 0);
        CHECK(c->languages[3].rtl &&
              c->languages[3].words.quick_exit != c->languages[0].words.quick_exit);
        for (int i = 0; i < c->n_topics; i++) {
            CHECK(c->topics[i].id != NULL);
            CHECK(c->languages[3].topics[i] != c->languages[0].topics[i]);
        }
    }
    content_destroy(c);
    diag_finish(&d);
}

/* The line each page's and each word's text is written on, in the first language and in each
 * translation: a translated string carries its own line in the translations block, and one a
 * translation leaves out keeps the line of the first language's, which is what shows. */
/* Every fixed word but welcome_title, for a translation to be offered (config_safety.h). */
#define WORDS_BUT_WELCOME                                                                          \
    "welcome_text = \"w\"; welcome_prompt = \"w\"; cover_title = \"w\"; cover_text = \"w\"; "      \
    "countdown_title = \"w\"; countdown_text = \"{seconds}\"; countdown_button = \"w\"; back = "   \
    "\"w\"; next = \"w\"; home = \"w\"; help = \"w\"; quick_exit = \"w\"; done = \"w\"; progress " \
    "= "                                                                                           \
    "\"{page}/{pages}\"; "

static void test_text_lines(void)
{
    struct diag_list d;
    struct content *c =
        load_text("lines.cfg",
                  "words = { welcome_title = \"Hi\";\n"                      /* 1 */
                  "  cover_text = \"Sit down\"; };\n"                        /* 2 */
                  "menu = { title = \"Pick\"; };\n"                          /* 3 */
                  "topics = ({ title = \"T\"; pages = ({ id = \"a\";\n"      /* 4 */
                  "  title = \"A\";\n"                                       /* 5 */
                  "  text = \"Words.\"\n"                                    /* 6 */
                  "         \" More words.\"; },\n"                          /* 7 */
                  "  { id = \"b\"; title = \"B\"; }); });\n"                 /* 8 */
                  "translations = ( { language = \"fr\";\n"                  /* 9 */
                  "  words = {\n"                                            /* 10 */
                  "    welcome_title = \"Salut\"; " WORDS_BUT_WELCOME "};\n" /* 11 */
                  "  pages = ( { id = \"b\"; title = \"Le B\"; },\n"         /* 12 */
                  "    { id = \"a\";\n"                                      /* 13 */
                  "      text = \"Des mots.\";\n"                            /* 14 */
                  "      title = \"Le A\"; } ); },\n"                        /* 15 */
                  "  { language = \"de\"; words = { welcome_title = \"W\"; " WORDS_BUT_WELCOME
                  "}; pages = ( { id = \"a\";\n"          /* 16 */
                  "      title = \"Das A\"; } ); } );\n", /* 17 */
                  &d);
    CHECK(c != NULL);
    CHECK_INT(d.errors, 0);
    if (!c) {
        diag_finish(&d);
        return;
    }
    int a = content_find_page(c, "a"), b = content_find_page(c, "b");
    CHECK_INT(c->pages[a].title_line, 5);
    CHECK_INT(c->pages[a].text_line, 6);
    CHECK_INT(c->pages[b].title_line, 8);
    CHECK_INT(c->pages[b].text_line, 0);
    CHECK_INT(c->pages[c->menu].title_line, 3);
    CHECK_INT(c->word_lines.welcome_title, 1);
    CHECK_INT(c->word_lines.cover_text, 2);
    CHECK_INT(c->word_lines.back, 0); /* a built-in word */
    const struct language *en = &c->languages[0], *fr = &c->languages[1], *de = &c->languages[2];
    CHECK_INT(en->pages[a].text_line, 6);
    CHECK_INT(en->word_lines.welcome_title, 1);
    CHECK_STR(fr->pages[a].text, "Des mots.");
    CHECK_INT(fr->pages[a].text_line, 14);
    CHECK_INT(fr->pages[a].title_line, 15);
    CHECK_INT(fr->pages[b].title_line, 12);
    CHECK_INT(fr->word_lines.welcome_title, 11);
    CHECK_INT(de->pages[a].title_line, 17);
    CHECK_INT(de->pages[a].text_line, 6);
    CHECK(de->pages[a].text == en->pages[a].text);
    CHECK_INT(de->pages[c->menu].title_line, 3);
    content_destroy(c);
    diag_finish(&d);

    /* The shipped config: each translated page's text line holds that page's `text =`, inside
     * the translations block, after the first language's. */
    size_t size;
    char *file = read_file("../config/kiosk.cfg", &size);
    c = load("../config/kiosk.cfg", &d);
    CHECK(file != NULL && c != NULL);
    if (file && c) {
        int lines = 1;
        for (size_t i = 0; i < size; i++) {
            lines += file[i] == '\n';
        }
        const char **line_at = calloc((size_t)lines + 1, sizeof(*line_at));
        int n = 1;
        line_at[1] = file;
        for (size_t i = 0; i + 1 < size; i++) {
            if (file[i] == '\n') {
                line_at[++n] = file + i + 1;
            }
        }
        int checked = 0;
        for (int l = 1; l < c->n_languages; l++) {
            const struct language *lang = &c->languages[l];
            for (int p = 0; p < c->n_pages; p++) {
                const struct page_words *w = &lang->pages[p];
                if (w->text == c->languages[0].pages[p].text || !c->pages[p].text[0]) {
                    continue;
                }
                CHECK(w->text_line > c->pages[p].text_line && w->text_line >= lang->line &&
                      w->text_line <= n);
                if (w->text_line > 0 && w->text_line <= n) {
                    const char *at = line_at[w->text_line];
                    while (*at == ' ') {
                        at++;
                    }
                    CHECK(strncmp(at, "text", 4) == 0);
                    checked++;
                }
            }
        }
        CHECK(checked > 60); /* French and Spanish are complete */
        free(line_at);
    }
    free(file);
    content_destroy(c);
    diag_finish(&d);
}

/* Every text colour on the colour behind it, in the shipped look and in the high-contrast one:
 * at least 7:1 (WCAG AAA). A pressed button swaps its two colours, so it reads the same. */
static void check_contrast(const char *what, const struct theme *t)
{
    for (int i = 0; i < THEME_TEXT_PAIRS; i++) {
        enum theme_color a = theme_text_pairs[i][0], b = theme_text_pairs[i][1];
        double ratio = color_contrast(t->colors[a], t->colors[b]);
        if (ratio < 7.0) {
            check_failed++;
            fprintf(stderr, "%s: %s on %s: %.2f:1, below 7:1\n", what, theme_color_names[a],
                    theme_color_names[b], ratio);
        } else {
            check_passed++;
        }
    }
}

/* The colour a contrast warning names passes: text of every shade on backgrounds of every
 * shade, including white text on yellow, where "a lighter text" cannot be the advice. */
static void test_contrast_advice(void)
{
    static const char *const shades[] = {"#FFFFFF", "#FFDD00", "#888888", "#777777", "#3366CC",
                                         "#F7F4EF", "#000000", "#A0A0A0", "#5B2333", "#E3ECEA"};
    int checked = 0;
    for (size_t i = 0; i < ARRAY_LEN(shades); i++) {
        for (size_t k = 0; k < ARRAY_LEN(shades); k++) {
            char text[512];
            snprintf(text, sizeof(text),
                     "look = { colors = { choice_text = \"%s\"; choice = \"%s\"; }; };\n"
                     "topics = ( { title = \"A\"; pages = ( { id = \"a\"; title = \"A\"; } ); "
                     "} );\n",
                     shades[i], shades[k]);
            struct diag_list d;
            struct content *c = load_text("advice.cfg", text, &d);
            for (size_t m = 0; c && m < d.count; m++) {
                const char *msg = d.items[m].message;
                const char *eg = strstr(msg, "e.g. choice_text = \"#");
                if (!strstr(msg, "choice_text #") || !strstr(msg, " on choice #")) {
                    continue;
                }
                CHECK(eg != NULL);
                unsigned r = 0, g = 0, b = 0;
                CHECK(eg && sscanf(eg, "e.g. choice_text = \"#%2x%2x%2x", &r, &g, &b) == 3);
                struct color advised = {(unsigned char)r, (unsigned char)g, (unsigned char)b};
                CHECK(color_contrast(advised, c->theme.colors[COLOR_CHOICE]) >= 4.5);
                checked++;
            }
            content_destroy(c);
            diag_finish(&d);
        }
    }
    CHECK(checked >= 10);
}

static void test_contrast(void)
{
    /* The arithmetic itself: black on white is 21:1, a colour on itself 1:1. */
    struct color black = {0, 0, 0}, white = {255, 255, 255}, grey = {0x76, 0x76, 0x76};
    CHECK(color_contrast(black, white) > 20.99 && color_contrast(black, white) < 21.01);
    CHECK(color_contrast(grey, grey) == 1.0);
    CHECK(color_contrast(grey, white) > 4.5 && color_contrast(grey, white) < 4.6);
    struct diag_list d;
    struct content *c = load("../config/kiosk.cfg", &d);
    CHECK(c != NULL);
    if (c) {
        check_contrast("kiosk.cfg", &c->theme);
    }
    content_destroy(c);
    diag_finish(&d);
    c = load("config/good/minimal.cfg", &d); /* the built-in colours */
    if (c) {
        check_contrast("defaults", &c->theme);
    }
    content_destroy(c);
    diag_finish(&d);
    c = load_text("hc.cfg",
                  "look = { high_contrast = true; animations = false; colors = { text = "
                  "\"#777777\"; }; };\n"
                  "topics = ({ title = \"T\"; pages = ({ id = \"a\"; title = \"A\"; }); });\n",
                  &d);
    CHECK(c != NULL);
    check_no_messages("hc.cfg", &d);
    if (c) {
        CHECK(c->theme.high_contrast && !c->theme.animations);
        CHECK(c->theme.colors[COLOR_TEXT].r == 0xFF); /* its own colours win over the file's */
        check_contrast("high contrast", &c->theme);
    }
    content_destroy(c);
    diag_finish(&d);
}

/* ---- bad files: NAME.cfg beside NAME.expected ---------------------------------------------- */

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void test_bad_files(void)
{
    DIR *dir = opendir("config/bad");
    CHECK(dir != NULL);
    if (!dir) {
        return;
    }
    char *names[256];
    int n = 0;
    struct dirent *e;
    while ((e = readdir(dir)) && n < 256) {
        size_t len = strlen(e->d_name);
        if (len > 4 && strcmp(e->d_name + len - 4, ".cfg") == 0) {
            names[n++] = strndup(e->d_name, len - 4);
        }
    }
    closedir(dir);
    qsort(names, (size_t)n, sizeof(names[0]), compare_names);
    CHECK(n >= 30);
    for (int i = 0; i < n; i++) {
        char path[512], expected_path[512];
        snprintf(path, sizeof(path), "config/bad/%s.cfg", names[i]);
        snprintf(expected_path, sizeof(expected_path), "config/bad/%s.expected", names[i]);
        char *expected = read_file(expected_path, NULL);
        struct diag_list d;
        struct content *c = load(path, &d);
        char *got = format_all(&d);
        if (!expected || strcmp(got, expected) != 0) {
            check_failed++;
            fprintf(stderr, "%s: messages differ\n--- got:\n%s--- expected:\n%s---\n", path, got,
                    expected ? expected : "(no .expected file)\n");
        } else {
            check_passed++;
        }
        /* The content is kept exactly when there were only warnings. */
        CHECK((c == NULL) == (d.errors > 0));
        CHECK(d.count > 0);
        content_destroy(c);
        diag_finish(&d);
        free(got);
        free(expected);
        free(names[i]);
    }
}

/* ---- files that are not config files ------------------------------------------------------- */

static void check_single(struct content *c, struct diag_list *d, const char *expected)
{
    CHECK(c == NULL);
    CHECK_INT(d->count, 1);
    char *got = format_all(d);
    CHECK_STR(got, expected);
    free(got);
    content_destroy(c);
    diag_finish(d);
}

static void test_not_config_files(void)
{
    struct diag_list d;
    struct content *c = load("config/good", &d);
    check_single(c, &d,
                 "config/good: is a folder, not a file; name the config file itself, e.g. "
                 "config/good/kiosk.cfg\n");
    c = load("config/good/", &d);
    check_single(c, &d,
                 "config/good/: is a folder, not a file; name the config file itself, e.g. "
                 "config/good/kiosk.cfg\n");
    c = load("config/no-such-file.cfg", &d);
    check_single(c, &d,
                 "config/no-such-file.cfg: cannot be opened: No such file or directory; check "
                 "the file name and the folder it is in\n");

    char tmp[] = "/tmp/test_config.XXXXXX";
    CHECK(mkdtemp(tmp) != NULL);
    char path[256], expected[1024];

    snprintf(path, sizeof(path), "%s/binary.cfg", tmp);
    CHECK(write_file(path, "topics = ();\n\0\0\x01\x02", 17));
    c = load(path, &d);
    snprintf(expected, sizeof(expected),
             "%s: is not a text file (it contains zero bytes); choose the kiosk.cfg file "
             "written with a text editor\n",
             path);
    check_single(c, &d, expected);
    remove(path);

    /* Larger than the limit by one byte: sparse, so it costs no disk. */
    snprintf(path, sizeof(path), "%s/huge.cfg", tmp);
    FILE *f = fopen(path, "wb");
    CHECK(f && fseek(f, (long)CONFIG_MAX_BYTES, SEEK_SET) == 0 && fputc('\n', f) == '\n');
    if (f) {
        fclose(f);
    }
    c = load(path, &d);
    snprintf(expected, sizeof(expected),
             "%s: is too large: more than 8 MB, while a config file is a few hundred kilobytes "
             "at most; is this the right file?\n",
             path);
    check_single(c, &d, expected);
    remove(path);

    /* A 50 MB file (a video renamed, a disk image) is refused just the same, without reading
     * it all. Sparse: it costs no disk. */
    snprintf(path, sizeof(path), "%s/fifty.cfg", tmp);
    f = fopen(path, "wb");
    CHECK(f && fseek(f, 50L * 1024 * 1024 - 1, SEEK_SET) == 0 && fputc('\n', f) == '\n');
    if (f) {
        fclose(f);
    }
    c = load(path, &d);
    snprintf(expected, sizeof(expected),
             "%s: is too large: more than 8 MB, while a config file is a few hundred kilobytes "
             "at most; is this the right file?\n",
             path);
    check_single(c, &d, expected);
    remove(path);

    /* The same limit holds for bytes handed over directly. */
    char *big = calloc(1, (size_t)CONFIG_MAX_BYTES + 1);
    diag_init(&d, "big.cfg");
    c = config_load_buffer("big.cfg", big, (size_t)CONFIG_MAX_BYTES + 1, ASSETS, &d);
    check_single(c, &d,
                 "big.cfg: is too large: more than 8 MB, while a config file is a few hundred "
                 "kilobytes at most; is this the right file?\n");
    free(big);

    /* Exactly at the limit is allowed (here: one long comment, then too few settings). */
    big = malloc((size_t)CONFIG_MAX_BYTES);
    memset(big, ' ', CONFIG_MAX_BYTES);
    memcpy(big, "idle_timeout = 5; #", 19);
    diag_init(&d, "limit.cfg");
    c = config_load_buffer("limit.cfg", big, CONFIG_MAX_BYTES, ASSETS, &d);
    CHECK(c == NULL);
    char *got = format_all(&d);
    CHECK_STR(got, "limit.cfg: topics: is missing; the kiosk needs at least one topic, e.g. "
                   "topics = ( { title = \"Feeling safe\"; pages = ( { id = \"safe-1\"; title = "
                   "\"Feeling safe\"; } ); } );\n"
                   "limit.cfg:1: idle_timeout: 5 is too small (expected 15 to 3600 seconds)\n");
    free(got);
    diag_finish(&d);
    free(big);

    snprintf(path, sizeof(path), "%s/unreadable.cfg", tmp);
    CHECK(write_file(path, "topics = ();\n", 13));
    chmod(path, 0);
    FILE *probe = fopen(path, "rb");
    if (probe) {
        /* Running as root: every file is readable, so there is nothing to test. */
        fclose(probe);
    } else {
        c = load(path, &d);
        snprintf(expected, sizeof(expected),
                 "%s: cannot be opened: Permission denied; make sure the kiosk is allowed to "
                 "read it (e.g. chmod a+r %s)\n",
                 path, path);
        check_single(c, &d, expected);
    }
    remove(path);
    rmdir(tmp);
}

/* ---- things only code can set up ----------------------------------------------------------- */

static void test_buffer_paths(void)
{
    struct diag_list d;
    /* A path without a folder: pictures are looked for from the working directory. */
    struct content *c = load_text("inline.cfg",
                                  "welcome_picture = \"data/leaf.png\";\n"
                                  "topics = ({ title = \"T\"; pages = ({ id = \"a\"; title = "
                                  "\"A\"; }); });\n",
                                  &d);
    CHECK(c != NULL);
    check_no_messages("inline.cfg", &d);
    if (c) {
        CHECK_INT(c->n_pictures, 1);
        CHECK_STR(c->pictures[0].path, "data/leaf.png");
    }
    content_destroy(c);
    diag_finish(&d);

    /* An absolute path is used as it is. */
    char cwd[512], text[1024];
    CHECK(getcwd(cwd, sizeof(cwd)) != NULL);
    snprintf(text, sizeof(text),
             "welcome_picture = \"%s/data/heart.svg\";\n"
             "topics = ({ title = \"T\"; pages = ({ id = \"a\"; title = \"A\"; }); });\n",
             cwd);
    c = load_text("/nowhere/kiosk.cfg", text, &d);
    CHECK(c != NULL);
    check_no_messages("absolute picture", &d);
    if (c) {
        char want[600];
        snprintf(want, sizeof(want), "%s/data/heart.svg", cwd);
        CHECK_STR(c->pictures[0].path, want);
    }
    content_destroy(c);
    diag_finish(&d);

    /* A missing absolute picture names only the place it was looked for. */
    c = load_text("/nowhere/kiosk.cfg",
                  "welcome_picture = \"/nowhere/x.png\";\n"
                  "topics = ({ title = \"T\"; pages = ({ id = \"a\"; title = \"A\"; }); });\n",
                  &d);
    CHECK(c != NULL);
    char *got = format_all(&d);
    CHECK_STR(got, "/nowhere/kiosk.cfg:1: welcome_picture: warning: \"/nowhere/x.png\" was not "
                   "found (looked for /nowhere/x.png); the welcome screen is shown without it\n");
    free(got);
    content_destroy(c);
    diag_finish(&d);

    /* No assets folder: only the config's folder is searched. */
    diag_init(&d, "config/x.cfg");
    const char *t = "topics = ({ title = \"T\"; pages = ({ id = \"a\"; title = \"A\"; picture = "
                    "\"nope.png\"; }); });\n";
    c = config_load_buffer("config/x.cfg", t, strlen(t), NULL, &d);
    CHECK(c != NULL);
    got = format_all(&d);
    CHECK_STR(got, "config/x.cfg:1: page \"a\".picture: warning: \"nope.png\" was not found "
                   "(looked for config/nope.png); the page is shown without it\n");
    free(got);
    content_destroy(c);
    diag_finish(&d);

    /* One list may hold the messages of two files; each load only orders its own. */
    diag_init(&d, "two.cfg");
    t = "idle_timeout = 1;\ntopics = ();\n";
    config_load_buffer("two.cfg", t, strlen(t), ASSETS, &d);
    t = "reset_countdown = 1;\n";
    config_load_buffer("two.cfg", t, strlen(t), ASSETS, &d);
    CHECK_INT(d.count, 4);
    CHECK_INT(d.errors, 4);
    if (d.count == 4) {
        CHECK_INT(d.items[0].line, 1);
        CHECK_INT(d.items[1].line, 2);
        CHECK_INT(d.items[2].line, 0);
        CHECK_INT(d.items[3].line, 1);
    }
    diag_finish(&d);
}

/* A big generated config: 100 topics of 50 pages, then 5,000 loose pages each linked from the
 * one before, so every page is reachable and every link is looked up. */
static void test_many_pages(void)
{
    size_t cap = 4u << 20, n = 0;
    char *text = malloc(cap);
    n += (size_t)snprintf(text + n, cap - n, "help_page = \"loose-0\";\ntopics = (\n");
    for (int t = 0; t < 100; t++) {
        n += (size_t)snprintf(text + n, cap - n, "%s{ title = \"Topic %d\"; pages = (\n",
                              t ? "," : "", t);
        for (int p = 0; p < 50; p++) {
            n += (size_t)snprintf(text + n, cap - n,
                                  "%s{ id = \"t%d-p%d\"; title = \"Page %d\"; text = \"Some "
                                  "words about this page.\"; }\n",
                                  p ? "," : "", t, p, p);
        }
        n += (size_t)snprintf(text + n, cap - n, "); }\n");
    }
    n += (size_t)snprintf(text + n, cap - n, ");\npages = (\n");
    for (int p = 0; p < 5000; p++) {
        n += (size_t)snprintf(text + n, cap - n,
                              "%s{ id = \"loose-%d\"; title = \"Loose %d\"; choices = ({ label = "
                              "\"On\"; page = \"loose-%d\"; }, { label = \"Home\"; page = "
                              "\"menu\"; }); }\n",
                              p ? "," : "", p, p, (p + 1) % 5000);
    }
    n += (size_t)snprintf(text + n, cap - n, ");\n");
    CHECK(n < cap);

    struct diag_list d;
    diag_init(&d, "many.cfg");
    clock_t start = clock();
    struct content *c = config_load_buffer("many.cfg", text, n, ASSETS, &d);
    double seconds = (double)(clock() - start) / CLOCKS_PER_SEC;
    CHECK(c != NULL);
    check_no_messages("many.cfg", &d);
    if (c) {
        CHECK_INT(c->n_pages, 10001);
        CHECK_INT(c->pages[0].n_choices, 100);
        CHECK_INT(c->pages[5000].next, CONTENT_NONE);
        CHECK_INT(c->pages[4999].next, 5000);
        CHECK_INT(c->pages[10000].choices[0].target, 5001);
        CHECK_INT(c->help_page, 5001);
    }
    /* Sanitizers make everything several times slower; the limit is for real builds. */
    if (seconds >= (SLOW_BUILD ? 5.0 : 1.0)) {
        fprintf(stderr, "10,000 pages took %.2f s\n", seconds);
    }
    CHECK(seconds < (SLOW_BUILD ? 5.0 : 1.0));
    content_destroy(c);
    diag_finish(&d);
    free(text);
}

/* Messages are built to fit, never cut: a long file name is named in full, and a long circle
 * of Next links is shortened on purpose, with "...", to stay one readable line. */
static void test_long_messages(void)
{
    char name[601];
    memset(name, 'a', sizeof(name) - 1);
    name[sizeof(name) - 1] = '\0';
    char text[4096];
    snprintf(text, sizeof(text),
             "topics = ({ title = \"T\"; pages = ({ id = \"p\"; title = \"P\"; picture = "
             "\"%s.png\"; }); });\n",
             name);
    struct diag_list d;
    struct content *c = load_text("long.cfg", text, &d);
    CHECK(c != NULL);
    CHECK_INT(d.count, 1);
    if (d.count == 1) {
        const char *m = d.items[0].message;
        const char *end = "; the page is shown without it";
        CHECK(strlen(m) > 1200);
        CHECK(strlen(m) > strlen(end) && strcmp(m + strlen(m) - strlen(end), end) == 0);
    }
    content_destroy(c);
    diag_finish(&d);

    size_t n = (size_t)snprintf(text, sizeof(text), "topics = ({ title = \"T\"; pages = (\n");
    for (int i = 0; i < 8; i++) {
        n += (size_t)snprintf(text + n, sizeof(text) - n,
                              "%s{ id = \"page-%d-%054d\"; title = \"P\"; next = "
                              "\"page-%d-%054d\"; }\n",
                              i ? "," : "", i, 0, (i + 1) % 8, 0);
    }
    snprintf(text + n, sizeof(text) - n, "); });\n");
    c = load_text("circle.cfg", text, &d);
    CHECK(c != NULL);
    CHECK_INT(d.count, 1);
    if (d.count == 1) {
        const char *m = d.items[0].message;
        CHECK(strstr(m, "\" -> ... -> \"page-0-") != NULL);
        CHECK(strstr(m, "), so reading on never ends; point this next at another page") != NULL);
    }
    content_destroy(c);
    diag_finish(&d);
}

/* ---- config_locate ------------------------------------------------------------------------- */

static void test_locate(void)
{
    char tried[1024];
    char *path = config_locate("/no/such/kiosk.cfg", tried, sizeof(tried));
    CHECK(path == NULL);
    CHECK_STR(tried, "  --config /no/such/kiosk.cfg: not found\n");

    path = config_locate("data/sample.cfg", tried, sizeof(tried));
    CHECK_STR(path, "data/sample.cfg");
    CHECK_STR(tried, "");
    free(path);

    /* A path asked for on purpose is not swapped for another when it is missing. */
    setenv("KIOSK_CONFIG", "/no/such/env.cfg", 1);
    path = config_locate(NULL, tried, sizeof(tried));
    CHECK(path == NULL);
    CHECK_STR(tried, "  $KIOSK_CONFIG /no/such/env.cfg: not found\n");

    setenv("KIOSK_CONFIG", "data/sample.cfg", 1);
    path = config_locate(NULL, tried, sizeof(tried));
    CHECK_STR(path, "data/sample.cfg");
    free(path);

    /* --config wins over the environment. */
    path = config_locate("config/good/minimal.cfg", tried, sizeof(tried));
    CHECK_STR(path, "config/good/minimal.cfg");
    free(path);

    /* The default places depend on the machine: check only what they report. */
    unsetenv("KIOSK_CONFIG");
    path = config_locate(NULL, tried, sizeof(tried));
    struct stat st;
    if (stat("/etc/kiosk/kiosk.cfg", &st) == 0) {
        CHECK_STR(path, "/etc/kiosk/kiosk.cfg");
    } else {
        CHECK(strncmp(tried, "  /etc/kiosk/kiosk.cfg: not found\n", 34) == 0);
        CHECK(path == NULL || strstr(path, "/config/kiosk.cfg") != NULL);
        CHECK(path != NULL || strstr(tried, "shipped config") != NULL);
    }
    free(path);

    /* A tiny buffer is cut short, never overrun; no buffer at all is fine too. */
    char small[8];
    path = config_locate("/no/such/kiosk.cfg", small, sizeof(small));
    CHECK(path == NULL && strlen(small) < sizeof(small));
    CHECK(config_locate("/no/such/kiosk.cfg", NULL, 0) == NULL);

    const char *assets = config_assets_dir();
    size_t len = strlen(assets);
    CHECK(len > 7 && strcmp(assets + len - 7, "/assets") == 0);
}

/* `version`: any text staff choose, kept as written; one that would not fit on a line of
 * CHECK.txt or the staff screen is left out with a warning, and the pages still load. */
static void test_version(void)
{
    static const char pages[] =
        "topics = ( { title = \"A\"; pages = ( { id = \"a\"; title = \"A\"; } ); } );\n";
    struct diag_list d;
    char text[512];
    snprintf(text, sizeof(text), "version = \"2026-12-01 new hours\";\n%s", pages);
    struct content *c = load_text("v.cfg", text, &d);
    CHECK(c && c->version && strcmp(c->version, "2026-12-01 new hours") == 0);
    check_no_messages("a version", &d);
    content_destroy(c);
    diag_finish(&d);

    c = load_text("v.cfg", pages, &d);
    CHECK(c && c->version == NULL);
    content_destroy(c);
    diag_finish(&d);

    snprintf(text, sizeof(text), "version = \"%s\";\n%s",
             "a very long version name that goes on and on past sixty characters", pages);
    c = load_text("v.cfg", text, &d);
    CHECK(c && c->version == NULL);
    char *all = format_all(&d);
    CHECK_STR(all, "v.cfg:1: version: warning: is too long, so it is not used; write at most 60 "
                   "characters on one line, e.g. version = \"2026-12-01\";\n");
    free(all);
    content_destroy(c);
    diag_finish(&d);

    snprintf(text, sizeof(text), "version = 3;\n%s", pages);
    c = load_text("v.cfg", text, &d);
    CHECK(c == NULL);
    all = format_all(&d);
    CHECK(strstr(all, "v.cfg:1: version: ") && strstr(all, "double quotes"));
    free(all);
    content_destroy(c);
    diag_finish(&d);
}

static int print_messages(const char *path)
{
    struct diag_list d;
    struct content *c = load(path, &d);
    char *all = format_all(&d);
    fputs(all, stdout);
    free(all);
    content_destroy(c);
    diag_finish(&d);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc == 3 && strcmp(argv[1], "--print") == 0) {
        return print_messages(argv[2]);
    }
    if (argc > 1 && chdir(argv[1]) != 0) {
        fprintf(stderr, "test_config: cannot enter %s: %s\n", argv[1], strerror(errno));
        return 1;
    }
    test_minimal_defaults();
    test_full();
    test_links();
    test_crlf_bom();
    test_comment_last_line();
    test_sample();
    test_languages();
    test_text_lines();
    test_contrast();
    test_contrast_advice();
    test_bad_files();
    test_not_config_files();
    test_buffer_paths();
    test_many_pages();
    test_long_messages();
    test_locate();
    test_version();
    return check_summary("test_config");
}
