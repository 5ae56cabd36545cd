/* A small content built in code, so session tests do not depend on the config reader:
 *   menu -> topic "A" (a1 a2 a3), topic "B" (b1 b2), a question page q with choices -> a2, b1,
 *   and a help page. */
#ifndef KIOSK_TESTS_FIXTURE_H
#define KIOSK_TESTS_FIXTURE_H

#include "content.h"
#include "xalloc.h"

enum { FX_MENU, FX_A1, FX_A2, FX_A3, FX_B1, FX_B2, FX_Q, FX_HELP, FX_PAGES };

static inline struct content *fixture_content(void)
{
    static const char *const ids[FX_PAGES] = {"menu", "a1", "a2", "a3", "b1", "b2", "q", "help"};
    struct content *c = xcalloc(1, sizeof(*c));
    c->n_pages = FX_PAGES;
    c->pages = xcalloc(FX_PAGES, sizeof(*c->pages));
    for (int i = 0; i < FX_PAGES; i++) {
        struct page *p = &c->pages[i];
        p->id = xstrdup(ids[i]);
        p->title = xstrdup(ids[i]);
        p->text = xstrdup("Some words.");
        p->picture = CONTENT_NONE;
        p->topic = CONTENT_NONE;
        p->next = CONTENT_NONE;
    }
    c->n_topics = 2;
    c->topics = xcalloc(2, sizeof(*c->topics));
    c->topics[0] = (struct topic){
        .title = xstrdup("A"), .picture = CONTENT_NONE, .first_page = FX_A1, .n_pages = 3};
    c->topics[1] = (struct topic){
        .title = xstrdup("B"), .picture = CONTENT_NONE, .first_page = FX_B1, .n_pages = 2};
    for (int i = 0; i < 3; i++) {
        c->pages[FX_A1 + i].topic = 0;
        c->pages[FX_A1 + i].index_in_topic = i;
    }
    for (int i = 0; i < 2; i++) {
        c->pages[FX_B1 + i].topic = 1;
        c->pages[FX_B1 + i].index_in_topic = i;
    }
    c->pages[FX_A1].next = FX_A2;
    c->pages[FX_A2].next = FX_A3;
    c->pages[FX_B1].next = FX_B2;
    struct page *menu = &c->pages[FX_MENU];
    menu->n_choices = 3;
    menu->choices = xcalloc(3, sizeof(*menu->choices));
    menu->choices[0] = (struct choice){xstrdup("A"), xstrdup("a1"), FX_A1, CONTENT_NONE, 0};
    menu->choices[1] = (struct choice){xstrdup("B"), xstrdup("b1"), FX_B1, CONTENT_NONE, 0};
    menu->choices[2] = (struct choice){xstrdup("Q"), xstrdup("q"), FX_Q, CONTENT_NONE, 0};
    struct page *q = &c->pages[FX_Q];
    q->n_choices = 2;
    q->choices = xcalloc(2, sizeof(*q->choices));
    q->choices[0] = (struct choice){xstrdup("Yes"), xstrdup("a2"), FX_A2, CONTENT_NONE, 0};
    q->choices[1] = (struct choice){xstrdup("No"), xstrdup("b1"), FX_B1, CONTENT_NONE, 0};
    c->menu = FX_MENU;
    c->help_page = FX_HELP;
    c->welcome_picture = CONTENT_NONE;
    c->settings.idle_timeout = 60;
    c->settings.reset_countdown = 10;
    c->theme.text_size = 100;
    struct words *w = &c->words;
    char **fields[] = {&w->welcome_title,  &w->welcome_text,
                       &w->welcome_prompt, &w->cover_title,
                       &w->cover_text,     &w->countdown_title,
                       &w->countdown_text, &w->countdown_button,
                       &w->back,           &w->next,
                       &w->home,           &w->help,
                       &w->quick_exit,     &w->done,
                       &w->progress};
    for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
        *fields[i] = xstrdup("Words");
    }
    c->theme.animations = true;
    c->n_languages = 1;
    c->languages = xcalloc(1, sizeof(*c->languages));
    language_init_from(&c->languages[0], c, "en", "English", false);
    return c;
}

#endif
