#include "config_safety.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config_words.h"
#include "strbuf.h"
#include "xalloc.h"

/* How many missing texts the message names one by one before "and N more". */
#define NAMED_MAX 6

static void add(const struct content *c, bool *on, int *queue, int *n, int p)
{
    if (p < 0 || p >= c->n_pages || on[p] || p == c->menu) {
        return;
    }
    on[p] = true;
    queue[(*n)++] = p;
}

void config_safety_pages(const struct config_reader *r, bool *on_path)
{
    const struct content *c = r->content;
    memset(on_path, 0, (size_t)c->n_pages * sizeof(*on_path));
    int *queue = xcalloc((size_t)c->n_pages + 1, sizeof(*queue));
    int n = 0;
    add(c, on_path, queue, &n, c->help_page);
    for (int t = 0; t < c->n_topics; t++) {
        if (c->topics[t].safety) {
            add(c, on_path, queue, &n, c->topics[t].first_page);
        }
    }
    const struct page *menu = &c->pages[c->menu];
    for (int i = r->aux[c->menu].choice_offset; i < menu->n_choices; i++) {
        add(c, on_path, queue, &n, menu->choices[i].target);
    }
    for (int k = 0; k < n; k++) {
        const struct page *p = &c->pages[queue[k]];
        for (int i = 0; i < p->n_choices; i++) {
            add(c, on_path, queue, &n, p->choices[i].target);
        }
        add(c, on_path, queue, &n, p->next);
        if (p->topic >= 0 && p->topic < c->n_topics) {
            const struct topic *t = &c->topics[p->topic];
            for (int q = t->first_page; q < t->first_page + t->n_pages; q++) {
                add(c, on_path, queue, &n, q);
            }
        }
    }
    free(queue);
}

struct missing {
    int count;
    struct strbuf named;
};

/* One missing text: a word (`page` NULL) or a field of a page. */
static void note(struct missing *m, int line, const char *page, const char *field)
{
    if (m->count++ >= NAMED_MAX) {
        return;
    }
    strbuf_addf(&m->named, "%s", m->named.len ? ", " : "");
    if (page) {
        strbuf_addf(&m->named, "page \"%s\".%s", page, field);
    } else {
        strbuf_addf(&m->named, "words.%s", field);
    }
    if (line > 0) {
        strbuf_addf(&m->named, " (line %d)", line);
    }
}

bool config_safety_complete(struct config_reader *r, const struct language *l,
                            const struct language *first, const bool *on_path, const char *where)
{
    const struct content *c = r->content;
    struct missing m = {0};
    struct words mine = l->words, theirs = first->words;
    struct word_lines lines = c->word_lines;
    for (size_t i = 0; i < CONFIG_N_WORDS; i++) {
        if (*config_word(&mine, i) == *config_word(&theirs, i)) {
            note(&m, *config_word_line(&lines, i), NULL, config_word_names[i]);
        }
    }
    for (int p = 0; p < c->n_pages; p++) {
        if (!on_path[p]) {
            continue;
        }
        const struct page *page = &c->pages[p];
        if (l->pages[p].title == first->pages[p].title) {
            note(&m, page->title_line, page->id, "title");
        }
        if (page->text[0] && l->pages[p].text == first->pages[p].text) {
            note(&m, page->text_line, page->id, "text");
        }
        for (int i = 0; i < page->n_choices; i++) {
            if (l->pages[p].choices[i] == first->pages[p].choices[i]) {
                char which[32];
                snprintf(which, sizeof(which), "choices[%d]", i + 1);
                note(&m, page->choices[i].line, page->id, which);
            }
        }
    }
    if (m.count) {
        diag_add(r->diags, DIAG_WARNING, l->line, where,
                 "not offered on the welcome screen: a visitor who chose it would meet help, "
                 "the self-check or the fixed screens in %s, because %d text%s of them %s not "
                 "translated: %s%s; translate %s here and it is offered again",
                 first->name, m.count, m.count == 1 ? "" : "s", m.count == 1 ? "is" : "are",
                 strbuf_str(&m.named), m.count > NAMED_MAX ? " and more" : "",
                 m.count == 1 ? "it" : "them");
    }
    strbuf_finish(&m.named);
    return m.count == 0;
}
